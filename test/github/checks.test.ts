import { describe, expect, it } from 'vitest'
import { publishCheckRun } from '../../src/github/checks.js'
import type { Annotation } from '../../src/report/annotations.js'
import { FakeGitHub } from '../helpers/fake-github.js'

const repo = { owner: 'o', repo: 'r', fullName: 'o/r' }
const sha = 'a'.repeat(40)
const annotations = (n: number): Annotation[] =>
  Array.from({ length: n }, (_, i) => ({ level: 'error', title: `t${i}`, message: `m${i}`, file: 'interp-gate.yml', line: i + 1 }))

async function publish(n: number, verdict: 'pass' | 'warn' | 'fail' = 'fail') {
  const fake = new FakeGitHub()
  const result = await publishCheckRun(fake.api(), { repo, name: 'gate', headSha: sha, verdict, title: 'T', summary: 'S', annotations: annotations(n) })
  return { fake, result, writes: fake.writes() }
}

describe('publishCheckRun', () => {
  it.each([
    [0, []],
    [1, [1]],
    [50, [50]],
    [51, [50, 1]],
    [120, [50, 50, 20]]
  ])('%i annotations go out in batches of at most 50: %j', async (n, sizes) => {
    const { writes, fake } = await publish(n)
    expect(writes.map((w) => w.body.output.annotations?.length ?? 0)).toEqual(sizes.length ? sizes : [0])
    expect(writes.map((w) => w.method)).toEqual(['POST', ...sizes.slice(1).map(() => 'PATCH')])
    expect(fake.checkRuns[0].annotations.map((a) => a.title)).toEqual(annotations(n).map((a) => a.title))
  })

  it.each([
    ['pass', 'success'],
    ['warn', 'neutral'],
    ['fail', 'failure']
  ] as const)('verdict %s → conclusion %s, completed on the given head sha', async (verdict, conclusion) => {
    const { writes } = await publish(0, verdict)
    expect(writes[0].body).toMatchObject({ name: 'gate', head_sha: sha, status: 'completed', conclusion, output: { title: 'T', summary: 'S' } })
  })

  it('maps levels and fills a line for annotations without one', async () => {
    const fake = new FakeGitHub()
    await publishCheckRun(fake.api(), {
      repo,
      name: 'g',
      headSha: sha,
      verdict: 'warn',
      title: 'T',
      summary: 'S',
      annotations: [
        { level: 'warning', title: 'w', message: 'mw', file: 'src/a.py' },
        { level: 'notice', title: 'n', message: '', file: 'x.yml', line: 3 }
      ]
    })
    expect(fake.checkRuns[0].annotations).toEqual([
      { path: 'src/a.py', start_line: 1, end_line: 1, annotation_level: 'warning', title: 'w', message: 'mw' },
      { path: 'x.yml', start_line: 3, end_line: 3, annotation_level: 'notice', title: 'n', message: 'n' }
    ])
  })

  it('a 403 names `checks: write`', async () => {
    const fake = new FakeGitHub()
    fake.fail({ method: 'POST', path: /check-runs$/, status: 403, message: 'Resource not accessible by integration' })
    await expect(publishCheckRun(fake.api(), { repo, name: 'g', headSha: sha, verdict: 'pass', title: 'T', summary: 'S', annotations: [] })).rejects.toThrow(
      /could not create the check run "g": 403 .* the token needs `checks: write`/
    )
  })
})
