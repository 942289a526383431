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
      shard: '',
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
      dashboard: 'false',
      junit: ''
    })
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('docs/github.md documents every input and output', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) expect(doc).toContain(`| \`${name}\``)
  })

  it('docs/github.md carries each example workflow verbatim', () => {
    const files = readdirSync(examplesDir).sort()
    expect(files).toEqual(['compare.yml', 'matrix.yml', 'merge-queue.yml', 'pr-check.yml', 'report.yml'])
    for (const file of files) expect(doc).toContain(`# .github/workflows/${file}\n${readFileSync(join(examplesDir, file), 'utf8')}`)
  })

  it('the example workflows use only declared inputs and grant the permissions they need', () => {
    const workflows = Object.fromEntries(readdirSync(examplesDir).map((f) => [f, parse(readFileSync(join(examplesDir, f), 'utf8'))]))
    for (const wf of Object.values(workflows)) {
      for (const job of Object.values(wf.jobs as Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>)) {
        const steps = job.steps.filter((s) => s.uses?.startsWith('interp-gate/interp-gate@'))
        expect(steps.length).toBeGreaterThan(0)
        for (const step of steps) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input)
      }
    }
    expect(workflows['merge-queue.yml'].on).toMatchObject({ merge_group: null, pull_request: null, workflow_dispatch: null, push: { branches: ['main'] } })
    expect(workflows['report.yml'].on).toEqual({ workflow_run: { workflows: ['interp-gate compare'], types: ['completed'] } })
    expect(workflows['report.yml'].permissions).toEqual({ actions: 'read', 'pull-requests': 'write', checks: 'write' })
    expect(workflows['compare.yml'].permissions).toEqual({ contents: 'read', actions: 'read' })
    expect(workflows['compare.yml'].name).toBe('interp-gate compare')
    expect(workflows['pr-check.yml'].permissions).toMatchObject({ actions: 'read', 'pull-requests': 'write', checks: 'write' })
    expect(workflows['matrix.yml'].permissions).toMatchObject({ actions: 'read', 'pull-requests': 'write', checks: 'write' })
    const matrix = workflows['matrix.yml'].jobs
    expect(matrix.shard.strategy.matrix.shard).toEqual([1, 2, 3, 4])
    expect(matrix.shard.steps.at(-1).with.shard).toBe('${{ matrix.shard }}/4')
    expect(matrix.merge.needs).toBe('shard')
    expect(matrix.merge.steps.at(-1).with.mode).toBe('merge')
  })

  it('every workflow in the examples and docs uses a ref of the action that exists before a release: main or a full sha', () => {
    // No tag exists until release.yml runs on the first vX.Y.Z tag, so @v0 in a copied workflow fails to resolve.
    const texts = [
      ...readdirSync(examplesDir).map((f) => readFileSync(join(examplesDir, f), 'utf8')),
      ...[doc, readFileSync(join(ROOT, 'docs/history.md'), 'utf8')].flatMap((md) => [...md.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]))
    ]
    const refs = texts.flatMap((text) => [...text.matchAll(/uses: interp-gate\/interp-gate@(\S+)/g)].map((m) => m[1]))
    expect(refs.length).toBeGreaterThanOrEqual(12)
    for (const ref of refs) expect(ref).toMatch(/^(main|[0-9a-f]{40})$/)
    for (const text of texts)
      for (const line of text.split('\n').filter((l) => l.includes('interp-gate/interp-gate@'))) expect(line).toContain('README: Install')
  })

  it('the actions/cache recipe restores and saves the folder the action reads and adds to, saving on pushes only', () => {
    const block = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1])).find((wf) => JSON.stringify(wf).includes('actions/cache/restore'))
    const steps: { uses?: string; if?: string; with?: Record<string, string> }[] = block.jobs['interp-gate'].steps
    const restore = steps.find((s) => s.uses?.startsWith('actions/cache/restore@'))!
    const gate = steps.find((s) => s.uses?.startsWith('interp-gate/interp-gate@'))!
    const save = steps.find((s) => s.uses?.startsWith('actions/cache/save@'))!
    expect(steps.indexOf(restore)).toBeLessThan(steps.indexOf(gate))
    expect(steps.indexOf(gate)).toBeLessThan(steps.indexOf(save))
    for (const input of Object.keys(gate.with ?? {})) expect(Object.keys(action.inputs)).toContain(input)
    expect(restore.with!.path).toBe(gate.with!.history)
    expect(save.with!.path).toBe(gate.with!.history)
    expect(save.if).toBe("github.event_name == 'push'")
    expect(save.with!.key).toBe(restore.with!.key)
    expect(restore.with!.key.startsWith(restore.with!['restore-keys'])).toBe(true)
    expect(block.permissions.contents).toBe('read')
  })

  it("no check-name in the docs or workflows equals a job's own check (workflow name, job id or job name)", () => {
    const blocks = [readFileSync(join(ROOT, 'README.md'), 'utf8'), doc].flatMap((md) => [...md.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]))
    const files = [...readdirSync(examplesDir).map((f) => join(examplesDir, f)), join(ROOT, '.github/workflows/ci.yml')].map((f) => readFileSync(f, 'utf8'))
    const checkNames: string[] = []
    for (const wf of [...blocks, ...files].map((text) => parse(text)).filter((wf) => wf?.jobs)) {
      const jobs = Object.entries(wf.jobs as Record<string, { name?: string; steps?: { with?: Record<string, unknown> }[] }>)
      const own = new Set([wf.name, ...jobs.flatMap(([id, job]) => [id, job.name])].filter(Boolean))
      for (const [, job] of jobs) {
        for (const name of (job.steps ?? []).map((s) => s.with?.['check-name']).filter((n): n is string => typeof n === 'string')) {
          checkNames.push(name)
          expect(own.has(name), `check-name "${name}" collides with the workflow's own checks ${[...own].join(', ')}`).toBe(false)
        }
      }
    }
    expect(checkNames.length).toBeGreaterThanOrEqual(5)
  })
})
