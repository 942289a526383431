import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, TEST_BUNDLE } from '../helpers/run-action.js'

/** A fresh clone's release path: `npm pack` of the package (with the bundle of the current source as dist/), installed into an empty prefix. */
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; files: string[]; bin: Record<string, string> }
// The installed bin's `#!/usr/bin/env node` must find the node running the tests, not whatever else is on PATH.
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, npm_config_update_notifier: 'false' }

function sh(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

/** The package folder as `npm pack` sees it in a clone: package.json and its "files", dist/ being a fresh bundle. */
function stagePackage(): string {
  const stage = mkdtempSync(join(tmpdir(), 'interp-gate-pkg-'))
  cpSync(join(ROOT, 'package.json'), join(stage, 'package.json'))
  for (const entry of pkg.files) {
    const from = entry === 'dist' ? TEST_BUNDLE : join(ROOT, entry)
    if (!existsSync(from)) throw new Error(`package.json "files" names ${entry}, which does not exist`)
    cpSync(from, join(stage, entry), { recursive: true })
  }
  return stage
}

describe('the packed package installs and its CLI runs outside the repository', () => {
  let tarball: string
  let bin: string
  beforeAll(() => {
    const stage = stagePackage()
    const packed = sh('npm', ['pack', '--silent', '--pack-destination', stage], stage)
    expect(packed.err).toBe('')
    tarball = join(stage, packed.out.trim().split('\n').at(-1)!)
    const prefix = mkdtempSync(join(tmpdir(), 'interp-gate-prefix-'))
    // The bundle carries every dependency, so the install needs no registry.
    const installed = sh('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], tmpdir())
    expect(installed.code, installed.err).toBe(0)
    bin = join(prefix, 'bin', 'interp-gate')
  }, 60_000)

  it('the tarball holds the bundle, action.yml and docs, and no sources or tests', () => {
    const listed = sh('tar', ['-tzf', tarball], tmpdir()).out.split('\n').filter(Boolean)
    expect(tarball).toMatch(new RegExp(`${pkg.name}-${pkg.version.replace(/\./g, '\\.')}\\.tgz$`))
    expect(listed).toEqual(
      expect.arrayContaining(['package/package.json', 'package/dist/cli.js', 'package/dist/index.js', 'package/action.yml', 'package/LICENSE'])
    )
    expect(listed.filter((f) => /^package\/(src|test|node_modules)\//.test(f))).toEqual([])
  })

  it('`interp-gate --help` answers from an unrelated folder', () => {
    const r = sh(bin, ['--help'], mkdtempSync(join(tmpdir(), 'interp-gate-elsewhere-')))
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('Usage:')
    expect(r.out).toContain('interp-gate run')
  })

  it('`interp-gate run` on a copy of the quickstart finds its regression (exit 1) and writes the three files', () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-quickstart-'))
    cpSync(join(ROOT, 'examples/quickstart'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') })
    const r = sh(bin, ['run', '--baseline', 'baseline/results.json', '--out', 'out'], ws)
    expect(r.code, r.err).toBe(1)
    expect(r.out).toMatch(/\| 🔴 regressed \| ig-deletion +\|/)
    expect(r.out).toContain('verdict: FAIL')
    expect(readdirSync(join(ws, 'out')).sort()).toEqual(['comparison.json', 'report.md', 'results.json'])
    expect(JSON.parse(readFileSync(join(ws, 'out/comparison.json'), 'utf8')).verdict).toBe('fail')
  })
})
