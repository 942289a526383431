import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeMarkdown, neutraliseTerminal } from '../../src/report/escape.js'
import { didYouMean } from '../../src/util/suggest.js'
import { cli, quickstart } from './helpers.js'

describe('report and log injection', () => {
  it('a www. autolink in an echoed path cannot carry raw HTML', () => {
    const text = escapeMarkdown('www.x.com/<img src=x onerror=alert(1)>')
    expect(text).toBe('www\u200b.x.com/\\<img src=x onerror=alert\\(1\\)\\>')
    // No "www." survives for GFM's extended autolink to start at.
    expect(text).not.toMatch(/www\./i)
    expect(escapeMarkdown('WWW.evil.io')).toBe('WWW\u200b.evil.io')
  })

  it('no line of terminal output can start a workflow command, and controls are shown as ?', () => {
    expect(neutraliseTerminal('ok\n::error::x\n  ::add-mask::y\n##[error]z\n')).toBe('ok\n:\u200b:error::x\n  :\u200b:add-mask::y\n#\u200b#[error]z\n')
    expect(neutraliseTerminal('a\u001b[31mred\r\u0007')).toBe('a?[31mred??')
    expect(neutraliseTerminal('a :: b')).toBe('a :: b')
  })

  it('a newline in a baseline field printed by the CLI never starts a line with ::', async () => {
    const ws = quickstart()
    const results = JSON.parse(readFileSync(join(ws, 'baseline/results.json'), 'utf8'))
    results.ref = 'refs/heads/main\n::error file=x::pwned\n::stop-commands::token'
    results.commit = 'abc\n::warning::w'
    results.metrics[0].error = 'broken\n::error::from error'
    writeFileSync(join(ws, 'evil.json'), JSON.stringify(results))
    const { out, err } = await cli(['run', '--baseline', 'evil.json', '--out', 'o'], ws)
    const lines = `${out}\n${err}`.split(/\r?\n|\r/)
    expect(lines.filter((l) => /^\s*(::|##\[)/.test(l))).toEqual([])
    expect(out).toContain('\u200b:error file=x::pwned')
  })

  it('"did you mean" stays fast for a 3,000-character name among long CSV columns', () => {
    const columns = Array.from({ length: 2000 }, (_, i) => `${'c'.repeat(2000)}${i}`)
    const start = performance.now()
    expect(didYouMean('x'.repeat(3000), columns)).toBe('')
    expect(didYouMean('labelz', ['labels', ...columns])).toBe(' (did you mean "labels"?)')
    expect(performance.now() - start).toBeLessThan(1000)
  })
})
