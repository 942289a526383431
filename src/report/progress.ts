/** Where progress goes: a redrawn bar on a terminal, plain lines in logs (with ::group:: in GitHub Actions), or nowhere. */
export type ProgressMode = 'tty' | 'actions' | 'plain' | 'off'

/** TTY bar when stderr is a terminal; lines grouped per phase under GitHub Actions; `--quiet` silences all. */
export function progressMode(options: { quiet?: boolean; isTTY?: boolean; env: Record<string, string | undefined> }): ProgressMode {
  if (options.quiet) return 'off'
  if (options.env.GITHUB_ACTIONS === 'true') return 'actions'
  return options.isTTY ? 'tty' : 'plain'
}

/** "[#########---------------]  12,000/20,000 rows  3.2 s": the pure part of one progress line. */
export function progressBar(done: number, total: number, elapsedMs: number, unit: string, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1
  const filled = Math.round(share * width)
  const count = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit}`
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count} ${(elapsedMs / 1000).toFixed(1)} s`
}

export interface ProgressOptions {
  mode: ProgressMode
  write(text: string): void
  /** Milliseconds since some fixed point (injectable for tests). */
  now(): number
  /** How many metrics the run computes, for "metric 3/7". */
  metrics: number
  /** Nothing is printed before this much of the run has passed: short runs stay silent (default 2 s). */
  quietMs?: number
  /** Plain and Actions modes print a line at most this often (default 5 s); the terminal bar redraws at most every 100 ms. */
  intervalMs?: number
}

export interface ProgressReporter {
  rows(metricIds: readonly string[], done: number, total: number): void
  metric(id: string): void
  /** Ends the last line or log group. */
  finish(): void
}

const PHASES = { rows: 'reading arrays row by row', metrics: 'computing values and confidence intervals' } as const

/** A stateful reporter over a pure line format; prints only once the run has taken quietMs. */
export function createProgress(options: ProgressOptions): ProgressReporter {
  const { mode, write, now } = options
  if (mode === 'off') return { rows() {}, metric() {}, finish() {} }
  const quietMs = options.quietMs ?? 2000
  const interval = mode === 'tty' ? 100 : (options.intervalMs ?? 5000)
  const start = now()
  let phase: keyof typeof PHASES | undefined
  let lastPrint = -Infinity
  let open = false // a bar without its newline (tty) or a ::group:: without its ::endgroup:: (actions)
  let metricIndex = 0

  const close = (): void => {
    if (!open) return
    write(mode === 'tty' ? '\n' : '::endgroup::\n')
    open = false
  }
  const enter = (next: keyof typeof PHASES): void => {
    if (phase === next) return
    close()
    phase = next
    lastPrint = -Infinity
  }
  const show = (line: string, force: boolean): void => {
    const t = now()
    if (t - start < quietMs || (!force && t - lastPrint < interval)) return
    lastPrint = t
    if (mode === 'tty') {
      write(`\r${line}\x1b[K`)
      open = true
      return
    }
    if (mode === 'actions' && !open) {
      write(`::group::interp-gate: ${PHASES[phase!]}\n`)
      open = true
    }
    write(`interp-gate: ${line}\n`)
  }

  return {
    rows(ids, done, total) {
      enter('rows')
      show(`${ids.join(', ')} ${progressBar(done, total, now() - start, 'rows')}`, done === total && mode === 'tty')
    },
    metric(id) {
      enter('metrics')
      metricIndex++
      show(`${PHASES.metrics}: ${id} ${progressBar(metricIndex - 1, options.metrics, now() - start, 'metrics')}`, false)
    },
    finish: close
  }
}
