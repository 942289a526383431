import { fail } from '../inputs/errors.js'
import { parseNpy } from '../inputs/npy.js'
import { parseJsonDocument } from '../inputs/json.js'
import type { Adapter, AdapterFile, AdapterMetric, DirectionRule } from './adapter.js'
import { idPart, isObject, leafMetric, numericLeaves } from './walk.js'

// Quantus metrics return one score per example (metric(model, x_batch, y_batch, a_batch) → list) and
// quantus.evaluate() nests them as {method: {metric: {call_kwarg_str: scores}}} (quantus/evaluation.py); Captum's
// captum.metrics.infidelity and sensitivity_max return a tensor with one value per input. Neither library writes a
// file: users json.dump(...tolist()) or np.save them, so we read any JSON nesting and any .npy, named by path.

/** Lower-case, without separators: "Faithfulness Correlation", "faithfulness_correlation" and "FaithfulnessCorrelation" meet. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/**
 * Each metric class's `score_direction` (quantus/metrics/**, Quantus 0.6.0 at commit 85bc29d; file:line of each in
 * test/fixtures/adapters/library-facts.json, which a test holds this list against).
 */
const QUANTUS_HIGHER = [
  'Completeness',
  'InputInvariance',
  'MSTC',
  'Sparseness',
  'FaithfulnessCorrelation',
  'FaithfulnessEstimate',
  'IROF',
  'Monotonicity',
  'MonotonicityCorrelation',
  'SensitivityN',
  'Sufficiency',
  'BatchSufficiency',
  'AttributionLocalisation',
  'AUC',
  'Focus',
  'PointingGame',
  'RelevanceMassAccuracy',
  'RelevanceRankAccuracy',
  'TopKIntersection',
  'EfficientMPRT'
]
const QUANTUS_LOWER = [
  'NonSensitivity',
  'Complexity',
  'EffectiveComplexity',
  'Infidelity',
  'PixelFlipping',
  'RegionPerturbation',
  'ROAD',
  'Selectivity',
  'MPRT',
  // The old name of MPRT: a subclass without its own score_direction (quantus/metrics/randomisation/mprt.py:510).
  'ModelParameterRandomisation',
  'RandomLogit',
  'SmoothMPRT',
  'AvgSensitivity',
  'Consistency',
  'Continuity',
  'LocalLipschitzEstimate',
  'MaxSensitivity',
  'RelativeInputStability',
  'RelativeOutputStability',
  'RelativeRepresentationStability'
]

function table(higher: string[], lower: string[]): DirectionRule[] {
  const rule = (names: string[], direction: 'higher' | 'lower'): DirectionRule => ({ pattern: new RegExp(`^(${names.map(normalise).join('|')})$`), direction })
  return [rule(higher, 'higher'), rule(lower, 'lower')]
}

/** The first path segment that names a metric of the table: the direction key. */
function metricKey(segments: string[], rules: DirectionRule[]): string {
  const names = segments.map(normalise)
  return names.find((name) => rules.some((rule) => rule.pattern.test(name))) ?? segments.join('/')
}

function scoreFile(library: string, rules: () => DirectionRule[]) {
  return (file: AdapterFile): AdapterMetric[] => {
    // A file named after the library ("quantus.json") adds nothing to the id the adapter's prefix doesn't say.
    const stem = file.relative.replace(/\.(json|npy)$/, '')
    const named = (rest: string) => (normalise(stem) === normalise(library) ? rest : `${idPart(stem)}${rest ? `/${rest}` : ''}`)
    const provenance = { file: file.path, library }
    if (file.relative.endsWith('.npy')) {
      const array = parseNpy(file.bytes, file.path)
      if (array.shape.length !== 1) fail(file.path, `expected one score per example (a 1-d array), got shape [${array.shape.join(', ')}]`)
      const ids = Array.from(array.data, (_, i) => String(i))
      return [{ id: named('') || idPart(stem), key: metricKey(stem.split(/[/]/), rules()), scores: Float64Array.from(array.data), ids, provenance }]
    }
    const doc = parseJsonDocument(file.bytes, file.path)
    if (!isObject(doc))
      fail(
        file.path,
        `expected a JSON object of {metric: scores} (or quantus.evaluate's {method: {metric: ...}}), got ${Array.isArray(doc) ? 'a list' : typeof doc}`
      )
    // Curve metrics (PixelFlipping without return_auc_per_sample, RegionPerturbation, Selectivity) give one curve per example.
    const curves = (key: string) =>
      fail(
        `${file.path}#/${key.split('.').join('/')}`,
        'holds one list per example (curves), not one score per example: ask the metric for per-example scores ' +
          '(Quantus: return_auc_per_sample=True), or save the curves as an [N, K+1] array and use metric deletion-auc / insertion-auc'
      )
    const leaves = numericLeaves(doc, '', curves)
    sameExampleCount(file.path, leaves)
    return leaves.map((leaf) => {
      const segments = leaf.key.split('.')
      const metric = leafMetric(named(segments.map(idPart).join('/')), metricKey(segments, rules()), leaf, provenance)
      return metric.scores ? { ...metric, ids: Array.from(metric.scores, (_, i) => String(i)) } : metric
    })
  }
}

/**
 * One evaluate() call scores every metric on the same examples: per-example lists of different lengths in one file
 * mean one of them is not one score per example (curves flattened, 30 steps × 100 examples = 3000), never 3000 examples.
 */
function sameExampleCount(path: string, leaves: { key: string; scores?: number[] }[]): void {
  const lists = leaves.filter((leaf) => leaf.scores)
  const lengths = new Set(lists.map((leaf) => leaf.scores!.length))
  if (lengths.size <= 1) return
  const shown = lists
    .slice(0, 6)
    .map((leaf) => `${leaf.key}: ${leaf.scores!.length}`)
    .join(', ')
  fail(
    path,
    `per-example lists of different lengths (${shown}${lists.length > 6 ? ', …' : ''}): one score per example each was expected, so a longer ` +
      'one is likely curves flattened; save curves as an [N, K+1] array (metric deletion-auc / insertion-auc), or put results of different example sets in separate files'
  )
}

const quantusRules = table(QUANTUS_HIGHER, QUANTUS_LOWER)
const captumRules = table([], ['infidelity', 'sensitivity_max', 'sensitivityMax'])

export const quantus: Adapter = {
  name: 'quantus',
  source: "Quantus (Hedström et al., JMLR 2023; understandable-machine-intelligence-lab/Quantus): each metric class's score_direction",
  files: '**/*.{json,npy}',
  directions: quantusRules,
  read: scoreFile('Quantus', () => quantusRules)
}

export const captum: Adapter = {
  name: 'captum',
  source: 'Captum (pytorch/captum captum/metrics): infidelity (Yeh et al., 2019) and sensitivity_max, both lower is better',
  files: '**/*.{json,npy}',
  directions: captumRules,
  read: scoreFile('Captum', () => captumRules)
}
