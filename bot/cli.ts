#!/usr/bin/env node
/**
 * The command line's entry (`npm start`, the `group-guard` bin, `dist/bot/cli.js` of older units): a small module
 * that loads the commands (bot/cli/main.ts), so that what must happen before their imports are linked can run
 * first (ES module imports are linked before a module's code runs).
 */
const { runCli } = await import('./cli/main.js')
await runCli(process.argv.slice(2))
