// `npm run demo`: interp-gate on the quickstart's artifacts, as a PR check would run it, then what the exit code means.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = [
  'dist/cli.js',
  'run',
  '-C',
  'examples/quickstart',
  '--baseline',
  'baseline/results.json',
  '--out',
  'out',
  '--commit',
  '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d',
  '--ref',
  'refs/pull/42/merge'
]
console.log(`$ interp-gate ${args.slice(1).join(' ')}\n`)
const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
const meaning = { 0: 'pass', 1: 'a gate failed — in CI this fails the job', 2: 'usage, config or input error' }
console.log(`\nexit code ${status}: ${meaning[status] ?? 'unexpected'}`)
console.log('The rendered report (what the PR comment and job summary show): examples/quickstart/out/report.md')
// The demo succeeds when interp-gate ran and judged; a failed gate is the expected outcome of this example.
process.exit(status === 0 || status === 1 ? 0 : status)
