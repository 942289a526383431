import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError, readRegularText } from '../inputs/index.js'
import { parseResults } from '../results/io.js'
import { entryFileName, entryFromResults, type HistoryEntry, HistoryError, parseEntry, sortEntries } from './entry.js'

/** Where history entries live: a folder (CLI, any CI) or a git branch on GitHub. */
export interface HistoryStore {
  /** Every entry (of one suite, if given), oldest first. */
  list(suite?: string): Promise<HistoryEntry[]>
  /** Adds one entry; never rewrites another commit's entry. */
  add(entry: HistoryEntry): Promise<void>
}

const TEMP_PREFIX = '.tmp-'

/** Serialized entry: one line per metric keeps diffs small and the file compact. */
export function serializeEntry(entry: HistoryEntry): string {
  const { metrics, ...head } = entry
  const lines = Object.entries(metrics).map(([id, m]) => `    ${JSON.stringify(id)}: ${JSON.stringify(m)}`)
  const top = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  return `{\n${top.join(',\n')},\n  "metrics": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`
}

/**
 * `<dir>/<suite>/<commit>.json`, each written to a temp file and renamed into place, so concurrent writers never
 * see or leave a partial file and no shared file is rewritten. Plain results.json files directly in `<dir>` (the
 * older `--history` folders of downloaded artifacts) are read as entries too.
 */
export class FolderStore implements HistoryStore {
  constructor(
    readonly dir: string,
    /** The folder as the user wrote it, for messages. */
    readonly display: string = dir
  ) {}

  async add(entry: HistoryEntry): Promise<void> {
    this.addSync(entry)
  }

  addSync(entry: HistoryEntry): string {
    const folder = join(this.dir, entry.suite)
    const name = entryFileName(entry)
    try {
      mkdirSync(folder, { recursive: true })
      const temp = join(folder, `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2)}`)
      writeFileSync(temp, serializeEntry(entry))
      try {
        renameSync(temp, join(folder, name))
      } catch (error) {
        rmSync(temp, { force: true })
        throw error
      }
    } catch (error) {
      throw new HistoryError(`${this.display}: cannot write the history entry (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
    return join(entry.suite, name)
  }

  async list(suite?: string): Promise<HistoryEntry[]> {
    return this.listSync(suite)
  }

  listSync(suite?: string): HistoryEntry[] {
    const entries: HistoryEntry[] = []
    for (const name of this.names(this.dir)) {
      const path = join(this.dir, name)
      if (isDirectory(path)) {
        for (const file of this.names(path)) if (file.endsWith('.json')) entries.push(this.read(join(path, file), join(this.display, name, file)))
      } else if (name.endsWith('.json')) entries.push(this.read(path, join(this.display, name)))
    }
    return sortEntries(suite === undefined ? entries : entries.filter((e) => e.suite === suite))
  }

  private names(folder: string): string[] {
    try {
      return readdirSync(folder)
        .filter((n) => !n.startsWith('.'))
        .sort()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' && folder === this.dir)
        throw new HistoryError(`${this.display}: no such history folder (create it with \`interp-gate history add\`)`)
      throw new HistoryError(`${this.display}: cannot read the history folder (${code ?? (error as Error).message})`)
    }
  }

  private read(path: string, display: string): HistoryEntry {
    let text: string
    try {
      // A FIFO or device among the entries would block forever: only regular files are read.
      text = readRegularText(path, display)
    } catch (error) {
      if (error instanceof InputError) throw new HistoryError(error.message)
      throw new HistoryError(`${display}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
    return isResultsText(text) ? entryFromResults(parseResults(text, display)) : parseEntry(text, display)
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function isResultsText(text: string): boolean {
  try {
    return String((JSON.parse(text) as { schema?: unknown })?.schema).startsWith('interp-gate/results@')
  } catch {
    return false
  }
}
