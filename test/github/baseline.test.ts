import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArtifactStore } from '../../src/github/api.js'
import { type BaselineSearch, downloadBaseline, findBaselineRun } from '../../src/github/baseline-run.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import { results } from '../helpers/results.js'
import { addPushRun, REPO, zipFiles } from '../e2e/github-env.js'

const repo = { owner: 'Codertocat', repo: 'Hello-World', fullName: REPO }
const base = 'b'.repeat(40)
const search: BaselineSearch = { repo, workflow: 'ci.yml', branch: 'master', sha: base, why: "the PR's base commit", artifact: 'interp-gate-explainers' }

describe('findBaselineRun', () => {
  it('prefers the run at the wanted commit', async () => {
    const fake = new FakeGitHub()
    addPushRun(fake, { sha: 'a'.repeat(40) })
    const run = addPushRun(fake, { sha: base })
    const found = await findBaselineRun(fake.api(), search)
    expect(found).toEqual({
      found: { runId: run.id, artifactId: fake.artifacts[1].id, commit: base, conclusion: 'success', note: "bbbbbbb on master, the PR's base commit" }
    })
    expect(fake.requests[0].path).toBe(`/repos/${REPO}/actions/workflows/ci.yml/runs`)
  })

  it('takes the artifact of a push run whose workflow failed, and says the workflow failed', async () => {
    const fake = new FakeGitHub()
    addPushRun(fake, { sha: 'a'.repeat(40) })
    const run = addPushRun(fake, { sha: base, conclusion: 'failure' })
    const lookup = await findBaselineRun(fake.api(), search)
    expect(lookup.found).toMatchObject({ runId: run.id, commit: base, conclusion: 'failure' })
    expect(lookup.found?.note).toBe(
      `bbbbbbb on master, the PR's base commit (that run's workflow concluded "failure"; its interp-gate artifact is complete, so it is the baseline)`
    )
    // The API is not asked to filter by conclusion
    expect(fake.requests[0].query.status).toBeUndefined()
  })

  it('a failed run without the artifact (interp-gate never finished) is skipped for an earlier one', async () => {
    const fake = new FakeGitHub()
    fake.commits[base] = '2026-05-01T00:00:00Z'
    const good = addPushRun(fake, { sha: '1'.repeat(40), timestamp: '2026-04-01T00:00:00Z', conclusion: 'failure' })
    addPushRun(fake, { sha: base, artifact: false, conclusion: 'failure', timestamp: '2026-05-01T00:00:00Z' })
    const lookup = await findBaselineRun(fake.api(), search)
    expect(lookup.found?.runId).toBe(good.id)
    expect(lookup.found?.note).toBe(
      `1111111 on master, the newest earlier run with a baseline: the PR's base commit bbbbbbb has a run without the "interp-gate-explainers" artifact (that run's workflow concluded "failure"; its interp-gate artifact is complete, so it is the baseline)`
    )
  })

  it('skips runs that are not pushes of this repository’s branch, even if the API returned them', async () => {
    const fake = new FakeGitHub()
    const forkRun = addPushRun(fake, { sha: base, fork: 'evil/Hello-World' })
    fake.runs.push({ ...forkRun, id: fake.id(), event: 'pull_request', head_repository: { full_name: REPO } })
    const lookup = await findBaselineRun(fake.api(), search)
    expect(lookup.found).toBeNull()
  })

  it('falls back to the newest run not later than the base commit, skipping runs without the artifact', async () => {
    const fake = new FakeGitHub()
    fake.commits[base] = '2026-05-01T00:00:00Z'
    const good = addPushRun(fake, { sha: '1'.repeat(40), timestamp: '2026-04-01T00:00:00Z' })
    addPushRun(fake, { sha: '2'.repeat(40), timestamp: '2026-04-15T00:00:00Z', artifact: false })
    addPushRun(fake, { sha: '3'.repeat(40), timestamp: '2026-06-01T00:00:00Z' })
    const lookup = await findBaselineRun(fake.api(), search)
    expect(lookup.found?.runId).toBe(good.id)
    expect(lookup.found?.note).toBe("1111111 on master, the newest earlier run with a baseline: the PR's base commit bbbbbbb has no push run of this workflow")
  })

  it('without the base commit date, takes the newest run and does not claim "earlier"', async () => {
    const fake = new FakeGitHub()
    addPushRun(fake, { sha: '1'.repeat(40) })
    const lookup = await findBaselineRun(fake.api(), search)
    expect(lookup.found?.note).toMatch(/^1111111 on master, the newest run with a baseline: /)
  })

  it('says why there is none: expired, or a run without the artifact', async () => {
    const fake = new FakeGitHub()
    addPushRun(fake, { sha: base, expired: true })
    expect(await findBaselineRun(fake.api(), search)).toEqual({
      found: null,
      note: `the PR's base commit bbbbbbb on master has a baseline artifact that has expired, and no earlier master run has an unexpired "interp-gate-explainers" artifact`
    })
    const bare = new FakeGitHub()
    addPushRun(bare, { sha: base, artifact: false })
    expect((await findBaselineRun(bare.api(), search)) as { note: string }).toMatchObject({
      note: expect.stringContaining('has a run without the "interp-gate-explainers" artifact')
    })
  })

  it('without a workflow it searches every workflow run of the repository', async () => {
    const fake = new FakeGitHub()
    addPushRun(fake, { sha: base })
    expect((await findBaselineRun(fake.api(), { ...search, workflow: null })).found).not.toBeNull()
    expect(fake.requests[0].path).toBe(`/repos/${REPO}/actions/runs`)
  })

  it('a 403 names `actions: read`', async () => {
    const fake = new FakeGitHub()
    fake.fail({ method: 'GET', path: /runs$/, status: 403, message: 'Resource not accessible by integration' })
    await expect(findBaselineRun(fake.api(), search)).rejects.toThrow(/could not look up the baseline on master: 403 .*`actions: read`/)
  })
})

describe('downloadBaseline', () => {
  const store = (zip: Uint8Array): ArtifactStore => ({
    upload: async () => ({}),
    download: async (_id, _from, into) => {
      const file = join(mkdtempSync(join(tmpdir(), 'zip-')), 'a.zip')
      writeFileSync(file, zip)
      copyFileSync(file, join(into, 'interp-gate-explainers.zip'))
    }
  })
  const found = { runId: 1, artifactId: 2, commit: base, conclusion: 'success', note: 'n' }

  it('returns the validated results of the artifact', async () => {
    const text = JSON.stringify({ ...results([]), suite: 'explainers' })
    const r = await downloadBaseline({ api: new FakeGitHub().api(), artifacts: store(zipFiles({ 'results.json': text })) }, repo, found, tmpdir(), 'explainers')
    expect(r.suite).toBe('explainers')
  })

  it('rejects another suite’s results and a zip without results.json', async () => {
    const other = zipFiles({ 'results.json': JSON.stringify(results([])) })
    await expect(downloadBaseline({ api: new FakeGitHub().api(), artifacts: store(other) }, repo, found, tmpdir(), 'explainers')).rejects.toThrow(
      'the baseline artifact is for suite "s", not "explainers"'
    )
    const empty = zipFiles({ 'other.txt': 'x' })
    await expect(downloadBaseline({ api: new FakeGitHub().api(), artifacts: store(empty) }, repo, found, tmpdir(), 'explainers')).rejects.toThrow(
      'no results.json at its root'
    )
  })
})
