import { describe, expect, it } from 'vitest'
import { describeApiError, paginateBounded } from '../../src/github/api.js'
import { findPullRequestByHead } from '../../src/github/pulls.js'
import { FakeGitHub } from '../helpers/fake-github.js'

const repo = { owner: 'o', repo: 'r', fullName: 'o/r' }
const head = 'c'.repeat(40)
const pull = (number: number, sha: string, options: { state?: string; base?: string; label?: string } = {}) => ({
  number,
  state: options.state ?? 'open',
  head: { sha, ref: 'topic', label: options.label ?? 'fork:topic' },
  base: { repo: { full_name: options.base ?? 'o/r' } }
})

describe('findPullRequestByHead', () => {
  it('asks commits/{sha}/pulls and takes the open PR of this repository whose head is the sha', async () => {
    const fake = new FakeGitHub()
    fake.pulls = [pull(3, head, { state: 'closed' }), pull(4, head, { base: 'other/r' }), pull(7, head)]
    expect(await findPullRequestByHead(fake.api(), repo, head, { owner: 'fork', branch: 'topic' })).toBe(7)
  })

  it('falls back to pulls?head=owner:branch, still checking the sha', async () => {
    const fake = new FakeGitHub()
    fake.pullsByCommit = false
    fake.pulls = [pull(8, 'd'.repeat(40)), pull(9, head)]
    expect(await findPullRequestByHead(fake.api(), repo, head, { owner: 'fork', branch: 'topic' })).toBe(9)
    expect(fake.requests.at(-1)?.query).toMatchObject({ head: 'fork:topic', state: 'open' })
  })

  it('returns null when no open PR has that head', async () => {
    const fake = new FakeGitHub()
    fake.pulls = [pull(8, 'd'.repeat(40))]
    expect(await findPullRequestByHead(fake.api(), repo, head, { owner: null, branch: null })).toBeNull()
  })
})

describe('describeApiError', () => {
  const error = (status: number, message: string) => Object.assign(new Error(message), { status })

  it('names the permission a 403 lacks, dropping octokit’s docs link', () => {
    const e = describeApiError(
      error(403, 'Resource not accessible by integration - https://docs.github.com/rest'),
      'comment on pull request #1',
      'pull-requests: write'
    )
    expect(e.message).toBe(
      'could not comment on pull request #1: 403 Resource not accessible by integration — the token needs `pull-requests: write`: add it under `permissions:` in the workflow (pull requests from forks always get a read-only token; see mode: report)'
    )
    expect(e.status).toBe(403)
  })

  it('a rate-limit 403 is not blamed on permissions; a 404 hints at them', () => {
    expect(describeApiError(error(403, 'API rate limit exceeded'), 'x', 'checks: write').message).toBe('could not x: 403 API rate limit exceeded')
    expect(describeApiError(error(404, 'Not Found'), 'x', 'actions: read').message).toBe(
      'could not x: 404 Not Found — not found, or the token lacks `actions: read`'
    )
    expect(describeApiError(new Error('socket hang up'), 'x').message).toBe('could not x: socket hang up')
  })
})

describe('paginateBounded', () => {
  it("follows octokit's Link rel=next to the last page, and stops after maxPages", async () => {
    const fake = new FakeGitHub()
    for (let i = 0; i < 250; i++) fake.comments.push({ id: i, issue: 1, body: '', user: { login: 'u', type: 'User' }, html_url: '' })
    const api = fake.api()
    const where = { owner: 'o', repo: 'r', issue_number: 1, per_page: 100 }
    const all = await paginateBounded(10, api.paginate.iterator(api.rest.issues.listComments, where))
    expect(all.map((c) => c.id)).toEqual(Array.from({ length: 250 }, (_, i) => i))
    expect(fake.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3'])
    const two = await paginateBounded(2, api.paginate.iterator(api.rest.issues.listComments, where))
    expect(two).toHaveLength(200)
  })
})
