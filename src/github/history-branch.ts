import { type HistoryEntry, parseEntry, sortEntries } from '../history/entry.js'
import { type HistoryStore, serializeEntry } from '../history/folder-store.js'
import { type Api, describeApiError, GitHubError, statusOf } from './api.js'
import type { RepoRef } from './context.js'
import { readTarball } from './tar-reader.js'

/** The branch's archive is read whole, once per attempt; beyond this it is not a history branch we wrote. */
const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024

export interface BranchTarget {
  repo: RepoRef
  branch: string
}

export interface BranchSnapshot {
  /** Tip commit; null when the branch does not exist yet. */
  tip: string | null
  /** Entries by path ("entries/<suite>/<commit>.json"), in date order. */
  entries: { path: string; entry: HistoryEntry }[]
}

/** Where an entry lives on the branch: one file per suite and commit, so writers never touch each other's files. */
function entryPath(entry: HistoryEntry): string {
  return `entries/${entry.suite}/${(entry.commit ?? `local-${entry.date.replace(/[^0-9]/g, '')}`).replace(/[^A-Za-z0-9._-]/g, '_')}.json`
}

const where = (t: BranchTarget) => ({ owner: t.repo.owner, repo: t.repo.repo })

async function tipOf(api: Api, t: BranchTarget): Promise<string | null> {
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...where(t), ref: `heads/${t.branch}` })
    return data.object.sha as string
  } catch (error) {
    if (statusOf(error) === 404) return null
    throw describeApiError(error, `read the history branch "${t.branch}"`, 'contents: read')
  }
}

/** Every entry on the branch at its tip (one archive download, not one request per file). */
export async function readHistoryBranch(api: Api, t: BranchTarget, suite?: string): Promise<BranchSnapshot> {
  const tip = await tipOf(api, t)
  if (!tip) return { tip, entries: [] }
  let archive: Uint8Array
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/tarball/{ref}', { ...where(t), ref: tip })
    archive = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer)
  } catch (error) {
    throw describeApiError(error, `download the history branch "${t.branch}"`, 'contents: read')
  }
  const files = readTarball(archive, MAX_ARCHIVE_BYTES)
  const entries: BranchSnapshot['entries'] = []
  for (const [path, bytes] of files) {
    if (!/^entries\/[^/]+\/[^/]+\.json$/.test(path)) continue
    const entry = parseEntry(Buffer.from(bytes).toString('utf8'), `${t.branch}:${path}`)
    if (suite === undefined || entry.suite === suite) entries.push({ path, entry })
  }
  const order = new Map(sortEntries(entries.map((e) => e.entry)).map((e, i) => [e, i]))
  entries.sort((a, b) => order.get(a.entry)! - order.get(b.entry)!)
  return { tip, entries }
}

export interface AppendOptions {
  entry: HistoryEntry
  /** Entries kept per suite (the newest by date); older ones are deleted in the same commit. */
  keep: number
  /** More files to write in the same commit (the dashboard), built from the entries the commit will hold. */
  extraFiles?: (entries: HistoryEntry[]) => Record<string, string>
  /** Attempts before giving up on non-fast-forward answers (each re-reads the tip). */
  maxAttempts?: number
  /** Backoff base in ms (default 500): after failed attempt k (from 1) it waits base · 2^min(k − 1, 6) plus up to base of jitter. */
  backoffMs?: number
  sleep?: (ms: number) => Promise<void>
  log?: (message: string) => void
}

export interface Appended {
  commit: string
  attempts: number
  pruned: number
}

const MODE_FILE = '100644' as const

