/** A problem with an input file; the message starts with the file (and member) as the user wrote it. */
export class InputError extends Error {
  override name = 'InputError'

  constructor(
    message: string,
    public file?: string
  ) {
    super(message)
  }
}

/** Throws an InputError whose message is `<source>: <message>`. */
export function fail(source: string, message: string): never {
  throw new InputError(`${source}: ${message}`, source)
}

/** A comma-separated, quoted list for messages, shortened after `max` items. */
export function listText(items: readonly string[], max = 20): string {
  const shown = items.slice(0, max).map((item) => JSON.stringify(item))
  return items.length > max ? `${shown.join(', ')}, … (${items.length} in all)` : shown.join(', ') || '(none)'
}

/**
 * Refuses an array with no elements: no rows ([0] or [0, F]) gives a metric nothing to average, and an empty
 * feature axis ([N, 0]) would score every example on nothing (gini 0, "no finite value" further on).
 */
export function refuseEmpty(shape: readonly number[], source: string): void {
  if (shape.length === 0 || !shape.includes(0)) return
  const text = `[${shape.join(', ')}]`
  if (shape[0] === 0)
    fail(source, `has no rows (shape ${text}); the step that writes it saved an empty array: check that the evaluation ran on at least one example`)
  const axis = shape.indexOf(0)
  fail(
    source,
    `shape ${text} has an empty axis ${axis}: every example has no values there; save the array with its features (attributions are [N, F] with F ≥ 1)`
  )
}
