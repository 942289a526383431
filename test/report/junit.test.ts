import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateXML } from 'xmllint-wasm'
import { describe, expect, it } from 'vitest'
import { junitCounts, renderJunit, xmlAttribute, xmlText } from '../../src/report/junit.js'
import type { Comparison } from '../../src/results/results-schema.js'
import { row } from '../helpers/results.js'

// The Jenkins xUnit plugin's JUnit schema (provenance in test/fixtures/junit/README.md).
const XSD = readFileSync(join(import.meta.dirname, '../fixtures/junit/junit-10.xsd'), 'utf8')

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema: { fileName: 'junit-10.xsd', contents: XSD } })
  return result.errors.map((e) => e.rawMessage)
}

// Control characters XML 1.0 cannot carry, even escaped; markup characters; a lone surrogate.
const HOSTILE = 'a<b>&"c\'\u0001\u001b[31m\uFFFE\uD800 ]]> end'

const comparison: Comparison = {
  schema: 'interp-gate/comparison@1',
  base: { suite: 'explainers', commit: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39', ref: 'refs/heads/main' },
  head: { suite: 'explainers', commit: '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d', ref: 'refs/pull/42/merge' },
  verdict: 'fail',
  notes: [`accept entry for ${HOSTILE} names no metric`],
  rows: [
    row({
      id: 'ig-deletion',
      direction: 'lower',
      status: 'regressed',
      base: 0.275,
      head: 0.296,
      delta: 0.021,
      relDelta: 0.0763636,
      ci: { level: 0.95, low: 0.009, high: 0.034 },
      pValue: 0.006,
      pWorse: 0.003,
      pAdjusted: 0.006,
      gates: [
        { rule: 'max', limit: 0.35, ok: true },
        { rule: 'max-regression', limit: '2%', ok: false, detail: 'worsened by 0.021 > 0.0055' }
      ]
    }),
    row({ id: 'accuracy', status: 'failed', base: 0.91, head: 0.84, delta: -0.07, relDelta: -0.0769, gates: [{ rule: 'min', limit: 0.9, ok: false }] }),
    row({ id: 'sae-l0', status: 'error', notes: [`sae.npz#l0: ${HOSTILE}`] }),
    row({ id: 'gini', status: 'new', head: 0.5, headCi: { level: 0.9, low: 0.25, high: 0.75 } }),
    row({ id: 'old-metric', status: 'missing', base: 0.2 }),
    row({ id: 'shap-agreement', status: 'incompatible', base: 0.6, head: 0.7, notes: ['not compared: params differ'] }),
    row({
      id: 'ig-insertion',
      status: 'accepted',
      severity: 'warning',
      base: 0.7,
      head: 0.65,
      delta: -0.05,
      relDelta: -0.05 / 0.7,
      accepted: 'new tokenizer, see #12',
      gates: [{ rule: 'max-regression', limit: 0.01, ok: false }]
    }),
    row({ id: 'sparsity', status: 'improved', base: 0.3, head: 0.4, delta: 0.1, relDelta: 0.1 / 0.3 }),
    row({ id: 'faith', status: 'pass', base: 0.5, head: 0.5, delta: 0, relDelta: 0, pValue: 1 })
  ]
}

const xml = renderJunit(comparison, { timestamp: '2026-01-01T00:00:00.000Z' })

/** The XML element of one testcase, by its name attribute. */
function testcaseOf(name: string): string {
  const match = xml.match(new RegExp(`<testcase classname="explainers" name="${name}" time="0">[\\s\\S]*?</testcase>`))
  if (!match) throw new Error(`no testcase ${name}`)
  return match[0]
}

describe('renderJunit', () => {
  it('validates against the Jenkins JUnit schema', async () => {
    expect(await schemaErrors(xml)).toEqual([])
  })

  it('the validator rejects what the schema forbids (a testcase without a name, a raw control character)', async () => {
    expect((await schemaErrors(xml.replace('name="faith" ', ''))).join('\n')).toMatch(/name.*required|required.*name/i)
    expect(await schemaErrors(xml.replace('<system-out>pass', '<system-out>\u0001pass'))).not.toEqual([])
  })

  it('counts: 9 metrics, 2 failures (regressed, failed), 1 error, 3 skipped (new, missing, incompatible)', () => {
    expect(junitCounts(comparison.rows)).toEqual({ tests: 9, failures: 2, errors: 1, skipped: 3 })
    expect(xml).toContain('<testsuites name="interp-gate" tests="9" failures="2" errors="1" time="0">')
    expect(xml).toContain('<testsuite name="explainers" tests="9" failures="2" errors="1" skipped="3" time="0" timestamp="2026-01-01T00:00:00.000Z">')
    expect(xml.match(/<testcase /g)).toHaveLength(9)
    expect(xml.match(/<failure /g)).toHaveLength(2)
    expect(xml.match(/<error /g)).toHaveLength(1)
    expect(xml.match(/<skipped /g)).toHaveLength(3)
  })

  it('a regression fails with the broken gate and the row numbers in the message', () => {
    // Percentages keep 2 significant digits: +7.6%, −7.7%; p(worse, Holm) is the adjusted p the gate compared.
    const message =
      'ig-deletion regressed — gate max-regression 2%: worsened by 0.021 &gt; 0.0055 — base 0.275, head 0.296, Δ +0.021 ▼ worse (+7.6%), 95% CI of Δ [+0.009, +0.034], p(worse, Holm)=0.006'
    expect(testcaseOf('ig-deletion')).toContain(`<failure type="regressed" message="${message}">`)
    expect(testcaseOf('accuracy')).toContain(
      '<failure type="failed" message="accuracy breaks an absolute bound — gate min 0.9 — base 0.91, head 0.84, Δ −0.07 ▼ worse (−7.7%)"'
    )
  })

  it('error, skipped and accepted rows say why', () => {
    expect(testcaseOf('sae-l0')).toMatch(/<error type="error" message="sae-l0 could not be computed: sae\.npz#l0: a&lt;b&gt;&amp;&quot;c'/)
    expect(testcaseOf('gini')).toContain(
      '<skipped type="new" message="not compared: no baseline value for gini (new metric, or no baseline given); base –, head 0.5, 90% CI [0.25, 0.75]"'
    )
    expect(testcaseOf('old-metric')).toContain('<skipped type="missing" message="old-metric is in the baseline but was not computed now')
    expect(testcaseOf('shap-agreement')).toContain('<skipped type="incompatible" message="not compared: params differ"')
    const accepted = testcaseOf('ig-insertion')
    expect(accepted).not.toMatch(/<failure|<error|<skipped/)
    expect(accepted).toContain('accepted regression: new tokenizer, see #12')
    expect(testcaseOf('sparsity')).not.toMatch(/<failure|<error|<skipped/)
    expect(testcaseOf('faith')).toContain('<system-out>pass: base 0.5, head 0.5, Δ 0 (0%), p=1.000</system-out>')
  })

  it('a warning-severity regression is a failure that says it does not fail the gate', () => {
    const c: Comparison = {
      ...comparison,
      rows: [row({ id: 'm', status: 'regressed', severity: 'warning', gates: [{ rule: 'history', limit: 'iqr', ok: false }] })]
    }
    expect(renderJunit(c, { timestamp: 't' })).toContain('message="m regressed (severity warning: does not fail the gate) — gate history iqr — base –, head –"')
  })

  it('escapes markup and replaces characters XML 1.0 cannot carry', async () => {
    expect(xmlText(HOSTILE)).toBe('a&lt;b&gt;&amp;"c\'\uFFFD\uFFFD[31m\uFFFD\uFFFD ]]&gt; end')
    expect(xmlAttribute('x"\ty\nz\r')).toBe('x&quot;&#9;y&#10;z&#13;')
    // Astral characters are valid XML and stay.
    expect(xmlText('😀')).toBe('😀')
    const hostileSuite: Comparison = { ...comparison, head: { ...comparison.head, suite: HOSTILE } }
    expect(await schemaErrors(renderJunit(hostileSuite, { timestamp: HOSTILE }))).toEqual([])
  })
})
