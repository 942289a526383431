// `npm run bench`: the bench suite through the bundled CLI (dist/cli.js: `npm run build` first) and plainly in numpy,
// side by side in one run: wall times, their ratio, both peak RSS figures, the input size and the agreement of values.
// `npm run bench -- --sizes 5000x4096,10000x4096,20000x4096` times interp-gate alone at several sizes (N x F).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'bench/out')
const resamples = 2000
const runs = Number(process.env.BENCH_RUNS ?? 3)
// The CLI bundle to time: dist/cli.js unless BENCH_CLI names another build.
const cli = process.env.BENCH_CLI ?? join(root, 'dist/cli.js')
const MiB = 2 ** 20
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Generates the arrays for N x F once (numpy), under bench/out/data-N-F; returns the folder and its .npy bytes. */
function dataset(n, f) {
  const dir = join(out, `data-${n}-${f}`)
  if (!existsSync(join(dir, 'attributions.npy'))) {
    console.log(`generating N=${n}, F=${f} (numpy)…`)
    execFileSync('python3', [join(root, 'bench/generate.py'), '--out', dir, '--n', String(n), '--f', String(f)], { stdio: 'inherit' })
  }
  const bytes = readdirSync(dir)
    .filter((x) => x.endsWith('.npy'))
    .reduce((s, x) => s + statSync(join(dir, x)).size, 0)
  writeFileSync(
    join(dir, 'interp-gate.yml'),
    [
      'version: 1',
      `defaults: { resamples: ${resamples} }`,
      'metrics:',
      '  - { id: accuracy, metric: accuracy, inputs: { predictions: logits.npy, labels: labels.npy } }',
      '  - { id: nonzero, metric: nonzero-fraction, inputs: { attributions: attributions.npy } }',
      '  - { id: gini, metric: gini, inputs: { attributions: attributions.npy } }',
      '  - { id: deletion, metric: deletion-auc, inputs: { curves: deletion.npy } }',
      '  - { id: insertion, metric: insertion-auc, inputs: { curves: insertion.npy } }',
      ''
    ].join('\n')
  )
  return { dir, bytes }
}

/** Runs a command, timing its whole process; peak RSS comes from getrusage (VmHWM) inside the process. */
function timed(command, args, options) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * MiB, ...options })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return { seconds, stdout: r.stdout }
}

function interpGate(dir) {
  const rssFile = join(dir, 'peak-rss.txt')
  const args = ['--import', join(root, 'bench/peak-rss.mjs'), cli, 'run', '--out', 'head', '--quiet']
  const { seconds } = timed(process.execPath, args, { cwd: dir, env: { ...process.env, BENCH_RSS_FILE: rssFile } })
  return { seconds, rss: Number(readFileSync(rssFile, 'utf8')) }
}

function numpy(dir) {
  // OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, where this machine sets them, slow a current numpy: unset here only.
  const env = { ...process.env }
  delete env.OPENBLAS_CORETYPE
  delete env.OPENBLAS_L2_SIZE
  const { seconds, stdout } = timed('python3', [join(root, 'bench/numpy_ref.py'), dir, String(resamples)], { env })
  const ref = JSON.parse(stdout)
  return { seconds, rss: ref.peakRssBytes, ref }
}

const mib = (bytes) => `${(bytes / MiB).toFixed(0)} MiB`

function suite() {
  const n = Number(process.env.BENCH_N ?? 20000)
  const f = Number(process.env.BENCH_F ?? 4096)
  const { dir, bytes } = dataset(n, f)
  const ig = []
  const np = []
  for (let i = 0; i < runs; i++) {
    ig.push(interpGate(dir))
    np.push(numpy(dir))
  }
  const igWall = median(ig.map((r) => r.seconds))
  const npWall = median(np.map((r) => r.seconds))
  const igRss = Math.max(...ig.map((r) => r.rss))
  const npRss = Math.max(...np.map((r) => r.rss))
  const ref = np[np.length - 1].ref
  const results = JSON.parse(readFileSync(join(dir, 'head/results.json'), 'utf8'))
  const agreement = results.metrics.map((m) => {
    const expected = ref.values[m.id]
    const rel = Math.abs(m.value - expected) / Math.max(Math.abs(expected), 1e-300)
    const ci = ref.cis[m.id]
    return `| ${m.id} | ${m.value.toPrecision(12)} | ${expected.toPrecision(12)} | ${rel.toExponential(1)} ${rel <= 1e-9 ? '✓' : '✗ over 1e-9'} | [${m.ci.low.toPrecision(5)}, ${m.ci.high.toPrecision(5)}] | [${ci[0].toPrecision(5)}, ${ci[1].toPrecision(5)}] |`
  })
  const report = [
    `# interp-gate bench — N=${n}, F=${f} float32 attributions, ${results.metrics.length} metrics, ${resamples} resamples; input ${mib(bytes)} of .npy (${bytes} bytes); median of ${runs}`,
    '',
    '| | interp-gate run | numpy | interp-gate / numpy |',
    '| --- | --- | --- | --- |',
    `| wall time (whole process) | ${igWall.toFixed(2)} s | ${npWall.toFixed(2)} s | ${(igWall / npWall).toFixed(2)}× (target ≤ 0.5×) |`,
    `| peak RSS (VmHWM) | ${mib(igRss)} | ${mib(npRss)} | ${(igRss / npRss).toFixed(2)}× |`,
    `| peak RSS / input bytes | ${(igRss / bytes).toFixed(2)}× (target ≤ 0.5×) | ${(npRss / bytes).toFixed(2)}× | |`,
    '',
    `numpy's own split: load ${ref.seconds.load.toFixed(2)} s, metrics ${ref.seconds.metrics.toFixed(2)} s, bootstrap ${ref.seconds.bootstrap.toFixed(2)} s.`,
    '',
    '| metric | interp-gate | numpy | relative difference | interp-gate 95% CI | numpy 95% CI (own resamples) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...agreement,
    ''
  ].join('\n')
  writeFileSync(join(out, 'results.md'), report)
  console.log(`\n${report}`)
}

function sizes(list) {
  const rows = []
  for (const size of list.split(',')) {
    const [n, f] = size.split('x').map(Number)
    const { dir, bytes } = dataset(n, f)
    const r = Array.from({ length: runs }, () => interpGate(dir))
    rows.push({ n, f, bytes, seconds: median(r.map((x) => x.seconds)), rss: Math.max(...r.map((x) => x.rss)) })
  }
  // Growth exponent: least-squares slope of log(wall time) against log(input bytes).
  const xs = rows.map((r) => Math.log(r.bytes))
  const ys = rows.map((r) => Math.log(r.seconds))
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length
  const my = ys.reduce((s, y) => s + y, 0) / ys.length
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0)
  const report = [
    '| N | F | input | wall time | peak RSS |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.n} | ${r.f} | ${mib(r.bytes)} | ${r.seconds.toFixed(2)} s | ${mib(r.rss)} |`),
    '',
    `growth exponent of wall time in input bytes: ${slope.toFixed(2)}`,
    ''
  ].join('\n')
  writeFileSync(join(out, 'sizes.md'), report)
  console.log(`\n${report}`)
}

mkdirSync(out, { recursive: true })
const at = process.argv.indexOf('--sizes')
if (at > 0) sizes(process.argv[at + 1] ?? '5000x4096,10000x4096,20000x4096')
else suite()
