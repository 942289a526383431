import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/run-action.js'
import { cli, emptyWorkspace, expectOneCleanMessage, quickstart } from './helpers.js'

describe('CLI robustness', () => {
  it('every subcommand answers --help with its own usage, exit 0', async () => {
    const ws = emptyWorkspace()
    for (const command of ['run', 'compare', 'validate', 'metrics', 'docs']) {
      for (const flag of ['--help', '-h']) {
        const { code, out, err } = await cli([command, '--config', 'x.yml', flag], ws)
        expect({ command, code, err }).toEqual({ command, code: 0, err: '' })
        expect(out.startsWith(`interp-gate ${command} `)).toBe(true)
      }
    }
    expect((await cli(['--help'], ws)).out).toContain('`interp-gate <command> --help` shows one command.')
  })

  it('metrics NAME shows one metric with its inputs, params and aliases; an unknown name suggests one', async () => {
    const ws = emptyWorkspace()
    const gini = await cli(['metrics', 'gini'], ws)
    expect(gini.code).toBe(0)
    expect(gini.out).toMatch(/^gini — Gini index/)
    expect(gini.out).toContain('\ninputs:\n  attributions: [N, F...] — attributions [N, F]; more dimensions are flattened per example\n')
    expect(gini.out).toContain('direction: higher is better')
    const nz = await cli(['metrics', 'nonzero-fraction'], ws)
    expect(nz.out).toContain('\nparams:\n  eps: number, default 0, ≥ 0 — count features with |a| above this\n')
    const fve = await cli(['metrics', 'fve'], ws)
    expect(fve.out).toMatch(/aliases: +fve\n/)
    expect(JSON.parse((await cli(['metrics', 'gini', '--json'], ws)).out)).toMatchObject({ name: 'gini', direction: 'higher' })
    const typo = await cli(['metrics', 'ginni'], ws)
    expect(typo.code).toBe(2)
    expect(typo.err).toMatch(/^interp-gate: unknown metric "ginni" \(did you mean "gini"\?\)/)
  })

  it('SOURCE_DATE_EPOCH that is not whole seconds is a usage error, not a stack trace', async () => {
    const ws = quickstart()
    for (const value of ['abc', '1e400', '-5', '99999999999999999']) {
      const { code, err } = await cli(['run', '--out', 'o'], ws, { SOURCE_DATE_EPOCH: value })
      expect(code).toBe(2)
      expect(err).toContain(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (e.g. 1700000000), got ${JSON.stringify(value)}`)
      expectOneCleanMessage(err)
    }
    const { code } = await cli(['run', '--out', 'o'], ws, { SOURCE_DATE_EPOCH: '86400' })
    expect(code).toBe(0)
    expect(JSON.parse(readFileSync(join(ws, 'o/results.json'), 'utf8')).createdAt).toBe('1970-01-02T00:00:00.000Z')
  })
})

describe('a closed pipe (run … | head)', () => {
  function pipeline(install: boolean) {
    const dir = emptyWorkspace()
    const source = readFileSync(join(ROOT, 'src/cli/pipe.ts'), 'utf8')
    writeFileSync(
      join(dir, 'pipe.mjs'),
      ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
    )
    writeFileSync(
      join(dir, 'writer.mjs'),
      `import { quietOnClosedPipe } from './pipe.mjs'
if (${install}) quietOnClosedPipe([process.stdout])
const line = '| ✅ pass | metric | 0.5 |\\n'.repeat(1000)
const next = () => { for (let i = 0; i < 50; i++) process.stdout.write(line); setTimeout(next, 1) }
next()
`
    )
    return spawnSync('sh', ['-c', `node writer.mjs | head -c 100 > /dev/null; echo "exit=\${PIPESTATUS:-}"`], { cwd: dir, encoding: 'utf8', timeout: 20_000 })
  }

  it('ends quietly: no EPIPE stack trace; without the handler node would print one', () => {
    const quiet = pipeline(true)
    expect(quiet.stderr).toBe('')
    const loud = pipeline(false)
    expect(loud.stderr).toContain('EPIPE')
  })
})
