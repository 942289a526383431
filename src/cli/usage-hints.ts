import { didYouMean } from '../util/suggest.js'

/** The long options a help text names ("--baseline", "--max-input-bytes"): what a mistyped option is matched against. */
export function optionsNamedIn(help: string): string[] {
  return [...new Set(help.match(/--[a-z][a-z0-9-]*[a-z0-9]/g) ?? [])]
}

/**
 * node:util parseArgs's "Unknown option '--basline'" as one line naming the command, with the closest option the
 * command's help names; null for any other error.
 */
export function unknownOptionMessage(error: unknown, command: string, help: string): string | null {
  if ((error as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return null
  const option = /Unknown option '([^']+)'/.exec((error as Error).message)?.[1]
  if (!option) return null
  // One-letter flags are too short to guess from: "-x" is as close to "-C" as to "-q".
  const hint = option.startsWith('--') ? didYouMean(option, optionsNamedIn(help)) : ''
  return `${command}: unknown option ${option}${hint}`
}

/** The usage paragraph of one subcommand ("interp-gate history add …" up to the next "interp-gate history …"). */
export function subcommandHelp(help: string, command: string, sub: string | undefined): string {
  const paragraphs = help.split(new RegExp(`\\n(?=\\s*interp-gate ${command} )`))
  return paragraphs.find((p) => sub !== undefined && new RegExp(`^\\s*interp-gate ${command} ${sub} `).test(p)) ?? help
}
