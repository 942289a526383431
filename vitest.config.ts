import { defineConfig } from 'vitest/config'

// Two projects: `unit` imports the source; `e2e` runs a bundle of it built first into build/bundle (test/e2e/bundle-setup.ts).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/bundle-setup.ts'] } }
    ]
  }
})
