import { mkdirSync, readdirSync } from 'node:fs'
import { createApp } from '../app.js'
import { FakeClock, flushMicrotasks } from '../ports/clock.js'
import { MemoryStore } from '../ports/memory-store.js'
import { createLogger, type LogLevel } from '../process/logger.js'
import type { AuditEntry } from '../runtime/records/audit.js'
import { createSandbox, type SandboxWorld } from '../sandbox/index.js'
import { clockTime } from '../time/zoned.js'
import { populateWorld, readWorld } from '../sandbox/load-world.js'
import { applyEvent } from './apply-event.js'
import { readTranscript } from './transcript.js'

/** What to replay, against which config and world, and where to write files. */
export interface ReplayOptions {
  transcript: string
  configFile: string
  worldFile: string
  outDir: string
  /** Execute actions in the sandbox instead of dry-run. */
  live: boolean
  out: NodeJS.WritableStream
  logLevel?: LogLevel
}

/** Feed a transcript through the sandbox with a clock that follows its timestamps; print every action. */
export async function runReplay(o: ReplayOptions): Promise<{ events: number; actions: AuditEntry[]; skipped: number }> {
  const events = readTranscript(o.transcript)
  const spec = readWorld(o.worldFile)
  const clock = new FakeClock((events[0]?.at ?? Date.now()) - 60_000)
  const sandbox = createSandbox({ now: () => clock.now() })
  populateWorld(sandbox.world, spec)
  mkdirSync(o.outDir, { recursive: true })
  const app = createApp({
    configFile: o.configFile,
    dataDir: o.outDir,
    log: createLogger(o.logLevel ?? 'warn'),
    puppet: sandbox.puppet,
    clock,
    store: new MemoryStore(),
    dryRun: !o.live,
    printQr: false,
  })
  const tz = app.runtime.loaded.config.timezone
  const actions: AuditEntry[] = []
  app.runtime.audit.subscribe(e => {
    actions.push(e)
    o.out.write(`${formatEntry(e, tz, sandbox.world)}\n`)
  })
  o.out.write(`▶ 回放 replay ${o.transcript} (${events.length} events, ${o.live ? 'live' : '观察模式 dry-run'})\n`)
  await app.bot.start()
  sandbox.world.login(spec.bot.id)
  await app.ready
  let skipped = 0
  for (const ev of events) {
    await clock.advanceTo(ev.at)
    try {
      applyEvent(sandbox.world, ev)
    } catch (e) {
      skipped++
      o.out.write(
        `⚠️ ${o.transcript}:${ev.line}: skipped: ${(e as Error).message} (people and groups must be in the world file)\n`,
      )
    }
    await settle(app.idle)
  }
  await clock.advanceTo(clock.now() + 60_000) // let the outbox drain what the last minute queued
  await settle(app.idle)
  await app.stop()
  const files = readdirSync(o.outDir, { recursive: true })
    .map(String)
    .filter(f => /\.(png|md|csv|json)$/.test(f) && f.includes('output'))
  o.out.write(
    `■ 完成 done: ${events.length} events${skipped ? ` (${skipped} skipped)` : ''}, ${actions.length} actions (${actions.filter(a => a.dryRun).length} dry-run).\n`,
  )
  if (files.length) o.out.write(`  文件 files in ${o.outDir}:\n${files.map(f => `    ${f}`).join('\n')}\n`)
  return { events: events.length, actions, skipped }
}

/** Wait until Wechaty has delivered the puppet's events and the runtime has handled them. */
async function settle(idle: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await flushMicrotasks()
    await idle()
  }
}

function formatEntry(e: AuditEntry, tz: string, world: SandboxWorld): string {
  const group = e.groupId ? safe(() => world.room(e.groupId!).topic) : undefined
  const member = e.memberId ? world.contacts().find(c => c.id === e.memberId)?.name : undefined
  const where = [group && `群「${group}」`, member && `@${member}`].filter(Boolean).join(' ')
  const text = e.text ? `：${e.text.replace(/\n/g, ' ⏎ ').slice(0, 160)}` : e.reason ? `（${e.reason}）` : ''
  return `${clockTime(e.at, tz)} ${e.dryRun ? '[观察]' : '      '} ${e.plugin}/${e.rule} ${e.type}${where ? ` ${where}` : ''}${text}`
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}
