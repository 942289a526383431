import type { z } from 'zod'
import type { Direction } from '../domain/policy.js'
import type { NDArray } from '../domain/ndarray.js'

export type Family = 'task' | 'faithfulness' | 'sparsity' | 'localisation' | 'agreement' | 'robustness' | 'circuits' | 'sae' | 'generic' | 'plugin'

/**
 * One input a metric takes. `shapes` lists the accepted shapes as symbolic dimensions: a name ('N', 'C', 'K+1')
 * binds a size that must agree across all inputs of the metric; a digit string is a fixed size; a name ending
 * in '...' ('F...') binds the product of one or more trailing dimensions (attributions [N,H,W] → F = H·W).
 */
export interface InputSpec {
  name: string
  shapes: string[][]
  description: string
  optional?: boolean
}

/** What a metric's compute returns. */
export interface MetricOutput {
  /** Per-example scores; NaN marks an example the metric is undefined for (excluded from the mean, counted). */
  scores?: Float64Array
  /**
   * Non-decomposable metrics (AUROC, ratios of means): per-example columns from which `aggregate` recomputes
   * the value on any subset of rows — bootstrap resamples and paired comparisons use this.
   */
  columns?: Record<string, Float64Array>
  /** The aggregate. Required when neither scores nor columns are given (a scalar `value`). */
  value?: number
  /** Rows of `columns` the aggregate leaves out (a NaN score or label): counted in nanCount, not in n. */
  dropped?: number
}

export interface MetricDoc {
  /** One sentence: what the number says. */
  summary: string
  /** The formula in plain text / unicode math. */
  formula: string
  /** Range of the value, e.g. "[0, 1]". */
  range: string
  /** Decided edge cases, each one sentence. */
  edgeCases: string[]
  /** Paper and the reference library file the implementation matches. */
  reference: string
  /** Where we deliberately differ from the reference, and why. */
  differences?: string
}

/** A metric of the catalogue. Built-ins and plugins (`metric: plugin`, `module: ./x.mjs`) share this shape. */
export interface MetricDefinition<P = any> {
  /** Catalogue name used as `metric:` in the config, [a-z0-9-]+. */
  name: string
  aliases?: string[]
  family: Family
  title: string
  direction: Direction
  inputs: InputSpec[]
  /** zod schema of `params` (an object; unknown keys are rejected; defaults are applied). */
  params: z.ZodType<P>
  /** Per-example 0/1 outcomes (accuracy, agreement): paired comparisons use McNemar's exact test. */
  binary?: boolean
  /**
   * Optional: every input is [N, ...] and compute's score for row i depends only on row i of each input (and the
   * params), so the pipeline may call compute on blocks of rows and never hold a whole array in memory.
   */
  rowwise?: boolean
  /**
   * With rowwise and one input: the scores of a block of rows of a float32 array, given as the file's float32 values
   * (count·rowSize of them, C order) and bit for bit those compute gives on the same rows widened to float64. The
   * block pass uses it to skip the widening copy.
   */
  computeRowsFloat32?(rows: Float32Array, rowSize: number, params: P): Float64Array
  compute(inputs: Record<string, NDArray>, params: P): MetricOutput
  /** Required with `columns`: the value on the rows `indices` (all rows when omitted). */
  aggregate?(columns: Record<string, Float64Array>, params: P, indices?: ArrayLike<number>): number
  /**
   * Sharded evaluation (`interp-gate merge`). Without it, scores and columns concatenate in shard order, and a
   * metric that returns only a `value` cannot be merged (the merge refuses it).
   */
  shards?: ShardSupport<P>
  doc: MetricDoc
}

/** How a metric whose output depends on more than its own rows (shard means, a whole-set property) merges. */
export interface ShardSupport<P = any> {
  /** What a shard keeps besides its scores and columns, e.g. its per-dimension means. */
  state(inputs: Record<string, NDArray>, params: P, output: MetricOutput): Record<string, Float64Array>
  /** The whole run's output from every shard's output and state, in shard order; equals computing on all rows at once. */
  merge(parts: readonly ShardPart[], params: P): MetricOutput
}

export interface ShardPart {
  output: MetricOutput
  state: Record<string, Float64Array>
}

/** A metric's own complaint about its inputs or params; the pipeline adds the metric id and file. */
export class MetricInputError extends Error {
  override name = 'MetricInputError'
}
