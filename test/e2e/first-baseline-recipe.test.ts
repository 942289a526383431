import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, TEST_BUNDLE } from '../helpers/run-action.js'

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' }

/** The shell commands of docs/github.md's "a first baseline from a committed file" recipe, as written there. */
function recipe(): string {
  const doc = readFileSync(join(ROOT, 'docs/github.md'), 'utf8')
  const block = /<!-- recipe: first-baseline -->\n```sh\n([\s\S]*?)```\n<!-- \/recipe -->/.exec(doc)
  if (!block) throw new Error('docs/github.md has no first-baseline recipe block')
  return block[1]
}

describe('docs/github.md recipe: a first baseline from a committed file', () => {
  it('its commands, run in a git checkout of the quickstart, commit a baseline the next run compares with', { timeout: 120_000 }, () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-recipe-'))
    cpSync(join(ROOT, 'examples/quickstart'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') && !src.includes('/baseline') })
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim()
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-qm', 'main')
    const measured = git('rev-parse', 'HEAD')
    // The evaluation step is the user's own (the quickstart's arrays are already there); npx runs a fresh bundle of this checkout's CLI.
    const shims = `python() { :; }\nnpx() { [ "$1" = interp-gate ] && shift; node ${join(TEST_BUNDLE, 'cli.js')} "$@"; }\n`
    execFileSync('bash', ['-euo', 'pipefail', '-c', shims + recipe()], { cwd: ws, env: { ...process.env, ...GIT_ENV }, stdio: 'pipe' })

    expect(git('log', '-1', '--format=%s')).toBe('interp-gate: first baseline')
    const committed = JSON.parse(git('show', 'HEAD:.interp-gate/baseline.json'))
    expect(committed).toMatchObject({ schema: 'interp-gate/results@1', suite: 'explainers', commit: measured, ref: 'refs/heads/main' })
    const comparison = JSON.parse(readFileSync(join(ws, 'check/comparison.json'), 'utf8'))
    expect(comparison.base).toEqual({ suite: 'explainers', commit: measured, ref: 'refs/heads/main' })
    // The same arrays against their own baseline: every metric compared, none new, nothing regressed.
    expect(comparison.rows.map((r: { status: string }) => r.status).filter((s: string) => s === 'new' || s === 'regressed' || s === 'failed')).toEqual([])
    expect(comparison.rows).toHaveLength(committed.metrics.length)
    expect(comparison.verdict).toBe('pass')
  })
})
