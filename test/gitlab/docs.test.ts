import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from '../helpers/run-action.js'

const doc = readFileSync(join(ROOT, 'docs/gitlab.md'), 'utf8')
const example = readFileSync(join(ROOT, 'examples/gitlab/.gitlab-ci.yml'), 'utf8')
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

describe('docs/gitlab.md and the example .gitlab-ci.yml agree with the command', () => {
  it('docs/gitlab.md carries the example verbatim', () => {
    expect(doc).toContain(`# .gitlab-ci.yml\n${example}`)
  })

  it('the job declares the reports the command writes, and keeps OUT/results.json for later baselines', () => {
    const job = parse(example)['interp-gate']
    const script: string = job.script.join('\n')
    const junit = /--junit (\S+)/.exec(script)![1]
    expect(job.artifacts.reports).toEqual({ junit, codequality: 'interp-gate-out/gl-code-quality-report.json' })
    expect(job.artifacts.paths).toEqual(['interp-gate-out/'])
    // The baseline is only found in a successful pipeline's artifacts, and a failed gate must still save its reports.
    expect(job.artifacts.when).toBe('always')
  })

  it('README documents the gitlab command and its flags, and --junit', () => {
    for (const flag of ['--job NAME', '--artifact PATH', '--codequality FILE', '--junit FILE', 'GITLAB_TOKEN']) expect(readme).toContain(flag)
    expect(readme).toMatch(/\| `gitlab` \|/)
  })
})
