import { defineConfig } from 'vitest/config'

// Two projects: `unit` imports the source; `e2e` runs a bundle of it built first into build/bundle (test/e2e/bundle-setup.ts).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Both cores: vitest's default keeps one free, which nearly doubles `npm test` on a 2-core runner.
    maxWorkers: 2,
    // The dashboard inlines uPlot's stylesheet with `?raw`; vitest would otherwise stub CSS files as empty.
    css: { include: [/uPlot\.min\.css/] },
    projects: [
      {
        extends: true,
        // No module mocks or shared mutable state in these tests, so one module graph per worker is safe and halves the CPU time.
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'], isolate: false }
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/bundle-setup.ts'] } }
    ]
  }
})
