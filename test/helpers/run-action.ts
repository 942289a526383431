import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
/** Where the e2e project's globalSetup bundles the current source (gitignored); the committed dist/ is only checked for freshness. */
export const TEST_BUNDLE = join(ROOT, 'build/bundle')
const BUNDLED_ACTION = join(TEST_BUNDLE, 'index.js')

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  /** Parsed $GITHUB_OUTPUT (name → value). */
  outputs: Record<string, string>
  summary: string
  /** Workflow commands printed on stdout (::error ...::message), parsed. */
  commands: { command: string; props: Record<string, string>; message: string }[]
}

/** Parses the key<<DELIMITER ... DELIMITER blocks @actions/core writes to $GITHUB_OUTPUT. */
function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const body: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) body.push(lines[i])
    out[m[1]] = body.join('\n')
  }
  return out
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')

function parseCommands(stdout: string): ActionRun['commands'] {
  const commands: ActionRun['commands'] = []
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line)
    if (!m) continue
    const props: Record<string, string> = {}
    for (const kv of (m[2] ?? '').trim().split(',').filter(Boolean)) {
      const at = kv.indexOf('=')
      props[kv.slice(0, at)] = unescapeProp(kv.slice(at + 1))
    }
    commands.push({ command: m[1], props, message: unescapeData(m[3]) })
  }
  return commands
}

/**
 * Runs the bundled action the way the runner does: a node process with INPUT_* variables, GITHUB_* paths and files
 * for outputs and the step summary.
 */
export async function runAction(options: { inputs: Record<string, string>; workspace: string; env?: Record<string, string> }): Promise<ActionRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'interp-gate-run-'))
  const outputFile = join(tmp, 'output')
  const summaryFile = join(tmp, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: tmp,
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/feature',
    // Node ≥ 22 caches the bundle's compiled code across the many runs of one test session.
    NODE_COMPILE_CACHE: join(ROOT, 'build/compile-cache'),
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const child = spawn(process.execPath, [BUNDLED_ACTION], { cwd: options.workspace, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const code = await new Promise<number | null>((done) => child.on('close', done))
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    commands: parseCommands(stdout)
  }
}
