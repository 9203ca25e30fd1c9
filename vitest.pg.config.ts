import { defineConfig } from 'vitest/config'

/** The plugin and runtime tests again, with every helper-built runtime on a PgStore (BOT_TEST_STORE=pg). */
export default defineConfig({
  test: {
    include: ['test/plugins/**/*.test.ts', 'test/bot/runtime/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    env: { BOT_TEST_STORE: 'pg' },
    setupFiles: ['test/helpers/pg-setup.ts'],
  },
})
