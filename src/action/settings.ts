import { parseShard } from '../engine/shards.js'
import type { ShardInfo } from '../results/results-schema.js'
import { ActionInputError, type CoreLike, getChoiceInput, getOptionalInput } from './core-inputs.js'

type FailOn = 'error' | 'warning' | 'never'
export type CommentMode = 'always' | 'on-change' | 'on-regression' | 'never'
type Mode = 'check' | 'report' | 'merge'
/** `history`: none, the history branch, or a folder (of entries or earlier results.json files). */
type HistorySetting = { kind: 'none' } | { kind: 'branch' } | { kind: 'folder'; path: string }
export type BaselineSetting = { kind: 'auto' } | { kind: 'none' } | { kind: 'file'; path: string }

/** The action's inputs, read and checked once; names and defaults are the contract in action.yml. */
export interface Settings {
  token: string | undefined
  mode: Mode
  baseline: BaselineSetting
  /** Branch patterns whose push runs save the baseline; empty = the repository's default branch. */
  saveOn: string[]
  comment: CommentMode
  checkName: string | undefined
  failOn: FailOn
  config: string
  workingDirectory: string
  out: string
  /** Where the metric history lives, for `gate.history: iqr`, the trend column and change points. */
  history: HistorySetting
  historyBranch: string
  /** Entries kept per suite on the history branch. */
  historyKeep: number
  /** Publish the dashboard (index.html) to the history branch on push runs. */
  dashboard: boolean
  /** mode: check on one shard of the eval set (`I/N`): upload the shard's results for mode: merge, gate nothing. */
  shard: ShardInfo | undefined
  /** Also write the comparison as JUnit XML at this path (relative to working-directory). */
  junit: string | undefined
}

/** Comma- or newline-separated list input. */
function getListInput(core: CoreLike, name: string): string[] {
  return (getOptionalInput(core, name) ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function readSettings(core: CoreLike): Settings {
  const baselineInput = getOptionalInput(core, 'baseline') ?? 'auto'
  const baseline: BaselineSetting =
    baselineInput === 'auto' ? { kind: 'auto' } : baselineInput === 'none' ? { kind: 'none' } : { kind: 'file', path: baselineInput }
  const saveOn = getListInput(core, 'save-on')
  const mode = getChoiceInput<Mode>(core, 'mode', ['check', 'report', 'merge'], 'check')
  const shardInput = getOptionalInput(core, 'shard')
  if (shardInput !== undefined && mode !== 'check')
    throw new ActionInputError(`input "shard" is for mode: check (one matrix job per shard); mode: ${mode} takes no shard`)
  let shard: ShardInfo | undefined
  try {
    shard = shardInput === undefined ? undefined : parseShard(shardInput, 'input "shard"')
  } catch (error) {
    throw new ActionInputError((error as Error).message)
  }
  const junit = getOptionalInput(core, 'junit')
  if (junit !== undefined && shard) throw new ActionInputError('input "junit" with "shard": a shard gates nothing; set junit on the mode: merge job')
  const bad = saveOn.find((p) => !/^[\w./*-]+$/.test(p))
  if (bad !== undefined) throw new ActionInputError(`input "save-on": "${bad}" is not a branch name or pattern`)
  return {
    token: getOptionalInput(core, 'github-token'),
    mode,
    baseline,
    saveOn,
    comment: getChoiceInput<CommentMode>(core, 'comment', ['always', 'on-change', 'on-regression', 'never'], 'always'),
    checkName: getOptionalInput(core, 'check-name'),
    failOn: getChoiceInput<FailOn>(core, 'fail-on', ['error', 'warning', 'never'], 'error'),
    config: getOptionalInput(core, 'config') ?? 'interp-gate.yml',
    workingDirectory: getOptionalInput(core, 'working-directory') ?? '.',
    out: getOptionalInput(core, 'out') ?? 'interp-gate-out',
    ...readHistorySettings(core),
    shard,
    junit
  }
}

function readHistorySettings(core: CoreLike): Pick<Settings, 'history' | 'historyBranch' | 'historyKeep' | 'dashboard'> {
  const input = getOptionalInput(core, 'history') ?? 'none'
  const history: HistorySetting = input === 'none' ? { kind: 'none' } : input === 'branch' ? { kind: 'branch' } : { kind: 'folder', path: input }
  const historyBranch = getOptionalInput(core, 'history-branch') ?? 'interp-gate-data'
  if (
    !/^[A-Za-z0-9._][A-Za-z0-9._/-]*$/.test(historyBranch) ||
    historyBranch.includes('..') ||
    historyBranch.endsWith('/') ||
    historyBranch.endsWith('.lock')
  ) {
    throw new ActionInputError(`input "history-branch": "${historyBranch}" is not a valid branch name`)
  }
  const keepText = getOptionalInput(core, 'history-keep') ?? '1000'
  const historyKeep = Number(keepText)
  if (!Number.isInteger(historyKeep) || historyKeep < 1) throw new ActionInputError(`input "history-keep" must be a whole number ≥ 1; got "${keepText}"`)
  const dashboard = getChoiceInput(core, 'dashboard', ['true', 'false'], 'false') === 'true'
  if (dashboard && history.kind !== 'branch') throw new ActionInputError('input "dashboard: true" publishes to the history branch: set "history: branch" too')
  return { history, historyBranch, historyKeep, dashboard }
}

/** The save-on patterns in effect: the input, else the repository's default branch. */
export function saveOnPatterns(saveOn: readonly string[], defaultBranch: string | null): string[] {
  return saveOn.length ? [...saveOn] : defaultBranch ? [defaultBranch] : []
}

/** `main`, `release/*`: `*` matches within a path segment, `**` across segments. */
export function branchMatches(branch: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const source = p
      .split('**')
      .map((part) =>
        part
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*')
      )
      .join('.*')
    return new RegExp(`^${source}$`).test(branch)
  })
}