/** Blob + tree + commit for one attempt, on top of `snapshot` (or a root commit when the branch is absent). */
async function buildCommit(api: Api, t: BranchTarget, o: AppendOptions, snapshot: BranchSnapshot): Promise<{ sha: string; pruned: number }> {
  const path = entryPath(o.entry)
  const others = snapshot.entries.filter((e) => e.path !== path)
  const sameSuite = sortEntries([...others.filter((e) => e.entry.suite === o.entry.suite).map((e) => e.entry), o.entry])
  const dropped = new Set(sameSuite.slice(0, Math.max(0, sameSuite.length - o.keep)))
  const prune = others.filter((e) => dropped.has(e.entry)).map((e) => e.path)
  const kept = [...others.filter((e) => !dropped.has(e.entry)).map((e) => e.entry), ...(dropped.has(o.entry) ? [] : [o.entry])]
  const files: Record<string, string> = { [path]: serializeEntry(o.entry), ...(o.extraFiles?.(sortEntries(kept)) ?? {}) }
  const tree: { path: string; mode: typeof MODE_FILE; type: 'blob'; sha: string | null }[] = []
  for (const [name, content] of Object.entries(files)) {
    const { data } = await api.request('POST /repos/{owner}/{repo}/git/blobs', {
      ...where(t),
      content: Buffer.from(content).toString('base64'),
      encoding: 'base64'
    })
    tree.push({ path: name, mode: MODE_FILE, type: 'blob', sha: data.sha })
  }
  // sha: null deletes the file from base_tree (retention pruning).
  for (const name of prune) tree.push({ path: name, mode: MODE_FILE, type: 'blob', sha: null })
  let baseTree: string | undefined
  if (snapshot.tip)
    baseTree = (await api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...where(t), commit_sha: snapshot.tip })).data.tree.sha
  const { data: newTree } = await api.request('POST /repos/{owner}/{repo}/git/trees', { ...where(t), ...(baseTree ? { base_tree: baseTree } : {}), tree })
  const e = o.entry
  const message = `interp-gate: ${e.suite} @ ${e.commit?.slice(0, 12) ?? 'local'}${prune.length ? ` (pruned ${prune.length})` : ''}`
  const { data: commit } = await api.request('POST /repos/{owner}/{repo}/git/commits', {
    ...where(t),
    message,
    tree: newTree.sha,
    parents: snapshot.tip ? [snapshot.tip] : []
  })
  return { sha: commit.sha, pruned: prune.length }
}

/** Moves the branch to `sha` without force; false when someone else moved it first (non-fast-forward) or created it. */
async function moveBranch(api: Api, t: BranchTarget, tip: string | null, sha: string): Promise<boolean> {
  try {
    if (tip) await api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...where(t), ref: `heads/${t.branch}`, sha, force: false })
    else await api.request('POST /repos/{owner}/{repo}/git/refs', { ...where(t), ref: `refs/heads/${t.branch}`, sha })
    return true
  } catch (error) {
    if (statusOf(error) === 422 || statusOf(error) === 409) return false
    throw describeApiError(error, `update the history branch "${t.branch}"`, 'contents: write')
  }
}

const defaultSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))

/**
 * Appends one entry as a new commit: read the tip, build blob → tree (base_tree = tip's) → commit, then update the ref
 * without force. A non-fast-forward answer means another job wrote first: re-read, rebuild on the new tip, retry.
 */
export async function appendHistoryEntry(api: Api, t: BranchTarget, o: AppendOptions): Promise<Appended> {
  const attempts = o.maxAttempts ?? 10
  const base = o.backoffMs ?? 500
  const sleep = o.sleep ?? defaultSleep
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let snapshot: BranchSnapshot
    let built: { sha: string; pruned: number }
    try {
      snapshot = await readHistoryBranch(api, t)
      built = await buildCommit(api, t, o, snapshot)
    } catch (error) {
      if (error instanceof GitHubError || statusOf(error) === undefined) throw error
      throw describeApiError(error, `write to the history branch "${t.branch}"`, 'contents: write')
    }
    if (await moveBranch(api, t, snapshot.tip, built.sha)) return { commit: built.sha, attempts: attempt, pruned: built.pruned }
    o.log?.(`history branch "${t.branch}" moved while writing (attempt ${attempt} of ${attempts}); re-reading it`)
    if (attempt < attempts) await sleep(base * 2 ** Math.min(attempt - 1, 6) + Math.random() * base)
  }
  throw new GitHubError(`could not add to the history branch "${t.branch}": it kept moving (${attempts} attempts); re-run the job`, 422)
}

/** The branch as a HistoryStore (reads for PR runs, appends for push runs). */
export class BranchStore implements HistoryStore {
  constructor(
    readonly api: Api,
    readonly target: BranchTarget,
    readonly options: Omit<AppendOptions, 'entry'>
  ) {}

  async list(suite?: string): Promise<HistoryEntry[]> {
    return (await readHistoryBranch(this.api, this.target, suite)).entries.map((e) => e.entry)
  }

  async add(entry: HistoryEntry): Promise<void> {
    await this.appendWith(entry)
  }

  appendWith(entry: HistoryEntry, extraFiles?: AppendOptions['extraFiles']): Promise<Appended> {
    return appendHistoryEntry(this.api, this.target, { ...this.options, entry, ...(extraFiles ? { extraFiles } : {}) })
  }
}
