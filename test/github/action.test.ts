import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CoreLike } from '../../src/action/core-inputs.js'
import { baselineSearch } from '../../src/action/baseline-source.js'
import { wantsNewComment } from '../../src/action/publish.js'
import { branchMatches, readSettings } from '../../src/action/settings.js'
import type { ArtifactStore } from '../../src/github/api.js'
import type { RunContext } from '../../src/github/context.js'
import { run } from '../../src/action/run-action.js'
import type { Comparison, Row } from '../../src/results/results-schema.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import { PR_INPUTS, pullRequestPayload, quickstartWorkspace, REPO } from '../e2e/github-env.js'

/** A CoreLike that records what the action reports. */
function fakeCore(inputs: Record<string, string>) {
  const log = { outputs: {} as Record<string, unknown>, failed: [] as string[], warnings: [] as string[], info: [] as string[], summary: '' }
  const core: CoreLike = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => void (log.outputs[name] = value),
    setFailed: (m) => void log.failed.push(String(m)),
    info: (m) => void log.info.push(m),
    warning: (m) => void log.warnings.push(m),
    error: () => {},
    notice: () => {},
    summary: { addRaw: (text) => ({ write: async () => void (log.summary += text) }) }
  }
  return { core, log }
}

describe('settings', () => {
  it('defaults: baseline auto, mode check, comment always, no check run', () => {
    const s = readSettings(fakeCore({}).core)
    expect(s).toMatchObject({
      baseline: { kind: 'auto' },
      mode: 'check',
      comment: 'always',
      checkName: undefined,
      failOn: 'error',
      saveOn: [],
      config: 'interp-gate.yml',
      out: 'interp-gate-out'
    })
    expect(readSettings(fakeCore({ baseline: 'none' }).core).baseline).toEqual({ kind: 'none' })
    expect(readSettings(fakeCore({ baseline: 'b/results.json' }).core).baseline).toEqual({ kind: 'file', path: 'b/results.json' })
    expect(readSettings(fakeCore({ 'save-on': 'main,\n release/* ' }).core).saveOn).toEqual(['main', 'release/*'])
  })

  it('names a bad input', () => {
    expect(() => readSettings(fakeCore({ mode: 'both' }).core)).toThrow('input "mode" must be one of check, report, merge; got "both"')
    expect(() => readSettings(fakeCore({ 'save-on': 'main;rm' }).core)).toThrow('input "save-on": "main;rm" is not a branch name or pattern')
    expect(() => readSettings(fakeCore({ shard: '0/4' }).core)).toThrow('input "shard": "0/4" is out of range; shards count from 1 to N (1/4 … 4/4)')
    expect(() => readSettings(fakeCore({ shard: 'first' }).core)).toThrow(
      'input "shard": "first" is not a shard; expected I/N, e.g. 2/4 for the second of four shards'
    )
    expect(readSettings(fakeCore({ shard: ' 2 / 4 ' }).core).shard).toEqual({ index: 2, count: 4 })
  })

  it('branchMatches: exact names, * within a segment, ** across', () => {
    expect(branchMatches('main', ['main'])).toBe(true)
    expect(branchMatches('mainline', ['main'])).toBe(false)
    expect(branchMatches('release/1.2', ['release/*'])).toBe(true)
    expect(branchMatches('release/1/2', ['release/*'])).toBe(false)
    expect(branchMatches('release/1/2', ['release/**'])).toBe(true)
    expect(branchMatches('main', [])).toBe(false)
  })
})

describe('baselineSearch: which commit a run compares with', () => {
  const repo = { owner: 'o', repo: 'r', fullName: 'o/r' }
  const ctx = (over: Partial<RunContext>): RunContext => ({
    eventName: 'push',
    repo,
    runId: 1,
    workflowFile: 'ci.yml',
    sha: 'a'.repeat(40),
    ref: null,
    defaultBranch: 'main',
    pullRequest: null,
    mergeGroup: null,
    push: null,
    workflowRun: null,
    ...over
  })
  const pr = { number: 1, baseRef: 'main', baseSha: 'b'.repeat(40), headRef: 't', headSha: 'c'.repeat(40), headRepo: 'o/r', fork: false }

  it('a pull request: its base commit on its base branch, in this workflow', () => {
    expect(baselineSearch(ctx({ eventName: 'pull_request', pullRequest: pr }), 'x')).toEqual({
      repo,
      workflow: 'ci.yml',
      artifact: 'interp-gate-x',
      branch: 'main',
      sha: 'b'.repeat(40),
      why: "the PR's base commit"
    })
  })

  it('a push to a save-on branch: the previous commit; elsewhere or on a new branch: none, with the reason', () => {
    expect(baselineSearch(ctx({ push: { branch: 'main', before: 'd'.repeat(40) } }), 'x')).toMatchObject({
      branch: 'main',
      sha: 'd'.repeat(40),
      why: 'the previous commit'
    })
    expect(baselineSearch(ctx({ push: { branch: 'topic', before: 'd'.repeat(40) } }), 'x')).toBe('pushes to topic save no baseline (save-on)')
    expect(baselineSearch(ctx({ push: { branch: 'topic', before: 'd'.repeat(40) } }), 'x', ['topic'])).toMatchObject({ branch: 'topic' })
    expect(baselineSearch(ctx({ push: { branch: 'main', before: null } }), 'x')).toBe('first push of main: no earlier commit to compare with')
  })

  it("a merge queue run: the queue's base commit on its target branch, as a PR", () => {
    const mergeGroup = { baseRef: 'main', baseSha: 'e'.repeat(40), headSha: 'f'.repeat(40), headRef: 'refs/heads/gh-readonly-queue/main/pr-1-x' }
    expect(baselineSearch(ctx({ eventName: 'merge_group', mergeGroup, ref: mergeGroup.headRef }), 'x')).toEqual({
      repo,
      workflow: 'ci.yml',
      artifact: 'interp-gate-x',
      branch: 'main',
      sha: 'e'.repeat(40),
      why: "the merge queue's base commit"
    })
  })

  it("workflow_dispatch and schedule on a save-on branch: the newest push run at or before the run's commit", () => {
    for (const [eventName, kind] of [
      ['workflow_dispatch', 'manual'],
      ['schedule', 'scheduled']
    ])
      expect(baselineSearch(ctx({ eventName, ref: 'refs/heads/main' }), 'x')).toMatchObject({
        branch: 'main',
        sha: 'a'.repeat(40),
        why: `this ${kind} run's commit`
      })
    expect(baselineSearch(ctx({ eventName: 'workflow_dispatch', ref: 'refs/heads/topic' }), 'x')).toBe('pushes to topic save no baseline (save-on)')
    expect(baselineSearch(ctx({ eventName: 'workflow_dispatch', ref: 'refs/tags/v1' }), 'x')).toBe(
      'baseline: auto compares pull_request, merge_group, push, workflow_dispatch and schedule runs of a branch with their base commit; a workflow_dispatch run on refs/tags/v1 has none'
    )
  })

  it('other events and local runs have none', () => {
    expect(baselineSearch(ctx({ eventName: 'release' }), 'x')).toBe(
      'baseline: auto compares pull_request, merge_group, push, workflow_dispatch and schedule runs of a branch with their base commit; a release run has none'
    )
    expect(baselineSearch(null, 'x')).toBe('baseline: auto needs a GitHub Actions run (GITHUB_REPOSITORY is not set)')
  })
})

