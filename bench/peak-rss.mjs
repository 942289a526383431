// Preloaded with `node --import`: writes the process's peak RSS (getrusage ru_maxrss, i.e. VmHWM) to $BENCH_RSS_FILE at exit.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024))
})
