import { readFileSync } from 'node:fs'
import { z } from 'zod'

export interface RepoRef {
  owner: string
  repo: string
  /** "owner/repo" */
  fullName: string
}

interface PullRequestInfo {
  number: number
  baseRef: string
  baseSha: string
  headRef: string
  /** The PR head commit: checks and reports belong here, not on GITHUB_SHA (the merge commit). */
  headSha: string
  /** "owner/repo" of the head; null when the fork was deleted. */
  headRepo: string | null
  /** Head repo ≠ base repo: the token is read-only on `pull_request`. */
  fork: boolean
}

export interface WorkflowRunInfo {
  id: number
  event: string
  headSha: string
  headBranch: string | null
  headRepo: string | null
  conclusion: string | null
}

/** A merge queue's run (`merge_group`): the queue tests head_sha, a merge of queued PRs onto base_sha of base_ref. */
interface MergeGroupInfo {
  /** The branch the queue merges into ("main", from base_ref "refs/heads/main"). */
  baseRef: string
  baseSha: string
  /** The queue's temporary commit: checks belong here. */
  headSha: string
  headRef: string
}

/** What the action needs to know about the run that started it, from GITHUB_* variables and the event payload. */
export interface RunContext {
  eventName: string
  repo: RepoRef
  runId: number | null
  /** The workflow file name ("ci.yml"), which the REST API accepts as a workflow id. */
  workflowFile: string | null
  sha: string | null
  ref: string | null
  defaultBranch: string | null
  pullRequest: PullRequestInfo | null
  mergeGroup: MergeGroupInfo | null
  push: { branch: string; before: string | null } | null
  workflowRun: WorkflowRunInfo | null
}

const repoSchema = z.object({ full_name: z.string() }).nullable().optional()
const sha = z.string().regex(/^[0-9a-f]{40}$/i)
const payloadSchema = z.object({
  repository: z.object({ full_name: z.string(), default_branch: z.string().optional() }).optional(),
  pull_request: z
    .object({
      number: z.number().int(),
      base: z.object({ ref: z.string(), sha, repo: repoSchema }),
      head: z.object({ ref: z.string(), sha, repo: repoSchema })
    })
    .optional(),
  before: z.string().optional(),
  merge_group: z.object({ base_ref: z.string(), base_sha: sha, head_sha: sha, head_ref: z.string() }).optional(),
  workflow_run: z
    .object({
      id: z.number().int(),
      event: z.string(),
      head_sha: sha,
      head_branch: z.string().nullable().optional(),
      head_repository: repoSchema,
      conclusion: z.string().nullable().optional()
    })
    .optional()
})

export class ContextError extends Error {
  override name = 'ContextError'
}

function readPayload(path: string | undefined): unknown {
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ContextError(`cannot read the event payload ${path} (${(error as Error).message})`)
  }
}

/** "o/r/.github/workflows/ci.yml@refs/heads/main" → "ci.yml". */
export function workflowFileOf(workflowRef: string | undefined): string | null {
  const m = /\/\.github\/workflows\/([^@/]+)@/.exec(workflowRef ?? '')
  return m ? m[1] : null
}

export function readRunContext(env: Record<string, string | undefined>): RunContext {
  const parsed = payloadSchema.safeParse(readPayload(env.GITHUB_EVENT_PATH))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ContextError(`unexpected event payload (${issue.path.join('.')}: ${issue.message})`)
  }
  const payload = parsed.data
  const fullName = env.GITHUB_REPOSITORY ?? payload.repository?.full_name
  if (!fullName || !fullName.includes('/')) throw new ContextError('GITHUB_REPOSITORY is not set: is this running in GitHub Actions?')
  const [owner, repo] = fullName.split('/')
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const ref = env.GITHUB_REF ?? null
  const pr = payload.pull_request
  const pullRequest: PullRequestInfo | null =
    pr && (eventName === 'pull_request' || eventName === 'pull_request_target')
      ? {
          number: pr.number,
          baseRef: pr.base.ref,
          baseSha: pr.base.sha,
          headRef: pr.head.ref,
          headSha: pr.head.sha,
          headRepo: pr.head.repo?.full_name ?? null,
          // pull_request_target runs with the base repository's token, so only pull_request is read-only.
          fork: eventName === 'pull_request' && (pr.head.repo?.full_name ?? '').toLowerCase() !== (pr.base.repo?.full_name ?? fullName).toLowerCase()
        }
      : null
  const branch = eventName === 'push' && ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null
  const before = payload.before && !/^0+$/.test(payload.before) ? payload.before : null
  const wr = payload.workflow_run
  const mg = eventName === 'merge_group' ? payload.merge_group : undefined
  return {
    eventName,
    repo: { owner, repo, fullName },
    runId: env.GITHUB_RUN_ID ? Number(env.GITHUB_RUN_ID) : null,
    workflowFile: workflowFileOf(env.GITHUB_WORKFLOW_REF),
    sha: env.GITHUB_SHA ?? null,
    ref,
    defaultBranch: payload.repository?.default_branch ?? null,
    pullRequest,
    mergeGroup: mg ? { baseRef: mg.base_ref.replace(/^refs\/heads\//, ''), baseSha: mg.base_sha, headSha: mg.head_sha, headRef: mg.head_ref } : null,
    push: branch ? { branch, before } : null,
    workflowRun:
      wr && eventName === 'workflow_run'
        ? {
            id: wr.id,
            event: wr.event,
            headSha: wr.head_sha,
            headBranch: wr.head_branch ?? null,
            headRepo: wr.head_repository?.full_name ?? null,
            conclusion: wr.conclusion ?? null
          }
        : null
  }
}
