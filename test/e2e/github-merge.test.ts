import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { builtinMetrics } from '../../src/metrics/registry.js'
import type { Comparison, Results } from '../../src/results/results-schema.js'
import { inputsFor, sliceRows, writeTables } from '../engine/shard-data.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import { runAction } from '../helpers/run-action.js'
import { addPushRun, BASE_SHA, githubEnv, HEAD_SHA, pullRequestPayload, pushPayload, REPO, RUN_ID, workflowRunPayload } from './github-env.js'

const ROWS = 30
const BOUNDS = [0, 8, 19, ROWS]
const METRICS = ['mean', 'auroc', 'deletion-auc', 'dead-fraction']
const CONFIG = `version: 1
suite: explainers
defaults: { resamples: 300, seed: 3 }
metrics:
${METRICS.map((name) => {
  const def = builtinMetrics.find((d) => d.name === name)!
  return `  - id: ${name}\n    metric: ${name}\n    inputs: { ${def.inputs.map((s) => `${s.name}: data/${name}.${s.name}.npy`).join(', ')} }\n    ids: data/${name}.ids.npy\n    gate: { max-regression: "1%" }\n`
}).join('')}`
const IDS = Array.from({ length: ROWS }, (_, i) => 500 + i)

/** A checkout with the config and, unless `rows` is null, the arrays of those rows (a shard's, or all of them). */
function checkout(rows: [number, number] | null, seed = 1): string {
  const ws = mkdtempSync(join(tmpdir(), 'interp-gate-merge-ws-'))
  writeFileSync(join(ws, 'interp-gate.yml'), CONFIG)
  if (rows) {
    METRICS.forEach((name, k) => {
      const tables = inputsFor(builtinMetrics.find((d) => d.name === name)!, ROWS, seed * 100 + k)
      writeTables(ws, name, Object.fromEntries(Object.entries(tables).map(([n, t]) => [n, sliceRows(t, rows[0], rows[1])])), IDS.slice(rows[0], rows[1]))
    })
  }
  return ws
}

async function cli(argv: string[], cwd: string): Promise<number> {
  return main(argv, { out: () => {}, err: (t) => process.stderr.write(t), cwd, env: {} })
}

const INPUTS = { 'github-token': 'ghs_faketoken', 'fail-on': 'never' }
const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8'))

