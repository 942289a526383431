import { realpathSync } from 'node:fs'
import * as path from 'node:path'
import { fail } from './errors.js'

/** A parsed `<alias or path>[#<member>]` reference. */
export interface InputReference {
  /** The file, relative to the workspace as written in the config (aliases already expanded). */
  path: string
  /** npz array name, JSON pointer ("/a/0/b"), or CSV / JSONL column; absent when the reference names none. */
  member?: string
  /** `path#member`, for messages and NDArray.source. */
  display: string
}

/**
 * Splits a reference at its first "#" and expands an alias. An alias may carry its own "#member"
 * ("curves: eval-out/ig.npz#curves") only when the reference adds none.
 */
export function parseReference(ref: string, aliases: Record<string, string> = {}): InputReference {
  if (ref.trim() === '') fail('""', 'empty input reference (expected "<alias or path>[#<member>]")')
  const hash = ref.indexOf('#')
  const name = hash < 0 ? ref : ref.slice(0, hash)
  let member = hash < 0 ? undefined : ref.slice(hash + 1)
  let file = name
  if (Object.hasOwn(aliases, name)) {
    const target = aliases[name]
    const targetHash = target.indexOf('#')
    file = targetHash < 0 ? target : target.slice(0, targetHash)
    if (targetHash >= 0) {
      if (member !== undefined) {
        fail(ref, `alias "${name}" already names a member (${target}); use "${name}" alone or write ${file}#${member}`)
      }
      member = target.slice(targetHash + 1)
    }
  }
  if (file === '') fail(ref, 'no file before "#"')
  const display = member ? `${file}#${member}` : file
  return member === undefined ? { path: file, display } : { path: file, member, display }
}

/**
 * The absolute path of a workspace-relative (or absolute, inside the workspace) path. Refuses `..`
 * escapes and symlinks whose target lies outside: configs come from pull requests, which must not read runner files.
 */
export function resolveInWorkspace(workspace: string, relPath: string): string {
  const root = path.resolve(workspace)
  const absolute = path.resolve(root, relPath)
  if (leaves(root, absolute)) fail(relPath, `path leaves the workspace (resolves to ${absolute}, the workspace is ${root})`)
  let real: string
  try {
    real = realpathSync(absolute)
  } catch {
    return absolute // missing: the reader reports it as not found
  }
  const realRoot = realpathSync(root)
  if (leaves(realRoot, real)) fail(relPath, `path leaves the workspace (a symlink resolves to ${real})`)
  return absolute
}

function leaves(root: string, target: string): boolean {
  const rel = path.relative(root, target)
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)
}
