// `npm run mutate [scope...]`: Stryker over the gate's pure core, one scope at a time (scopes: stryker.config.mjs), each
// with its own incremental file in .stryker-cache/, so a re-run tests only the mutants whose code or tests changed.
// Prints the score per scope and fails below MIN_SCORE. Extra Stryker flags go after `--`, e.g. `-- --mutate src/stats/iqr.ts`.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const SCOPES = ['compare', 'stats', 'domain', 'change-points']
const MIN_SCORE = 90

const dash = process.argv.indexOf('--')
const named = process.argv.slice(2, dash === -1 ? undefined : dash)
const extra = dash === -1 ? [] : process.argv.slice(dash + 1)
const unknown = named.filter((s) => !SCOPES.includes(s))
if (unknown.length) {
  console.error(`npm run mutate: unknown scope ${unknown.join(', ')}; expected some of ${SCOPES.join(', ')}`)
  process.exit(2)
}

/** Stryker's mutation score: detected (killed, timed out) over valid mutants (detected, survived, no coverage). */
function score(scope) {
  const report = JSON.parse(readFileSync(`reports/mutation/${scope}.json`, 'utf8'))
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 }
  for (const file of Object.values(report.files)) for (const m of file.mutants) if (m.status in count) count[m.status]++
  const valid = count.Killed + count.Timeout + count.Survived + count.NoCoverage
  return { ...count, score: valid ? (100 * (count.Killed + count.Timeout)) / valid : 100 }
}

let failed = false
for (const scope of named.length ? named : SCOPES) {
  const run = spawnSync('npx', ['stryker', 'run', ...extra], { stdio: 'inherit', env: { ...process.env, MUTATE_SCOPE: scope } })
  if (run.status !== 0) process.exit(run.status ?? 1)
  const s = score(scope)
  console.log(`${scope}: ${s.score.toFixed(1)}% killed (${s.Killed} killed, ${s.Timeout} timed out, ${s.Survived} survived, ${s.NoCoverage} not covered)`)
  if (s.score < MIN_SCORE) failed = true
}
if (failed) {
  console.error(`a scope is below ${MIN_SCORE}% killed: kill its survivors with tests, or list the equivalent ones in docs/benchmark.md`)
  process.exit(1)
}
