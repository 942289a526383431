import { posix, relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { writeJunitFile } from '../engine/junit-file.js'
import { type Baseline, type PipelineResult, runPipeline } from '../engine/pipeline.js'
import { stickyMarker } from '../github/comment.js'
import { type GitLabClient, GitLabError, type GitLabToken, gitlabClient } from '../gitlab/api.js'
import { downloadArtifactFile } from '../gitlab/artifacts.js'
import { type GitLabContext, gitlabContext } from '../gitlab/context.js'
import { GITLAB_NOTE_BYTES } from '../domain/limits.js'
import { upsertStickyNote } from '../gitlab/notes.js'
import { renderCodeQuality } from '../report/codequality.js'
import { renderMarkdown } from '../report/markdown.js'
import { renderTerminal } from '../report/text.js'
import { parseResults } from '../results/io.js'
import { prepareOutputFolder, writeOutputs } from '../results/output-folder.js'
import { EXIT, type Io, PIPELINE_OPTIONS, printMetricErrors, sharedPipelineOptions, UsageError } from './cli-shared.js'

/** GITLAB_TOKEN writes notes; CI_JOB_TOKEN can only read artifacts. */
function tokenOf(env: Io['env']): { token: GitLabToken | null; name: string } {
  if (env.GITLAB_TOKEN?.trim()) return { token: { kind: 'private', value: env.GITLAB_TOKEN.trim() }, name: 'GITLAB_TOKEN' }
  if (env.CI_JOB_TOKEN?.trim()) return { token: { kind: 'job', value: env.CI_JOB_TOKEN.trim() }, name: 'CI_JOB_TOKEN' }
  return { token: null, name: 'GITLAB_TOKEN' }
}

/** Where the baseline artifact is: the target branch of a merge request, else this branch's previous successful pipeline. */
function artifactSource(ctx: GitLabContext): { projectId: string; ref: string } | null {
  if (ctx.mergeRequest) return { projectId: ctx.mergeRequest.projectId, ref: ctx.mergeRequest.targetBranch }
  return ctx.refName ? { projectId: ctx.projectId, ref: ctx.refName } : null
}

/** A path inside the job's artifacts archive: relative to CI_PROJECT_DIR, with forward slashes. */
function archivePath(root: string, absolute: string): string {
  const rel = relative(root, absolute)
  if (rel.startsWith('..') || resolve(root, rel) !== absolute)
    throw new UsageError(`${absolute} is outside CI_PROJECT_DIR (${root}): GitLab saves artifacts from inside the project only; give --artifact PATH`)
  return rel.split(sep).join(posix.sep)
}

/** The baseline from the latest successful pipeline's artifact; none (with the reason) when there is no such artifact yet. */
async function artifactBaseline(
  client: GitLabClient,
  tokenName: string,
  ctx: GitLabContext,
  job: string | null,
  artifact: string
): Promise<{ baseline: Baseline | null; noBaselineNote: string }> {
  const source = artifactSource(ctx)
  if (!source || !job)
    return { baseline: null, noBaselineNote: 'no CI_COMMIT_REF_NAME or CI_JOB_NAME to find the baseline artifact by; give --baseline or --job' }
  const bytes = await downloadArtifactFile(client, { ...source, job, path: artifact, tokenName })
  const where = `${artifact} of job "${job}" in ${source.ref}'s latest successful pipeline`
  if (!bytes) return { baseline: null, noBaselineNote: `no ${where} (the first run on ${source.ref}, or the job saves no artifact there)` }
  return { baseline: { results: parseResults(new TextDecoder().decode(bytes), where), note: where }, noBaselineNote: '' }
}

/** The Code Quality report at FILE (relative to the workspace); its paths are relative to the repository, as GitLab shows them. */
function writeCodeQuality(root: string, workspace: string, file: string, result: PipelineResult): string {
  const fromRoot = (p: string) => {
    const rel = relative(root, resolve(workspace, p))
    return rel.startsWith('..') ? p : rel.split(sep).join(posix.sep)
  }
  const annotations = result.annotations.map((a) => ({ ...a, ...(a.file ? { file: fromRoot(a.file) } : {}) }))
  const folder = prepareOutputFolder(workspace, posix.dirname(file))
  return writeOutputs(folder, { [posix.basename(file)]: renderCodeQuality(annotations, result.comparison.head.suite) })[0]
}

/** `interp-gate gitlab`: the pipeline with a GitLab baseline, a sticky merge request note and a Code Quality report. */
export async function gitlabCommand(args: string[], io: Io): Promise<number> {
  const options = { ...PIPELINE_OPTIONS, job: { type: 'string' }, artifact: { type: 'string' }, codequality: { type: 'string' } } as const
  const { values } = parseArgs({ args, options, strict: true })
  let ctx: GitLabContext
  try {
    ctx = gitlabContext(io.env)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const root = ctx.projectDir ?? io.cwd
  const workspace = resolve(io.cwd, values['working-directory']!)
  const out = values.out!
  const { token, name: tokenName } = tokenOf(io.env)
  const client = gitlabClient(ctx.apiUrl, token)
  // The options `run` takes, but commit and ref come from GitLab's variables and the baseline from the target branch.
  const { noBaselineNote: _unused, ...shared } = sharedPipelineOptions(values, io)
  const result = await runPipeline({
    ...shared,
    ...(values.baseline
      ? {}
      : {
          baseline: null,
          resolveBaseline: () =>
            artifactBaseline(client, tokenName, ctx, values.job ?? ctx.jobName, values.artifact ?? archivePath(root, resolve(workspace, out, 'results.json')))
        }),
    commit: values.commit ?? ctx.commitSha,
    ref: values.ref ?? ctx.refName
  })
  const { comparison } = result
  io.out(`${renderTerminal(comparison)}\n`)

  const codequality = writeCodeQuality(root, workspace, values.codequality ?? posix.join(out, 'gl-code-quality-report.json'), result)
  const junit = values.junit === undefined ? null : writeJunitFile(workspace, values.junit, result)
  io.out(`wrote ${[result.paths.results, result.paths.comparison, result.paths.report, codequality, junit].filter(Boolean).join(', ')}\n`)

  await publishNote(ctx, io, {
    client,
    token,
    tokenName,
    body: renderMarkdown(comparison, { marker: stickyMarker(comparison.head.suite), maxBytes: GITLAB_NOTE_BYTES }),
    suite: comparison.head.suite
  })

  if (result.inputErrors) {
    printMetricErrors(result.results, io)
    return EXIT.usage
  }
  return comparison.verdict === 'fail' ? EXIT.fail : EXIT.pass
}

interface NoteTarget {
  client: GitLabClient
  token: GitLabToken | null
  tokenName: string
  body: string
  suite: string
}

/** The sticky note; a failure is a warning, so the verdict, report and Code Quality stand. */
async function publishNote(ctx: GitLabContext, io: Io, t: NoteTarget): Promise<void> {
  const mr = ctx.mergeRequest
  if (!mr) {
    io.out('interp-gate: not a merge request pipeline: no note\n')
    return
  }
  if (mr.fork) {
    io.out(
      'interp-gate: merge request from a fork: read-only, no note (a fork pipeline has no write access to the target project); the report is in this log, report.md, the JUnit and Code Quality reports\n'
    )
    return
  }
  if (t.token?.kind !== 'private') {
    io.err(
      `interp-gate: warning: GITLAB_TOKEN is not set, so no merge request note: create a project access token with the api scope (Reporter role) and add it as a masked CI/CD variable GITLAB_TOKEN\n`
    )
    return
  }
  try {
    const outcome = await upsertStickyNote(t.client, {
      projectId: mr.projectId,
      mergeRequestIid: mr.iid,
      marker: stickyMarker(t.suite),
      body: t.body,
      tokenName: t.tokenName
    })
    io.out(`interp-gate: merge request !${mr.iid} note ${outcome.id} ${outcome.action}\n`)
  } catch (error) {
    if (!(error instanceof GitLabError)) throw error
    io.err(`interp-gate: warning: ${error.message}\n`)
  }
}
