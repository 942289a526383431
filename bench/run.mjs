// `npm run bench`: three suites through the bundled CLI (dist/cli.js: `npm run build` first) and plainly in numpy,
// side by side, runs alternating: the bench suite (20k x 4096), wide rows (1000 x 3 x 224 x 224) and 10^7 paired
// examples. Wall times, their ratio pair by pair, both peak RSS figures, the input size and the agreement of values.
// The hostile suite (no numpy side) checks that inputs built to exhaust end within 60 s and 600 MiB.
// `npm run bench -- --suite wide` runs one suite; `npm run bench -- --sizes 5000x4096,10000x4096` times interp-gate
// alone at several sizes (N x F) and fits the growth exponents.
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
  return withRss(dir, ['run', '--out', 'head', '--quiet'])
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

function benchSuite() {
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
  const pairRatio = median(ig.map((r, i) => r.seconds / np[i].seconds))
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
    `| wall time (whole process) | ${igWall.toFixed(2)} s | ${npWall.toFixed(2)} s | ${pairRatio.toFixed(2)}× (median of pairwise ratios; target ≤ 0.5×) |`,
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
  return report
}

/** Runs `a` and `b` in turn `runs` times; each returns {seconds, rss}. */
function alternate(a, b) {
  const ra = []
  const rb = []
  for (let i = 0; i < runs; i++) {
    ra.push(a())
    rb.push(b())
  }
  return { a: ra, b: rb, ratio: median(ra.map((r, i) => r.seconds / rb[i].seconds)) }
}

function numpyScript(script, args) {
  const env = { ...process.env }
  delete env.OPENBLAS_CORETYPE
  delete env.OPENBLAS_L2_SIZE
  const { seconds, stdout } = timed('python3', [join(root, 'bench', script), ...args], { env })
  const ref = JSON.parse(stdout)
  return { seconds, rss: ref.peakRssBytes, ref }
}

function withRss(dir, args) {
  return expectExit(dir, args, 0)
}

function sideBySideRows(r, bytes) {
  const igWall = median(r.a.map((x) => x.seconds))
  const npWall = median(r.b.map((x) => x.seconds))
  const igRss = Math.max(...r.a.map((x) => x.rss))
  const npRss = Math.max(...r.b.map((x) => x.rss))
  return [
    '| | interp-gate | numpy | interp-gate / numpy |',
    '| --- | --- | --- | --- |',
    `| wall time (whole process, median of ${runs}) | ${igWall.toFixed(2)} s | ${npWall.toFixed(2)} s | ${r.ratio.toFixed(2)}× (median of pairwise ratios) |`,
    `| peak RSS (VmHWM) | ${mib(igRss)} | ${mib(npRss)} | ${(igRss / npRss).toFixed(2)}× |`,
    `| peak RSS / input bytes (${mib(bytes)}) | ${(igRss / bytes).toFixed(2)}× | ${(npRss / bytes).toFixed(2)}× | |`
  ]
}

/** 1000 × 3 × 224 × 224 float32: nonzero-fraction, gini, entropy and top-k-mass with 1,000-resample CIs. */
function wideSuite() {
  const n = Number(process.env.BENCH_WIDE_N ?? 1000)
  const wideResamples = 1000
  const dir = join(out, `wide-${n}`)
  if (!existsSync(join(dir, 'attributions.npy'))) {
    console.log(`generating wide rows N=${n} (numpy)…`)
    execFileSync('python3', [join(root, 'bench/generate_wide.py'), '--out', dir, '--n', String(n)], { stdio: 'inherit' })
  }
  const bytes = statSync(join(dir, 'attributions.npy')).size
  const ids = { nonzero: 'nonzero-fraction', gini: 'gini', entropy: 'entropy', topk: 'top-k-mass' }
  writeFileSync(
    join(dir, 'interp-gate.yml'),
    [
      'version: 1',
      `defaults: { resamples: ${wideResamples} }`,
      'metrics:',
      ...Object.entries(ids).map(([id, metric]) => `  - { id: ${id}, metric: ${metric}, inputs: { attributions: attributions.npy } }`),
      ''
    ].join('\n')
  )
  const r = alternate(
    () => withRss(dir, ['run', '--out', 'head', '--quiet']),
    () => numpyScript('numpy_wide.py', [dir, String(wideResamples)])
  )
  const ref = r.b[r.b.length - 1].ref
  const results = JSON.parse(readFileSync(join(dir, 'head/results.json'), 'utf8'))
  return [
    `# Wide rows — ${n} × 3 × 224 × 224 float32 (${bytes} bytes), ${Object.keys(ids).length} metrics, ${wideResamples} resamples`,
    '',
    ...sideBySideRows(r, bytes),
    '',
    '| metric | interp-gate | numpy | relative difference | CI method |',
    '| --- | --- | --- | --- | --- |',
    ...results.metrics.map((m) => {
      const rel = Math.abs(m.value - ref.values[m.id]) / Math.abs(ref.values[m.id])
      return `| ${m.id} | ${m.value.toPrecision(12)} | ${ref.values[m.id].toPrecision(12)} | ${rel.toExponential(1)} ${rel <= 1e-9 ? '✓' : '✗ over 1e-9'} | ${m.ci?.method} |`
    }),
    ''
  ].join('\n')
}

