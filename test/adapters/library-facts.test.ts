import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { tableDirection } from '../../src/adapters/adapter.js'
import { ADAPTERS } from '../../src/adapters/index.js'
import { DETAIL_ID } from '../../src/adapters/saebench.js'

// test/fixtures/adapters/library-facts.json: written by scripts/extract-library-facts.py from each library's source at
// the commit it names. Each adapter's direction table must agree with it, fact by fact.
interface Fact {
  library: string
  name: string
  direction: 'higher' | 'lower' | null
  basis: string
  source: string
}
const FACTS = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/adapters/library-facts.json', import.meta.url)), 'utf8')) as {
  libraries: Record<string, { repo: string; commit: string; version: string | null }>
  facts: Fact[]
}
const adapter = (name: string) => ADAPTERS.find((a) => a.name === name)!
const facts = (library: string, keep: (f: Fact) => boolean = () => true) => FACTS.facts.filter((f) => f.library === library && keep(f))
const expected = (f: Fact) => f.direction ?? 'context'
const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

describe('each adapter’s direction table agrees with the facts extracted from the library’s source', () => {
  test('every library is pinned to a commit', () => {
    expect(Object.keys(FACTS.libraries).sort()).toEqual(['captum', 'eraser', 'openxai', 'quantus', 'saebench', 'saelens'])
    for (const lib of Object.values(FACTS.libraries)) expect(lib.commit).toMatch(/^[0-9a-f]{40}$/)
  })

  test('Quantus: every metric class, with its score_direction', () => {
    const quantus = facts('quantus')
    expect(quantus.length).toBeGreaterThanOrEqual(39)
    for (const f of quantus) expect([f.name, tableDirection(adapter('quantus').directions, normalise(f.name))]).toEqual([f.name, f.direction])
    // The ones the issue found wrong or missing.
    const names = Object.fromEntries(quantus.map((f) => [f.name, f.direction]))
    expect(names).toMatchObject({ RegionPerturbation: 'lower', Continuity: 'lower', Consistency: 'lower', EfficientMPRT: 'higher', MSTC: 'higher' })
  })

  test('SAEBench: every eval_output.py metric field (and mdl’s results) has the direction the facts give', () => {
    const fields = facts('saebench', (f) => /^[a-z_]+\/[a-z_]+\.\w+$/.test(f.name))
    expect(fields.length).toBeGreaterThan(200)
    for (const f of fields) expect([f.name, tableDirection(adapter('saebench').directions, f.name)]).toEqual([f.name, expected(f)])
    expect(fields.map((f) => f.name)).toContain('core/misc_metrics.frac_alive')
  })

  test('SAEBench: per-item details pair by the id field the facts name', () => {
    const ids = Object.fromEntries(
      facts('saebench', (f) => f.name.startsWith('id:')).map((f) => {
        const [evalType, field] = f.name.slice(3).split('/details.')
        return [evalType, field]
      })
    )
    expect(ids).toEqual(DETAIL_ID)
  })

  test('SAELens: the metric names run_evals writes', () => {
    const fields = facts('saelens', (f) => /^\w+\.\w+$/.test(f.name))
    expect(fields.length).toBe(19)
    for (const f of fields) expect([f.name, tableDirection(adapter('saelens').directions, f.name)]).toEqual([f.name, expected(f)])
  })

  test('ERASER: every section and classification score, and the per-instance measures', () => {
    const rules = adapter('eraser').directions
    const sections = facts('eraser', (f) => /^\w+$/.test(f.name)).map((f) => f.name)
    expect(sections).toEqual(['iou_scores', 'rationale_prf', 'token_prf', 'token_soft_metrics', 'sentence_soft_metrics', 'classification_scores'])
    for (const f of facts('eraser', (f) => f.name.startsWith('classification_scores.'))) {
      // prf is sklearn's classification_report (a dict), *_points and thresholds lists: checked through a member.
      const key = f.name === 'classification_scores.prf' ? 'classification_scores.prf.macro avg.f1-score' : f.name
      expect([f.name, tableDirection(rules, key)]).toEqual([f.name, expected(f)])
    }
    for (const f of facts('eraser', (f) => f.name.startsWith('soft.'))) {
      for (const section of ['token_soft_metrics', 'sentence_soft_metrics']) {
        const key = `${section}.${f.name.slice(5)}`
        expect([key, tableDirection(rules, key)]).toEqual([key, f.direction])
      }
    }
    for (const f of facts('eraser', (f) => f.name.startsWith('per_instance.'))) expect([f.name, tableDirection(rules, f.name)]).toEqual([f.name, f.direction])
  })

  test('OpenXAI: every metric of evaluator.py’s metrics_dict', () => {
    const metrics = facts('openxai', (f) => /^[A-Z]+$/.test(f.name))
    expect(metrics.map((f) => f.name)).toEqual(['PRA', 'RC', 'FA', 'RA', 'SA', 'SRA', 'PGU', 'PGI', 'RIS', 'RRS', 'ROS'])
    for (const f of metrics) expect([f.name, tableDirection(adapter('openxai').directions, f.name)]).toEqual([f.name, f.direction])
  })

  test('Captum: infidelity and sensitivity_max', () => {
    for (const f of facts('captum')) expect([f.name, tableDirection(adapter('captum').directions, normalise(f.name))]).toEqual([f.name, f.direction])
  })
})

test('docs/adapter-facts.md lists every fact with its source line (regenerate with scripts/extract-library-facts.py --tables)', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/adapter-facts.md', import.meta.url)), 'utf8')
  for (const f of FACTS.facts) {
    const { repo, commit } = FACTS.libraries[f.library]
    const [path, line] = [f.source.slice(0, f.source.lastIndexOf(':')), f.source.slice(f.source.lastIndexOf(':') + 1)]
    expect(doc, f.name).toContain(`| \`${f.name}\` |`)
    expect(doc, f.name).toContain(`https://github.com/${repo}/blob/${commit}/${path}#L${line}`)
  }
})
