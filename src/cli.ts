import { main } from './cli/main.js'
import { quietOnClosedPipe } from './cli/pipe.js'
import { bundledParallel } from './engine/worker-start.js'

quietOnClosedPipe([process.stdout, process.stderr])

process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  errIsTTY: process.stderr.isTTY,
  parallel: bundledParallel(import.meta.url)
})
