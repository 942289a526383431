import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { z } from 'zod'
import { RESULT_METRIC_ID, SUITE } from '../domain/ids.js'
import { verdictOf } from '../compare/comparison.js'
import { parseResults, serializeJson } from '../results/io.js'
import { type Comparison, comparisonSchema, type Results } from '../results/results-schema.js'
import { attachSidecar, SidecarError, sidecarName, splitSidecar } from '../results/sidecar.js'

/** The artifact `interp-gate-<suite>`: results.json at the root; on PR runs also comparison, report and context. */
export const artifactName = (suite: string) => `interp-gate-${suite}`
export const ARTIFACT_PREFIX = 'interp-gate-'

/** Caps on what another run's artifact may make us unpack and parse (it can come from a fork's code). */
export const CAPS = {
  zip: 128 * 1024 * 1024,
  'results.json': 128 * 1024 * 1024,
  'comparison.json': 16 * 1024 * 1024,
  'context.json': 16 * 1024,
  /** The per-example scores beside results.json (binary, checksummed there): 10^7 examples are 80 MB. */
  'results.scores.bin': 512 * 1024 * 1024
} as const
const MAX_ROWS = 2000

// Our own runs produce these patterns; the length caps bound what an untrusted artifact can make us print.
const suiteName = z.string().max(100).regex(SUITE)
const metricId = z.string().max(300).regex(RESULT_METRIC_ID)
const SHA = /^[0-9a-f]{40}$/
/** Repository-relative paths for annotations: no absolute paths, no "..", no control characters. */
const safePath = z
  .string()
  .max(500)
  .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[\w.\- /@+]+$/, 'expected a relative path inside the repository')

export const isSafePath = (path: string) => safePath.safeParse(path).success

const contextSchema = z
  .object({
    format: z.literal(1),
    headSha: z.string().regex(SHA),
    baseSha: z.string().regex(SHA).nullable(),
    suite: suiteName,
    /** Config path from the repository root: where metric annotations land without a source. */
    configPath: safePath.optional(),
    sources: z.record(metricId, safePath).optional()
  })
  .strict()
export type BundleContext = z.infer<typeof contextSchema>

export class BundleError extends Error {
  override name = 'BundleError'
}

/** Writes the artifact's files into `dir`; returns their paths for the upload. */
export function stageBundle(dir: string, parts: { results: Results; comparison?: Comparison; report?: string; context?: BundleContext }): string[] {
  mkdirSync(dir, { recursive: true })
  const written = splitSidecar(parts.results, 'results.json')
  const files: [string, string | Uint8Array][] = [['results.json', serializeJson(written.results)]]
  if (written.sidecar) files.push([sidecarName('results.json'), written.sidecar])
  if (parts.comparison) files.push(['comparison.json', serializeJson(parts.comparison)])
  if (parts.report !== undefined) files.push(['report.md', parts.report])
  if (parts.context) files.push(['context.json', serializeJson(parts.context)])
  return files.map(([name, text]) => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  })
}

export type BundleFile = keyof typeof CAPS & `${string}.json`
export type BundleEntry = Exclude<keyof typeof CAPS, 'zip'>

/** Unzips only the named text files, refusing any whose declared or actual size is over its cap (zip bombs). */
export function unzipBundle(zip: Uint8Array, wanted: readonly BundleFile[]): Map<BundleFile, string> {
  const out = new Map<BundleFile, string>()
  for (const [name, bytes] of unzipBundleBytes(zip, wanted)) out.set(name as BundleFile, unzipText(bytes, name))
  return out
}

/** A bundle file's bytes as UTF-8 text (strict: an invalid byte is refused). */
export function unzipText(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new BundleError(`${name} is not UTF-8 text`)
  }
}

/** Unzips only the named files as bytes, each within its cap. */
export function unzipBundleBytes(zip: Uint8Array, wanted: readonly BundleEntry[]): Map<BundleEntry, Uint8Array> {
  if (zip.length > CAPS.zip) throw new BundleError(`artifact is ${zip.length} bytes, over the ${CAPS.zip}-byte cap`)
  const oversized: string[] = []
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(zip, {
      filter: (f) => {
        if (!(wanted as readonly string[]).includes(f.name)) return false
        if (f.originalSize > CAPS[f.name as BundleEntry]) oversized.push(`${f.name} (${f.originalSize} bytes)`)
        return f.originalSize <= CAPS[f.name as BundleEntry]
      }
    })
  } catch (error) {
    throw new BundleError(`artifact is not a readable zip (${(error as Error).message})`)
  }
  if (oversized.length) throw new BundleError(`artifact files over the size cap: ${oversized.join(', ')}`)
  const out = new Map<BundleEntry, Uint8Array>()
  for (const [name, bytes] of Object.entries(files)) {
    if (bytes.length > CAPS[name as BundleEntry]) throw new BundleError(`${name} is over its size cap`)
    out.set(name as BundleEntry, bytes)
  }
  return out
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new BundleError(`${file}: not valid JSON (${(error as Error).message})`)
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  return `${issue.path.map(String).join('.') || 'root'}: ${issue.message}`
}

export function parseContext(text: string): BundleContext {
  const parsed = contextSchema.safeParse(parseJson(text, 'context.json'))
  if (!parsed.success) throw new BundleError(`context.json: not an interp-gate context (${firstIssue(parsed.error)})`)
  return parsed.data
}

/** comparison.json from another run: the schema, plus the id/suite/sha patterns our own runs always produce. */
export function parseUntrustedComparison(text: string): Comparison {
  const parsed = comparisonSchema.safeParse(parseJson(text, 'comparison.json'))
  if (!parsed.success) throw new BundleError(`comparison.json: not an interp-gate comparison (${firstIssue(parsed.error)})`)
  const c = parsed.data
  const problems: string[] = []
  if (c.rows.length > MAX_ROWS) problems.push(`${c.rows.length} rows (at most ${MAX_ROWS})`)
  for (const info of [c.head, c.base]) {
    if (!info) continue
    if (!suiteName.safeParse(info.suite).success) problems.push('suite has unexpected characters')
    if (info.commit !== null && !SHA.test(info.commit)) problems.push('commit is not a sha')
    if (info.ref !== null && !/^[\w./@+-]{1,250}$/.test(info.ref)) problems.push('ref has unexpected characters')
  }
  const bad = c.rows.find((r) => !metricId.safeParse(r.id).success || !metricId.safeParse(r.metric).success)
  if (bad) problems.push('a metric id or name has unexpected characters')
  if (problems.length) throw new BundleError(`comparison.json: ${problems.join('; ')}`)
  // The verdict is derived from the rows, never taken from the file: a row that failed cannot come with "pass".
  return { ...c, verdict: verdictOf(c.rows) }
}

/** results.json of an artifact, with its per-example sidecar when it names one (checked against its sha256). */
export function parseBundleResults(text: string, sidecar?: Uint8Array): Results {
  const results = parseResults(text, 'results.json')
  if (!results.sidecar) return results
  if (!sidecar) throw new BundleError(`the artifact's results.json names ${results.sidecar.file} but the artifact has no such file`)
  try {
    return attachSidecar(results, sidecar, results.sidecar.file)
  } catch (error) {
    if (error instanceof SidecarError) throw new BundleError(error.message)
    throw error
  }
}
