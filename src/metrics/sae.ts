import { z } from 'zod'
import { type NDArray, row, rows } from '../domain/ndarray.js'
import { pairedMeans, rowIndices } from './linalg.js'
import { concatFloat64, hasNaN, perRow } from './math.js'
import { type InputSpec, type MetricDefinition, MetricInputError, type ShardPart } from './definition.js'

const latentsSpec: InputSpec = {
  name: 'latents',
  shapes: [['T', 'D']],
  description: 'SAE latent activations [T tokens, D latents] (flatten batch and position into T first)'
}
const xSpec: InputSpec = { name: 'x', shapes: [['T', 'M']], description: 'the activations the SAE reconstructs [T tokens, M model dims]' }
const xHatSpec: InputSpec = { name: 'x_hat', shapes: [['T', 'M']], description: 'the SAE reconstruction of x [T, M]' }
const epsParams = z.object({ eps: z.number().nonnegative().default(0).describe('a latent counts as active when |z| > eps') }).strict()

export const saeL0: MetricDefinition<{ eps: number }> = {
  name: 'sae-l0',
  family: 'sae',
  title: 'SAE L0 (active latents per token)',
  direction: 'lower',
  inputs: [latentsSpec],
  params: epsParams,
  compute({ latents }, { eps }) {
    return {
      scores: perRow(latents, (z) => {
        let count = 0
        for (let j = 0; j < z.length; j++) {
          if (Number.isNaN(z[j])) return NaN
          if (Math.abs(z[j]) > eps) count++
        }
        return count
      })
    }
  },
  doc: {
    summary: 'Number of latents active on a token, averaged over tokens: the sparsity of the SAE code.',
    formula: 'L0ₜ = Σ_d 1[|z_td| > eps], then the mean over tokens',
    range: '[0, D]',
    edgeCases: ['A NaN latent makes that token NaN (excluded, counted).', 'eps defaults to 0: exact zeros only.'],
    reference: 'SAELens sae_lens/evals.py get_sparsity_and_variance_metrics (l0 = (feature_acts > 0).sum(-1)); SAEBench core eval.',
    differences: 'SAELens counts z > 0; we count |z| > eps, so negative activations (non-ReLU SAEs) count as active. Identical for ReLU / TopK / JumpReLU SAEs.'
  }
}

/** 1 for each latent active (|z| > eps) on some token, else 0. */
function aliveLatents(latents: NDArray, eps: number): Float64Array {
  const d = latents.shape[1]
  const alive = new Float64Array(d)
  for (let k = 0; k < latents.data.length; k++) if (Math.abs(latents.data[k]) > eps) alive[k % d] = 1
  return alive
}

const deadShare = (alive: Float64Array) => (alive.length - alive.reduce((p, a) => p + a, 0)) / alive.length

export const deadFraction: MetricDefinition<{ eps: number }> = {
  name: 'dead-fraction',
  family: 'sae',
  title: 'Dead-latent fraction',
  direction: 'lower',
  inputs: [latentsSpec],
  params: epsParams,
  compute({ latents }, { eps }) {
    if (hasNaN(latents.data)) throw new MetricInputError(`input "latents" (${latents.source}) holds NaN; dead latents are undefined`)
    const [t, d] = latents.shape
    if (t === 0 || d === 0) throw new MetricInputError(`input "latents" (${latents.source}) is empty`)
    return { value: deadShare(aliveLatents(latents, eps)) }
  },
  // Dead on the whole token set = dead on every shard: shards keep their alive flags, the merge ORs them.
  shards: {
    state: ({ latents }, { eps }) => ({ alive: aliveLatents(latents, eps) }),
    merge(parts) {
      const alive = new Float64Array(parts[0].state.alive.length)
      for (const { state } of parts) {
        if (state.alive.length !== alive.length)
          throw new MetricInputError(`shards have different numbers of latents (${alive.length} and ${state.alive.length})`)
        state.alive.forEach((a, k) => (alive[k] = a || alive[k] ? 1 : 0))
      }
      return { value: deadShare(alive) }
    }
  },
  doc: {
    summary: 'Share of latents that never fire on any of the T tokens; dead latents waste dictionary capacity.',
    formula: 'dead = (1/D)·Σ_d 1[|z_td| ≤ eps for every t]',
    range: '[0, 1]',
    edgeCases: [
      'A NaN latent or an empty array is an input error.',
      'Depends on T: a latent that fires once in 10⁶ tokens looks dead on 10³; compare runs on the same token set.',
      'Whether a latent is dead is a property of the whole token set: value only, no confidence interval.'
    ],
    reference:
      'Bricken et al. 2023, "Towards Monosemanticity" (dead neurons); SAELens sae_lens/evals.py feature_density (dead = density 0); SAEBench core eval (frac_dead_features).'
  }
}