/** A 3-way matrix on a pull request: shard jobs upload their artifacts, the merge job compares with the base branch and comments. */
describe('mode: merge on a sharded matrix (bundled action, fake GitHub)', () => {
  let fake: FakeGitHub
  let reference: string
  beforeAll(async () => {
    fake = await new FakeGitHub().start()
    // The base branch's push run saved an unsharded baseline from other data.
    const base = checkout([0, ROWS], 2)
    expect(await cli(['run', '--out', 'out', '--commit', BASE_SHA], base)).toBe(0)
    addPushRun(fake, { sha: BASE_SHA, results: readFileSync(join(base, 'out/results.json'), 'utf8') })
    // The reference: one unsharded run of the PR's data against that baseline.
    reference = checkout([0, ROWS])
    writeFileSync(join(reference, 'base.json'), readFileSync(join(base, 'out/results.json')))
    await cli(['run', '--baseline', 'base.json', '--out', 'out', '--commit', HEAD_SHA], reference)
    const env = githubEnv(fake, 'pull_request', pullRequestPayload(), 'refs/pull/2/merge')
    for (let s = 1; s < BOUNDS.length; s++) {
      const job = await runAction({ workspace: checkout([BOUNDS[s - 1], BOUNDS[s]]), inputs: { ...INPUTS, shard: `${s}/3`, 'check-name': 'interp-gate' }, env })
      expect(job.code, job.stdout + job.stderr).toBe(0)
      expect(job.stdout).toContain(`uploaded shard ${s}/3 as "interp-gate-explainers-shard-${s}-of-3"`)
    }
    // Shard jobs compare, comment and gate nothing.
    expect(fake.writes()).toEqual([])
    expect(fake.uploads.map((u) => u.name)).toEqual([1, 2, 3].map((s) => `interp-gate-explainers-shard-${s}-of-3`))
    // Published in reverse: the merge orders shards by their recorded index, not by listing order.
    for (const upload of [...fake.uploads].reverse()) fake.publishUpload(upload, RUN_ID)
  })
  afterAll(() => fake.stop())

  it('merges the shard artifacts into the unsharded results, compares with the base branch, comments and checks', async () => {
    const ws = checkout(null)
    const run = await runAction({
      workspace: ws,
      inputs: { ...INPUTS, mode: 'merge', 'check-name': 'interp-gate' },
      env: githubEnv(fake, 'pull_request', pullRequestPayload(), 'refs/pull/2/merge')
    })
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toContain('merging 3 shard artifact(s)')
    const merged = read<Results>(run.outputs['results-path'])
    const whole = read<Results>(join(reference, 'out/results.json'))
    expect(merged.metrics.map((m) => [m.id, m.n, m.nanCount, m.fingerprint, m.examples?.ids])).toEqual(
      whole.metrics.map((m) => [m.id, m.n, m.nanCount, m.fingerprint, m.examples?.ids])
    )
    merged.metrics.forEach((m, i) => {
      expect(m.value).toBeCloseTo(whole.metrics[i].value!, 12)
      expect(m.ci === null).toBe(whole.metrics[i].ci === null)
      if (m.ci)
        expect([m.ci.low, m.ci.high].map((v, j) => v! - [whole.metrics[i].ci!.low, whole.metrics[i].ci!.high][j]!)).toEqual([
          expect.closeTo(0, 12),
          expect.closeTo(0, 12)
        ])
    })
    const comparison = read<Comparison>(run.outputs['comparison-path'])
    const expected = read<Comparison>(join(reference, 'out/comparison.json'))
    expect(comparison.rows.map((r) => [r.id, r.status])).toEqual(expected.rows.map((r) => [r.id, r.status]))
    expect(comparison.verdict).toBe(expected.verdict)
    expect(run.outputs.verdict).toBe(expected.verdict)
    expect(run.outputs['baseline-commit']).toBe(BASE_SHA)
    expect(fake.comments).toHaveLength(1)
    expect(fake.comments[0].issue).toBe(2)
    expect(fake.comments[0].body).toContain('interp-gate')
    expect(fake.checkRuns.map((c) => [c.name, c.head_sha])).toEqual([['interp-gate', HEAD_SHA]])
    // The merged run uploads the PR bundle mode: report reads, like mode: check.
    expect(fake.uploads.at(-1)?.name).toBe('interp-gate-explainers')
    expect(Object.keys(fake.uploads.at(-1)!.files).sort()).toEqual(['comparison.json', 'context.json', 'report.md', 'results.json'])
  })

  it('on a push to the default branch the merged results become the baseline artifact', async () => {
    const before = fake.uploads.length
    const run = await runAction({
      workspace: checkout(null),
      inputs: { ...INPUTS, mode: 'merge' },
      env: githubEnv(fake, 'push', pushPayload({ after: HEAD_SHA }), 'refs/heads/master')
    })
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const saved = fake.uploads.slice(before)
    expect(saved.map((u) => [u.name, Object.keys(u.files)])).toEqual([['interp-gate-explainers', ['results.json']]])
    const results = JSON.parse(saved[0].files['results.json']) as Results
    expect(results.shard).toBeUndefined()
    expect(results.metrics.map((m) => [m.id, m.n])).toEqual(read<Results>(join(reference, 'out/results.json')).metrics.map((m) => [m.id, m.n]))
  })

  it('refuses a run with a missing shard, naming it, and writes nothing', async () => {
    const other = RUN_ID + 1
    for (const upload of fake.uploads.filter((u) => /shard-[13]-of-3$/.test(u.name))) fake.publishUpload(upload, other)
    fake.comments = []
    fake.checkRuns = []
    fake.requests.length = 0
    const run = await runAction({
      workspace: checkout(null),
      inputs: { ...INPUTS, mode: 'merge' },
      env: { ...githubEnv(fake, 'pull_request', pullRequestPayload(), 'refs/pull/2/merge'), GITHUB_RUN_ID: String(other) }
    })
    expect(run.code).toBe(1)
    expect(run.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual(['missing shard 2/3 (got 1/3, 3/3): a merge needs every shard'])
    expect(fake.writes()).toEqual([])
  })

  it('says what to do when the run has no shard artifacts', async () => {
    const run = await runAction({
      workspace: checkout(null),
      inputs: { ...INPUTS, mode: 'merge' },
      env: { ...githubEnv(fake, 'pull_request', pullRequestPayload(), 'refs/pull/2/merge'), GITHUB_RUN_ID: '4242' }
    })
    expect(run.code).toBe(1)
    expect(run.commands.find((c) => c.command === 'error')?.message).toBe(
      'interp-gate: run 4242 has no "interp-gate-explainers-shard-I-of-N" artifacts: run the matrix jobs with the input `shard: I/N` (they upload them) and make the merge job `needs:` them'
    )
  })

  it('input "shard" belongs to mode: check', async () => {
    const run = await runAction({
      workspace: checkout(null),
      inputs: { ...INPUTS, mode: 'merge', shard: '1/3' },
      env: githubEnv(fake, 'pull_request', pullRequestPayload(), 'refs/pull/2/merge')
    })
    expect(run.commands.find((c) => c.command === 'error')?.message).toBe(
      'input "shard" is for mode: check (one matrix job per shard); mode: merge takes no shard'
    )
  })

  it('mode: report posts from the merged bundle and leaves the shard artifacts of the run alone', async () => {
    fake.publishUpload(fake.uploads.find((u) => u.name === 'interp-gate-explainers')!, RUN_ID)
    fake.comments = []
    fake.requests.length = 0
    fake.pulls = [{ number: 2, state: 'open', head: { sha: HEAD_SHA, ref: 'changes', label: 'Codertocat:changes' }, base: { repo: { full_name: REPO } } }]
    const run = await runAction({
      workspace: mkdtempSync(join(tmpdir(), 'interp-gate-report-ws-')),
      inputs: { mode: 'report', 'github-token': 'ghs_faketoken' },
      env: githubEnv(fake, 'workflow_run', workflowRunPayload({ id: RUN_ID }), 'refs/heads/master')
    })
    expect(run.code, run.stdout).toBe(0)
    expect(fake.comments.map((c) => c.issue)).toEqual([2])
    const downloaded = fake.requests.filter((r) => r.path.endsWith('/zip')).map((r) => fake.artifacts.find((a) => r.path.includes(`/artifacts/${a.id}/`))?.name)
    expect(downloaded).toEqual(['interp-gate-explainers'])
  })
})
