import { defineConfig } from 'vitest/config'

/** Browser tests: Playwright (playwright-core) driving Debian's Chromium at /usr/bin/chromium. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
})
