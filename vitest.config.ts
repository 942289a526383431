import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The dashboard inlines uPlot's stylesheet with `?raw`; vitest would otherwise stub CSS files as empty.
    css: { include: [/uPlot\.min\.css/] }
  }
})
