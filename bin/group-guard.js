#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (installed as a dependency).
import { register } from 'tsx/esm/api'
register()
await import('../bot/cli.ts')
