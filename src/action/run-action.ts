import { type GitHubFactory, type ModeDeps, runCheckMode } from './check-mode.js'
import { ActionInputError, type CoreLike } from './core-inputs.js'
import { runMergeMode } from './merge-mode.js'
import { runReportMode } from './report-mode.js'
import { readSettings } from './settings.js'
import { ConfigError } from '../config/load.js'
import { GitHubError } from '../github/api.js'
import { BundleError } from '../github/bundle.js'
import { ContextError } from '../github/context.js'
import { HistoryError } from '../history/entry.js'
import { InputError } from '../inputs/index.js'
import { ResultsError } from '../results/io.js'
import { OutputError } from '../results/output-folder.js'
import type { Parallel } from '../engine/pipeline.js'

export interface ActionDeps {
  core: CoreLike
  env: Record<string, string | undefined>
  /** Builds the GitHub clients for a token; absent in tests that need no GitHub (then only local reporting runs). */
  github?: GitHubFactory
  /** Worker threads for bootstrap CIs (the bundled action has them). */
  parallel?: Parallel
}

/** Errors whose message already names the file, key or input; GitHub-side ones get the tool's name in front. */
const USER_ERRORS = [ConfigError, InputError, ResultsError, OutputError, HistoryError, ActionInputError]
const GITHUB_ERRORS = [BundleError, GitHubError, ContextError]

/** The action: `mode: check` computes and gates; `mode: merge` does so from a matrix's shard artifacts; `mode: report` posts a compare run's results (workflow_run). */
export async function run({ core, env, github, parallel }: ActionDeps): Promise<void> {
  try {
    const settings = readSettings(core)
    const deps: ModeDeps = { core, env, github, parallel }
    if (settings.mode === 'report') await runReportMode(deps, settings)
    else if (settings.mode === 'merge') await runMergeMode(deps, settings)
    else await runCheckMode(deps, settings)
  } catch (error) {
    const message = (error as Error).message
    if (USER_ERRORS.some((E) => error instanceof E)) core.setFailed(message)
    else if (GITHUB_ERRORS.some((E) => error instanceof E)) core.setFailed(`interp-gate: ${message}`)
    else core.setFailed(`interp-gate: internal error: ${(error as Error).stack ?? error}`)
  }
}