/** Σ_d (x_td − x̂_td)² per token, NaN when a value is NaN. */
function squaredErrors(x: NDArray, xHat: NDArray): Float64Array {
  return perRow(x, (xt, t) => {
    const ht = row(xHat, t)
    let s = 0
    for (let j = 0; j < xt.length; j++) s += (xt[j] - ht[j]) ** 2
    return s
  })
}

/** The centred per-dimension columns c:0 … c:M−1 in order, found once per columns object (keyed by its sse array). */
const centredCache = new WeakMap<Float64Array, Float64Array[]>()

function centredColumns(columns: Record<string, Float64Array>): Float64Array[] {
  let centred = centredCache.get(columns.sse)
  if (!centred) {
    centred = Object.keys(columns)
      .filter((k) => k.startsWith('c:'))
      .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))
      .map((k) => columns[k])
    centredCache.set(columns.sse, centred)
  }
  return centred
}

/**
 * Explained variance on the rows `indices`: 1 − Σ sse / Σ_t Σ_d (x_td − x̄_d)², with x̄ the mean over those rows.
 * The columns hold x centred on the full-data mean (c_td), so Σ_t (x_td − x̄_d)² = Σ_t c_td² − (Σ_t c_td)² / n stays
 * exact on any resample and free of cancellation. Without c:d columns (resample_mean: false) x̄ stays the full-data mean.
 */
function explainedVarianceOf(columns: Record<string, Float64Array>, indices?: ArrayLike<number>): number {
  const { sse, css } = columns
  const centred = centredColumns(columns)
  const rowsAt = rowIndices(sse.length, indices)
  const sums = new Float64Array(centred.length)
  let n = 0
  let residual = 0
  let total = 0
  for (let k = 0; k < rowsAt.length; k++) {
    const t = rowsAt[k]
    if (!Number.isFinite(sse[t])) continue
    n++
    residual += sse[t]
    total += css[t]
    for (let d = 0; d < centred.length; d++) sums[d] += centred[d][t]
  }
  for (let d = 0; d < centred.length; d++) total -= (sums[d] * sums[d]) / n
  return n === 0 || !(total > 0) ? NaN : 1 - residual / total
}

function checkedVariance(columns: Record<string, Float64Array>, source: string): number {
  const value = explainedVarianceOf(columns)
  if (Number.isNaN(value)) throw new MetricInputError(`input "x" (${source}) has zero variance; explained variance is undefined`)
  return value
}

/** Re-centres every shard's c:d on the mean of all finite tokens, then rebuilds css as compute() does. */
function mergeExplainedVariance(parts: readonly ShardPart[], resampleMean: boolean): { columns: Record<string, Float64Array>; value: number } {
  const m = parts[0].state.mean.length
  const total = parts.reduce((k, p) => k + p.state.finite[0], 0)
  const mean = new Float64Array(m)
  for (const { state } of parts) {
    if (state.mean.length !== m) throw new MetricInputError(`shards have different model dimensions (${m} and ${state.mean.length})`)
    for (let d = 0; d < m; d++) mean[d] += (state.mean[d] * state.finite[0]) / total
  }
  const sse = concatFloat64(parts.map((p) => p.output.columns!.sse))
  const centred = Array.from({ length: m }, () => new Float64Array(sse.length))
  let offset = 0
  for (const { output, state } of parts) {
    const source = resampleMean ? output.columns! : state
    const rowsHere = output.columns!.sse.length
    for (let d = 0; d < m; d++) {
      const shift = state.mean[d] - mean[d]
      for (let i = 0; i < rowsHere; i++) centred[d][offset + i] = Number.isFinite(sse[offset + i]) ? source[`c:${d}`][i] + shift : 0
    }
    offset += rowsHere
  }
  const css = new Float64Array(sse.length)
  for (let d = 0; d < m; d++) for (let i = 0; i < sse.length; i++) css[i] += centred[d][i] * centred[d][i]
  const columns: Record<string, Float64Array> = { sse, css }
  if (resampleMean) centred.forEach((c, d) => (columns[`c:${d}`] = c))
  return { columns, value: checkedVariance(columns, 'x') }
}

