import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FakeClock, flushMicrotasks } from '../../../../bot/ports/clock.js'
import type { OutboundMessage } from '../../../../bot/ports/outbound-message.js'
import type { Sender } from '../../../../bot/ports/sender.js'
import { FileStore } from '../../../../bot/ports/store/file-store.js'
import { MemoryStore } from '../../../../bot/ports/store/memory-store.js'
import { SimulatedWeChat } from '../../../../bot/ports/simulated.js'
import type { Store } from '../../../../bot/ports/store/store.js'
import { createLogger } from '../../../../bot/process/logger.js'
import {
  type MayDeliver,
  Outbox,
  type OutboxLimits,
  SECRET_LOST_TEXT,
} from '../../../../bot/runtime/delivery/outbox.js'

const T0 = Date.parse('2026-11-30T01:00:00Z')
/** The config defaults: 40 per minute, 3 s per chat, 1–3 s when switching chats, 3 retries. */
const DEFAULTS: OutboxLimits = {
  perMinute: 40,
  perChatGap: 3000,
  switchPauseMin: 1000,
  switchPauseMax: 3000,
  maxRetries: 3,
  mergeMaxChars: 1500,
}

function setup(
  opts: {
    limits?: Partial<OutboxLimits>
    random?: () => number
    store?: Store
    clock?: FakeClock
    wechat?: SimulatedWeChat
    sender?: Sender
    mayDeliver?: MayDeliver
  } = {},
) {
  const clock = opts.clock ?? new FakeClock(T0)
  const store = opts.store ?? new MemoryStore()
  const wechat = opts.wechat ?? new SimulatedWeChat(clock)
  const outbox = new Outbox(
    clock,
    opts.sender ?? wechat,
    { ...DEFAULTS, ...opts.limits },
    store,
    createLogger('silent'),
    opts.random ?? (() => 0.5),
    undefined,
    opts.mayDeliver,
  )
  outbox.resume()
  return { clock, store, wechat, outbox }
}

/** Let the outbox finish what it started (a send in flight), then move the clock by `ms`. */
async function pass(clock: FakeClock, ms: number): Promise<void> {
  await flushMicrotasks()
  await clock.advance(ms)
}

const room = (id: string, text: string, mentions?: string[]): OutboundMessage => ({
  chat: { room: id },
  text,
  mentions,
})
const image = (id: string, file: string): OutboundMessage => ({ chat: { room: id }, file })
const chatOf = (m: OutboundMessage) => ('room' in m.chat ? m.chat.room : m.chat.contact)

