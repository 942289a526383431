/** The subset of @actions/core the action uses; tests pass a fake. */
export interface CoreLike {
  getInput(name: string, options?: { required?: boolean; trimWhitespace?: boolean }): string
  setOutput(name: string, value: unknown): void
  setFailed(message: string | Error): void
  info(message: string): void
  warning(message: string, properties?: AnnotationProperties): void
  error(message: string, properties?: AnnotationProperties): void
  notice(message: string, properties?: AnnotationProperties): void
  summary: { addRaw(text: string, addEOL?: boolean): { write(options?: { overwrite?: boolean }): Promise<unknown> } }
}

interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
}

export class ActionInputError extends Error {
  override name = 'ActionInputError'
}

export function getOptionalInput(core: CoreLike, name: string): string | undefined {
  const value = core.getInput(name).trim()
  return value === '' ? undefined : value
}

/** An input restricted to a set of values; the error names the input and the allowed values. */
export function getChoiceInput<T extends string>(core: CoreLike, name: string, choices: readonly T[], fallback: T): T {
  const value = getOptionalInput(core, name) ?? fallback
  if (!(choices as readonly string[]).includes(value)) {
    throw new ActionInputError(`input "${name}" must be one of ${choices.join(', ')}; got "${value}"`)
  }
  return value as T
}
