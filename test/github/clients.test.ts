import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiTiming, createApi } from '../../src/github/clients.js'
import { FakeGitHub } from '../helpers/fake-github.js'

const log = { info: () => {}, warning: () => {} }

describe('apiTiming', () => {
  it('is real seconds unless INTERP_GATE_RETRY_BASE_MS names a positive unit', () => {
    expect(apiTiming({})).toEqual({ unitMs: 1000 })
    expect(apiTiming({ INTERP_GATE_RETRY_BASE_MS: '5' })).toEqual({ unitMs: 5 })
    expect([apiTiming({ INTERP_GATE_RETRY_BASE_MS: '0' }), apiTiming({ INTERP_GATE_RETRY_BASE_MS: 'fast' })]).toEqual([{ unitMs: 1000 }, { unitMs: 1000 }])
  })
})

describe('createApi: octokit spaces comments (writes that notify) by three units', () => {
  let fake: FakeGitHub
  beforeAll(async () => {
    fake = await new FakeGitHub().start()
  })
  afterAll(() => fake.stop())

  async function fourComments(unitMs: number): Promise<number> {
    const api = createApi('ghs_faketoken', log, { unitMs }, fake.url)
    const started = performance.now()
    for (let i = 0; i < 4; i++)
      await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'o', repo: 'r', issue_number: 1, body: `${unitMs}/${i}` })
    return performance.now() - started
  }

  it('a 100 ms unit keeps at least 3 × 300 ms between the first and the fourth comment', async () => {
    expect(await fourComments(100)).toBeGreaterThanOrEqual(3 * 300 - 10)
  })

  it('a 5 ms unit (the tests) does not wait octokit’s default 3 s between comments', async () => {
    expect(await fourComments(5)).toBeLessThan(3000)
    expect(fake.comments.filter((c) => c.body.startsWith('5/'))).toHaveLength(4)
  })
})