describe('Outbox rate limits', () => {
  it('spaces sends to one chat from when each left: a slow flush before one send does not shorten the gap', async () => {
    const clock = new FakeClock(T0)
    const wechat = new SimulatedWeChat(clock)
    let slow = true
    const outbox = new Outbox(
      clock,
      wechat,
      DEFAULTS,
      new MemoryStore(),
      createLogger('silent'),
      () => 0.5,
      async () => {
        if (!slow) return
        slow = false
        await clock.advance(400) // this send's durable flush took 400 ms, the next one's none
      },
    )
    outbox.resume()
    outbox.enqueue(room('r1', '第一条'))
    await flushMicrotasks()
    outbox.enqueue(room('r1', '第二条'))
    await pass(clock, 60_000)
    const times = wechat.sent.map(s => s.at)
    expect(times).toHaveLength(2)
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(3000)
  })

  it('spreads a burst of 200 sends to 20 chats: at most 40 in any minute, 3 s apart per chat', async () => {
    // Shortest switch pause (random 0) so the per-minute limit is what holds the burst back;
    // half the burst goes to one busy chat so the per-chat gap is what holds its tail back.
    const { clock, wechat, outbox } = setup({ random: () => 0 })
    for (let i = 0; i < 200; i++) outbox.enqueue(image(i < 100 ? `r${i % 20}` : 'r0', `/tmp/notice-${i}.png`))
    await pass(clock, 30 * 60_000)

    const sent = wechat.sent
    expect(sent).toHaveLength(200)
    expect(new Set(sent.map(s => s.file)).size).toBe(200)
    const times = sent.map(s => s.at)
    for (const t of times) expect(times.filter(u => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(40)
    // The limit really did hold the burst back: the 41st send waited for the first minute to pass.
    expect(times[40] - times[0]).toBeGreaterThanOrEqual(60_000)

    const gaps = (chat: string) =>
      sent
        .filter(s => chatOf(s) === chat)
        .map(s => s.at)
        .map((t, i, at) => t - at[i - 1])
        .slice(1)
    for (let c = 0; c < 20; c++) for (const gap of gaps(`r${c}`)) expect(gap).toBeGreaterThanOrEqual(3000)
    // The gap really did hold the busy chat back: its tail went out exactly 3 s apart.
    expect(Math.min(...gaps('r0'))).toBe(3000)
    expect(outbox.depth()).toBe(0)
  })

  it('serves a backlog of 600 chats in the order they were queued, each within the limits', async () => {
    // One message to each of 600 groups (the notices of a 1,000-group company): the first leaves at once, the
    // limits hold the rest back. A second message to that first group, queued after them all, waits its turn.
    const { clock, wechat, outbox } = setup({ random: () => 0 })
    for (let i = 0; i < 600; i++) outbox.enqueue(image(`g${i}`, `/tmp/n-${i}.png`))
    outbox.enqueue(image('g0', '/tmp/n-again.png'))
    await pass(clock, 20 * 60_000)
    expect(wechat.sent.map(s => chatOf(s))).toEqual([...Array.from({ length: 600 }, (_, i) => `g${i}`), 'g0'])
    const times = wechat.sent.map(s => s.at)
    for (let i = 40; i < times.length; i++) expect(times[i] - times[i - 40]).toBeGreaterThanOrEqual(60_000)
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(1000)
  })

  it.each([
    [0, 1000],
    [0.5, 2000],
    [0.75, 2500],
  ])('pauses 1–3 s when switching chats (random %d → %i ms)', async (r, pause) => {
    const { clock, wechat, outbox } = setup({ random: () => r })
    outbox.enqueue(room('r1', '第一条'))
    outbox.enqueue(room('r2', '第二条'))
    await pass(clock, 10_000)
    expect(wechat.sent.map(s => [chatOf(s), s.at - T0])).toEqual([
      ['r1', 0],
      ['r2', pause],
    ])
  })

  it('waits the per-chat gap, not the switch pause, between two sends to the same chat', async () => {
    const { clock, wechat, outbox } = setup({ random: () => 0 })
    outbox.enqueue(image('r1', 'a.png'))
    outbox.enqueue(image('r1', 'b.png'))
    await pass(clock, 10_000)
    expect(wechat.sent.map(s => s.at - T0)).toEqual([0, 3000])
  })
})

describe('Outbox merging', () => {
  it('merges texts queued for one chat into one send, mentions unioned, in queue order', async () => {
    const { clock, wechat, outbox } = setup()
    outbox.enqueue(room('r1', '早上好', ['u1']))
    outbox.enqueue(room('r1', '@张三 请注意用语', ['u2']))
    outbox.enqueue(room('r2', '别的群'))
    outbox.enqueue(room('r1', '@李四 请改群昵称', ['u3', 'u2']))
    await pass(clock, 60_000)
    expect(wechat.textsTo('r1')).toEqual(['早上好', '@张三 请注意用语\n\n@李四 请改群昵称'])
    expect(wechat.sent.find(s => s.text?.startsWith('@张三'))!.mentions!.sort()).toEqual(['u2', 'u3'])
    expect(wechat.textsTo('r2')).toEqual(['别的群'])
  })

  it('never merges a text to everyone (a notice) with @-texts: the @ would make it look addressed to them', async () => {
    const { clock, wechat, outbox } = setup()
    outbox.pause()
    outbox.enqueue(room('r1', '【通知】交季报'))
    outbox.enqueue(room('r1', '✅ 已创建活动 #1', ['u1']))
    outbox.enqueue(room('r1', '【通知】周会改到三点'))
    outbox.resume()
    await pass(clock, 60_000)
    expect(wechat.sent.map(s => [s.text, s.mentions ?? []])).toEqual([
      ['【通知】交季报', []],
      ['✅ 已创建活动 #1', ['u1']],
      ['【通知】周会改到三点', []],
    ])
  })

  it('sends of a merged message only the parts another bot of the fleet did not send', async () => {
    // The fleet's check: the warning to 张三 went out from another account already (its key is in the sent-log).
    const mayDeliver: MayDeliver = async (_, items) => items.filter(i => i.key !== 'sent-elsewhere')
    const { clock, wechat, outbox } = setup({ mayDeliver })
    outbox.enqueue(room('r1', '早上好', ['u1']))
    outbox.enqueue(room('r1', '@张三 请注意用语', ['u2']), 'sent-elsewhere')
    outbox.enqueue(room('r1', '@李四 请改群昵称', ['u3']), 'mine')
    await pass(clock, 60_000)
    expect(wechat.textsTo('r1')).toEqual(['早上好', '@李四 请改群昵称'])
    expect(wechat.sent.at(-1)!.mentions).toEqual(['u3'])
  })

  it('never makes a merged message longer than mergeMaxChars', async () => {
    const { clock, wechat, outbox } = setup({ limits: { mergeMaxChars: 10 } })
    outbox.pause()
    for (const t of ['aaaa', 'bbbb', 'cccc', 'dddd']) outbox.enqueue(room('r1', t))
    outbox.resume()
    await pass(clock, 60_000)
    expect(wechat.textsTo('r1')).toEqual(['aaaa\n\nbbbb', 'cccc\n\ndddd'])
  })

  it('never merges files or link cards, and sends each intact', async () => {
    const { clock, wechat, outbox } = setup()
    outbox.pause()
    const link = { url: 'https://example.com/a', title: '产品手册' }
    outbox.enqueue(room('r1', '请查收'))
    outbox.enqueue(image('r1', '/tmp/chart.png'))
    outbox.enqueue({ chat: { room: 'r1' }, link })
    outbox.enqueue(image('r1', '/tmp/chart2.png'))
    outbox.resume()
    await pass(clock, 60_000)
    expect(wechat.sent).toHaveLength(4)
    expect(wechat.sent.filter(s => s.file).map(s => [s.file, s.text])).toEqual([
      ['/tmp/chart.png', undefined],
      ['/tmp/chart2.png', undefined],
    ])
    expect(wechat.sent.filter(s => s.link).map(s => [s.link, s.text])).toEqual([[link, undefined]])
    expect(wechat.textsTo('r1')).toContain('请查收')
  })
})

describe('Outbox failures', () => {
  /** A sender that records the time of every attempt before passing it to the simulated WeChat. */
  function counting(clock: FakeClock) {
    const wechat = new SimulatedWeChat(clock)
    const attempts: number[] = []
    const sender: Sender = {
      send: m => {
        attempts.push(clock.now() - T0)
        return wechat.send(m)
      },
    }
    return { wechat, attempts, sender }
  }

  it('retries a failed send with growing backoff and delivers it exactly once', async () => {
    const clock = new FakeClock(T0)
    const { wechat, attempts, sender } = counting(clock)
    const { outbox } = setup({ clock, wechat, sender })
    wechat.failNextSends = 2
    outbox.enqueue(room('r1', '请注意用语'))
    await pass(clock, 60_000)
    expect(attempts).toEqual([0, 2000, 6000])
    expect(wechat.textsTo('r1')).toEqual(['请注意用语'])
    expect(outbox.failures).toEqual([])
  })

  it('gives up after maxRetries, lists the failure, and keeps delivering other messages', async () => {
    const clock = new FakeClock(T0)
    const { wechat, attempts, sender } = counting(clock)
    const { outbox } = setup({ clock, wechat, sender })
    wechat.failNextSends = 4
    outbox.enqueue(room('r1', '请注意用语'))
    await pass(clock, 60_000)
    expect(attempts).toEqual([0, 2000, 6000, 14_000])
    expect(wechat.sent).toEqual([])
    expect(outbox.depth()).toBe(0)
    expect(outbox.failures).toEqual([expect.stringMatching(/r1.*请注意用语/)])

    outbox.enqueue(room('r1', '下一条'))
    await pass(clock, 10_000)
    expect(wechat.textsTo('r1')).toEqual(['下一条'])
  })

  it('does not hold up other chats while one message waits for its retry', async () => {
    const { clock, wechat, outbox } = setup({ random: () => 0 })
    wechat.failNextSends = 1
    outbox.enqueue(room('r1', '失败一次'))
    outbox.enqueue(room('r2', '正常'))
    await pass(clock, 60_000)
    expect(wechat.sent.map(s => [s.text, s.at - T0])).toEqual([
      ['正常', 0],
      ['失败一次', 2000],
    ])
  })
})

describe('Outbox pause, resume and restart', () => {
  it('holds everything while paused and delivers it on resume', async () => {
    const { clock, wechat, outbox } = setup()
    outbox.enqueue(image('r1', 'a.png'))
    outbox.pause()
    outbox.enqueue(image('r1', 'b.png'))
    outbox.enqueue(image('r2', 'c.png'))
    await pass(clock, 10 * 60_000)
    expect(wechat.sent.map(s => s.file)).toEqual(['a.png'])
    expect(outbox.depth()).toBe(2)

    outbox.resume()
    await pass(clock, 60_000)
    expect(wechat.sent.map(s => s.file).sort()).toEqual(['a.png', 'b.png', 'c.png'])
  })

  it('delivers, exactly once, what the previous run left queued in the same store', async () => {
    const first = setup()
    for (let i = 0; i < 5; i++) first.outbox.enqueue(image('r1', `${i}.png`))
    await pass(first.clock, 1000)
    expect(first.wechat.sent).toHaveLength(1)
    first.outbox.pause() // the process stops; four images are still queued

    await pass(first.clock, 10 * 60_000)
    const second = setup({ store: first.store, clock: first.clock, wechat: first.wechat })
    await pass(second.clock, 60_000)
    expect(first.wechat.sent.map(s => s.file)).toEqual(['0.png', '1.png', '2.png', '3.png', '4.png'])
    expect(second.outbox.depth()).toBe(0)
  })

  it('keeps the queue across a restart on the file store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'))
    const first = setup({ store: new FileStore(dir) })
    first.outbox.pause()
    first.outbox.enqueue(room('r1', '重启前排队的通知'))
    await first.store.flush()

    const second = setup({ store: new FileStore(dir), clock: first.clock })
    await pass(second.clock, 10_000)
    expect(second.wechat.textsTo('r1')).toEqual(['重启前排队的通知'])
  })

  it('never writes a secret (a sign-in link) to disk: sent from memory, or after a restart a note to ask again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'))
    const link = '后台登录链接（10 分钟内有效，仅限一次）：http://127.0.0.1/login?code=K7Q2M9'
    const secret = (text: string): OutboundMessage => ({ chat: { contact: 'admin1' }, text, sensitive: true })
    const first = setup({ store: new FileStore(dir) })
    first.outbox.pause()
    first.outbox.enqueue(secret(link))
    first.outbox.enqueue(room('r1', '普通通知'))
    await first.store.flush()
    const onDisk = readdirSync(join(dir, 'state'))
      .map(f => readFileSync(join(dir, 'state', f), 'utf8'))
      .join('\n')
    expect(onDisk).toContain('普通通知')
    expect(onDisk).not.toContain('K7Q2M9')
    // The same process sends it whole, also after a failed first try.
    first.wechat.failNextSends = 1
    first.outbox.resume()
    await pass(first.clock, 30_000)
    expect(first.wechat.textsTo('admin1')).toEqual([link])

    const dir2 = mkdtempSync(join(tmpdir(), 'outbox-'))
    const before = setup({ store: new FileStore(dir2) })
    before.outbox.pause()
    before.outbox.enqueue(secret(link))
    await before.store.flush()
    const after = setup({ store: new FileStore(dir2), clock: before.clock })
    await pass(after.clock, 10_000)
    expect(after.wechat.textsTo('admin1')).toEqual([SECRET_LOST_TEXT])
  })
})

