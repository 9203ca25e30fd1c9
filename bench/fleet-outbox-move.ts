/**
 * What moving a down account's queued messages adds to a takeover (`moveOutbox` in `takeOverGroup`, inside the
 * serial queue, one transaction a group): the takeover transactions of `--groups` groups from an account whose
 * outbox holds `--queued` unsent messages spread over them (one in ten a private one the group caused), with the
 * move (reads that account's outbox snapshot and records, rewrites it, writes this account's new rows) and without it
 * (the transaction as before: the lock, the timers and decided documents). Each run takes over from an account of its
 * own, seeded alike; runs in the order A B B A.
 *
 *   npx tsx bench/fleet-outbox-move.ts [--groups 300] [--queued 1000]      (PostgreSQL at BOT_TEST_DATABASE_URL)
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { DECIDED_DOC, DECIDED_NAME } from '../bot/fleet/decided.js'
import { moveOutbox, OUTBOX_NAME } from '../bot/fleet/outbox-move.js'
import { PgStore } from '../bot/ports/postgres/pg-store.js'
import { OUTBOX_JOURNAL, type Queued } from '../bot/runtime/delivery/outbox.js'
import { TIMERS_DOC, VOLATILE_TIMERS_DOC } from '../bot/runtime/schedule/timers.js'
import { BENCH_DATABASE_URL } from './fleet-throughput.js'

const { values } = parseArgs({ options: { groups: { type: 'string' }, queued: { type: 'string' } } })
const GROUPS = Number(values.groups ?? 300)
const QUEUED = Number(values.queued ?? 1_000)
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

/** Take every group over from `from`, one transaction a group; ms in all, and messages moved. */
async function takeOver(taker: PgStore, from: string, move: boolean): Promise<{ ms: number; moved: number }> {
  const mine = taker.journal(OUTBOX_NAME, OUTBOX_JOURNAL)
  const names = ['timers', 'timers-volatile', DECIDED_NAME, ...(move ? [OUTBOX_NAME] : [])]
  let moved = 0
  const t = performance.now()
  for (let g = 0; g < GROUPS; g++)
    await taker.adopt(from, names, async theirs => {
      theirs.doc('timers', TIMERS_DOC)
      theirs.doc('timers-volatile', VOLATILE_TIMERS_DOC)
      theirs.doc(DECIDED_NAME, DECIDED_DOC)
      if (!move) return
      const m = await moveOutbox(theirs, group(g), { reaches: () => true })
      for (const q of m.moved) mine.append({ op: 'queue', item: { ...q, seq: mine.state.seq } })
      moved += m.moved.length
    })
  return { ms: performance.now() - t, moved }
}

const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL })
await admin.connect()
try {
  const order = [true, false, false, true]
  for (const [i] of order.entries()) await seedDown(`down${i}`)
  const taker = await open('taker')
  const load = () => loadavg()[0].toFixed(2)
  console.log(`${GROUPS} group(s) taken over, ${QUEUED} queued message(s) in each down account; load average ${load()}`)
  for (const [i, move] of order.entries()) {
    const { ms, moved } = await takeOver(taker, `down${i}`, move)
    console.log(
      `${move ? 'A with the move   ' : 'B without the move'}: ${ms.toFixed(0)} ms, ${(ms / GROUPS).toFixed(2)} ms a group, ${moved} moved`,
    )
  }
  console.log(`load average ${load()}`)
  await taker.close()
} finally {
  await admin.query(`drop schema if exists ${schema} cascade`)
  await admin.end()
}
