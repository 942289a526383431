import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CoreLike } from '../../src/action/core-inputs.js'
import { readSettings } from '../../src/action/settings.js'
import type { ArtifactStore } from '../../src/github/api.js'
import { appendHistoryEntry } from '../../src/github/history-branch.js'
import { entryFromResults } from '../../src/history/entry.js'
import { run } from '../../src/action/run-action.js'
import type { Results } from '../../src/results/results-schema.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import { HEAD_SHA, PR_INPUTS, pullRequestPayload, pushPayload, quickstartWorkspace, REPO } from '../e2e/github-env.js'

function fakeCore(inputs: Record<string, string>) {
  const log = { failed: [] as string[], annotations: [] as { level: string; message: string; title?: string }[], info: [] as string[], summary: '' }
  const note = (level: string) => (message: string | Error, p?: { title?: string }) =>
    void log.annotations.push({ level, message: String(message), title: p?.title })
  const core: CoreLike = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: () => {},
    setFailed: (m) => void log.failed.push(String(m)),
    info: (m) => void log.info.push(m),
    warning: note('warning'),
    error: note('error'),
    notice: note('notice'),
    summary: { addRaw: (text) => ({ write: async () => void (log.summary += text) }) }
  }
  return { core, log }
}

const artifacts: ArtifactStore = { upload: async () => ({}), download: async () => {} }
const target = { repo: { owner: 'Codertocat', repo: 'Hello-World', fullName: REPO }, branch: 'interp-gate-data' }
const sha = (k: number) => k.toString(16).padStart(2, '0').repeat(20)

async function runIn(fake: FakeGitHub, ws: string, event: 'push' | 'pull_request', inputs: Record<string, string>) {
  const path = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(path, JSON.stringify(event === 'push' ? pushPayload({ branch: 'master' }) : pullRequestPayload()))
  const { core, log } = fakeCore({ ...PR_INPUTS, baseline: 'none', ...inputs })
  const env = {
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: REPO,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REF: event === 'push' ? 'refs/heads/master' : 'refs/pull/2/merge',
    GITHUB_SHA: HEAD_SHA,
    GITHUB_RUN_ID: '42',
    RUNNER_TEMP: tmpdir()
  }
  await run({ core, env, github: () => ({ api: fake.api(), artifacts }) })
  return log
}

/** 10 commits at 1.5 × the run's value (±0.1%), then 2 at its value: this push is the third point of the new level. */
async function seed(fake: FakeGitHub, head: Results): Promise<void> {
  for (let k = 1; k <= 12; k++) {
    const metrics = head.metrics.map((m) => ({ ...m, value: m.value === null ? null : m.value * (k <= 10 ? 1.5 : 1) * (k % 2 ? 1.001 : 0.999) }))
    const entry = entryFromResults({ ...head, commit: sha(k), metrics, createdAt: new Date(Date.UTC(2025, 0, k)).toISOString() })
    await appendHistoryEntry(fake.api(), target, { entry, keep: 1000, backoffMs: 1 })
  }
}

describe('action inputs history, history-branch, history-keep, dashboard', () => {
  const settings = (inputs: Record<string, string>) => readSettings(fakeCore(inputs).core)

  it('history: none (default), branch, or a folder path', () => {
    expect(settings({})).toMatchObject({ history: { kind: 'none' }, historyBranch: 'interp-gate-data', historyKeep: 1000, dashboard: false })
    expect(settings({ history: 'branch', 'history-keep': '50', dashboard: 'true' })).toMatchObject({
      history: { kind: 'branch' },
      historyKeep: 50,
      dashboard: true
    })
    expect(settings({ history: 'runs/' }).history).toEqual({ kind: 'folder', path: 'runs/' })
  })

  it('names a bad value', () => {
    expect(() => settings({ 'history-keep': '0' })).toThrow('input "history-keep" must be a whole number ≥ 1; got "0"')
    expect(() => settings({ 'history-branch': 'a..b' })).toThrow('input "history-branch": "a..b" is not a valid branch name')
    expect(() => settings({ dashboard: 'true' })).toThrow('input "dashboard: true" publishes to the history branch: set "history: branch" too')
  })
})

