import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from '../helpers/run-action.js'

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
const doc = readFileSync(join(ROOT, 'docs/github.md'), 'utf8')
const examplesDir = join(ROOT, '.github/workflows/examples')

describe('action.yml, docs/github.md and the example workflows agree', () => {
  it('action.yml declares the contract inputs with their defaults', () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs as Record<string, { default: string }>).map(([k, v]) => [k, v.default]))
    expect(defaults).toEqual({
      'github-token': '${{ github.token }}',
      mode: 'check',
      config: 'interp-gate.yml',
      baseline: 'auto',
      'save-on': '',
      comment: 'always',
      'check-name': '',
      'fail-on': 'error',
      'working-directory': '.',
      out: 'interp-gate-out',
      history: 'none',
      'history-branch': 'interp-gate-data',
      'history-keep': '1000',
      dashboard: 'false'
    })
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('docs/github.md documents every input and output', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) expect(doc).toContain(`| \`${name}\``)
  })

  it('docs/github.md carries each example workflow verbatim', () => {
    const files = readdirSync(examplesDir).sort()
    expect(files).toEqual(['compare.yml', 'pr-check.yml', 'report.yml'])
    for (const file of files) expect(doc).toContain(`# .github/workflows/${file}\n${readFileSync(join(examplesDir, file), 'utf8')}`)
  })

  it('the example workflows use only declared inputs and grant the permissions they need', () => {
    const workflows = Object.fromEntries(readdirSync(examplesDir).map((f) => [f, parse(readFileSync(join(examplesDir, f), 'utf8'))]))
    for (const wf of Object.values(workflows)) {
      for (const job of Object.values(wf.jobs as Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>)) {
        const step = job.steps.find((s) => s.uses?.startsWith('interp-gate/interp-gate@'))!
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input)
      }
    }
    expect(workflows['report.yml'].on).toEqual({ workflow_run: { workflows: ['interp-gate compare'], types: ['completed'] } })
    expect(workflows['report.yml'].permissions).toEqual({ actions: 'read', 'pull-requests': 'write', checks: 'write' })
    expect(workflows['compare.yml'].permissions).toEqual({ contents: 'read', actions: 'read' })
    expect(workflows['compare.yml'].name).toBe('interp-gate compare')
    expect(workflows['pr-check.yml'].permissions).toMatchObject({ actions: 'read', 'pull-requests': 'write', checks: 'write' })
  })
})