export const explainedVariance: MetricDefinition<{ resample_mean: boolean }> = {
  name: 'explained-variance',
  aliases: ['fve'],
  family: 'sae',
  title: 'Explained variance (FVE)',
  direction: 'higher',
  inputs: [xSpec, xHatSpec],
  params: z
    .object({
      resample_mean: z
        .boolean()
        .default(true)
        .describe('recompute x̄ on each bootstrap resample (exact; keeps one column per model dimension) or keep the full-data x̄ (two columns)')
    })
    .strict(),
  compute({ x, x_hat: xHat }, { resample_mean: resampleMean }) {
    const t = rows(x)
    const m = x.shape[1]
    const sse = squaredErrors(x, xHat)
    // Tokens with a non-finite value (sse not finite) are left out of the mean and of every sum.
    const mean = new Float64Array(m)
    let n = 0
    for (let i = 0; i < t; i++) {
      if (!Number.isFinite(sse[i])) continue
      n++
      const xt = row(x, i)
      for (let d = 0; d < m; d++) mean[d] += xt[d]
    }
    if (n === 0) throw new MetricInputError('no token has finite x and x_hat')
    for (let d = 0; d < m; d++) mean[d] /= n
    const columns: Record<string, Float64Array> = { sse, css: new Float64Array(t) }
    const centred = Array.from({ length: resampleMean ? m : 0 }, (_, d) => (columns[`c:${d}`] = new Float64Array(t)))
    for (let i = 0; i < t; i++) {
      const xt = row(x, i)
      let css = 0
      for (let d = 0; d < m; d++) {
        const c = Number.isFinite(sse[i]) ? xt[d] - mean[d] : 0
        if (resampleMean) centred[d][i] = c
        css += c * c
      }
      columns.css[i] = css
    }
    return { columns, value: checkedVariance(columns, x.source) }
  },
  aggregate(columns, _params, indices) {
    return explainedVarianceOf(columns, indices)
  },
  // Each shard centres x on its own mean: shards keep that mean (and, without c:d columns, the centred values) to re-centre.
  shards: {
    state({ x }, { resample_mean: resampleMean }, output) {
      const columns = output.columns!
      const m = x.shape[1]
      const finite = columns.sse.filter(Number.isFinite).length
      const mean = new Float64Array(m)
      for (let i = 0; i < rows(x); i++) if (Number.isFinite(columns.sse[i])) for (let d = 0; d < m; d++) mean[d] += row(x, i)[d]
      for (let d = 0; d < m; d++) mean[d] /= finite
      const state: Record<string, Float64Array> = { mean, finite: Float64Array.of(finite) }
      if (!resampleMean)
        for (let d = 0; d < m; d++)
          state[`c:${d}`] = Float64Array.from({ length: rows(x) }, (_, i) => (Number.isFinite(columns.sse[i]) ? row(x, i)[d] - mean[d] : 0))
      return state
    },
    merge: (parts, { resample_mean: resampleMean }) => mergeExplainedVariance(parts, resampleMean)
  },
  doc: {
    summary: 'Share of the activations’ variance (about their per-dimension mean) that the SAE reconstruction explains.',
    formula: 'FVE = 1 − Σ_t ‖x_t − x̂_t‖² / Σ_t Σ_d (x_td − x̄_d)², x̄_d = mean over tokens (ratio of sums, not a mean of per-token ratios)',
    range: '(−∞, 1]; 1 = perfect reconstruction, 0 = no better than predicting the mean',
    edgeCases: [
      'x with zero variance (every token identical) is an input error; on a bootstrap resample it is NaN.',
      'A token with a NaN or ±Inf in x or x_hat is left out of every sum and of the mean x̄.',
      'The columns are sse_t, css_t = Σ_d c_td² and one column c:d per model dimension (x centred on the full-data mean), so the ' +
        'bootstrap recomputes x̄ on each resample exactly; they take as much room as x, in memory and in results.json.',
      'resample_mean: false keeps only sse_t and css_t and holds x̄ at the full-data mean on resamples: the value is unchanged, ' +
        'the confidence interval differs by O(1/T); use it when T·M is large.'
    ],
    reference:
      'The coefficient of determination with variance weighting: sklearn.metrics.r2_score(x, x_hat, multioutput="variance_weighted"); ' +
      'SAELens sae_lens/evals.py explained_variance after PR #665 (fix of issue #659); SAEBench core eval explained_variance (PR #61).',
    differences:
      'SAELens before the #659 fix subtracted Σ_d E[x_d²]² collapsed to a scalar instead of Σ_d E[x_d]², so its denominator was ' +
      'close to E‖x‖² (variance about zero) and reported inflated values (≈0.98 vs ≈0.78 in the issue). The older "legacy" formula ' +
      'averaged per-token ratios 1 − ‖x_t − x̂_t‖² / ‖x_t − x̄‖². We compute the ratio of sums about the per-dimension mean.'
  }
}

