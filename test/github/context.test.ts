import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readRunContext, workflowFileOf } from '../../src/github/context.js'
import { BASE_SHA, examplePayload, HEAD_SHA, pullRequestPayload, pushPayload, workflowRunPayload } from '../e2e/github-env.js'

function envFor(event: string, payload: unknown, extra: Record<string, string> = {}) {
  const path = join(mkdtempSync(join(tmpdir(), 'ctx-')), 'event.json')
  writeFileSync(path, JSON.stringify(payload))
  return { GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_RUN_ID: '42', ...extra }
}

describe('readRunContext (real webhook example payloads)', () => {
  it('pull_request: base and head, the head sha rather than the merge sha, same-repo is not a fork', () => {
    const ctx = readRunContext(envFor('pull_request', pullRequestPayload(), { GITHUB_SHA: '0'.repeat(39) + '1', GITHUB_REF: 'refs/pull/2/merge' }))
    expect(ctx.pullRequest).toEqual({
      number: 2,
      baseRef: 'master',
      baseSha: BASE_SHA,
      headRef: 'changes',
      headSha: HEAD_SHA,
      headRepo: 'Codertocat/Hello-World',
      fork: false
    })
    expect(ctx.repo).toEqual({ owner: 'Codertocat', repo: 'Hello-World', fullName: 'Codertocat/Hello-World' })
    expect(ctx.defaultBranch).toBe('master')
    expect(ctx.push).toBeNull()
    expect(ctx.runId).toBe(42)
  })

  it('pull_request from a fork is detected by the head repository', () => {
    const ctx = readRunContext(envFor('pull_request', pullRequestPayload({ fork: 'forker/Hello-World' })))
    expect(ctx.pullRequest?.fork).toBe(true)
  })

  it('a deleted fork (head.repo null) counts as a fork', () => {
    const payload = pullRequestPayload()
    payload.pull_request.head.repo = null
    expect(readRunContext(envFor('pull_request', payload)).pullRequest?.fork).toBe(true)
  })

  it('pull_request_target runs with the base token: not treated as a read-only fork', () => {
    const ctx = readRunContext(envFor('pull_request_target', pullRequestPayload({ fork: 'forker/Hello-World' })))
    expect(ctx.pullRequest?.fork).toBe(false)
  })

  it('push: the branch and the previous commit; a new branch (before = 0…0) has none', () => {
    const ctx = readRunContext(envFor('push', pushPayload({ branch: 'main' }), { GITHUB_REF: 'refs/heads/main' }))
    expect(ctx.push).toEqual({ branch: 'main', before: BASE_SHA })
    const fresh = readRunContext(envFor('push', pushPayload({ branch: 'topic', before: '0'.repeat(40) }), { GITHUB_REF: 'refs/heads/topic' }))
    expect(fresh.push).toEqual({ branch: 'topic', before: null })
    const tag = readRunContext(envFor('push', pushPayload(), { GITHUB_REF: 'refs/tags/v1' }))
    expect(tag.push).toBeNull()
  })

  it('workflow_run: the triggering run id, event and head', () => {
    const ctx = readRunContext(envFor('workflow_run', workflowRunPayload({ id: 99, headRepo: 'forker/Hello-World' })))
    expect(ctx.workflowRun).toEqual({
      id: 99,
      event: 'pull_request',
      headSha: HEAD_SHA,
      headBranch: 'changes',
      headRepo: 'forker/Hello-World',
      conclusion: 'failure'
    })
    expect(ctx.pullRequest).toBeNull()
  })

  it("merge_group: the queue's base branch and commits, as the real example payload gives them; no pull request", () => {
    const ctx = readRunContext(envFor('merge_group', examplePayload('merge_group', 'checks_requested')))
    // @octokit/webhooks-examples 7.6.1, api.github.com/index.json, merge_group example (action checks_requested)
    expect(ctx.mergeGroup).toEqual({
      baseRef: 'main',
      baseSha: '380387fbc80638b734a49e1be1c4dfec1c01b33c',
      headSha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
      headRef: 'refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64'
    })
    expect(ctx.pullRequest).toBeNull()
    expect(ctx.push).toBeNull()
    // The same payload under another event name is not a merge queue run.
    expect(readRunContext(envFor('push', examplePayload('merge_group', 'checks_requested'))).mergeGroup).toBeNull()
  })

  it('names a malformed payload instead of crashing', () => {
    const payload = pullRequestPayload()
    payload.pull_request.head.sha = 'not-a-sha'
    expect(() => readRunContext(envFor('pull_request', payload))).toThrow('unexpected event payload (pull_request.head.sha: ')
    expect(() => readRunContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(/cannot read the event payload/)
  })

  it('workflowFileOf takes the file name from GITHUB_WORKFLOW_REF', () => {
    expect(workflowFileOf('o/r/.github/workflows/ci.yml@refs/pull/2/merge')).toBe('ci.yml')
    expect(workflowFileOf('o/r/.github/workflows/interp gate.yaml@refs/heads/main')).toBe('interp gate.yaml')
    expect(workflowFileOf(undefined)).toBeNull()
  })
})
