/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]
      prev[j] = Math.min(up + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1))
      diag = up
    }
  }
  return prev[b.length]
}

/** Names longer than this get no suggestion: the distance is quadratic in the length, and such names are not typos. */
const MAX_SUGGEST_LENGTH = 64
/** Candidates looked at, at most: a CSV header can have thousands of columns. */
const MAX_SUGGEST_CANDIDATES = 1000

/** The closest candidate within a third of the word's length, as a ` (did you mean "x"?)` suffix, or ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  if (word.length > MAX_SUGGEST_LENGTH) return ''
  let best = ''
  let bestDistance = Infinity
  let seen = 0
  const lower = word.toLowerCase()
  for (const candidate of candidates) {
    if (++seen > MAX_SUGGEST_CANDIDATES) break
    // A candidate whose length differs by more than the limit can't be within it: skip the quadratic work.
    if (Math.abs(candidate.length - word.length) > Math.max(2, Math.ceil(word.length / 3))) continue
    const d = editDistance(lower, candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  const limit = Math.max(2, Math.ceil(word.length / 3))
  return best && bestDistance <= limit ? ` (did you mean "${best}"?)` : ''
}
