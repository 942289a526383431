// `npm run mutate [scope...]`: Stryker over the gate's pure core, one scope at a time (scopes: stryker.config.mjs), each
// with its own incremental file in .stryker-cache/, so a re-run tests only the mutants whose code or tests changed.
// `npm run mutate -- --changed-since REF` mutates only the core's files changed since REF (what CI runs on a pull
// request). Prints the score per run and fails below MIN_SCORE.
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const SCOPES = ['compare', 'stats', 'domain', 'change-points']
const CORE = ['src/compare/*.ts', 'src/stats/*.ts', 'src/domain/*.ts', 'src/history/change-points.ts']
const MIN_SCORE = 90

/** Stryker's mutation score: detected (killed, timed out) over valid mutants (detected, survived, no coverage). */
function score(scope) {
  const report = JSON.parse(readFileSync(`reports/mutation/${scope}.json`, 'utf8'))
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 }
  for (const file of Object.values(report.files)) for (const m of file.mutants) if (m.status in count) count[m.status]++
  const valid = count.Killed + count.Timeout + count.Survived + count.NoCoverage
  return { ...count, score: valid ? (100 * (count.Killed + count.Timeout)) / valid : 100 }
}

/** Runs Stryker for one scope; false when the scope scores below MIN_SCORE. */
function mutate(scope, extra) {
  const run = spawnSync('npx', ['stryker', 'run', ...extra], { stdio: 'inherit', env: { ...process.env, MUTATE_SCOPE: scope } })
  if (run.status !== 0) process.exit(run.status ?? 1)
  const s = score(scope)
  console.log(`${scope}: ${s.score.toFixed(1)}% killed (${s.Killed} killed, ${s.Timeout} timed out, ${s.Survived} survived, ${s.NoCoverage} not covered)`)
  return s.score >= MIN_SCORE
}

const args = process.argv.slice(2)
let ok = true
const since = args.indexOf('--changed-since')
if (since !== -1) {
  const ref = args[since + 1]
  if (!ref) {
    console.error('npm run mutate: --changed-since needs a git ref, e.g. --changed-since origin/main')
    process.exit(2)
  }
  const changed = execFileSync('git', ['diff', '--name-only', '--diff-filter=AMR', `${ref}...HEAD`, '--', ...CORE], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.endsWith('/index.ts') && !f.endsWith('/stat-types.ts'))
  if (!changed.length) {
    console.log(`no file of the gate's core changed since ${ref}: nothing to mutate`)
    process.exit(0)
  }
  ok = mutate('all', ['--mutate', changed.join(',')])
} else {
  const unknown = args.filter((s) => !SCOPES.includes(s))
  if (unknown.length) {
    console.error(`npm run mutate: unknown scope ${unknown.join(', ')}; expected some of ${SCOPES.join(', ')}, or --changed-since REF`)
    process.exit(2)
  }
  for (const scope of args.length ? args : SCOPES) ok = mutate(scope, []) && ok
}
if (!ok) {
  console.error(`below ${MIN_SCORE}% killed: kill the survivors with tests, or list the equivalent ones in docs/benchmark.md`)
  process.exit(1)
}
