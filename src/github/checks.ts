import { CHECK_TEXT_BYTES, truncateUtf8 } from '../domain/limits.js'
import type { Annotation } from '../report/annotations.js'
import type { Verdict } from '../results/results-schema.js'
import { type Api, describeApiError } from './api.js'
import type { RepoRef } from './context.js'

/** The checks API takes at most 50 annotations per request. */
const ANNOTATIONS_PER_REQUEST = 50

const CONCLUSION: Record<Verdict, 'success' | 'neutral' | 'failure'> = { pass: 'success', warn: 'neutral', fail: 'failure' }
const LEVEL: Record<Annotation['level'], 'failure' | 'warning' | 'notice'> = { error: 'failure', warning: 'warning', notice: 'notice' }

export interface CheckRunOptions {
  repo: RepoRef
  name: string
  headSha: string
  verdict: Verdict
  title: string
  summary: string
  annotations: readonly Annotation[]
  detailsUrl?: string
}

function toApiAnnotation(a: Annotation) {
  const line = a.line ?? 1
  return {
    path: a.file ?? '.github',
    start_line: line,
    end_line: line,
    annotation_level: LEVEL[a.level],
    title: a.title.slice(0, 255),
    message: a.message.slice(0, 64_000) || a.title
  }
}

/** Creates a completed check run with the first 50 annotations, then adds the rest 50 at a time. */
export async function publishCheckRun(api: Api, options: CheckRunOptions): Promise<{ id: number; url?: string; requests: number }> {
  const { repo } = options
  const batches: ReturnType<typeof toApiAnnotation>[][] = []
  const all = options.annotations.map(toApiAnnotation)
  for (let i = 0; i < all.length; i += ANNOTATIONS_PER_REQUEST) batches.push(all.slice(i, i + ANNOTATIONS_PER_REQUEST))
  const output = (annotations: ReturnType<typeof toApiAnnotation>[]) => ({
    title: options.title,
    summary: truncateUtf8(options.summary, CHECK_TEXT_BYTES),
    ...(annotations.length ? { annotations } : {})
  })
  let id: number
  let url: string | undefined
  try {
    const { data } = await api.rest.checks.create({
      owner: repo.owner,
      repo: repo.repo,
      name: options.name,
      head_sha: options.headSha,
      status: 'completed',
      conclusion: CONCLUSION[options.verdict],
      ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
      output: output(batches[0] ?? [])
    })
    id = Number(data.id)
    url = data.html_url ?? undefined
  } catch (error) {
    throw describeApiError(error, `create the check run "${options.name}"`, 'checks: write')
  }
  for (const batch of batches.slice(1)) {
    try {
      await api.rest.checks.update({ owner: repo.owner, repo: repo.repo, check_run_id: id, output: output(batch) })
    } catch (error) {
      throw describeApiError(error, `add annotations to the check run "${options.name}"`, 'checks: write')
    }
  }
  return { id, url, requests: Math.max(1, batches.length) }
}