describe('Outbox limits across a kill and restart', () => {
  /** A bot killed at `killAt` (no shutdown flush), restarted on the same data folder. */
  function killAndRestart(dir: string, clock: FakeClock, wechat: SimulatedWeChat, limits: Partial<OutboxLimits>) {
    const store = new FileStore(dir)
    const outbox = new Outbox(
      clock,
      wechat,
      { ...DEFAULTS, ...limits },
      store,
      createLogger('silent'),
      () => 0.5,
      () => store.flush(true),
    )
    outbox.resume()
    return outbox
  }

  it('never sends more than 40 in any 60 s window, although the process was killed after its first 40', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-kill-'))
    const clock = new FakeClock(T0)
    const wechat = new SimulatedWeChat(clock)
    const limits = { switchPauseMin: 0, switchPauseMax: 0 }
    const first = killAndRestart(dir, clock, wechat, limits)
    for (let i = 0; i < 80; i++) first.enqueue(room(`r${i}`, `通知 ${i}`))
    await pass(clock, 5_000)
    expect(wechat.sent).toHaveLength(40)
    first.pause() // SIGKILL: nothing more is written

    await clock.advance(5_000)
    killAndRestart(dir, clock, wechat, limits)
    await pass(clock, 120_000)
    expect(wechat.sent).toHaveLength(80)
    const times = wechat.sent.map(s => s.at)
    const busiest = Math.max(...times.map(t => times.filter(u => u >= t && u < t + 60_000).length))
    expect(busiest).toBe(40)
    expect(times[40] - T0).toBeGreaterThanOrEqual(60_000)
  })

  it('keeps 3 s between two sends to one chat across a kill and restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-kill-'))
    const clock = new FakeClock(T0)
    const wechat = new SimulatedWeChat(clock)
    const first = killAndRestart(dir, clock, wechat, {})
    first.enqueue(room('r1', '第一条'))
    await pass(clock, 100)
    first.pause()
    await clock.advance(900)
    const second = killAndRestart(dir, clock, wechat, {})
    second.enqueue(room('r1', '第二条'))
    await pass(clock, 10_000)
    expect(wechat.sent.map(s => [s.text, s.at - T0])).toEqual([
      ['第一条', 0],
      ['第二条', 3000],
    ])
  })
})
