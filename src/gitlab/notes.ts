import { GITLAB_NOTE_BYTES, utf8Length } from '../domain/limits.js'
import { describeGitLabError, type GitLabClient, GitLabError, jsonOf, nextPage } from './api.js'

/** Pages of 100 notes read at most: a busy merge request must not cost unbounded calls. */
const MAX_NOTE_PAGES = 50

interface MergeRequestNote {
  id: number
  body?: string | null
  system?: boolean
  author?: { id?: number; username?: string } | null
}

/**
 * GitLab runs quick actions (`/merge`, `/close`, `/approve`…) written at the start of a line of a note. The report
 * never starts a line with "/", but text from results files could: a zero-width space makes such a line plain text.
 */
export function neutraliseQuickActions(body: string): string {
  return body.replace(/^([ \t]*)\//gm, '$1\u200b/')
}

export interface StickyNoteOptions {
  projectId: string
  mergeRequestIid: string
  marker: string
  body: string
  tokenName: string
}

export type NoteOutcome = { action: 'created' | 'updated' | 'unchanged'; id: number }

const project = (id: string) => `/projects/${encodeURIComponent(id)}`
const normalize = (text: string) => text.replace(/\r\n/g, '\n').trimEnd()

/** Who the token writes as (GET /user); null when the token may not ask (then any note with the marker counts). */
async function currentUserId(client: GitLabClient): Promise<number | null> {
  const response = await client.request('GET', '/user')
  if (response.status !== 200) return null
  const id = jsonOf<{ id?: unknown }>(response, 'GET /user').id
  return typeof id === 'number' ? id : null
}

/** Every note of the merge request, oldest first, following x-next-page / Link rel="next". */
async function listNotes(client: GitLabClient, options: StickyNoteOptions): Promise<MergeRequestNote[]> {
  const path = `${project(options.projectId)}/merge_requests/${encodeURIComponent(options.mergeRequestIid)}/notes`
  const notes: MergeRequestNote[] = []
  let page: string | null = '1'
  for (let read = 0; page !== null && read < MAX_NOTE_PAGES; read++) {
    const response = await client.request('GET', path, { query: { per_page: '100', page, sort: 'asc', order_by: 'created_at' } })
    if (response.status !== 200) throw describeGitLabError(response, `list the notes of merge request !${options.mergeRequestIid}`, 'api', options.tokenName)
    const data = jsonOf<MergeRequestNote[]>(response, 'list notes')
    if (!Array.isArray(data)) throw new GitLabError('list notes: GitLab answered with something other than a list', response.status)
    notes.push(...data)
    page = nextPage(response.headers)
  }
  return notes
}

/** Our earlier note for this marker: not a system note, starting with the marker, written by the token's user when known. */
export function findStickyNote(notes: readonly MergeRequestNote[], marker: string, userId: number | null): MergeRequestNote | undefined {
  return notes.find((n) => !n.system && (n.body ?? '').trimStart().startsWith(marker) && (userId === null || n.author?.id === userId))
}

/** Creates the merge request's sticky note for this suite, or updates it in place; no write when the body is unchanged. */
export async function upsertStickyNote(client: GitLabClient, given: StickyNoteOptions): Promise<NoteOutcome> {
  const options = { ...given, body: neutraliseQuickActions(given.body) }
  if (utf8Length(options.body) > GITLAB_NOTE_BYTES)
    throw new GitLabError(`the note is ${utf8Length(options.body)} bytes, over GitLab's ${GITLAB_NOTE_BYTES}`, undefined)
  const userId = await currentUserId(client)
  const existing = findStickyNote(await listNotes(client, options), options.marker, userId)
  const notesPath = `${project(options.projectId)}/merge_requests/${encodeURIComponent(options.mergeRequestIid)}/notes`
  if (existing && normalize(existing.body ?? '') === normalize(options.body)) return { action: 'unchanged', id: existing.id }
  if (existing) {
    const response = await client.request('PUT', `${notesPath}/${existing.id}`, { json: { body: options.body } })
    if (response.status !== 200)
      throw describeGitLabError(response, `update note ${existing.id} on merge request !${options.mergeRequestIid}`, 'api', options.tokenName)
    return { action: 'updated', id: existing.id }
  }
  const response = await client.request('POST', notesPath, { json: { body: options.body } })
  if (response.status !== 201 && response.status !== 200)
    throw describeGitLabError(response, `add a note to merge request !${options.mergeRequestIid}`, 'api', options.tokenName)
  return { action: 'created', id: jsonOf<{ id: number }>(response, 'create note').id }
}
