import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { ROOT } from '../helpers/run-action.js'

export async function cli(argv: string[], cwd: string, env: Record<string, string> = {}) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env })
  return { code, out, err }
}

/** A fresh copy of examples/quickstart (config, arrays, baseline) to run the CLI in. */
export function quickstart(): string {
  const ws = mkdtempSync(join(tmpdir(), 'interp-gate-hostile-'))
  cpSync(join(ROOT, 'examples/quickstart'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') })
  return ws
}

export function emptyWorkspace(): string {
  return mkdtempSync(join(tmpdir(), 'interp-gate-hostile-'))
}

/** No stack trace, no "internal error": the one-message rule. */
export function expectOneCleanMessage(err: string): void {
  if (/internal error|\n\s+at /.test(err)) throw new Error(`not a clean message:\n${err}`)
}
