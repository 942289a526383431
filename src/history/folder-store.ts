import { closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, type Stats, writeSync } from 'node:fs'
import { join } from 'node:path'
import { InputError, readRegularText } from '../inputs/index.js'
import { parseResults } from '../results/io.js'
import { removeStaleTemps } from '../results/output-folder.js'
import { entryFileName, entryFromResults, type HistoryEntry, HistoryError, parseEntry, sortEntries } from './entry.js'

/** Where history entries live: a folder (CLI, any CI) or a git branch on GitHub. */
export interface HistoryStore {
  /** Every entry (of one suite, if given), oldest first. */
  list(suite?: string): Promise<HistoryEntry[]>
  /** Adds one entry; never rewrites another commit's entry. */
  add(entry: HistoryEntry): Promise<void>
}

const TEMP_PREFIX = '.tmp-'
/** `.tmp-<pid>-<random>`: a temporary entry, with its writer's pid. */
const TEMP_NAME = /^\.tmp-(\d+)-[0-9a-z]+$/

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
    const shown = join(this.display, entry.suite)
    // The store is the trust boundary: a suite folder or entry that is a symlink would send the write elsewhere.
    try {
      mkdirSync(folder, { recursive: true })
    } catch (error) {
      // EEXIST when a file or link sits there; the check below names which.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new HistoryError(`${this.display}: cannot create the history folder (${(error as NodeJS.ErrnoException).code})`)
    }
    const folderStats = lstatOrNull(folder)
    if (!folderStats?.isDirectory()) throw new HistoryError(`${shown}: ${folderStats ? notFolder(folderStats) : 'cannot be created'}`)
    removeStaleTemps(folder, TEMP_NAME)
    const targetStats = lstatOrNull(join(folder, name))
    if (targetStats && !targetStats.isFile()) throw new HistoryError(`${join(shown, name)}: ${notEntry(targetStats)}`)
    try {
      const temp = join(folder, `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2)}`)
      // O_EXCL|O_NOFOLLOW: never opens an existing file or follows a link planted at the temp name.
      const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644)
      try {
        writeSync(fd, serializeEntry(entry))
      } finally {
        closeSync(fd)
      }
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
    for (const name of this.names(this.dir, this.display)) {
      const path = join(this.dir, name)
      const shown = join(this.display, name)
      const stats = lstatOrNull(path)
      if (stats?.isSymbolicLink()) throw new HistoryError(`${shown}: ${notFolder(stats)}`)
      if (stats?.isDirectory()) {
        for (const file of this.names(path, shown)) if (file.endsWith('.json')) entries.push(this.read(join(path, file), join(shown, file)))
      } else if (name.endsWith('.json')) entries.push(this.read(path, shown))
    }
    return sortEntries(suite === undefined ? entries : entries.filter((e) => e.suite === suite))
  }

  private names(folder: string, shown: string): string[] {
    try {
      return readdirSync(folder)
        .filter((n) => !n.startsWith('.'))
        .sort()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' && folder === this.dir)
        throw new HistoryError(`${this.display}: no such history folder (create it with \`interp-gate history add\`)`)
      throw new HistoryError(`${shown}: cannot read the history folder (${code ?? (error as Error).message})`)
    }
  }

  private read(path: string, display: string): HistoryEntry {
    let text: string
    try {
      // A FIFO or device among the entries would block forever, a symlink could quote a file from anywhere in an
      // error: only regular files are read, and O_NOFOLLOW refuses a link swapped in after listing.
      text = readRegularText(path, display, undefined, true)
    } catch (error) {
      if (error instanceof InputError) throw new HistoryError(error.message)
      throw new HistoryError(`${display}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
    return isResultsText(text) ? entryFromResults(parseResults(text, display)) : parseEntry(text, display)
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path)
  } catch {
    return null
  }
}

function notFolder(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'is a symlink; a history store holds only real folders and files, never links out of it (replace it with a folder)'
  return 'is not a folder; a history store holds one folder per suite (move the file away)'
}

function notEntry(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'is a symlink; history entries are written only as regular files (remove the link)'
  return 'is not a regular file; history entries are written only as regular files (move it away)'
}

function isResultsText(text: string): boolean {
  try {
    return String((JSON.parse(text) as { schema?: unknown })?.schema).startsWith('interp-gate/results@')
  } catch {
    return false
  }
}
