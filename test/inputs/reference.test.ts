import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { InputError } from '../../src/inputs/index.js'
import { parseReference, resolveInWorkspace } from '../../src/inputs/reference.js'

describe('parseReference', () => {
  const aliases = { ig: 'eval-out/ig.npz', curves: 'eval-out/ig.npz#deletion_curves', meta: 'eval-out/m.json#/a' }

  test.each([
    ['eval-out/ids.npy', { path: 'eval-out/ids.npy', display: 'eval-out/ids.npy' }],
    ['eval-out/ig.npz#labels', { path: 'eval-out/ig.npz', member: 'labels', display: 'eval-out/ig.npz#labels' }],
    ['eval-out/m.json#/a/0/b~1c', { path: 'eval-out/m.json', member: '/a/0/b~1c', display: 'eval-out/m.json#/a/0/b~1c' }],
    ['eval-out/m.json#', { path: 'eval-out/m.json', member: '', display: 'eval-out/m.json' }],
    ['ig#deletion_curves', { path: 'eval-out/ig.npz', member: 'deletion_curves', display: 'eval-out/ig.npz#deletion_curves' }],
    ['ig', { path: 'eval-out/ig.npz', display: 'eval-out/ig.npz' }],
    ['curves', { path: 'eval-out/ig.npz', member: 'deletion_curves', display: 'eval-out/ig.npz#deletion_curves' }],
    ['meta', { path: 'eval-out/m.json', member: '/a', display: 'eval-out/m.json#/a' }]
  ])('%s', (ref, expected) => {
    expect(parseReference(ref, aliases)).toEqual(expected)
  })

  test('an alias that names a member takes no second one', () => {
    expect(() => parseReference('curves#labels', aliases)).toThrow(
      'curves#labels: alias "curves" already names a member (eval-out/ig.npz#deletion_curves); use "curves" alone or write eval-out/ig.npz#labels'
    )
  })

  test('empty references and a missing file part', () => {
    expect(() => parseReference('  ', aliases)).toThrow(InputError)
    expect(() => parseReference('#labels', aliases)).toThrow('#labels: no file before "#"')
  })
})

describe('resolveInWorkspace', () => {
  let root: string
  let workspace: string
  let outside: string

  beforeAll(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'interp-gate-ws-')))
    workspace = path.join(root, 'ws')
    outside = path.join(root, 'secret.npy')
    mkdirSync(path.join(workspace, 'eval-out'), { recursive: true })
    writeFileSync(path.join(workspace, 'eval-out', 'a.npy'), 'x')
    writeFileSync(outside, 'secret')
    symlinkSync(outside, path.join(workspace, 'eval-out', 'leak.npy'))
    symlinkSync(path.join(root), path.join(workspace, 'up'))
    symlinkSync(path.join(workspace, 'eval-out', 'a.npy'), path.join(workspace, 'inside.npy'))
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  test('relative paths inside the workspace', () => {
    expect(resolveInWorkspace(workspace, 'eval-out/a.npy')).toBe(path.join(workspace, 'eval-out', 'a.npy'))
    expect(resolveInWorkspace(workspace, './eval-out/../eval-out/a.npy')).toBe(path.join(workspace, 'eval-out', 'a.npy'))
    expect(resolveInWorkspace(workspace, 'eval-out/missing.npy')).toBe(path.join(workspace, 'eval-out', 'missing.npy'))
  })

  test('".." escapes are refused', () => {
    expect(() => resolveInWorkspace(workspace, 'eval-out/../../etc/passwd')).toThrow(/^eval-out\/\.\.\/\.\.\/etc\/passwd: path leaves the workspace/)
    expect(() => resolveInWorkspace(workspace, '..')).toThrow(/^\.\.: path leaves the workspace/)
  })

  test('absolute paths: inside is fine, outside is refused', () => {
    expect(resolveInWorkspace(workspace, path.join(workspace, 'eval-out', 'a.npy'))).toBe(path.join(workspace, 'eval-out', 'a.npy'))
    expect(() => resolveInWorkspace(workspace, '/etc/passwd')).toThrow(/^\/etc\/passwd: path leaves the workspace/)
    expect(() => resolveInWorkspace(workspace, `${workspace}-other/x.npy`)).toThrow('path leaves the workspace')
  })

  test('symlinks pointing outside are refused, inside are fine', () => {
    expect(() => resolveInWorkspace(workspace, 'eval-out/leak.npy')).toThrow(`eval-out/leak.npy: path leaves the workspace (a symlink resolves to ${outside})`)
    expect(() => resolveInWorkspace(workspace, 'up/secret.npy')).toThrow(/^up\/secret\.npy: path leaves the workspace/)
    expect(resolveInWorkspace(workspace, 'inside.npy')).toBe(path.join(workspace, 'inside.npy'))
  })

  test('errors carry the file', () => {
    try {
      resolveInWorkspace(workspace, '../x.npy')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(InputError)
      expect((e as InputError).file).toBe('../x.npy')
    }
  })
})
