/**
 * The fleet benchmarks' company: the synthetic world split over three bot accounts. Group `i` belongs
 * to account `i mod 3`; every fourth group also has the next account in it (two bots in one group, as
 * when two colleagues' WeChat accounts sit in the same customer group). Each account gets the world
 * its own WeChat sees (its groups, the other bots as members of the shared ones).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import type { StreamMessage } from './message-stream.js'
import type { BenchWorld } from './synthetic-world.js'

/**
 * The fleet's accounts (BOT_ACCOUNT) for a run tagged `tag`. Unique per run: the store's account lock is
 * per database, not per schema, and the bench finds the database server's processes by account.
 */
export function fleetAccounts(tag: string): string[] {
  return [1, 2, 3].map(i => `bench-${tag}-${i}`)
}
/** The fleet's WeChat ids. */
export const FLEET_BOT_IDS = ['wxid_fleet1', 'wxid_fleet2', 'wxid_fleet3']

/** The world split over the accounts: what each one sees, and which accounts are in each group. */
export interface FleetWorld {
  /** The whole company (the embedded baseline bot is in every group). */
  whole: BenchWorld
  /** What account `a`'s WeChat sees. */
  accounts: BenchWorld[]
  /** Group id → indexes of the accounts in it (home first). */
  inside: Map<string, number[]>
}

/** Split `world` over the three accounts (every fourth group shared by two). */
export function splitWorld(world: BenchWorld): FleetWorld {
  const inside = new Map(
    world.groups.map((g, i) => [g.id, i % 4 === 0 ? [i % 3, (i + 1) % 3] : [i % 3]] as [string, number[]]),
  )
  const accounts = FLEET_BOT_IDS.map((botId, a) => ({
    botId,
    roster: world.roster,
    contacts: [
      ...world.contacts.filter(c => c.id !== world.botId),
      ...FLEET_BOT_IDS.filter(id => id !== botId).map((id, k) => ({ id, name: `群管家${k + 1}号` })),
    ],
    groups: world.groups
      .filter(g => inside.get(g.id)!.includes(a))
      .map(g => {
        const others = inside.get(g.id)!.filter(o => o !== a)
        return { ...g, members: { ...g.members, ...Object.fromEntries(others.map(o => [FLEET_BOT_IDS[o], null])) } }
      }),
  }))
  return { whole: world, accounts, inside }
}

/**
 * Both fleet benches flush every second (the example config: 5 s), so a counter is committed at most a
 * second after its message was handled; the same for the embedded baseline.
 */
export function flushEverySecond(configFile: string): void {
  const doc = parseDocument(readFileSync(configFile, 'utf8'))
  doc.setIn(['runtime', 'flushInterval'], '1s')
  writeFileSync(configFile, doc.toString())
}

/** Whether a stream message is a command (not activity: the counters skip it). */
export function isCommandText(content: { kind: string; text?: string }): boolean {
  return content.kind === 'text' && /^[#＃]/.test(content.text ?? '')
}

/** The stream's commands only staff may use (bench/message-stream.ts): `#排期`. */
const STAFF_ONLY_COMMANDS = new Set(['#排期'])

/**
 * Whether the bot counts a stream message as activity: every message but commands, except a customer's staff-only
 * command in a customer group, which the runtime refuses silently and keeps as the customer's words to the staff
 * (so it counts). Without this exception every pass counted one message more than it expected.
 */
export function countsAsActivity(world: BenchWorld): (m: StreamMessage) => boolean {
  const kinds = new Map(world.groups.map(g => [g.id, g.kind]))
  const staff = new Set(world.roster.map(s => s.contactId))
  return m => {
    const content = m.content as { kind: string; text?: string }
    if (!isCommandText(content)) return true
    return kinds.get(m.room) === 'customer' && !staff.has(m.from) && STAFF_ONLY_COMMANDS.has(content.text ?? '')
  }
}
