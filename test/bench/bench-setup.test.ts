/**
 * Smoke tests of the benchmark's set-up (no timings): the figures `npm run
 * bench` prints are only meaningful if the synthetic config really manages
 * the synthetic groups, the stream has the promised mix, the clock fires what
 * is due, and the played history is really recorded by the bot.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CURRENT_SPEC } from '../../plugins/activity/state.js'
import { loadConfig } from '../../bot/config/load-config.js'
import { MemoryStore } from '../../bot/ports/store/memory-store.js'
import { GroupMatcher } from '../../bot/runtime/groups/group-matcher.js'
import { PLUGINS } from '../../plugins/index.js'
import { BenchClock } from '../../bench/bench-clock.js'
import { writeBenchConfig } from '../../bench/bench-config.js'
import { HISTORY_SEED, HistoryPlayer, workdaysEndingAt } from '../../bench/history-player.js'
import { messageList } from '../../bench/message-stream.js'
import { syntheticWorld } from '../../bench/synthetic-world.js'

const dir = mkdtempSync(join(tmpdir(), 'bench-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const world = syntheticWorld({ groups: 10, membersPerGroup: 30 })

describe('BenchClock', () => {
  it('fires due timers in time order (ties in the order set), skips cancelled ones and stops at the target', async () => {
    const clock = new BenchClock(1_000)
    const fired: string[] = []
    clock.at(3_000, () => fired.push('c'))
    clock.at(2_000, () => fired.push('a'))
    const cancel = clock.at(2_500, () => fired.push('cancelled'))
    clock.at(2_000, () => fired.push('b'))
    clock.at(9_000, () => fired.push('later'))
    cancel()
    await clock.advanceTo(5_000)
    expect(fired).toEqual(['a', 'b', 'c'])
    expect(clock.now()).toBe(5_000)
  })

  it('fires a timer that a handler sets while the clock advances', async () => {
    const clock = new BenchClock(0)
    const fired: number[] = []
    clock.at(10, () => {
      fired.push(clock.now())
      clock.at(20, () => fired.push(clock.now()))
    })
    await clock.advanceTo(100)
    expect(fired).toEqual([10, 20])
  })
})

describe('synthetic world and bench config', () => {
  it('is the same world for the same seed, with every group at the requested size', () => {
    expect(syntheticWorld({ groups: 10, membersPerGroup: 30 })).toEqual(world)
    expect(world.groups.map(g => g.kind).sort()).toEqual([
      'broadcast',
      'customer',
      'customer',
      'customer',
      'customer',
      'internal',
      'internal',
      'internal',
      'internal',
      'internal',
    ])
    for (const g of world.groups) expect(Object.keys(g.members)).toHaveLength(30)
  })

  it('loads with every registered plugin enabled, manages every synthetic group as its kind and binds the roster', () => {
    const loaded = loadConfig(writeBenchConfig(world, join(dir, 'config')), PLUGINS)
    for (const p of PLUGINS) expect(loaded.config.plugins[p.name].enabled, p.name).toBe(true)
    const matcher = new GroupMatcher(loaded.config.groups)
    for (const g of world.groups) expect(matcher.match(g.id, g.topic)?.kind, g.topic).toBe(g.kind)
    const staff = world.roster[7]
    expect(loaded.roster.byContact(staff.contactId)?.name).toBe(staff.name)
  })
})

describe('message stream', () => {
  it('mixes about 77% text (chat, banned, commands, acks) with images, links and other media, sent by members of the group', () => {
    const msgs = messageList(world, 5_000)
    const share = (pred: (m: (typeof msgs)[number]) => boolean) => msgs.filter(pred).length / msgs.length
    expect(share(m => m.content.kind === 'text')).toBeGreaterThan(0.74)
    expect(share(m => m.content.kind === 'text')).toBeLessThan(0.8)
    expect(share(m => m.content.kind === 'image')).toBeGreaterThan(0.06)
    expect(share(m => m.content.kind === 'link')).toBeGreaterThan(0.03)
    expect(share(m => m.content.kind === 'text' && m.content.text.startsWith('#'))).toBeGreaterThan(0.01)
    for (const m of msgs) expect(world.groups.find(g => g.id === m.room)!.members).toHaveProperty(m.from)
  })
})

describe('history player', () => {
  it('gets every message that is not a command counted by the activity plugin', async () => {
    const store = new MemoryStore()
    const configFile = writeBenchConfig(world, join(dir, 'player-config'))
    const player = await HistoryPlayer.open({
      world,
      configFile,
      store,
      outputDir: join(dir, 'out'),
      days: workdaysEndingAt('2026-11-30', 1),
      perDay: 600,
    })
    await player.play(300)
    await player.stop()
    const played = messageList(world, 300, HISTORY_SEED)
    const commands = played.filter(m => m.content.kind === 'text' && m.content.text.startsWith('#')).length
    const days = store.doc('activity-current', CURRENT_SPEC).data.days as unknown as Record<
      string,
      Record<string, { members: Record<string, { messages: number }> }>
    >
    const counted = Object.values(days['2026-11-30'])
      .flatMap(g => Object.values(g.members))
      .reduce((n, m) => n + m.messages, 0)
    expect(commands).toBeGreaterThan(0)
    expect(counted).toBe(300 - commands)
  })
})
