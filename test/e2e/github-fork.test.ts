import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FakeGitHub } from '../helpers/fake-github.js'
import type { ActionRun } from '../helpers/run-action.js'
import { addPushRun, ARTIFACT, BASE_SHA, pullRequestPayload, quickstartWorkspace, runPullRequest } from './github-env.js'

/** A pull_request from a fork has a read-only token: no comment, no check run, everything else as usual. */
describe('pull request from a fork (bundled action, fake GitHub)', () => {
  let fake: FakeGitHub
  let run: ActionRun
  beforeAll(async () => {
    fake = await new FakeGitHub().start()
    addPushRun(fake, { sha: BASE_SHA })
    run = await runPullRequest(fake, quickstartWorkspace(), { 'check-name': 'interp-gate report' }, pullRequestPayload({ fork: 'forker/Hello-World' }))
  })
  afterAll(() => fake.stop())

  it('makes no write to the API: no comment, no check run', () => {
    expect(fake.writes()).toEqual([])
    expect(fake.requests.some((r) => r.path.includes('/comments'))).toBe(false)
    expect(run.outputs['comment-url']).toBeUndefined()
  })

  it('still compares with the base branch baseline and writes the summary, annotations and outputs', () => {
    expect(run.outputs['baseline-commit']).toBe(BASE_SHA)
    expect(run.outputs.verdict).toBe('fail')
    expect(run.summary).toContain('### ❌ interp-gate: failed — suite `explainers`')
    expect(run.commands.filter((c) => c.command === 'error' && c.props.title)).toHaveLength(1)
  })

  it('uploads the artifact that a mode: report workflow will post from', () => {
    expect(fake.uploads.map((u) => u.name)).toEqual([ARTIFACT])
    expect(Object.keys(fake.uploads[0].files)).toContain('context.json')
  })

  it('logs how to enable comments for forks', () => {
    expect(run.stdout).toContain('this pull request comes from a fork, so its token is read-only')
    expect(run.stdout).toContain('`workflow_run`')
    expect(run.stdout).toContain('`mode: report`')
  })
})
