import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/** The output folder can't be used as asked (a symlink, a file, a symlinked output). */
export class OutputError extends Error {
  override name = 'OutputError'
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path)
  } catch {
    return null
  }
}

/**
 * Creates the output folder and returns its absolute path. Refuses when the folder, or any folder between
 * the workspace and it, is a symlink (results would land wherever it points) or is a file.
 */
export function prepareOutputFolder(workspace: string, outDir: string): string {
  const { root, out, inside } = outputPath(workspace, outDir)
  // Only the part below the workspace is ours to check; a path outside it (an absolute --out) is checked whole.
  const start = inside ? root : dirname(out) === out ? out : findExistingParent(out)
  const parts = relative(start, out).split(sep).filter(Boolean)
  let current = start
  for (const part of parts) {
    current = join(current, part)
    const stats = lstatOrNull(current)
    if (!stats) {
      mkdirSync(current, { recursive: true })
      continue
    }
    if (stats.isSymbolicLink())
      throw new OutputError(
        `${outDir}: ${current === out ? 'the output folder' : `${current}`} is a symlink; outputs are not written through symlinks, give a real folder with --out`
      )
    if (!stats.isDirectory())
      throw new OutputError(
        `${outDir}: ${current === out ? 'is' : `${current} is`} a file, not a folder; give a folder with --out (it is created when missing)`
      )
  }
  return out
}

/** The workspace, the absolute output folder, and whether the folder lies below the workspace. */
function outputPath(workspace: string, outDir: string): { root: string; out: string; inside: boolean } {
  const root = resolve(workspace)
  const out = resolve(root, outDir)
  const rel = relative(root, out)
  return { root, out, inside: rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep) && rel !== out }
}

function findExistingParent(path: string): string {
  let current = dirname(path)
  while (dirname(current) !== current && !lstatOrNull(current)) current = dirname(current)
  return current
}

/**
 * Writes each file of the run into the folder atomically (temporary file, fsync, rename), so a kill
 * leaves the old file or the new one, never a torn one; a file given as null is one this run does not
 * produce and is removed, so no stale comparison.json sits beside a new report. An existing symlink
 * or folder at an output name is refused rather than written through or replaced.
 */
export function writeOutputs(folder: string, files: Record<string, string | Uint8Array | null>): string[] {
  removeStaleTemps(folder)
  for (const name of Object.keys(files)) {
    const stats = lstatOrNull(join(folder, name))
    if (stats && !stats.isFile())
      throw new OutputError(
        `${join(folder, name)}: is ${stats.isSymbolicLink() ? 'a symlink' : 'not a regular file'}; outputs are written only as regular files, remove it or choose another --out`
      )
  }
  const written: string[] = []
  for (const [name, text] of Object.entries(files)) {
    const target = join(folder, name)
    if (text === null) {
      if (lstatOrNull(target)) unlinkSync(target)
      continue
    }
    writeAtomically(target, text)
    written.push(target)
  }
  return written
}

/** What `run` and `merge` write into --out; a failed run removes them (see clearOutputs). */
const RUN_OUTPUTS = ['results.json', 'results.scores.bin', 'comparison.json', 'report.md'] as const

/** `.<12 hex>.<pid>.tmp`: the temporary name writeAtomically uses, and nothing else. */
const TEMP_NAME = /^\.[0-9a-f]{12}\.(\d+)\.tmp$/

/**
 * After a failed run: removes the outputs an earlier run left in the folder, so no stale results.json or report.md
 * sits beside an exit 2 as if it were this run's. Only regular files are removed, and only when the folder and every
 * folder between the workspace and it are real folders (the run would not have written anywhere else).
 */
function clearOutputs(workspace: string, outDir: string, names: readonly string[] = RUN_OUTPUTS): void {
  const { root, out, inside } = outputPath(workspace, outDir)
  let current = inside ? root : sep
  for (const part of relative(current, out).split(sep).filter(Boolean)) {
    current = join(current, part)
    const stats = lstatOrNull(current)
    if (!stats?.isDirectory() || stats.isSymbolicLink()) return
  }
  removeStaleTemps(out)
  for (const name of names) {
    const target = join(out, name)
    if (lstatOrNull(target)?.isFile()) rmSync(target, { force: true })
  }
}

/**
 * Runs a command that writes into `outDir`; when it fails (config, baseline, input or output error, or a crash), removes
 * what an earlier run left there (clearOutputs), then lets the error through unchanged.
 */
export async function clearingOutputsOnFailure<T>(workspace: string, outDir: string, body: () => Promise<T>, names?: readonly string[]): Promise<T> {
  return body().catch(clearOutputsAndRethrow(workspace, outDir, names))
}

/** A promise's catch handler: clearOutputs, then the original error again (a folder we can't clean is reported by the next write). */
export function clearOutputsAndRethrow(workspace: string, outDir: string, names?: readonly string[]): (error: unknown) => never {
  return (error) => {
    try {
      clearOutputs(workspace, outDir, names)
    } catch {
      // The original error is the one to report.
    }
    throw error
  }
}

/**
 * A killed run leaves its hidden temporary file behind: remove those of writers that are gone (or that had this
 * process's id, which a new container reuses), never those of a writer still running beside us. `pattern` matches
 * the temporary names only, with the writer's pid as its first group.
 */
export function removeStaleTemps(folder: string, pattern: RegExp = TEMP_NAME): void {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const name of names) {
    const pid = pattern.exec(name)?.[1]
    if (pid === undefined || (Number(pid) !== process.pid && isRunning(Number(pid)))) continue
    if (lstatOrNull(join(folder, name))?.isFile()) rmSync(join(folder, name), { force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function writeAtomically(target: string, text: string | Uint8Array): void {
  // A unique temporary name in the same folder (rename is atomic within a file system); 'wx' never follows a planted symlink.
  const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.${process.pid}.tmp`)
  const fd = openSync(temp, 'wx', 0o644)
  try {
    // writeFileSync on a descriptor loops until every byte is written (a single writeSync may write part of a large buffer).
    writeFileSync(fd, text)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
  closeSync(fd)
  try {
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
