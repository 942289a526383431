import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validateXML } from 'xmllint-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FakeGitLab } from '../helpers/fake-gitlab.js'
import { ROOT, TEST_BUNDLE } from '../helpers/run-action.js'

/** The bundled CLI as a GitLab job runs it: a child process whose only configuration is GitLab's CI variables. */
function gitlabJob(cwd: string, env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(TEST_BUNDLE, 'cli.js'), 'gitlab', '--junit', 'interp-gate-out/junit.xml'], { cwd, env }, (error, out, err) =>
      done({ code: error ? Number((error as { code?: number }).code) : 0, out, err })
    )
  })
}

describe('interp-gate gitlab, bundled, in a merge request job', () => {
  let gitlab: FakeGitLab
  beforeAll(async () => {
    gitlab = await new FakeGitLab().start()
  })
  afterAll(async () => {
    await gitlab.stop()
  })

  it('downloads the target branch baseline, creates the note, then updates it; JUnit and Code Quality for the widgets', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-gitlab-job-'))
    cpSync(join(ROOT, 'examples/quickstart'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') })
    gitlab.tokens.set('glpat-api', { user: { id: 42, username: 'project_7_bot' }, scope: 'api' })
    gitlab.artifacts.set('7/main/interp-gate/interp-gate-out/results.json', readFileSync(join(ws, 'baseline/results.json'), 'utf8'))
    const env = {
      PATH: process.env.PATH ?? '',
      CI: 'true',
      GITLAB_CI: 'true',
      CI_API_V4_URL: gitlab.url,
      CI_PROJECT_ID: '7',
      CI_PROJECT_DIR: ws,
      CI_COMMIT_SHA: '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d',
      CI_COMMIT_REF_NAME: 'feature/x',
      CI_JOB_NAME: 'interp-gate',
      CI_JOB_TOKEN: 'job-token',
      CI_MERGE_REQUEST_IID: '12',
      CI_MERGE_REQUEST_PROJECT_ID: '7',
      CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '7',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      GITLAB_TOKEN: 'glpat-api'
    }
    const first = await gitlabJob(ws, env)
    expect(first.err).toBe('')
    expect(first.code).toBe(1)
    const [note] = gitlab.notesOf('7', '12')
    expect(note.body.startsWith('<!-- interp-gate:suite=explainers -->\n### ❌ interp-gate: failed')).toBe(true)

    note.body = '<!-- interp-gate:suite=explainers -->\nstale'
    const second = await gitlabJob(ws, env)
    expect(second.out).toContain(`merge request !12 note ${note.id} updated`)
    expect(gitlab.notesOf('7', '12')).toHaveLength(1)

    const xml = readFileSync(join(ws, 'interp-gate-out/junit.xml'), 'utf8')
    const xsd = readFileSync(join(ROOT, 'test/fixtures/junit/junit-10.xsd'), 'utf8')
    expect((await validateXML({ xml: { fileName: 'junit.xml', contents: xml }, schema: { fileName: 'junit-10.xsd', contents: xsd } })).errors).toEqual([])
    const issues = JSON.parse(readFileSync(join(ws, 'interp-gate-out/gl-code-quality-report.json'), 'utf8'))
    expect(issues.map((i: { check_name: string }) => i.check_name)).toEqual(['interp-gate/regressed'])
  })
})
