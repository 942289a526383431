// Run by folder-store.test.ts in separate processes: adds the entries of argv[3..] to the store argv[2].
import { entryFromResults } from '../../src/history/entry.js'
import { FolderStore } from '../../src/history/folder-store.js'
import { parseResults } from '../../src/results/io.js'

const [store, ...files] = process.argv.slice(2)
const { readFileSync } = await import('node:fs')
for (const file of files) new FolderStore(store).addSync(entryFromResults(parseResults(readFileSync(file, 'utf8'), file)))