describe('history: branch in the action', () => {
  it('a push run appends its entry and reports the change point it confirms like a regression', async () => {
    const ws = quickstartWorkspace()
    const fake = new FakeGitHub()
    await runIn(fake, ws, 'push', { history: 'none' })
    const head: Results = JSON.parse(readFileSync(join(ws, 'explainers/interp-gate-out/results.json'), 'utf8'))
    await seed(fake, head)

    const log = await runIn(fake, ws, 'push', { history: 'branch', dashboard: 'true' })
    expect(log.failed).toEqual([])
    const files = Object.keys(fake.branchFiles('interp-gate-data'))
    expect(files).toContain(`entries/explainers/${HEAD_SHA}.json`)
    expect(files.filter((f) => f.startsWith('entries/'))).toHaveLength(13)
    // The dashboard, in the same commit, charts every entry including this one.
    const page = fake.branchFiles('interp-gate-data')['index.html']
    expect(page).toContain(`<title>interp-gate: ${REPO}</title>`)
    expect(page).toContain(HEAD_SHA)
    expect(fake.branchFiles('interp-gate-data')['.nojekyll']).toBe('')
    const added = JSON.parse(fake.branchFiles('interp-gate-data')[`entries/explainers/${HEAD_SHA}.json`])
    expect(added).toMatchObject({ suite: 'explainers', commit: HEAD_SHA, runId: 42 })
    const changes = log.annotations.filter((a) => a.title === 'interp-gate: change point' && a.level !== 'notice')
    const finite = head.metrics.filter((m) => m.value !== null && m.value !== 0)
    // Every metric shifted: 5 annotations, a notice for the rest, and the summary table lists all of them.
    expect(finite.length).toBeGreaterThan(5)
    expect(changes).toHaveLength(5)
    expect(log.annotations.filter((a) => a.level === 'notice').map((a) => a.message)).toEqual([`${finite.length - 5} more change point(s) in the job summary`])
    for (const m of finite) expect(log.summary).toContain(`| \`${m.id}\` | \`${sha(11).slice(0, 12)}\` |`)
    // The new level started at commit 11 and fell to 1/1.5 of the old one: "improved" or "worsened" by direction.
    for (const c of changes) {
      const m = finite.find((x) => c.message.startsWith(`${x.id}: `))!
      expect(c.message).toContain(`starting at ${sha(11).slice(0, 12)}`)
      expect(c.message).toContain(m.direction === 'higher' ? 'worsened' : 'improved')
      expect(c.level).toBe(m.severity ?? 'error')
    }
    expect(log.summary).toContain('#### Level shifts in the history')
  })

  it('a pull request run reads the branch (trend column) and writes nothing to it', async () => {
    const ws = quickstartWorkspace()
    const fake = new FakeGitHub()
    await runIn(fake, ws, 'push', { history: 'none' })
    await seed(fake, JSON.parse(readFileSync(join(ws, 'explainers/interp-gate-out/results.json'), 'utf8')))
    const before = fake.git.refs.get('refs/heads/interp-gate-data')
    const writesBefore = fake.writes().length
    const log = await runIn(fake, ws, 'pull_request', { history: 'branch' })
    expect(log.failed).toEqual([])
    expect(fake.git.refs.get('refs/heads/interp-gate-data')).toBe(before)
    expect(
      fake
        .writes()
        .slice(writesBefore)
        .filter((w) => w.path.includes('/git/'))
    ).toEqual([])
    expect(log.summary).toMatch(/\| *Trend *\|/)
    expect(log.info).toContain('interp-gate: 12 history entries of suite "explainers" on branch "interp-gate-data"')
  })

  it('history: a folder (e.g. kept by actions/cache): a push run adds its entry, a pull request run adds none', async () => {
    const ws = quickstartWorkspace()
    const fake = new FakeGitHub()
    const pr = await runIn(fake, ws, 'pull_request', { history: 'hist' })
    // The first run after a cache miss: no folder yet, no history, no failure.
    expect(pr.failed).toEqual([])
    expect(pr.info).toContain('interp-gate: history folder hist does not exist yet; no history this run')
    expect(existsSync(join(ws, 'explainers/hist'))).toBe(false)
    const push = await runIn(fake, ws, 'push', { history: 'hist' })
    expect(push.failed).toEqual([])
    expect(readdirSync(join(ws, 'explainers/hist/explainers'))).toEqual([`${HEAD_SHA}.json`])
    expect(JSON.parse(readFileSync(join(ws, 'explainers/hist/explainers', `${HEAD_SHA}.json`), 'utf8'))).toMatchObject({ commit: HEAD_SHA, runId: 42 })
    expect(push.info).toContain('interp-gate: added this commit to the history folder hist')
    // Nothing went to the history branch.
    expect(fake.writes().filter((w) => w.path.includes('/git/'))).toEqual([])
  })

  it('a branch that cannot be read warns and the run goes on', async () => {
    const fake = new FakeGitHub()
    fake.fail({ method: 'GET', path: /git\/ref\//, status: 500, times: 10 })
    const log = await runIn(fake, quickstartWorkspace(), 'pull_request', { history: 'branch' })
    expect(log.failed).toEqual([])
    expect(log.annotations.find((a) => a.title === 'interp-gate: history')?.message).toMatch(
      /^interp-gate: could not read the history branch "interp-gate-data": 500 .*; no history this run$/
    )
  })
})
