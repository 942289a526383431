import { describe, expect, it } from 'vitest'
import { findSticky, stickyMarker, tokenAuthor, upsertStickyComment } from '../../src/github/comment.js'
import { FakeGitHub } from '../helpers/fake-github.js'

const repo = { owner: 'o', repo: 'r', fullName: 'o/r' }
const marker = stickyMarker('explainers')
const bot = { login: 'github-actions[bot]', type: 'Bot' }

function fakeWith(comments: { body: string; user: { login: string; type: string } }[] = []) {
  const fake = new FakeGitHub()
  for (const c of comments) fake.comments.push({ id: fake.id(), issue: 5, html_url: '', ...c })
  return fake
}

describe('sticky comment', () => {
  it('the marker is a hidden HTML comment naming the suite', () => {
    expect(marker).toBe('<!-- interp-gate:suite=explainers -->')
  })

  it('creates, then updates in place, then skips the write when the body is unchanged', async () => {
    const fake = fakeWith([{ body: 'hello', user: { login: 'alice', type: 'User' } }])
    const api = fake.api()
    const options = { repo, issueNumber: 5, marker, body: `${marker}\nv1`, create: true }
    const created = await upsertStickyComment(api, options)
    expect(created.action).toBe('created')
    const updated = await upsertStickyComment(api, { ...options, body: `${marker}\nv2` })
    expect(updated).toMatchObject({ action: 'updated', id: (created as { id: number }).id })
    const same = await upsertStickyComment(api, { ...options, body: `${marker}\nv2\n` })
    expect(same.action).toBe('unchanged')
    expect(fake.writes().map((r) => r.method)).toEqual(['POST', 'PATCH'])
    expect(fake.comments.map((c) => c.body)).toEqual(['hello', `${marker}\nv2`])
  })

  it('with create: false only an existing comment is updated', async () => {
    const fake = fakeWith()
    expect(await upsertStickyComment(fake.api(), { repo, issueNumber: 5, marker, body: `${marker}\nx`, create: false })).toEqual({
      action: 'skipped',
      reason: 'nothing to report under this comment mode'
    })
    expect(fake.writes()).toEqual([])
  })

  it('another suite’s comment is not ours', async () => {
    const fake = fakeWith([{ body: `${stickyMarker('other')}\nx`, user: bot }])
    const outcome = await upsertStickyComment(fake.api(), { repo, issueNumber: 5, marker, body: `${marker}\ny`, create: true })
    expect(outcome.action).toBe('created')
  })

  it('finds the comment on a later page', async () => {
    const fake = fakeWith([
      ...Array.from({ length: 230 }, (_, i) => ({ body: `c${i}`, user: { login: 'u', type: 'User' } })),
      { body: `${marker}\nold`, user: bot }
    ])
    const outcome = await upsertStickyComment(fake.api(), { repo, issueNumber: 5, marker, body: `${marker}\nnew`, create: true })
    expect(outcome.action).toBe('updated')
    expect(fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments')).map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3'])
  })

  it('a 403 names the missing permission', async () => {
    const fake = fakeWith()
    fake.fail({ method: 'POST', path: /comments$/, status: 403, message: 'Resource not accessible by integration' })
    await expect(upsertStickyComment(fake.api(), { repo, issueNumber: 5, marker, body: 'x', create: true })).rejects.toThrow(
      'could not comment on pull request #5: 403 Resource not accessible by integration — the token needs `pull-requests: write`'
    )
  })
})

describe('whose comment it is', () => {
  it('GET /user forbidden (GITHUB_TOKEN) → any bot, github-actions[bot] preferred', async () => {
    const fake = new FakeGitHub()
    expect(await tokenAuthor(fake.api())).toEqual({ bot: true })
    const comments = [
      { id: 1, body: `${marker}\nhuman`, user: { login: 'mallory', type: 'User' } },
      { id: 2, body: `${marker}\nother app`, user: { login: 'some-app[bot]', type: 'Bot' } },
      { id: 3, body: `${marker}\nours`, user: bot },
      { id: 4, body: `quoting ${marker}`, user: bot }
    ]
    expect(findSticky(comments, marker, { bot: true })?.id).toBe(3)
    expect(findSticky(comments.slice(0, 2), marker, { bot: true })?.id).toBe(2)
  })

  it('GET /user answers (a personal token) → exactly that login', async () => {
    const fake = new FakeGitHub()
    fake.user = { login: 'octocat', type: 'User' }
    const author = await tokenAuthor(fake.api())
    expect(author).toEqual({ login: 'octocat' })
    expect(findSticky([{ id: 1, body: marker, user: bot }], marker, author)).toBeUndefined()
  })

  it('a 5xx from GET /user is not mistaken for "bot token"', async () => {
    const fake = new FakeGitHub()
    fake.fail({ method: 'GET', path: /^\/user$/, status: 503 })
    await expect(tokenAuthor(fake.api())).rejects.toMatchObject({ status: 503 })
  })
})
