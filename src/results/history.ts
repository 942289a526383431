import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { readResultsFile, ResultsError } from './io.js'
import type { Results } from './schema.js'

/** Earlier values per metric id, oldest first (by createdAt, then commit), for `gate.history: iqr`. */
export function historyFromResults(runs: readonly Results[]): Record<string, number[]> {
  const ordered = [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || String(a.commit).localeCompare(String(b.commit)))
  const history: Record<string, number[]> = {}
  for (const run of ordered) {
    for (const m of run.metrics) if (m.value !== null) (history[m.id] ??= []).push(m.value)
  }
  return history
}

/** Reads every *.json results file in a folder (e.g. downloaded from earlier runs); a file that is not one is an error. */
export function readHistoryFolder(folder: string, display: string): Record<string, number[]> {
  let names: string[]
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json')).sort()
  } catch (error) {
    throw new ResultsError(`${display}: cannot read the history folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  return historyFromResults(names.map((n) => readResultsFile(join(folder, n), join(display, n))))
}