export const cosineSimilarity: MetricDefinition<Record<string, never>> = {
  name: 'cosine-similarity',
  aliases: ['cossim'],
  family: 'sae',
  title: 'Reconstruction cosine similarity',
  direction: 'higher',
  inputs: [xSpec, xHatSpec],
  params: z.object({}).strict(),
  compute({ x, x_hat: xHat }) {
    return {
      scores: perRow(x, (xt, t) => {
        const ht = row(xHat, t)
        let dot = 0
        let xx = 0
        let hh = 0
        for (let j = 0; j < xt.length; j++) {
          dot += xt[j] * ht[j]
          xx += xt[j] * xt[j]
          hh += ht[j] * ht[j]
        }
        if (!(xx > 0 && hh > 0)) return NaN
        // One square root keeps parallel vectors at exactly ±1; the clamp guards the last ulp.
        return Math.max(-1, Math.min(1, dot / Math.sqrt(xx * hh)))
      })
    }
  },
  doc: {
    summary: 'Cosine between each activation vector and its reconstruction, averaged over tokens: does the SAE keep the direction?',
    formula: 'cosₜ = ⟨x_t, x̂_t⟩ / (‖x_t‖·‖x̂_t‖), then the mean over tokens',
    range: '[−1, 1]',
    edgeCases: ['A zero vector (x_t or x̂_t) makes that token NaN (excluded, counted).', 'A NaN value makes that token NaN.'],
    reference: 'SAELens sae_lens/evals.py get_sparsity_and_variance_metrics (cossim); SAEBench core eval (cossim).',
    differences: 'torch.nn.functional.cosine_similarity clamps the norms by eps = 1e-8 and so returns 0 for a zero vector; we return NaN.'
  }
}

function recoveredInputs(names: string[], descriptions: string[]): InputSpec[] {
  return names.map((name, i) => ({ name, shapes: [['N']], description: descriptions[i] }))
}

function ratioOfMeans(
  columns: Record<string, Float64Array>,
  names: string[],
  ratio: (means: number[]) => number,
  indices?: ArrayLike<number>
): { value: number; n: number } {
  const { means, n } = pairedMeans(
    names.map((k) => columns[k]),
    indices
  )
  return { value: ratio(means), n }
}

function fullValue({ value, n }: { value: number; n: number }, what: string): number {
  if (n === 0) throw new MetricInputError('no example has finite values in every input')
  if (Number.isNaN(value)) throw new MetricInputError(`${what}: the score is undefined (zero denominator)`)
  return value
}

