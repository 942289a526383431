// `npm run bench`: interp-gate (the bundled CLI) against numpy on a generated eval set; prints timings and agreement.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'bench/out')
const n = Number(process.env.BENCH_N ?? 20000)
const f = Number(process.env.BENCH_F ?? 1024)
const resamples = 2000
mkdirSync(out, { recursive: true })
console.log(`generating N=${n} examples, F=${f} features (numpy)…`)
execFileSync('python3', [join(root, 'bench/generate.py'), '--out', join(out, 'data'), '--n', String(n), '--f', String(f)], { stdio: 'inherit' })

const metric = (id, name, inputs) => `  - { id: ${id}, metric: ${name}, ids: data/ids.npy, inputs: ${JSON.stringify(inputs)} }`
writeFileSync(join(out, 'interp-gate.yml'), [
  'version: 1',
  `defaults: { resamples: ${resamples}, max-examples: 1000000 }`,
  'metrics:',
  metric('accuracy', 'accuracy', { predictions: 'data/logits.npy', labels: 'data/labels.npy' }),
  metric('deletion', 'deletion-auc', { curves: 'data/curves.npy' }),
  metric('aopc', 'aopc', { curves: 'data/curves.npy' }),
  metric('gini', 'gini', { attributions: 'data/attributions.npy' }),
  metric('nonzero', 'nonzero-fraction', { attributions: 'data/attributions.npy' }),
  metric('entropy', 'entropy', { attributions: 'data/attributions.npy' }),
  ''
].join('\n'))

function time(label, args) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd: out, encoding: 'utf8' })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  if (r.status !== 0 && r.status !== 1) throw new Error(`${label} failed: ${r.stderr}`)
  return seconds
}
const runs = 3
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const compute = median(Array.from({ length: runs }, () => time('run', ['run', '--out', 'head'])))
const paired = median(Array.from({ length: runs }, () => time('run+compare', ['run', '--out', 'cmp', '--baseline', 'head/results.json'])))
const ref = JSON.parse(execFileSync('python3', [join(root, 'bench/numpy_ref.py'), join(out, 'data'), String(resamples)], { encoding: 'utf8' }))

const results = JSON.parse(readFileSync(join(out, 'head/results.json'), 'utf8'))
const rows = results.metrics.map((m) => {
  const expected = ref.values[m.id]
  const rel = Math.abs(m.value - expected) / Math.max(Math.abs(expected), 1e-300)
  return `| ${m.id} | ${m.value.toPrecision(10)} | ${expected.toPrecision(10)} | ${rel.toExponential(1)} |`
})
const report = [
  `# interp-gate benchmark — N=${n}, F=${f}, ${resamples} bootstrap resamples, ${results.metrics.length} metrics`,
  '',
  '| step | seconds |',
  '| --- | --- |',
  `| interp-gate run (read, compute, bootstrap CIs; median of ${runs}) | ${compute.toFixed(2)} |`,
  `| interp-gate run + paired compare with a baseline (median of ${runs}) | ${paired.toFixed(2)} |`,
  `| numpy: load ${ref.seconds.load.toFixed(2)} + metrics ${ref.seconds.metrics.toFixed(2)} + bootstrap ${ref.seconds.bootstrap.toFixed(2)} | ${ref.seconds.total.toFixed(2)} |`,
  '',
  '| metric | interp-gate | numpy | relative difference |',
  '| --- | --- | --- | --- |',
  ...rows,
  ''
].join('\n')
writeFileSync(join(out, 'results.md'), report)
console.log(`\n${report}`)
