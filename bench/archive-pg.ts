/**
 * The archive's ingest on PostgreSQL (fleet mode): CPU per record of this process (the client side: Kysely,
 * pg, the records' keys) and of its PostgreSQL server connections, written one record per transaction (what
 * the archiver does while it keeps up: `append`) and in the batches that queue while a write is in flight
 * (`appendMany`, 10 and 50 records). The sizes take turns for `--rounds` rounds on one fresh schema; each
 * line is the median of its rounds. Records are the synthetic chat's text messages (bench/message-stream.ts)
 * in 100 groups.
 *
 *   npx tsx bench/archive-pg.ts [--records N] [--rounds N]     (PostgreSQL at BOT_TEST_DATABASE_URL)
 */
import { parseArgs } from 'node:util'
import pg from 'pg'
import { PgStore } from '../bot/ports/postgres/pg-store.js'
import { type ArchiveRecord, RECORD_VERSION } from '../plugins/archive/capture/record.js'
import { PgArchive } from '../plugins/archive/store/pg-backend.js'
import { serverCpu, serverCpuSince } from './fleet-procs.js'
import { BENCH_DATABASE_URL } from './fleet-throughput.js'
import { median } from './measure.js'
import { messageList } from './message-stream.js'
import { syntheticWorld } from './synthetic-world.js'

const { values } = parseArgs({ options: { records: { type: 'string' }, rounds: { type: 'string' } } })
const N = Number(values.records ?? 2000)
const ROUNDS = Number(values.rounds ?? 3)
const SIZES = [1, 10, 50]
const ACCOUNT = 'archive-bench'

const world = syntheticWorld({ groups: 100, membersPerGroup: 50 })
const texts = messageList(world, 20_000).filter(m => m.content.kind === 'text')
let n = 0
/** The next record: a text message of the synthetic chat, with a new id. */
function nextRecord(): ArchiveRecord {
  const m = texts[n++ % texts.length]
  const text = m.content.kind === 'text' ? m.content.text : ''
  return {
    ...{ v: RECORD_VERSION, seq: n, id: `bench-${n}`, at: 1_780_000_000_000 + n * 1000, chat: m.room },
    ...{ sender: { id: m.from, name: m.from }, type: 'text', text, mentions: [] },
  }
}

const schema = `bench_archive_${process.pid}`
const store = await PgStore.open({ url: BENCH_DATABASE_URL, schema, account: ACCOUNT })
const archive = new PgArchive(store.db, ACCOUNT)
const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL })
await admin.connect()
const figures = new Map<number, { client: number[]; server: number[] }>(SIZES.map(s => [s, { client: [], server: [] }]))
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const size of SIZES) {
      const server0 = await serverCpu(admin, [ACCOUNT])
      const cpu0 = process.cpuUsage()
      for (let i = 0; i < N; i += size) {
        const items = Array.from({ length: size }, () => ({ record: nextRecord(), day: '2026-12-04' }))
        if (size === 1) await archive.append(items[0].record, items[0].day)
        else await archive.appendMany(items)
      }
      const cpu = process.cpuUsage(cpu0)
      const server = serverCpuSince(server0, await serverCpu(admin, [ACCOUNT]))
      const f = figures.get(size)!
      f.client.push((cpu.user + cpu.system) / N)
      f.server.push((server * 1000) / N)
    }
  }
  console.log(`${N} records per size and round, ${ROUNDS} rounds taking turns (medians):`)
  for (const [size, f] of figures) {
    const client = median(f.client)
    const server = median(f.server)
    const how = size === 1 ? 'one per transaction (append)' : `batches of ${size} (appendMany)`
    console.log(
      `  ${how.padEnd(30)} client ${client.toFixed(0)} µs, server ${server.toFixed(0)} µs, total ${(client + server).toFixed(0)} µs CPU per record`,
    )
  }
} finally {
  await admin.query(`drop schema if exists ${schema} cascade`)
  await admin.end()
  await store.close()
}
