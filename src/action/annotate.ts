import type { Annotation } from '../report/annotations.js'
import type { CoreLike } from './core-inputs.js'

/** GitHub shows at most 10 error and 10 warning annotations per step. */
const ANNOTATION_LIMIT = 10

/**
 * Emits workflow-command annotations, most important first, within GitHub's per-step limits; what does not fit is
 * counted in one closing notice so nothing is dropped silently.
 */
export function emitAnnotations(core: CoreLike, annotations: readonly Annotation[]): { emitted: number; dropped: number } {
  const used = { error: 0, warning: 0, notice: 0 }
  let dropped = 0
  for (const a of annotations) {
    if (used[a.level] >= ANNOTATION_LIMIT) {
      dropped++
      continue
    }
    used[a.level]++
    const props = { title: a.title, ...(a.file ? { file: a.file } : {}), ...(a.line ? { startLine: a.line } : {}) }
    core[a.level](a.message, props)
  }
  if (dropped > 0)
    core.notice(
      `${dropped} more interp-gate annotation(s) not shown (GitHub shows ${ANNOTATION_LIMIT} errors and ${ANNOTATION_LIMIT} warnings per step); see the job summary.`,
      { title: 'interp-gate' }
    )
  return { emitted: used.error + used.warning + used.notice, dropped }
}
