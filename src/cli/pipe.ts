/**
 * `interp-gate run … | head` closes the pipe early: stop quietly with the exit code so far instead of dying
 * on an unhandled EPIPE with a stack trace. Other stream errors still surface.
 */
export function quietOnClosedPipe(streams: NodeJS.WritableStream[], exit: (code: number) => void = (code) => process.exit(code)): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
    })
  }
}
