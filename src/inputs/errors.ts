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
