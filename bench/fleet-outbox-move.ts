/**
 * What a takeover of many groups from one down account costs with the move of its queued messages
 * (`takeOverGroups`, inside the serial queue): `--groups` groups taken from an account whose outbox holds `--queued`
 * unsent messages spread over them (one in ten a private one the group caused), A: one transaction a group (as
 * before the takeovers of one renewal were batched: the down account's documents and outbox read, and rewritten when
 * something moved, once a group), B: one transaction for all of them (`TakeoverBatch`: read and rewritten once).
 * Each run takes over from an account of its own, seeded alike; runs in the order A B B A, or B A A B (`--order`).
 * Prints the wall time (the serial queue is held that long: PostgreSQL's share included) and this process's CPU.
 *
 *   npx tsx bench/fleet-outbox-move.ts [--groups 300] [--queued 1000] [--order BAAB]   (PostgreSQL at BOT_TEST_DATABASE_URL)
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { SOLO } from '../bot/fleet/gate.js'
import { OUTBOX_NAME } from '../bot/fleet/outbox-move.js'
import { type TakeoverDeps, takeOverGroups } from '../bot/fleet/takeover.js'
import { PgStore } from '../bot/ports/postgres/pg-store.js'
import { createLogger } from '../bot/process/logger.js'
import { OUTBOX_JOURNAL, type Outbox, type Queued } from '../bot/runtime/delivery/outbox.js'
import type { Timers } from '../bot/runtime/schedule/timers.js'
import { BENCH_DATABASE_URL } from './fleet-throughput.js'

const { values } = parseArgs({
  options: { groups: { type: 'string' }, queued: { type: 'string' }, order: { type: 'string' } },
})
const GROUPS = Number(values.groups ?? 300)
const QUEUED = Number(values.queued ?? 1_000)
const ORDER = [...(values.order ?? 'ABBA')].map(m => m === 'B')
const schema = `bench_move_${process.pid}`
const group = (g: number) => `r-bench-${g}@chatroom`
const open = (account: string) => PgStore.open({ url: BENCH_DATABASE_URL, schema, account })

/** An account that went down with `QUEUED` messages in its outbox, round-robin over the groups. */
async function seedDown(account: string): Promise<void> {
  const store = await open(account)
  const outbox = store.journal(OUTBOX_NAME, OUTBOX_JOURNAL)
  for (let i = 0; i < QUEUED; i++) {
    const g = group(i % GROUPS)
    const item: Queued =
      i % 10 === 9
        ? {
            chat: { contact: `wxid_staff${i % 7}` },
            text: `违规报告 ${i}`,
            key: `k${i}`,
            seq: i + 1,
            attempts: 0,
            notBefore: 0,
            origin: g,
          }
        : { chat: { room: g }, text: `已登记：问题 ${i}`, key: `k${i}`, seq: i + 1, attempts: 0, notBefore: 0 }
    outbox.append({ op: 'queue', item })
  }
  await outbox.commit()
  await store.close()
}

/** Take every group over from `from`, one transaction a group or all in one (`batch`); ms in all, and messages moved. */
async function takeOver(
  taker: PgStore,
  from: string,
  batch: boolean,
): Promise<{ ms: number; cpu: number; moved: number }> {
  const mine = taker.journal(OUTBOX_NAME, OUTBOX_JOURNAL)
  let moved = 0
  const d: TakeoverDeps = {
    fleet: { ...SOLO, adopt: (account, names, move) => taker.adopt(account, names, move) },
    timers: { put: () => {} } as unknown as Timers,
    plugins: () => [],
    log: createLogger('silent', 'bench'),
    onError: () => {},
    outbox: {
      adopt: (items: Queued[]) => {
        for (const q of items) mine.append({ op: 'queue', item: { ...q, seq: mine.state.seq } })
        moved += items.length
      },
    } as unknown as Outbox,
    sending: () => ({ reaches: () => true }),
  }
  const groups = Array.from({ length: GROUPS }, (_, g) => group(g))
  const t = performance.now()
  const cpu = process.cpuUsage()
  if (batch) await takeOverGroups(d, groups, from)
  else for (const g of groups) await takeOverGroups(d, [g], from)
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - t, cpu: (used.user + used.system) / 1000, moved }
}

const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL })
await admin.connect()
try {
  for (const [i] of ORDER.entries()) await seedDown(`down${i}`)
  const taker = await open('taker')
  const load = () => loadavg()[0].toFixed(2)
  console.log(`${GROUPS} group(s) taken over, ${QUEUED} queued message(s) in each down account; load average ${load()}`)
  for (const [i, batch] of ORDER.entries()) {
    const { ms, cpu, moved } = await takeOver(taker, `down${i}`, batch)
    console.log(
      `${batch ? 'B one transaction     ' : 'A a transaction a group'}: ${ms.toFixed(0)} ms, ${(ms / GROUPS).toFixed(2)} ms a group, this process's CPU ${cpu.toFixed(0)} ms, ${moved} moved`,
    )
  }
  console.log(`load average ${load()}`)
  await taker.close()
} finally {
  await admin.query(`drop schema if exists ${schema} cascade`)
  await admin.end()
}