/** 10^7 paired examples: `interp-gate compare` of two results (scores in their sidecars) against numpy's load, paired mean and normal CI. */
function pairedSuite() {
  const n = Number(process.env.BENCH_PAIRED_N ?? 10_000_000)
  const dir = join(out, `paired-${n}`)
  if (!existsSync(join(dir, 'head.npy'))) {
    console.log(`generating paired scores N=${n} (numpy)…`)
    execFileSync('python3', [join(root, 'bench/generate_paired.py'), '--out', dir, '--n', String(n)], { stdio: 'inherit' })
  }
  const bytes = statSync(join(dir, 'base.npy')).size + statSync(join(dir, 'head.npy')).size
  for (const side of ['base', 'head']) {
    writeFileSync(join(dir, `${side}.yml`), `version: 1\nmetrics:\n  - { id: m, metric: mean, inputs: { scores: ${side}.npy } }\n`)
  }
  withRss(dir, ['run', '--config', 'base.yml', '--out', 'base', '--quiet'])
  const full = withRss(dir, ['run', '--config', 'head.yml', '--baseline', 'base/results.json', '--out', 'head', '--quiet'])
  const r = alternate(
    () => withRss(dir, ['compare', 'base/results.json', 'head/results.json', '--out', 'compare']),
    () => numpyScript('numpy_paired.py', [dir])
  )
  const ref = r.b[r.b.length - 1].ref
  const row = JSON.parse(readFileSync(join(dir, 'compare/comparison.json'), 'utf8')).rows[0]
  const half = (ref.ci[1] - ref.ci[0]) / 2
  const off = Math.max(Math.abs(row.ci.low - ref.ci[0]), Math.abs(row.ci.high - ref.ci[1])) / half
  return [
    `# Paired — ${n} examples per run (${bytes} bytes of .npy), \`interp-gate compare\` of two results.json with their sidecars`,
    '',
    ...sideBySideRows(r, bytes),
    '',
    `Paired: ${row.paired}; CI ${row.ci.method} [${row.ci.low}, ${row.ci.high}] against numpy's normal CI [${ref.ci[0]}, ${ref.ci[1]}]: ` +
      `bounds ${(100 * off).toExponential(1)} % of the half-width apart (target ≤ 5 %). ` +
      `The whole head run (read head.npy, CI, write results and sidecar, read the baseline, compare): ${full.seconds.toFixed(2)} s, ${mib(full.rss)}.`,
    ''
  ].join('\n')
}

/** Runs the CLI expecting `status`; its wall time, peak RSS and first line of stderr. */
function expectExit(dir, args, status) {
  const rssFile = join(dir, 'peak-rss.txt')
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--import', join(root, 'bench/peak-rss.mjs'), cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_FILE: rssFile }
  })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  if (r.status !== status) throw new Error(`${args.join(' ')} exited ${r.status}, expected ${status}: ${r.stderr}`)
  return { seconds, rss: Number(readFileSync(rssFile, 'utf8')), message: r.stderr.trim().split('\n')[0] }
}

