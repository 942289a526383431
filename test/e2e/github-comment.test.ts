import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from '../helpers/fake-github.js'
import { quickstartWorkspace, runPullRequest } from './github-env.js'

const MARKER = '<!-- interp-gate:suite=explainers -->'
const COMMENTS = '/repos/Codertocat/Hello-World/issues/2/comments'

/** The sticky PR comment: one per suite, found among all comments, updated in place, never rewritten unchanged. */
describe('sticky PR comment (bundled action, fake GitHub)', () => {
  let fake: FakeGitHub
  let ws: string
  beforeEach(async () => {
    fake = await new FakeGitHub().start()
    ws = quickstartWorkspace()
    // 120 earlier comments: ours would be on the second page. One human quotes our marker; it is not ours.
    for (let i = 0; i < 120; i++)
      fake.comments.push({
        id: fake.id(),
        issue: 2,
        body: i === 7 ? `${MARKER}\nfake report` : `comment ${i}`,
        user: { login: `user${i}`, type: 'User' },
        html_url: ''
      })
  })
  afterEach(() => fake.stop())

  const writes = () => fake.writes().map((r) => `${r.method} ${r.path}`)

  it('creates the comment, updates the same one when the report changes, and writes nothing when it does not', async () => {
    const first = await runPullRequest(fake, ws, { baseline: 'none' })
    expect(first.code).toBe(0)
    expect(writes()).toEqual([`POST ${COMMENTS}`])
    const ours = fake.comments.filter((c) => c.user.login === 'github-actions[bot]')
    expect(ours).toHaveLength(1)
    expect(ours[0].body.startsWith(`${MARKER}\n### ✅ interp-gate: passed — suite \`explainers\``)).toBe(true)
    expect(first.outputs['comment-url']).toBe(ours[0].html_url)
    // Both pages were read before deciding to create.
    expect(fake.requests.filter((r) => r.path === COMMENTS && r.method === 'GET').map((r) => r.query.page ?? '1')).toEqual(['1', '2'])

    fake.requests.length = 0
    const second = await runPullRequest(fake, ws, { baseline: 'baseline/results.json' })
    expect(second.outputs.verdict).toBe('fail')
    expect(writes()).toEqual([`PATCH /repos/Codertocat/Hello-World/issues/comments/${ours[0].id}`])
    expect(fake.comments.filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1)
    expect(ours[0].body).toContain('### ❌ interp-gate: failed')
    expect(fake.comments.find((c) => c.user.login === 'user7')!.body).toBe(`${MARKER}\nfake report`)

    // A re-run of the same commit renders the same bytes: no write at all.
    fake.requests.length = 0
    const third = await runPullRequest(fake, ws, { baseline: 'baseline/results.json' })
    expect(third.outputs.verdict).toBe('fail')
    expect(writes()).toEqual([])
    expect(third.stdout).toContain('interp-gate: PR comment unchanged')
  })

  it('with a personal token (GET /user answers) only that user’s comment is ours', async () => {
    fake.user = { login: 'octocat', type: 'User' }
    fake.author = fake.user
    fake.comments.push({ id: fake.id(), issue: 2, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: '' })
    await runPullRequest(fake, ws, { baseline: 'none' })
    expect(writes()).toEqual([`POST ${COMMENTS}`])
    const mine = fake.comments.find((c) => c.user.login === 'octocat')!
    fake.requests.length = 0
    await runPullRequest(fake, ws, { baseline: 'baseline/results.json' })
    expect(writes()).toEqual([`PATCH /repos/Codertocat/Hello-World/issues/comments/${mine.id}`])
  })

  it('comment modes: never makes no comment call; on-regression creates none for a clean run but on-change does', async () => {
    await runPullRequest(fake, ws, { baseline: 'none', comment: 'never' })
    expect(fake.requests.filter((r) => r.path.includes('/comments'))).toEqual([])

    const quiet = await runPullRequest(fake, ws, { baseline: 'none', comment: 'on-regression' })
    expect(writes()).toEqual([])
    expect(quiet.stdout).toContain('interp-gate: no PR comment (comment: on-regression')

    await runPullRequest(fake, ws, { baseline: 'none', comment: 'on-change' })
    expect(writes()).toEqual([`POST ${COMMENTS}`])
  })

  it('on-regression still updates an existing comment, so it never shows a stale regression', async () => {
    await runPullRequest(fake, ws, { baseline: 'baseline/results.json', comment: 'on-regression' })
    expect(writes()).toEqual([`POST ${COMMENTS}`])
    fake.requests.length = 0
    await runPullRequest(fake, ws, { baseline: 'none', comment: 'on-regression' })
    expect(writes()).toHaveLength(1)
    expect(writes()[0]).toMatch(/^PATCH /)
  })

  it('rejects an unknown comment mode naming the input', async () => {
    const bad = await runPullRequest(fake, ws, { comment: 'sometimes' })
    expect(bad.code).toBe(1)
    expect(bad.commands.find((c) => c.command === 'error')?.message).toBe(
      'input "comment" must be one of always, on-change, on-regression, never; got "sometimes"'
    )
  })
})
