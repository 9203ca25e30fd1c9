/**
 * Plays weeks of group traffic straight into the bot runtime (every plugin,
 * the bench config, a simulated directory, a hand-moved clock): workdays from
 * 08:30 to 18:30, each minute's messages spread over that minute, nights and
 * weekends skipped in one clock move (cron jobs and timers fire on the way,
 * the outbox delivers at its own pace). No Wechaty: this is the runtime's and
 * the store's cost per message.
 *
 * The store is a FileStore flushed every 5 s of wall time (the app's flush
 * interval; a seeding player may flush less often, and a `SeedStore` may skip
 * fsyncs). The runtime also asks for a flush before every outbox send; the
 * player defers those to its own periodic flushes, because on a hand-moved
 * clock an awaited disk write would stall the outbox behind the clock (and
 * 20 days of sends, each rewriting the whole state, would not fit the time
 * budget). `flushMs` at the measuring points shows what each of those costs.
 */
import * as nodeFs from 'node:fs'
import { join } from 'node:path'
import type { GroupRef, Member, MessageEvent } from '../bot/core/event.js'
import { loadConfig } from '../bot/config/load-config.js'
import { FileStore, type StoreFs } from '../bot/ports/store/file-store.js'
import type { Store } from '../bot/ports/store/store.js'
import { SimulatedWeChat } from '../bot/ports/simulated.js'
import { GroupMatcher } from '../bot/runtime/groups/group-matcher.js'
import { createLogger } from '../bot/process/logger.js'
import { BotRuntime } from '../bot/runtime/host/runtime.js'
import { chineseCalendar } from '../bot/time/workdays.js'
import { addDays, zonedInstant } from '../bot/time/zoned.js'
import { PLUGINS } from '../plugins/index.js'
import { BenchClock } from './bench-clock.js'
import { cpuMs } from './measure.js'
import { messageStream, type StreamMessage } from './message-stream.js'
import type { BenchWorld } from './synthetic-world.js'

const TZ = 'Asia/Shanghai'
const MINUTES_PER_DAY = 600
/** The app's flush interval (wall time): the player's default. */
const FLUSH_EVERY_MS = 5_000
/** Seed of the message stream a player plays. */
export const HISTORY_SEED = 11

/** The `count` workdays ending with `lastDay` (inclusive), oldest first. */
export function workdaysEndingAt(lastDay: string, count: number): string[] {
  const days: string[] = []
  for (let d = lastDay; days.length < count; d = addDays(d, -1)) if (chineseCalendar.isWorkday(d)) days.unshift(d)
  return days
}

/**
 * Node's file system calls with `fsync` switched on and off: a seed needs the files (the same bytes either
 * way), not their durability against a power cut, and the store's fsyncs are most of its wall time.
 */
function switchableFsync(): { fs: StoreFs; set(on: boolean): void } {
  let on = true
  const fs: StoreFs = {
    ...nodeFs,
    fsyncSync: fd => {
      if (on) nodeFs.fsyncSync(fd)
    },
    fsync: ((fd: number, done: nodeFs.NoParamCallback) =>
      on ? nodeFs.fsync(fd, done) : process.nextTick(done, null)) as StoreFs['fsync'],
  }
  return { fs, set: v => (on = v) }
}

/**
 * A FileStore whose `flush()` (the outbox calls it before each send) waits for the player's next timed flush,
 * and which fsyncs only while `fsyncs` is set (the measured windows; off while a history is played to seed).
 */
export class SeedStore extends FileStore {
  private setFsync: (on: boolean) => void
  private syncing = true

  constructor(dir: string) {
    const f = switchableFsync()
    super(dir, { fs: f.fs })
    this.setFsync = f.set
  }

  /** Whether writes are fsynced, as the running bot's are (default on). */
  get fsyncs(): boolean {
    return this.syncing
  }
  set fsyncs(on: boolean) {
    this.syncing = on
    this.setFsync(on)
  }

  override async flush(_durableOnly?: boolean): Promise<void> {}
  /** Write every dirty document and buffered log line now (`durableOnly`: what the outbox writes before a send). */
  flushNow(durableOnly = false): Promise<void> {
    return super.flush(durableOnly)
  }
}

/** A runtime fed with a day-by-day message schedule; `play(n)` continues where the last call stopped. */
export class HistoryPlayer {
  recorded = 0
  /** Wall time spent in store flushes so far (ms). */
  flushMs = 0
  private next: () => StreamMessage
  private dayIndex = 0
  private minute = 0
  private inMinute = 0
  private lastFlush = performance.now()
  private flushEveryMs = FLUSH_EVERY_MS
  private dayStart = -1
  private seq = 0

  private constructor(
    readonly rt: BotRuntime,
    readonly store: SeedStore | Store,
    readonly clock: BenchClock,
    private days: string[],
    private perDay: number,
    private refs: Map<string, GroupRef>,
    private people: Map<string, Map<string, Member>>,
    world: BenchWorld,
  ) {
    this.next = messageStream(world, HISTORY_SEED)
  }

