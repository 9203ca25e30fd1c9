import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createArchivePlugin } from '../../plugins/archive/index.js'
import { FileArchive } from '../../plugins/archive/store/file-backend.js'
import { PLUGINS } from '../../plugins/index.js'
import { createApp } from '../app.js'
import type { PluginDefinition } from '../core/plugin.js'
import { undoOf } from '../commands/builtin/undo-command.js'
import { FakeClock, flushMicrotasks } from '../ports/clock.js'
import { createLogger, type LogLevel } from '../process/logger.js'
import { readableAuditReason } from '../runtime/host/plugin-host.js'
import { AUDIT_TYPE_NAMES, type AuditEntry } from '../runtime/records/audit.js'
import { createSandbox, type SandboxWorld } from '../sandbox/index.js'
import { sandboxLogLine } from '../sandbox/refusal.js'
import { clockTime, dayKey } from '../time/zoned.js'
import { populateWorld, readWorld } from '../sandbox/load-world.js'
import { applyEvent } from './apply-event.js'
import { outputFiles, prepareOutputFolder } from './output-folder.js'
import { readTranscript } from './transcript.js'

/** What to replay, against which config and world, and where to write files. */
export interface ReplayOptions {
  transcript: string
  configFile: string
  worldFile: string
  /**
   * The run's data folder: its state, the message archive (`archive/`) and the bot's files (`output/`). Emptied
   * first when an earlier replay wrote it; any other non-empty folder is refused (OutputFolderError).
   */
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
  prepareOutputFolder(o.outDir)
  const app = createApp({
    configFile: o.configFile,
    dataDir: o.outDir,
    // Log lines beside the output: one line each (the audit entry says the rest), whole at `debug`.
    log: createLogger(
      o.logLevel ?? 'warn',
      'bot',
      sandboxLogLine(o.logLevel, line => process.stderr.write(`${line}\n`)),
    ),
    puppet: sandbox.puppet,
    clock,
    // No store given: the state (the archive's anchor log with it) is kept in outDir, and the message archive in
    // outDir/archive, so `archive verify --data <out>` and `archive export --data <out>` read what the replay wrote.
    plugins: replayPlugins(join(o.outDir, 'archive')),
    dryRun: !o.live,
    sandboxed: true,
    printQr: false,
  })
  const tz = app.runtime.loaded.config.timezone
  const actions: AuditEntry[] = []
  let day = dayKey(events[0]?.at ?? clock.now(), tz)
  app.runtime.audit.subscribe(e => {
    actions.push(e)
    if (dayKey(e.at, tz) !== day) o.out.write(`── ${(day = dayKey(e.at, tz))} ──\n`) // a transcript of several days
    o.out.write(`${formatEntry(e, tz, sandbox.world, readableAuditReason(app.runtime.plugins, e))}\n`)
  })
  const mode = o.live ? '实际执行 live' : '观察模式 dry-run：只记录，不发送、不处罚'
  o.out.write(`▶ 回放 replay ${basename(o.transcript)}：${events.length} 条事件，${mode}\n`)
  await app.bot.start()
  sandbox.world.login(spec.bot.id)
  await app.ready
  let skipped = 0
  for (const ev of events) {
    await advanceSettled(clock, ev.at, app.idle)
    try {
      applyEvent(sandbox.world, ev)
    } catch (e) {
      skipped++
      o.out.write(
        `⚠️ ${o.transcript}:${ev.line}: 已跳过 skipped: ${(e as Error).message}（人和群须在世界文件中 people and groups must be in the world file）\n`,
      )
    }
    await settle(app.idle)
  }
  await advanceSettled(clock, clock.now() + 60_000, app.idle) // let the outbox drain what the last minute queued
  await settle(app.idle)
  await app.stop()
  const files = outputFiles(o.outDir)
  o.out.write(
    `■ 完成 done: ${events.length} 条事件${skipped ? `（跳过 ${skipped} 条）` : ''}，${actions.length} 个操作（其中观察模式 ${actions.filter(a => a.dryRun).length} 个）。\n`,
  )
  if (files.length) o.out.write(`  生成的文件 files in ${o.outDir}：\n${files.map(f => `    ${f}`).join('\n')}\n`)
  // The archive plugin kept what the replay's chats said: an auditor can check and export it as on a real bot.
  if (existsSync(join(o.outDir, 'archive')))
    o.out.write(
      `  信息记录存档 message archive：${join(o.outDir, 'archive')}（核对 check: archive verify --data ${o.outDir}）\n`,
    )
  return { events: events.length, actions, skipped }
}

