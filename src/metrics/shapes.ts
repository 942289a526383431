import { type NDArray, shapeText } from '../domain/ndarray.js'
import { type InputSpec, MetricInputError } from './definition.js'

export function specText(shape: readonly string[]): string {
  return `[${shape.join(', ')}]`
}

/** Binds each symbolic dimension of `spec` to `shape`, extending `bound`; returns false on a mismatch. */
function bindShape(spec: readonly string[], shape: readonly number[], bound: Map<string, number>): boolean {
  const trial = new Map(bound)
  const rest = spec.length > 0 && spec[spec.length - 1].endsWith('...')
  if (rest ? shape.length < spec.length : shape.length !== spec.length) return false
  for (let i = 0; i < spec.length; i++) {
    const symbol = spec[i]
    const size = rest && i === spec.length - 1 ? shape.slice(i).reduce((p, d) => p * d, 1) : shape[i]
    const name = symbol.endsWith('...') ? symbol.slice(0, -3) : symbol
    if (/^\d+$/.test(name)) {
      if (Number(name) !== size) return false
      continue
    }
    const known = trial.get(name)
    if (known !== undefined && known !== size) return false
    trial.set(name, size)
  }
  for (const [k, v] of trial) bound.set(k, v)
  return true
}

/**
 * Checks every input against its spec, in order, so that shared dimensions (N, F, ...) agree across inputs.
 * Returns the bound dimension sizes. Throws MetricInputError naming the input, the expected and the actual shape.
 */
export function checkShapes(specs: readonly InputSpec[], inputs: Record<string, NDArray>): Map<string, number> {
  const bound = new Map<string, number>()
  for (const spec of specs) {
    const array = inputs[spec.name]
    if (!array) {
      if (spec.optional) continue
      throw new MetricInputError(`input "${spec.name}" is required (${spec.description})`)
    }
    if (array.strings) {
      throw new MetricInputError(`input "${spec.name}" (${array.source}) holds text; expected numbers`)
    }
    if (!spec.shapes.some((shape) => bindShape(shape, array.shape, bound))) throw new MetricInputError(shapeMismatch(specs, inputs, spec))
  }
  return bound
}

/** Binds every present input except `skip`; the bound sizes, or null when they disagree among themselves. */
function bindAll(specs: readonly InputSpec[], inputs: Record<string, NDArray>, skip?: string): Map<string, number> | null {
  const bound = new Map<string, number>()
  for (const spec of specs) {
    const array = inputs[spec.name]
    if (!array || array.strings || spec.name === skip) continue
    if (!spec.shapes.some((shape) => bindShape(shape, array.shape, bound))) return null
  }
  return bound
}

/**
 * Blames the input that disagrees with all the others (the one whose removal makes the rest agree), not
 * merely the first input checked after it; when that can't be told, names the earlier inputs' shapes too.
 */
function shapeMismatch(specs: readonly InputSpec[], inputs: Record<string, NDArray>, failed: InputSpec): string {
  const present = specs.filter((s) => inputs[s.name] && !inputs[s.name].strings)
  const culprits = present.filter((s) => bindAll(specs, inputs, s.name) !== null)
  const describe = (s: InputSpec) => `"${s.name}" (${inputs[s.name].source})`
  const expected = (s: InputSpec) => s.shapes.map(specText).join(' or ')
  const blame = culprits.length === 1 ? culprits[0] : failed
  const others = bindAll(specs, inputs, blame.name) ?? new Map<string, number>()
  const known = [...(culprits.length === 1 && blame !== failed ? others : boundBefore(specs, inputs, failed))].map(([k, v]) => `${k}=${v}`).join(', ')
  const base = `input ${describe(blame)}: expected shape ${expected(blame)}${known ? ` with ${known}` : ''}, got ${shapeText(inputs[blame.name].shape)}`
  if (culprits.length === 1 && blame !== failed) return `${base} (the other inputs agree with each other)`
  if (culprits.length === 1) return base
  const earlier = present.slice(0, present.indexOf(failed)).map((s) => `${describe(s)} is ${shapeText(inputs[s.name].shape)}`)
  return earlier.length ? `${base}; ${earlier.join(', ')} (one of them may be transposed)` : base
}

/** The sizes bound by the inputs checked before `failed`. */
function boundBefore(specs: readonly InputSpec[], inputs: Record<string, NDArray>, failed: InputSpec): Map<string, number> {
  const bound = new Map<string, number>()
  for (const spec of specs) {
    if (spec === failed) break
    const array = inputs[spec.name]
    if (array && !array.strings) spec.shapes.some((shape) => bindShape(shape, array.shape, bound))
  }
  return bound
}
