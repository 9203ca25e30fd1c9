/** Driving a bot on the sandbox puppet: wait out set-up noise, deliver messages, count handled events. */
import type { Wechaty } from 'wechaty'
import type { App } from '../bot/app.js'
import type { Sandbox, SandboxWorld } from '../bot/sandbox/index.js'
import { cpuMs } from './measure.js'
import type { StreamMessage } from './message-stream.js'
import { toWorldSpec, type BenchWorld } from './synthetic-world.js'

/** Messages delivered before waiting for the bot to catch up (a bounded backlog, like a live stream). */
const BATCH = 200

/**
 * Populate the sandbox like `populateWorld` (bot in every group), but write the
 * group nicknames straight into the sandbox store: before the bot starts nothing
 * is cached, and the RoomMember dirty events `setGroupAlias` would emit reach
 * Wechaty after login as tens of thousands of failed contact lookups (set-up noise).
 */
export function populate(sandbox: Sandbox, world: BenchWorld): void {
  const spec = toWorldSpec(world)
  sandbox.world.createContact(spec.bot)
  for (const c of spec.contacts) sandbox.world.createContact(c)
  for (const g of spec.groups) {
    sandbox.world.createRoom({
      id: g.id,
      topic: g.topic,
      memberIds: [spec.bot.id, ...Object.keys(g.members)],
      ownerId: g.owner,
      adminIds: g.admins,
    })
    for (const [id, alias] of Object.entries(g.members)) if (alias) sandbox.puppet.store.setMeta(g.id, id, { alias })
  }
}

/**
 * Wait until Wechaty has nothing left from set-up: no `error` event (its
 * answer to a failed lookup) for 100 ms. A safety net before timing starts.
 */
export async function quiet(bot: Wechaty): Promise<void> {
  let errors = 0
  const count = () => {
    errors++
  }
  bot.on('error', count)
  for (let last = -1; last !== errors; ) {
    last = errors
    await new Promise(r => setTimeout(r, 100))
  }
  bot.off('error', count)
}

/** What a delivery took (ms) and how many messages could not be sent because the bot had removed their sender. */
export interface Delivery {
  wallMs: number
  cpuMs: number
  skipped: number
}

/**
 * Deliver in batches, waiting after each until `handled()` caught up. A member
 * the bot removed (content escalation) cannot speak any more: the sandbox
 * refuses, and the message is skipped.
 */
export async function deliver(
  world: SandboxWorld,
  messages: StreamMessage[],
  handled: () => number,
  /** Run after each batch (outside the wait): e.g. move the bench clock so timers and the outbox run. */
  afterBatch?: () => Promise<void>,
): Promise<Delivery> {
  const cpu = cpuMs()
  const start = performance.now()
  let skipped = 0
  for (let i = 0; i < messages.length; i += BATCH) {
    const end = Math.min(messages.length, i + BATCH)
    for (let k = i; k < end; k++) {
      const m = messages[k]
      try {
        world.send(m.from, { room: m.room }, m.content, { mentions: m.mentions })
      } catch (e) {
        if (!/is not a member/.test((e as Error).message)) throw e
        skipped++
      }
    }
    while (handled() < end - skipped) await new Promise(r => setImmediate(r))
    await afterBatch?.()
  }
  return { wallMs: performance.now() - start, cpuMs: cpuMs() - cpu, skipped }
}

/** Count the events the app's runtime finished handling (returns a reader). */
export function countHandled(app: App): () => number {
  let handled = 0
  onHandled(app, () => {
    handled++
  })
  return () => handled
}

/**
 * Call `done` each time the app's runtime has finished handling an event, failed or not. An event the runtime
 * handles synchronously stays synchronous (no promise): before inproc6 an `async` wrapper here
 * gave every event a promise and the event queue a turn of waiting for it, billed to the full bot only
 * (docs/performance-history.md, inproc6).
 */
export function onHandled(app: App, done: () => void): void {
  const rt = app.runtime
  const handle = rt.handle.bind(rt)
  rt.handle = ev => {
    let pending: Promise<void> | undefined
    try {
      pending = handle(ev)
    } finally {
      if (!pending) done()
    }
    return pending?.finally(done)
  }
}
