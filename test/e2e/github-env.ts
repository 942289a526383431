import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import type { FakeGitHub, FakeRun } from '../helpers/fake-github.js'
import { ROOT, runAction } from '../helpers/run-action.js'

/** The repository of the webhook examples: payloads and GITHUB_REPOSITORY agree. */
export const REPO = 'Codertocat/Hello-World'
export const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e'
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
export const MERGE_SHA = '0123456789abcdef0123456789abcdef01234567'
export const RUN_ID = 777
export const ARTIFACT = 'interp-gate-explainers'

const examples: { name: string; examples: any[] }[] = createRequire(import.meta.url)('@octokit/webhooks-examples')

/** A real example payload of `event` (first one with `action`, when given), deep-copied for editing. */
export function examplePayload(event: string, action?: string): any {
  const found = examples.find((e) => e.name === event)?.examples.find((x) => action === undefined || x.action === action)
  if (!found) throw new Error(`no webhook example for ${event}${action ? `.${action}` : ''}`)
  return structuredClone(found)
}

export function pullRequestPayload(options: { fork?: string; baseSha?: string; headSha?: string } = {}): any {
  const p = examplePayload('pull_request', 'opened')
  p.pull_request.base.sha = options.baseSha ?? BASE_SHA
  p.pull_request.head.sha = options.headSha ?? HEAD_SHA
  if (options.fork) {
    p.pull_request.head.repo.full_name = options.fork
    p.pull_request.head.repo.fork = true
  }
  return p
}

export function pushPayload(options: { branch?: string; before?: string; after?: string } = {}): any {
  const copy = structuredClone(examples.find((e) => e.name === 'push')!.examples.find((x) => x.ref === 'refs/heads/master'))
  copy.ref = `refs/heads/${options.branch ?? 'master'}`
  copy.before = options.before ?? BASE_SHA
  copy.after = options.after ?? HEAD_SHA
  return copy
}

/** The real merge_group.checks_requested example, moved to REPO, its queue merging into `master` at `baseSha`. */
export function mergeGroupPayload(options: { baseSha?: string; headSha?: string } = {}): any {
  const p = examplePayload('merge_group', 'checks_requested')
  p.merge_group.base_sha = options.baseSha ?? BASE_SHA
  p.merge_group.head_sha = options.headSha ?? MERGE_SHA
  p.merge_group.base_ref = 'refs/heads/master'
  p.merge_group.head_ref = `refs/heads/gh-readonly-queue/master/pr-2-${p.merge_group.base_sha}`
  p.repository.full_name = REPO
  return p
}

export function workflowRunPayload(options: {
  id: number
  headSha?: string
  headBranch?: string
  headRepo?: string
  event?: string
  conclusion?: string
}): any {
  const p = examplePayload('workflow_run', 'completed')
  Object.assign(p.workflow_run, {
    id: options.id,
    event: options.event ?? 'pull_request',
    head_sha: options.headSha ?? HEAD_SHA,
    head_branch: options.headBranch ?? 'changes',
    conclusion: options.conclusion ?? 'failure',
    status: 'completed',
    pull_requests: []
  })
  p.workflow_run.head_repository.full_name = options.headRepo ?? REPO
  p.repository.full_name = REPO
  return p
}

/** A JWT whose `scp` claim carries the backend ids @actions/artifact reads (it never checks the signature). */
function runtimeToken(): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: 'Actions.ExampleScope Actions.Results:run-backend-id:job-backend-id' })}.sig`
}

/** GITHUB_* variables of a run of `ci.yml`, pointing every API at the fake. */
export function githubEnv(fake: FakeGitHub, event: string, payload: unknown, ref: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'interp-gate-event-'))
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(payload))
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: REPO,
    GITHUB_REF: ref,
    GITHUB_SHA: MERGE_SHA,
    GITHUB_RUN_ID: String(RUN_ID),
    GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/ci.yml@${ref}`,
    GITHUB_API_URL: fake.url,
    // @actions/artifact treats hosts other than github.com, *.ghe.com and *.localhost as GHES and refuses them.
    GITHUB_SERVER_URL: `http://github.localhost:${fake.port}`,
    ACTIONS_RESULTS_URL: `${fake.url}/`,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(),
    INTERP_GATE_RETRY_BASE_MS: '5'
  }
}

/** The quickstart example in a temp checkout under explainers/. */
export function quickstartWorkspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'interp-gate-ws-'))
  cpSync(join(ROOT, 'examples/quickstart'), join(ws, 'explainers'), { recursive: true, filter: (src) => !src.endsWith('/out') })
  return ws
}

const QUICKSTART_BASELINE = () => readFileSync(join(ROOT, 'examples/quickstart/baseline/results.json'), 'utf8')

/** The quickstart baseline as the push run at `run.head_sha` would have saved it. */
function baselineResults(run: FakeRun): string {
  return JSON.stringify({ ...JSON.parse(QUICKSTART_BASELINE()), commit: run.head_sha, ref: `refs/heads/${run.head_branch}` })
}

export function zipFiles(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])))
}

/** A successful push run of ci.yml on `branch` at `sha`, with the baseline artifact unless `artifact: false`. */
export function addPushRun(
  fake: FakeGitHub,
  options: { sha: string; branch?: string; expired?: boolean; artifact?: boolean; timestamp?: string; fork?: string; results?: string; conclusion?: string }
): FakeRun {
  const run: FakeRun = {
    id: fake.id(),
    event: 'push',
    conclusion: options.conclusion ?? 'success',
    head_sha: options.sha,
    head_branch: options.branch ?? 'master',
    head_repository: { full_name: options.fork ?? REPO },
    head_commit: { timestamp: options.timestamp ?? '2026-01-01T00:00:00Z' }
  }
  fake.runs.push(run)
  if (options.artifact !== false)
    fake.artifacts.push({
      id: fake.id(),
      runId: run.id,
      name: ARTIFACT,
      expired: options.expired ?? false,
      zip: zipFiles({ 'results.json': options.results ?? baselineResults(run) })
    })
  return run
}

export const PR_INPUTS = { 'working-directory': 'explainers', 'github-token': 'ghs_faketoken', 'fail-on': 'never' }

/** The bundled action on a pull_request run of the example PR. */
export function runPullRequest(fake: FakeGitHub, ws: string, inputs: Record<string, string> = {}, payload = pullRequestPayload()) {
  return runAction({ workspace: ws, inputs: { ...PR_INPUTS, ...inputs }, env: githubEnv(fake, 'pull_request', payload, 'refs/pull/2/merge') })
}
