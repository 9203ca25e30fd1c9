#!/usr/bin/env node
/**
 * The command line's entry (`npm start`, the `group-guard` bin, `dist/bot/cli.js` of older units). Packages that
 * Wechaty imports and the start never uses are deferred before anything imports Wechaty: ES module imports are
 * linked before a module's code runs, so the commands load only after this (bot/cli/main.ts).
 */
import { deferPackages } from './process/defer-packages.js'

deferPackages()
const { runCli } = await import('./cli/main.js')
await runCli(process.argv.slice(2))
