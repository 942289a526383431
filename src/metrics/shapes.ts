import { type NDArray, shapeText } from '../inputs/ndarray.js'
import { type InputSpec, MetricInputError } from './types.js'

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
    if (!spec.shapes.some((shape) => bindShape(shape, array.shape, bound))) {
      const expected = spec.shapes.map(specText).join(' or ')
      const known = [...bound].map(([k, v]) => `${k}=${v}`).join(', ')
      throw new MetricInputError(
        `input "${spec.name}" (${array.source}): expected shape ${expected}${known ? ` with ${known}` : ''}, got ${shapeText(array.shape)}`
      )
    }
  }
  return bound
}
