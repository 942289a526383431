import { createHash } from 'node:crypto'
import type { Annotation } from './annotations.js'

/**
 * One issue of GitLab's Code Quality report (`artifacts:reports:codequality`), the subset of the Code Climate issue
 * GitLab reads (doc/ci/testing/code_quality.md, "Code Quality report format"): description, check_name, fingerprint,
 * severity (info, minor, major, critical, blocker) and location.path / location.lines.begin.
 */
interface CodeQualityIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker'
  location: { path: string; lines: { begin: number } }
}

const SEVERITY: Record<Annotation['level'], CodeQualityIssue['severity']> = { error: 'major', warning: 'minor', notice: 'info' }

/**
 * The annotations (one per metric that broke a gate or could not be compared) as Code Quality issues, so the merge
 * request widget lists them. The fingerprint hashes suite and title (metric id and status), not numbers or lines:
 * the same problem on the target branch and in the merge request is one issue, and GitLab shows only new ones.
 */
export function renderCodeQuality(annotations: readonly Annotation[], suite: string): string {
  const issues: CodeQualityIssue[] = annotations.map((a) => ({
    description: `${a.title}: ${a.message}`.slice(0, 4000),
    check_name: `interp-gate/${a.title.replace(/^interp-gate: \S+ /, '')}`,
    fingerprint: createHash('sha256').update(`${suite}\0${a.title}`).digest('hex').slice(0, 32),
    severity: SEVERITY[a.level],
    location: { path: a.file ?? 'interp-gate.yml', lines: { begin: a.line ?? 1 } }
  }))
  return `${JSON.stringify(issues, null, 2)}\n`
}
