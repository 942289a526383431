import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { BoundMetric } from '../../src/engine/bind.js'
import { bind } from '../helpers/bound-metric.js'

/** The same arrays as .npy files, np.savez and np.savez_compressed archives, and broken members: make.py (numpy 2.4). */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/npz-rows')
const ROW_BYTES = 50 * 4

export function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'interp-gate-npz-rows-'))
  for (const name of [
    'attributions.npy',
    'curves.npy',
    'predictions.npy',
    'labels.npy',
    'stored.npz',
    'deflated.npz',
    'crc_deflated.npz',
    'short_stored.npz',
    'short_deflated.npz'
  ])
    copyFileSync(path.join(FIXTURES, name), path.join(dir, name))
  // stored.npz with one byte of the attributions' row 30 flipped: its members are the .npy files' bytes as they are.
  const archive = readFileSync(path.join(FIXTURES, 'stored.npz'))
  const npy = readFileSync(path.join(FIXTURES, 'attributions.npy'))
  const at = archive.indexOf(npy)
  if (at < 0) throw new Error('stored.npz does not hold attributions.npy as it is')
  const headerBytes = npy.length - 40 * ROW_BYTES
  archive[at + headerBytes + 30 * ROW_BYTES + 8] ^= 0x10
  writeFileSync(path.join(dir, 'crc_stored.npz'), archive)
  return dir
}

/** gini, nonzero-fraction and entropy of the attributions (float32: read as they are), deletion-auc (float64), accuracy (two inputs, a fingerprint). */
export function suite(at: (name: string) => string): BoundMetric[] {
  return [
    bind('gini', { attributions: at('attributions') }, 0),
    bind('nonzero-fraction', { attributions: at('attributions') }, 1),
    bind('entropy', { attributions: at('attributions') }, 2),
    bind('deletion-auc', { curves: at('curves') }, 3),
    bind('accuracy', { predictions: at('predictions'), labels: at('labels') }, 4)
  ]
}