/**
 * The shipped plugins, the archive on a back end of this run's own in `dir`: the archive plugin keeps one back end
 * per folder for the process, which would still hold the state of the folder an earlier replay in the same process
 * wrote and `prepareOutputFolder` emptied.
 */
function replayPlugins(dir: string): PluginDefinition[] {
  let backend: FileArchive | undefined
  const archive = createArchivePlugin({ backend: () => (backend ??= new FileArchive(dir)) })
  return PLUGINS.map(p => (p.name === 'archive' ? archive : p))
}

/** What a manager reads for entries the runtime records about its own actions, instead of "出错". */
const OUTCOMES: Record<string, { name: string; note: string }> = {
  'remove-failed': {
    name: '移出失败',
    note: '已通知管理员手动移出（机器人须是群主或群管理员才能移出成员） the admins were told to remove by hand',
  },
}

/**
 * Move the clock to `target`, timer by timer, each timer's work done before the clock moves on: work that waits
 * for something outside the clock (an image's QR codes read in a worker thread) is done at its time, as it
 * would be live, not when the next line moves the clock.
 */
async function advanceSettled(clock: FakeClock, target: number, idle: () => Promise<void>): Promise<void> {
  for (let next = clock.nextAt(); next !== undefined && next <= target; next = clock.nextAt()) {
    await clock.advanceTo(next)
    await settle(idle)
  }
  await clock.advanceTo(target)
}

/** Wait until Wechaty has delivered the puppet's events and the runtime has handled them. */
async function settle(idle: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await flushMicrotasks()
    await idle()
  }
}

/**
 * One entry as a manager reads it: time, what (in Chinese), where and who (the reason as `reasonRead` gives it: its
 * plugin's reading, `readableAuditReason`), then the whole text, line by line.
 */
export function formatEntry(e: AuditEntry, tz: string, world: SandboxWorld, reasonRead = e.reason): string {
  const group = e.groupId ? safe(() => world.room(e.groupId!).topic) : undefined
  const known = (id: string) => world.contacts().find(c => c.id === id)?.name
  const member = e.memberId ? known(e.memberId) : undefined
  const outcome = OUTCOMES[e.rule]
  const what: (string | false | undefined)[] = [
    clockTime(e.at, tz),
    e.dryRun && '[观察]',
    outcome?.name ?? AUDIT_TYPE_NAMES[e.type] ?? e.type,
  ]
  // Sent privately: say so first (the group is only what it is about; nobody in the group saw it).
  if (e.privateTo) what.push(`→ 私聊 ${known(e.privateTo) ?? e.privateTo}${group ? `，关于群「${group}」` : ''}`)
  else {
    what.push(group && `群「${group}」`)
    if (member) what.push(`@${member}`)
  }
  // An undo's reason is stored as `undo A5 by wxid_it[: why]`: said in words, as `#审计` says it.
  const undo = e.type === 'undo' ? undoOf(e) : undefined
  const reason = undo ? `撤销 ${undo.id}，${known(undo.by) ?? undo.by}${undo.why ? `：${undo.why}` : ''}` : reasonRead
  const head = `${what.filter(Boolean).join(' ')}${reason ? `（${reason}）` : ''} · ${e.plugin}/${e.rule}`
  const body = [
    ...(e.text ? e.text.split('\n') : []),
    ...(e.failed ? [`⚠️ 未成功：${e.failed}`] : []),
    ...(outcome ? [outcome.note] : []),
  ]
  return [head, ...body.map(line => `      ${line}`)].join('\n')
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}
