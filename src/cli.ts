import { main } from './cli/main.js'
import { quietOnClosedPipe } from './cli/pipe.js'

quietOnClosedPipe([process.stdout, process.stderr])

process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env
})
