import { readFileSync } from 'node:fs'
import { join, posix, relative, resolve } from 'node:path'
import { emitAnnotations } from './action/annotate.js'
import { ActionInputError, type CoreLike, getChoiceInput, getOptionalInput } from './action/inputs.js'
import { ConfigError } from './config/load.js'
import { InputError } from './inputs/index.js'
import { type Baseline, runPipeline } from './pipeline.js'
import { renderMarkdown } from './report/markdown.js'
import { parseResults, ResultsError } from './results/io.js'

/** Budgets GitHub enforces: 1 MiB for the job summary. */
export const SUMMARY_LIMIT = 1024 * 1024

export interface ActionDeps {
  core: CoreLike
  env: Record<string, string | undefined>
}

export type FailOn = 'error' | 'warning' | 'never'

/** Where the baseline comes from. `auto` (the base branch's artifact) arrives with the GitHub integration. */
export function readBaselineFile(workspace: string, path: string): Baseline {
  const absolute = resolve(workspace, path)
  let text: string
  try {
    text = readFileSync(absolute, 'utf8')
  } catch (error) {
    throw new ResultsError(`input "baseline": cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  return { results: parseResults(text, path), note: `baseline file ${path}` }
}

/** The action: compute, compare, report (summary, annotations, outputs) and fail per `fail-on`. */
export async function run({ core, env }: ActionDeps): Promise<void> {
  try {
    const root = env.GITHUB_WORKSPACE ?? process.cwd()
    const workingDirectory = getOptionalInput(core, 'working-directory') ?? '.'
    const workspace = resolve(root, workingDirectory)
    if (relative(root, workspace).startsWith('..')) throw new ActionInputError(`input "working-directory" (${workingDirectory}) leaves the workspace`)
    const config = getOptionalInput(core, 'config') ?? 'interp-gate.yml'
    const failOn = getChoiceInput<FailOn>(core, 'fail-on', ['error', 'warning', 'never'], 'error')
    const baselineInput = getOptionalInput(core, 'baseline') ?? 'none'
    const baseline = baselineInput === 'none' ? null : readBaselineFile(workspace, baselineInput)
    const outDir = getOptionalInput(core, 'out') ?? 'interp-gate-out'

    const result = await runPipeline({
      workspace,
      config,
      baseline,
      noBaselineNote: 'baseline: none',
      outDir,
      commit: env.GITHUB_SHA ?? null,
      ref: env.GITHUB_REF ?? null
    })
    const { comparison } = result
    // Annotations point at repository paths: the config lives under working-directory.
    const fromRoot = (p: string) => posix.join(relative(root, workspace).split('\\').join('/') || '.', p).replace(/^\.\//, '')
    emitAnnotations(core, result.annotations.map((a) => ({ ...a, ...(a.file ? { file: fromRoot(a.file) } : {}) })))
    await core.summary.addRaw(renderMarkdown(comparison, { maxChars: SUMMARY_LIMIT }), true).write()

    const regressions = comparison.rows.filter((r) => r.status === 'regressed' || r.status === 'failed').length
    core.setOutput('verdict', comparison.verdict)
    core.setOutput('regressions', String(regressions))
    core.setOutput('results-path', result.paths.results)
    core.setOutput('comparison-path', result.paths.comparison ?? '')
    core.setOutput('report-path', result.paths.report)
    core.info(`interp-gate: ${comparison.verdict} — report at ${join(outDir, 'report.md')}`)

    if (result.inputErrors) core.setFailed(`interp-gate: ${result.inputErrors} metric(s) could not be computed; see the annotations`)
    else if (comparison.verdict === 'fail' && failOn !== 'never') core.setFailed(`interp-gate: a gate failed (${regressions} regressed or failed metric(s))`)
    else if (comparison.verdict === 'warn' && failOn === 'warning') core.setFailed('interp-gate: warnings and fail-on is "warning"')
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof InputError || error instanceof ResultsError || error instanceof ActionInputError
    core.setFailed(known ? (error as Error).message : `interp-gate: internal error: ${(error as Error).stack ?? error}`)
  }
}
