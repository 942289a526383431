// Every size limit in one place: what the platforms accept (in the unit they count) and the sizes we choose to read.

/**
 * A step's job summary: 1 MiB, measured as the file's length in bytes (actions/runner @258d6c8,
 * src/Runner.Worker/FileCommandManager.cs:223 `AttachmentSizeLimit = 1024 * 1024`, :240 `new FileInfo(filePath).Length`).
 * Over it the runner drops the whole summary of the step.
 */
export const JOB_SUMMARY_BYTES = 1024 * 1024

/**
 * A check run's output.summary and output.text: "Maximum length: 65535 characters" (REST docs, "Create a check run"),
 * which GitHub enforces on the UTF-8 bytes (github/rest-api-description#5399); dorny/test-reporter budgets it in bytes too.
 */
export const CHECK_TEXT_BYTES = 65_535

/** An issue or pull-request comment body: the API refuses more than 65,536 characters; budgeted in UTF-8 bytes, never fewer. */
export const COMMENT_BYTES = 65_536

/**
 * A GitLab merge request note: at most 1,000,000 characters (`validates :note, length: { maximum:
 * Gitlab::Database::MAX_TEXT_SIZE_LIMIT }`, gitlabhq app/models/concerns/notes/active_record.rb:21 at 11d14ce9188c,
 * MAX_TEXT_SIZE_LIMIT = 1_000_000 in lib/gitlab/database.rb); budgeted in UTF-8 bytes, never fewer than the characters.
 */
export const GITLAB_NOTE_BYTES = 1_000_000

/** A config is a page of YAML; anything bigger is a mistake or an attack on the parser. */
export const MAX_CONFIG_BYTES = 1 << 20

/** Largest input file read by default: 1 GiB (--max-input-bytes changes it). */
export const DEFAULT_MAX_INPUT_BYTES = 2 ** 30

/**
 * Longest text file read as one string: V8 strings hold at most 2^29 − 24 UTF-16 units, so bigger text files would fail
 * inside the engine with a message that names no file.
 */
export const MAX_TEXT_BYTES = 2 ** 29 - 24

/** Memory a whole decoded array may take unless told otherwise: 2 GiB (streamed metrics need none of it). */
export const DEFAULT_MEMORY_BUDGET = 2 ** 31

/** Bytes of `text` in UTF-8, without encoding it: 1 to 3 per UTF-16 unit, 4 per surrogate pair (an emoji). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3 // the rest of the BMP; a lone surrogate becomes U+FFFD, also 3
  }
  return bytes
}

/** The longest prefix of `text` within `maxBytes` of UTF-8 that does not split a surrogate pair. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text
  let bytes = 0
  let i = 0
  while (i < text.length) {
    const pair = (text.charCodeAt(i) & 0xfc00) === 0xd800 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    const size = utf8Length(text.slice(i, pair ? i + 2 : i + 1))
    if (bytes + size > maxBytes) break
    bytes += size
    i += pair ? 2 : 1
  }
  return text.slice(0, i)
}

/**
 * Bytes one example costs in the run whatever the input: its float64 score, the finite copy the CI reads, its place in
 * the sidecar written beside results.json, and the baseline's score when compared.
 */
export const BYTES_PER_EXAMPLE = 32

/** More groups than this is a mislabelled slice (e.g. `by` pointing at the ids): each group is a test and a table row. */
export const MAX_SLICE_GROUPS = 200

/** Largest sidecar read (8 GiB: a billion float64 values); a bigger file is refused, naming it. */
export const MAX_SIDECAR_BYTES = 8 * 2 ** 30

/** A .json file at least this big is scanned for the value its pointer names, never parsed (or held) whole. */
export const JSON_SCAN_BYTES = 16 * 2 ** 20

/**
 * Most rows a column may claim: each becomes a float64 (and, while decoding, a row object), so a footer claiming more
 * than 2^28 rows (2 GiB of float64) is refused before decoding instead of failing inside it ("Invalid array length").
 */
export const MAX_PARQUET_ROWS = 2 ** 28