/** Inputs built to exhaust: an .npz member that inflates to 1000 MiB, and Quantus lists of 10^6 scores (base, then head against it). */
function hostileSuite() {
  const dir = join(out, 'hostile')
  if (!existsSync(join(dir, 'quantus/head/q.json'))) {
    console.log('generating hostile inputs (numpy)…')
    execFileSync('python3', [join(root, 'bench/generate_hostile.py'), '--out', dir], { stdio: 'inherit' })
  }
  const bombDir = join(dir, 'bomb')
  writeFileSync(join(bombDir, 'interp-gate.yml'), 'version: 1\nmetrics:\n  - { id: m, metric: mean, inputs: { scores: "scores.npz#scores" } }\n')
  const bomb = expectExit(bombDir, ['run', '--out', 'out', '--quiet'], 2)
  const q = join(dir, 'quantus')
  for (const side of ['base', 'head']) writeFileSync(join(q, `${side}.yml`), `version: 1\nadapters:\n  - adapter: quantus\n    path: ${side}/q.json\n`)
  const base = expectExit(q, ['run', '--config', 'base.yml', '--out', 'out-base', '--quiet'], 0)
  const head = expectExit(q, ['run', '--config', 'head.yml', '--baseline', 'out-base/results.json', '--out', 'out-head', '--quiet'], 0)
  const row = JSON.parse(readFileSync(join(q, 'out-head/comparison.json'), 'utf8')).rows[0]
  const within = (r) => `${r.seconds <= 60 && r.rss <= 600 * MiB ? '✓' : '✗'} (limits 60 s, 600 MiB)`
  return [
    '# Hostile sizes',
    '',
    '| input | outcome | wall time | peak RSS | |',
    '| --- | --- | --- | --- | --- |',
    `| .npz, ${(statSync(join(bombDir, 'scores.npz')).size / 1e6).toFixed(1)} MB on disk, member \`scores\` inflating to 1000 MiB | exit 2: ${bomb.message.replaceAll('|', '\\|')} | ${bomb.seconds.toFixed(2)} s | ${mib(bomb.rss)} | ${within(bomb)} |`,
    `| Quantus list of 10⁶ scores, base run | exit 0 | ${base.seconds.toFixed(2)} s | ${mib(base.rss)} | ${within(base)} |`,
    `| the same, head run compared with that baseline | exit 0, paired: ${row.paired}, CI ${row.ci?.method} | ${head.seconds.toFixed(2)} s | ${mib(head.rss)} | ${within(head)} |`,
    ''
  ].join('\n')
}

function suites(which) {
  const all = { bench: benchSuite, wide: wideSuite, paired: pairedSuite, hostile: hostileSuite }
  const picked = which ? [which] : Object.keys(all)
  const reports = picked.map((name) => {
    if (!all[name]) throw new Error(`--suite ${name}: expected one of ${Object.keys(all).join(', ')}`)
    const report = all[name]()
    console.log(`\n${report}`)
    return report
  })
  writeFileSync(join(out, 'results.md'), reports.join('\n'))
}

function sizes(list) {
  const rows = []
  for (const size of list.split(',')) {
    const [n, f] = size.split('x').map(Number)
    const { dir, bytes } = dataset(n, f)
    const r = Array.from({ length: runs }, () => interpGate(dir))
    rows.push({ n, f, bytes, seconds: median(r.map((x) => x.seconds)), rss: Math.max(...r.map((x) => x.rss)) })
  }
  // Growth exponents: least-squares slopes of log(wall time) against log(input bytes), log N (same F), log F (same N).
  const slopeOf = (pts) => {
    if (pts.length < 2) return NaN
    const xs = pts.map((p) => Math.log(p[0]))
    const ys = pts.map((p) => Math.log(p[1]))
    const mx = xs.reduce((s, x) => s + x, 0) / xs.length
    const my = ys.reduce((s, y) => s + y, 0) / ys.length
    return xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0)
  }
  const slope = slopeOf(rows.map((r) => [r.bytes, r.seconds]))
  const inN = slopeOf(rows.filter((r) => r.f === rows[0].f).map((r) => [r.n, r.seconds]))
  const inF = slopeOf(rows.filter((r) => r.n === rows[rows.length - 1].n).map((r) => [r.f, r.seconds]))
  const report = [
    '| N | F | input | wall time | peak RSS |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.n} | ${r.f} | ${mib(r.bytes)} | ${r.seconds.toFixed(2)} s | ${mib(r.rss)} |`),
    '',
    `growth exponent of wall time in input bytes: ${slope.toFixed(2)}; in N at F=${rows[0].f}: ${inN.toFixed(2)}; in F at N=${rows[rows.length - 1].n}: ${inF.toFixed(2)}`,
    ''
  ].join('\n')
  writeFileSync(join(out, 'sizes.md'), report)
  console.log(`\n${report}`)
}

mkdirSync(out, { recursive: true })
const at = process.argv.indexOf('--sizes')
const pick = process.argv.indexOf('--suite')
if (at > 0) sizes(process.argv[at + 1] ?? '5000x4096,10000x4096,20000x4096')
else suites(pick > 0 ? process.argv[pick + 1] : undefined)