const ceNames = ['ce_clean', 'ce_sae', 'ce_ablated']
const ceRatio = ([clean, sae, ablated]: number[]) => (ablated === clean ? NaN : (ablated - sae) / (ablated - clean))

export const ceLossRecovered: MetricDefinition<Record<string, never>> = {
  name: 'ce-loss-recovered',
  aliases: ['ce-loss-score'],
  family: 'sae',
  title: 'CE loss recovered',
  direction: 'higher',
  inputs: recoveredInputs(ceNames, [
    'cross-entropy of the unmodified model per token or prompt [N]',
    'cross-entropy with the SAE reconstruction spliced in [N]',
    'cross-entropy with the activation ablated (zero- or mean-ablation) [N]'
  ]),
  params: z.object({}).strict(),
  compute(inputs) {
    const columns = Object.fromEntries(ceNames.map((k) => [k, Float64Array.from(inputs[k].data)]))
    return { columns, value: fullValue(ratioOfMeans(columns, ceNames, ceRatio), 'mean ce_ablated equals mean ce_clean') }
  },
  aggregate(columns, _params, indices) {
    return ratioOfMeans(columns, ceNames, ceRatio, indices).value
  },
  doc: {
    summary: 'Share of the loss increase caused by ablating the activation that splicing in the SAE reconstruction avoids.',
    formula: 'CER = (C̄E_abl − C̄E_sae) / (C̄E_abl − C̄E_clean), each mean over examples taken first',
    range: '(−∞, ∞); 1 = the SAE costs no loss, 0 = as bad as ablation',
    edgeCases: [
      'mean ce_ablated = mean ce_clean is an input error on the data (status error); on a bootstrap resample it is NaN.',
      'An example with a NaN in any of the three inputs is dropped from all three means.'
    ],
    reference:
      'SAELens sae_lens/evals.py get_downstream_reconstruction_metrics (ce_loss_score, ratio of means); SAEBench core eval ' +
      '(ce_loss_score); Bricken et al. 2023 "loss recovered".'
  }
}

const klNames = ['kl_sae', 'kl_ablated']
const klRatio = ([sae, ablated]: number[]) => (ablated === 0 ? NaN : 1 - sae / ablated)

export const klRecovered: MetricDefinition<Record<string, never>> = {
  name: 'kl-recovered',
  aliases: ['kl-div-score'],
  family: 'sae',
  title: 'KL divergence recovered',
  direction: 'higher',
  inputs: recoveredInputs(klNames, [
    'KL(clean ‖ with SAE) of the next-token distributions per token or prompt [N]',
    'KL(clean ‖ with the activation ablated) per token or prompt [N]'
  ]),
  params: z.object({}).strict(),
  compute(inputs) {
    const columns = Object.fromEntries(klNames.map((k) => [k, Float64Array.from(inputs[k].data)]))
    return { columns, value: fullValue(ratioOfMeans(columns, klNames, klRatio), 'mean kl_ablated is 0') }
  },
  aggregate(columns, _params, indices) {
    return ratioOfMeans(columns, klNames, klRatio, indices).value
  },
  doc: {
    summary: 'Share of the output-distribution damage of ablating the activation that the SAE reconstruction avoids.',
    formula: 'KLR = 1 − K̄L_sae / K̄L_abl = (K̄L_abl − K̄L_sae) / K̄L_abl, each mean over examples taken first',
    range: '(−∞, 1]; 1 = the SAE leaves the outputs unchanged, 0 = as bad as ablation',
    edgeCases: [
      'mean kl_ablated = 0 is an input error on the data (status error); on a bootstrap resample it is NaN.',
      'An example with a NaN in either input is dropped from both means.'
    ],
    reference:
      'SAELens sae_lens/evals.py get_downstream_reconstruction_metrics (kl_div_score = (kl_div_with_ablation − kl_div_with_sae) / ' +
      'kl_div_with_ablation, ratio of means); SAEBench core eval (kl_div_score).'
  }
}

export const definitions = [saeL0, deadFraction, explainedVariance, cosineSimilarity, ceLossRecovered, klRecovered]