  /** Build and start a runtime over `store` for `days` (workdays, `YYYY-MM-DD`) with `perDay` messages each. */
  static async open(opts: {
    world: BenchWorld
    configFile: string
    store: SeedStore | Store
    outputDir: string
    days: string[]
    perDay: number
    /** Wall time between the player's flushes (default 5 s, the app's interval). */
    flushEveryMs?: number
  }): Promise<HistoryPlayer> {
    const loaded = loadConfig(opts.configFile, PLUGINS)
    const matcher = new GroupMatcher(loaded.config.groups)
    const clock = new BenchClock(zonedInstant(opts.days[0], '08:00', TZ))
    const wechat = new SimulatedWeChat(clock, opts.world.botId)
    const names = new Map(opts.world.contacts.map(c => [c.id, c.name]))
    const refs = new Map<string, GroupRef>()
    const people = new Map<string, Map<string, Member>>()
    for (const g of opts.world.groups) {
      const ref = matcher.match(g.id, g.topic)
      if (!ref) throw new Error(`bench config does not manage ${g.topic}`)
      const members = new Map(
        Object.entries(g.members).map(([id, alias]): [string, Member] => [
          id,
          { id, name: names.get(id) ?? id, groupAlias: alias ?? undefined, roles: [], isStaff: false },
        ]),
      )
      wechat.addGroup(ref, [...members.values()])
      wechat.adminIn.add(g.id)
      refs.set(g.id, ref)
      people.set(g.id, members)
    }
    nodeFs.mkdirSync(opts.outputDir, { recursive: true })
    const rt = new BotRuntime({
      loaded,
      plugins: PLUGINS,
      clock,
      store: opts.store,
      directory: wechat,
      roomAdmin: wechat,
      sender: wechat,
      log: createLogger('silent'),
      outputDir: opts.outputDir,
      random: () => 0.5,
      yieldTurn: () => new Promise(resolve => setImmediate(resolve)), // as the running bot gives way between a job's parts
    })
    await rt.start()
    const player = new HistoryPlayer(rt, opts.store, clock, opts.days, opts.perDay, refs, people, opts.world)
    player.flushEveryMs = opts.flushEveryMs ?? FLUSH_EVERY_MS
    return player
  }

  /** Play `n` more messages, moving the clock (jobs, timers and the outbox run on the way). */
  async play(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const at = await this.slot(true)
      await this.rt.handle(this.event(this.next(), at))
      this.recorded++
    }
  }

  /**
   * Handle the next `n` messages with the clock held at the first one's minute
   * (the later ones' minutes pass in their timestamps; due timers fire at the
   * next call), and return the wall and CPU time of exactly those `rt.handle` calls (ms).
   */
  async measure(n: number): Promise<{ wallMs: number; cpuMs: number }> {
    const events: MessageEvent[] = []
    for (let i = 0; i < n; i++) events.push(this.event(this.next(), await this.slot(i === 0)))
    const cpu = cpuMs()
    const start = performance.now()
    for (const ev of events) {
      await this.rt.handle(ev)
      this.recorded++
    }
    return { wallMs: performance.now() - start, cpuMs: cpuMs() - cpu }
  }

  /** Write everything dirty now (`durableOnly`: skip volatile counters, as before a send); returns the time it took (ms). */
  async flush(durableOnly = false): Promise<number> {
    const t = performance.now()
    await (this.store instanceof SeedStore ? this.store.flushNow(durableOnly) : this.store.flush(durableOnly))
    const ms = performance.now() - t
    this.flushMs += ms
    this.lastFlush = performance.now()
    return ms
  }

  /** The timestamp of the next message; with `advance`, moves the clock (and flushes) at minute boundaries. */
  private async slot(advance: boolean): Promise<number> {
    const quota = (m: number) =>
      Math.floor(((m + 1) * this.perDay) / MINUTES_PER_DAY) - Math.floor((m * this.perDay) / MINUTES_PER_DAY)
    while (this.inMinute >= quota(this.minute)) {
      this.inMinute = 0
      if (++this.minute === MINUTES_PER_DAY) {
        this.minute = 0
        this.dayStart = -1
        if (++this.dayIndex === this.days.length) throw new Error('history schedule exhausted: add days')
      }
    }
    if (this.dayStart < 0) this.dayStart = zonedInstant(this.days[this.dayIndex], '08:30', TZ)
    const start = this.dayStart + this.minute * 60_000
    if (advance && this.clock.now() < start) {
      await this.clock.advanceTo(start)
      if (performance.now() - this.lastFlush >= this.flushEveryMs) await this.flush()
    }
    return start + Math.floor((this.inMinute++ * 60_000) / quota(this.minute))
  }

  private event(m: StreamMessage, at: number): MessageEvent {
    const sender = this.people.get(m.room)!.get(m.from)!
    const c = m.content
    const base = {
      type: 'message' as const,
      id: `h${this.seq++}`,
      at,
      group: this.refs.get(m.room),
      sender: { ...sender, roles: [] },
      mentions: m.mentions,
      mentionsAll: false,
    }
    switch (c.kind) {
      case 'text':
        return { ...base, kind: 'text', text: c.text }
      case 'link':
        return {
          ...base,
          kind: 'link',
          text: `[链接] ${c.title}`,
          attachment: { url: c.url, title: c.title, description: c.description },
        }
      case 'file':
        return { ...base, kind: 'file', text: `[文件] ${c.name}`, attachment: { fileName: c.name } }
      case 'image':
        return { ...base, kind: 'image', text: '[图片]', attachment: { fileName: 'image.jpg' } }
      case 'video':
        return { ...base, kind: 'video', text: '[视频]', attachment: { fileName: 'video.mp4' } }
      case 'voice':
        return { ...base, kind: 'voice', text: '[语音]' }
      default:
        return { ...base, kind: 'emoticon', text: '[动画表情]' }
    }
  }

  /** Stop timers and jobs and flush. */
  async stop(): Promise<void> {
    await this.rt.stop()
    await this.flush()
  }
}

/** Where a player keeps its chart output inside a data dir. */
export function outputDirOf(dataDir: string): string {
  return join(dataDir, 'output')
}
