import { defineConfig } from 'vitest/config'

/**
 * The unit tests that build runtimes or stores through the test helpers, again with every one on a PgStore
 * (BOT_TEST_STORE=pg): the plugins, the runtime, and the commands, config check, console, sandbox, CLI and
 * Wechaty wiring over them. (The fleet and PostgreSQL store tests run on PostgreSQL in `npm test` already.)
 */
export default defineConfig({
  test: {
    include: [
      'test/plugins/**/*.test.ts',
      'test/bot/runtime/**/*.test.ts',
      'test/bot/{cli,commands,config,console,sandbox,wechaty}/**/*.test.ts',
      'test/bot/wechaty-plugin.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    env: { BOT_TEST_STORE: 'pg' },
    setupFiles: ['test/helpers/pg-setup.ts'],
  },
})