describe('comment modes', () => {
  const row = (status: Row['status']): Row => ({
    id: status,
    metric: 'mean',
    direction: 'higher',
    status,
    base: 1,
    head: 1,
    delta: 0,
    relDelta: 0,
    ci: null,
    pValue: null,
    paired: null,
    gates: [],
    severity: 'error'
  })
  const comparison = (...statuses: Row['status'][]): Comparison => ({
    schema: 'interp-gate/comparison@1',
    base: null,
    head: { suite: 's', commit: null, ref: null },
    verdict: 'pass',
    rows: statuses.map(row)
  })

  it.each([
    ['always', ['pass'], true],
    ['never', ['regressed'], false],
    ['on-change', ['pass', 'pass'], false],
    ['on-change', ['pass', 'improved'], true],
    ['on-change', ['new'], true],
    ['on-regression', ['improved', 'new'], false],
    ['on-regression', ['pass', 'regressed'], true],
    ['on-regression', ['failed'], true],
    ['on-regression', ['missing'], true]
  ] as const)('%s with %j → create: %s', (mode, statuses, expected) => {
    expect(wantsNewComment(mode, comparison(...statuses))).toBe(expected)
  })
})

describe('run() with injected clients (no bundle, no network)', () => {
  it('a PR run compares with the file baseline, comments through the injected api, and keeps outputs', async () => {
    const fake = new FakeGitHub()
    const uploads: string[] = []
    const artifacts: ArtifactStore = {
      upload: async (name) => {
        uploads.push(name)
        return {}
      },
      download: async () => {}
    }
    const event = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
    writeFileSync(event, JSON.stringify(pullRequestPayload()))
    const ws = quickstartWorkspace()
    const { core, log } = fakeCore({ ...PR_INPUTS, baseline: 'baseline/results.json', 'check-name': 'gate' })
    const env = {
      GITHUB_WORKSPACE: ws,
      GITHUB_REPOSITORY: REPO,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      RUNNER_TEMP: tmpdir(),
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_RESULTS_URL: 'http://x/'
    }
    await run({ core, env, github: () => ({ api: fake.api(), artifacts }) })
    expect(log.failed).toEqual([])
    expect(log.outputs.verdict).toBe('fail')
    expect(fake.comments).toHaveLength(1)
    expect(fake.checkRuns[0].conclusion).toBe('failure')
    expect(uploads).toEqual(['interp-gate-explainers'])
    expect(log.summary).toContain('### ❌ interp-gate: failed')
  })

  it('input junit writes the JUnit report under working-directory and sets junit-path; not with shard', async () => {
    expect(() => readSettings(fakeCore({ shard: '1/2', junit: 'j.xml' }).core)).toThrow('input "junit" with "shard"')
    const ws = quickstartWorkspace()
    const { core, log } = fakeCore({ 'working-directory': 'explainers', baseline: 'baseline/results.json', junit: 'reports/junit.xml' })
    await run({ core, env: { GITHUB_WORKSPACE: ws, RUNNER_TEMP: tmpdir() } })
    expect(log.outputs['junit-path']).toBe(join(ws, 'explainers/reports/junit.xml'))
    const xml = readFileSync(join(ws, 'explainers/reports/junit.xml'), 'utf8')
    expect(xml).toMatch(/<testcase classname="explainers" name="ig-deletion" time="0">\s*<failure type="regressed"/)
    expect(log.failed).toEqual(['interp-gate: a gate failed (1 regressed or failed metric(s))'])
  })
})
