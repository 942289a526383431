import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { optionsNamedIn, subcommandHelp } from '../../src/cli/usage-hints.js'

async function cli(argv: string[]) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: '/nonexistent', env: {} })
  return { code, out, err }
}

const COMMANDS = ['run', 'merge', 'compare', 'validate', 'metrics', 'history', 'dashboard', 'docs']

/** Usage lines share one indent; their continuation lines ("      [--x]") start at the column of the first argument. */
function misaligned(help: string): string[] {
  const bad: string[] = []
  let column = -1
  let indent = -1
  for (const line of help.split('\n')) {
    const usage = /^((\s*)interp-gate(?: [a-z]+)+ )[^\s—]/.exec(line)
    if (usage) {
      column = usage[1].length
      if (indent === -1) indent = usage[2].length
      else if (usage[2].length !== indent) bad.push(line)
    } else if (/^\s+\[/.test(line)) {
      if (line.length - line.trimStart().length !== column) bad.push(line)
    } else column = -1
  }
  return bad
}

describe('CLI usage', () => {
  it('the alignment check tells an aligned continuation from a misaligned one', () => {
    expect(misaligned('interp-gate run [-C DIR]\n                [--out X]')).toEqual([])
    expect(misaligned('interp-gate merge A [-C DIR]\n                [--out X]')).toEqual(['                [--out X]'])
    expect(misaligned('interp-gate history add R\n  interp-gate history show')).toEqual(['  interp-gate history show'])
  })

  it('every --help aligns its continuation lines under the first argument, and names its command', async () => {
    const helps = [(await cli(['--help'])).out]
    for (const command of COMMANDS) {
      const { code, out } = await cli([command, '--help'])
      expect(code).toBe(0)
      expect(out).toContain(`interp-gate ${command}`)
      helps.push(out)
    }
    for (const sub of ['add', 'show']) helps.push((await cli(['history', sub, '--help'])).out)
    helps.push((await cli(['dashboard', '-h'])).out)
    for (const help of helps) expect(misaligned(help)).toEqual([])
  })

  it('did you mean: a mistyped option names the command and the closest option', async () => {
    const cases: [string[], string][] = [
      [['run', '--basline', 'b.json'], 'interp-gate: run: unknown option --basline (did you mean "--baseline"?)\nRun `interp-gate run --help` for usage.\n'],
      [['merge', 'a.json', '--ouut', 'x'], 'interp-gate: merge: unknown option --ouut (did you mean "--out"?)\nRun `interp-gate merge --help` for usage.\n'],
      [
        ['compare', 'a', 'b', '--confg', 'x'],
        'interp-gate: compare: unknown option --confg (did you mean "--config"?)\nRun `interp-gate compare --help` for usage.\n'
      ],
      [
        ['history', 'add', 'r.json', '--forse'],
        'interp-gate: history add: unknown option --forse (did you mean "--force"?)\nRun `interp-gate history --help` for usage.\n'
      ],
      [
        ['history', 'show', '--metirc', 'a'],
        'interp-gate: history show: unknown option --metirc (did you mean "--metric"?)\nRun `interp-gate history --help` for usage.\n'
      ],
      [
        ['dashboard', '--stor', 'x'],
        'interp-gate: dashboard: unknown option --stor (did you mean "--store"?)\nRun `interp-gate dashboard --help` for usage.\n'
      ],
      // Nothing close, or a one-letter flag: no guess.
      [['run', '--zzzzzzzz'], 'interp-gate: run: unknown option --zzzzzzzz\nRun `interp-gate run --help` for usage.\n'],
      [['run', '-x'], 'interp-gate: run: unknown option -x\nRun `interp-gate run --help` for usage.\n']
    ]
    for (const [argv, message] of cases) expect(await cli(argv)).toEqual({ code: 2, out: '', err: message })
  })

  it('did you mean: a mistyped command or history subcommand', async () => {
    expect((await cli(['rnu'])).err).toBe(
      'interp-gate: unknown command "rnu" (did you mean "run"?); expected run, merge, gitlab, compare, validate, metrics, history, dashboard or docs\nRun `interp-gate --help` for usage.\n'
    )
    expect((await cli(['histroy'])).err).toContain('(did you mean "history"?)')
    expect((await cli(['frobnicate'])).err).not.toContain('did you mean')
    expect(await cli(['history', 'shwo'])).toEqual({
      code: 2,
      out: '',
      err: 'interp-gate: history: unknown subcommand "shwo" (did you mean "show"?); expected add or show; see interp-gate history --help\n'
    })
  })

  it('-q is --quiet', async () => {
    const { out } = await cli(['run', '--help'])
    expect(out).toContain('[-q | --quiet]')
    // -q parses (the run then stops at the missing config), an unknown letter does not.
    expect((await cli(['run', '-q'])).err).not.toContain('unknown option')
  })

  it('optionsNamedIn and subcommandHelp read the option names from help text', () => {
    expect(optionsNamedIn('a [--out DIR] [--max-input-bytes N] --out -C')).toEqual(['--out', '--max-input-bytes'])
    const help = 'x\n  interp-gate history add R [--force]\n  interp-gate history show [--json]'
    expect(subcommandHelp(help, 'history', 'show')).toBe('  interp-gate history show [--json]')
    expect(optionsNamedIn(subcommandHelp(help, 'history', 'add'))).toEqual(['--force'])
    expect(subcommandHelp(help, 'history', undefined)).toBe(help)
  })
})
