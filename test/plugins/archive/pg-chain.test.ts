import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { describe, expect, it, vi } from 'vitest'
import { archiveCommand } from '../../../bot/cli/archive.js'
import { PgStore, readLogRows } from '../../../bot/ports/postgres/pg-store.js'
import { type Database, MIGRATIONS, migrate } from '../../../bot/ports/postgres/schema.js'
import { type ArchiveRecord, RECORD_VERSION } from '../../../plugins/archive/capture/record.js'
import { createArchivePlugin } from '../../../plugins/archive/index.js'
import { ANCHOR_LOG, type AnchorEntry, type CheckCodeEntry, lineHash } from '../../../plugins/archive/store/chain.js'
import { PgArchive } from '../../../plugins/archive/store/pg-backend.js'
import { AnchorBook } from '../../../plugins/archive/verify/anchor-book.js'
import { makeRuntime, text } from '../../helpers/harness.js'
import { usePgFixture } from '../../helpers/pg-test.js'
import { testFleet } from '../../helpers/test-fleet.js'
import { admin, auditor, CONFIG, customer, customers, li, pgArchiveOf, runCli, sales, zhang } from './setup.js'

const { url, closers, fresh } = await usePgFixture()

/** A fresh schema as the release before the chain (version 9) left it, and a connection to it. */
async function schemaBeforeTheChain(): Promise<{ schema: string; db: Kysely<Database> }> {
  const schema = fresh()
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  closers.push(() => db.destroy())
  await db.schema.createSchema(schema).execute()
  await migrate(
    db,
    MIGRATIONS.filter(m => m.version <= 9),
  )
  return { schema, db }
}

/** An account's store on the schema (the account's lock not taken: several per test). */
async function open(schema: string, account: string): Promise<PgStore> {
  const store = await PgStore.open({ url: url as string, schema, account, lock: false })
  closers.push(() => store.close())
  return store
}

/** Record `id` in `chat`, its text `body`, `minute` minutes after 2026-12-04 09:00 in Shanghai. */
function rec(chat: string, id: string, body: string, minute: number): ArchiveRecord {
  return {
    ...{ v: RECORD_VERSION, seq: minute, id, at: Date.parse('2026-12-04T01:00:00Z') + minute * 60_000, chat },
    ...{ sender: { id: 'c1', name: '刘总' }, type: 'text', text: body, mentions: [] },
  }
}

const DAY = '2026-12-04'
const NEXT = '2026-12-05'

/** `archive verify` (or `--code`) against the database as the command line runs it, with every account's anchors. */
async function verify(store: PgStore, argv: string[] = [], anchors?: AnchorEntry[]) {
  const book = async () => {
    if (anchors) return new AnchorBook(anchors)
    const rows = await readLogRows<AnchorEntry | CheckCodeEntry>(store.db, ANCHOR_LOG, '0000-00-00', '9999-99-99')
    return rows.length ? new AnchorBook(rows.map(r => r.record)) : undefined
  }
  return runCli(['verify', ...argv], { backend: new PgArchive(store.db, store.account), anchors: book })
}

/** The anchors the daily job would write now for every chain in the database. */
async function anchorsOf(store: PgStore): Promise<AnchorEntry[]> {
  const heads = await new PgArchive(store.db, store.account).heads({ from: '0000-00-00', to: '9999-12-31' })
  return heads.map(h => ({ v: 1, kind: 'head', ...h, at: Date.parse('2026-12-06T02:00:00Z') }))
}

/** The `pos` of `id`'s row. */
async function posOf(store: PgStore, id: string): Promise<string> {
  const row = await store.db.selectFrom('archive_records').select('pos').where('id', '=', id).executeTakeFirstOrThrow()
  return String(row.pos)
}

/** A customer group with four messages on 12-04 and three on 12-05, and another group's two, anchored. */
async function anchoredChains() {
  const store = await open(fresh(), 'sales1')
  const a = new PgArchive(store.db, 'sales1')
  await a.saveChat({ chat: 'r1', kind: 'customer', title: '销售一群', configName: '销售一群' })
  await a.saveChat({ chat: 'r2', kind: 'customer', title: '销售二群', configName: '销售二群' })
  const day1 = [1, 2, 3, 4].map(n => ({ record: rec('r1', `m${n}`, `第${n}条`, n), day: DAY }))
  await a.appendMany([...day1.slice(0, 2), { record: rec('r2', 'o1', '二群', 1), day: DAY }, ...day1.slice(2)])
  await a.appendMany([5, 6, 7].map(n => ({ record: rec('r1', `m${n}`, `第${n}条`, 1440 + n), day: NEXT })))
  await a.appendMany([{ record: rec('r2', 'o2', '二群第二条', 2), day: DAY }])
  return { store, a, anchors: await anchorsOf(store) }
}

const rows1 = `archive_records（chat=r1，day=${DAY}）`

describe.skipIf(!url)('the archive’s hash chain on PostgreSQL', () => {
  it('two accounts writing one chat’s day in turns, at once, and across a takeover mid-day make one chain: verify ✅', async () => {
    const schema = fresh()
    const [s1, s2] = [await open(schema, 'sales1'), await open(schema, 'sales2')]
    const a = new PgArchive(s1.db, 'sales1')
    const b = new PgArchive(s2.db, 'sales2')
    await a.saveChat({ chat: 'r1', kind: 'customer', title: '销售一群' })
    const batch = (acc: string, from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        record: rec('r1', `${acc}${from + i}`, `${acc} 第${from + i}条`, from + i),
        day: DAY,
      }))
    await a.appendMany(batch('a', 1, 3))
    // Both accounts in the group write at once, many batches: each links to the head it reads under the lock.
    await Promise.all([
      a.appendMany(batch('a', 10, 5)),
      b.appendMany(batch('b', 20, 4)),
      a.appendMany(batch('a', 30, 2)),
      b.appendMany(batch('b', 40, 6)),
      b.append(rec('r1', 'b50', '单独一条', 50), DAY),
    ])
    // The takeover: account B's process restarts (nothing of the chain in memory) and goes on; then A, back, too.
    const b2 = new PgArchive((await open(schema, 'sales2')).db, 'sales2')
    await b2.appendMany(batch('b', 60, 2))
    await a.appendMany(batch('a', 70, 1))
    // The same message received by both (B's copy, same fingerprint) adds nothing and breaks nothing.
    await b2.appendMany([{ record: { ...rec('r1', 'bx', 'a 第70条', 70) }, day: DAY }])
    // A message id twice in one batch (a puppet delivering it again) is written once, its link whole.
    const again = rec('r1', 'a80', '重复送达', 80)
    await a.appendMany([again, { ...again }, rec('r1', 'a81', '之后一条', 81)].map(record => ({ record, day: DAY })))
    const rows = await s1.db.selectFrom('archive_records').select(['record', 'hash']).orderBy('pos').execute()
    expect(rows).toHaveLength(3 + 5 + 4 + 2 + 6 + 1 + 2 + 1 + 2)
    for (const r of rows) expect(r.hash).toBe(lineHash(Buffer.from(r.record))) // the link kept beside the record
    const r = await verify(s1)
    expect(r.out).toContain(`✅ 销售一群 · ${DAY}：26 条（messages）`)
    expect(r.out).toContain('ℹ️ 哈希链 hash chain：26 条记录在链中（26 chained）')
    expect(r.out).toContain('结果：✅ 未发现问题（no problems found）')
    expect(r.code).toBe(0)
  })

  it('rows written before the chain (schema version 9) are notes; the first chained row links to the last of them', async () => {
    const { schema, db } = await schemaBeforeTheChain()
    for (const n of [1, 2]) {
      const r = rec('r1', `old${n}`, `旧的第${n}条`, n)
      await sql`insert into archive_records (chat, day, at, id, fingerprint, account, type, record, keys)
        values ('r1', ${DAY}, ${r.at}, ${r.id}, ${r.id}, 'sales1', 'text', ${JSON.stringify(r)}, '{}')`.execute(db)
    }
    const store = await open(schema, 'sales1') // migrates to version 10 (and on)
    const versions = await db
      .selectFrom('bot_schema_migrations')
      .select(['version', 'name'])
      .orderBy('version')
      .execute()
    expect(versions.find(v => v.version === 10)).toEqual({
      version: 10,
      name: expect.stringContaining('hash chain per chat and day'),
    })
    const a = new PgArchive(store.db, 'sales1')
    await a.saveChat({ chat: 'r1', kind: 'customer', title: '销售一群' })
    await a.appendMany([3, 4].map(n => ({ record: rec('r1', `m${n}`, `第${n}条`, n), day: DAY })))
    const [old2, m3] = await store.db
      .selectFrom('archive_records')
      .select('record')
      .where('id', 'in', ['old2', 'm3'])
      .orderBy('pos')
      .execute()
    expect(JSON.parse(m3.record).prev).toBe(lineHash(Buffer.from(old2.record)))
    const r = await verify(store)
    expect(r.out).toContain('ℹ️ 哈希链 hash chain：2 条记录在链中，2 条写于链之前（版本 1，改动无从发现）')
    expect(r.code).toBe(0)
    // A row the old release writes after the chain began (a rolling upgrade gone back) is a record without its link.
    const late = rec('r1', 'old5', '旧版本又写了一条', 5)
    await sql`insert into archive_records (chat, day, at, id, fingerprint, account, type, record, keys)
      values ('r1', ${DAY}, ${late.at}, ${late.id}, ${late.id}, 'sales1', 'text', ${JSON.stringify(late)}, '{}')`.execute(
      db,
    )
    const again = await verify(store)
    expect(again.out).toContain(
      `链断开 chain broken：${rows1} 第 5 行（pos ${await posOf(store, 'old5')}），记录缺少链接`,
    )
    expect(again.code).toBe(3)
  })

  it('names the row of an edit, a deletion and an insertion made with SQL (exit 3); the other days and chats stay ✅', async () => {
    const { store, anchors } = await anchoredChains()
    expect((await verify(store, [], anchors)).code).toBe(0)
    const m3 = await posOf(store, 'm3')
    await sql`update archive_records set record = replace(record, '第2条', '第9条') where id = 'm2'`.execute(store.db)
    let r = await verify(store, [], anchors)
    expect(r.out).toContain(`⚠️ 销售一群 · ${DAY}：4 条（messages）`)
    expect(r.out).toContain(
      `链断开 chain broken：${rows1} 第 3 行（pos ${m3}），上一行不是写入时的那一行：上一行被改动、删除或插入`,
    )
    expect(r.out).toContain(`✅ 销售一群 · ${NEXT}：3 条（messages）`)
    expect(r.out).toContain(`✅ 销售二群 · ${DAY}：2 条（messages）`)
    expect(r.code).toBe(3)
    await sql`update archive_records set record = replace(record, '第9条', '第2条') where id = 'm2'`.execute(store.db)
    expect((await verify(store, [], anchors)).code).toBe(0) // put back: whole again
    await sql`delete from archive_records where id = 'm2'`.execute(store.db)
    r = await verify(store, [], anchors)
    expect(r.out).toContain(`链断开 chain broken：${rows1} 第 2 行（pos ${m3}），上一行不是写入时的那一行`)
    expect(r.out).toContain(`与锚点不符 anchor mismatch：${rows1} 已不是`)
    expect(r.out).toContain('（当时 4 行），源于第 2 行')
    expect(r.code).toBe(3)
    // Inserted: a copy of a record under another id, at the end of its day (pos grows).
    const { store: s2, anchors: a2 } = await anchoredChains()
    await sql`insert into archive_records (chat, day, at, id, fingerprint, account, type, record, keys, hash)
      select chat, day, at, 'forged', 'forged', account, type, replace(record, '"m2"', '"forged"'), keys, hash
      from archive_records where id = 'm2'`.execute(s2.db)
    r = await verify(s2, [], a2)
    expect(r.out).toContain(
      `链断开 chain broken：${rows1} 第 5 行（pos ${await posOf(s2, 'forged')}），上一行不是写入时的那一行`,
    )
    expect(r.code).toBe(3)
  })

  it('a cut tail, a changed last row and a whole day deleted are told by the anchors', async () => {
    const { store, anchors } = await anchoredChains()
    await sql`delete from archive_records where id = 'm4'`.execute(store.db)
    let r = await verify(store, [], anchors)
    expect(r.out).toContain(
      `截尾 cut tail：${rows1} 自第 4 行起缺失，2026-12-06 10:00:00 锚定时有 4 行，其余各行链接完好`,
    )
    expect(r.code).toBe(3)
    const { store: s2, anchors: a2 } = await anchoredChains()
    await sql`update archive_records set record = replace(record, '第4条', '第8条') where id = 'm4'`.execute(s2.db)
    r = await verify(s2, [], a2)
    expect(r.out).toContain(
      `末行与锚点不符 last line changed：${rows1} 第 4 行（pos ${await posOf(s2, 'm4')}）（末行）`,
    )
    expect(r.code).toBe(3)
    await sql`delete from archive_records where chat = 'r1' and day = ${NEXT}`.execute(s2.db)
    r = await verify(s2, [], a2)
    expect(r.out).toContain(
      `行缺失 rows missing：archive_records（chat=r1，day=${NEXT}） 一行也没有了，2026-12-06 10:00:00 锚定时有 3 行，没有保留期清理的记录`,
    )
    const json = JSON.parse((await verify(s2, ['--json'], a2)).out)
    const day2 = json.days.find((d: { day: string; chat: string }) => d.chat === 'r1' && d.day === NEXT)
    expect(day2.missing).toEqual({ anchoredAt: Date.parse('2026-12-06T02:00:00Z'), bytes: 3 })
    expect(day2.rows).toBe(true)
  })

  it('anchors an older day a late message grew, also after a restart (the mark is the anchor log’s newest row)', async () => {
    const { store, a } = await anchoredChains()
    const heads = await a.heads({ from: '0000-00-00', to: '9999-12-31' })
    for (const h of heads) store.append(ANCHOR_LOG, '2026-12-06', { v: 1, kind: 'head', ...h, at: 1 })
    await store.flush()
    const restarted = new PgArchive(store.db, 'sales1')
    expect(await restarted.grownBefore('2026-12-05')).toEqual([])
    await restarted.append(rec('r1', 'late', '迟到的消息', 30), DAY)
    const grown = await new PgArchive(store.db, 'sales1').grownBefore('2026-12-05')
    expect(grown.map(g => [g.chat, g.day, g.bytes])).toEqual([['r1', DAY, 5]])
  })
})

describe.skipIf(!url)('two fleet accounts in one group archive into one chain', () => {
  it('both receive the group’s messages, one alone some; the first then stops (its group taken over): verify ✅', async () => {
    const schema = fresh()
    const bots = []
    for (const account of ['sales1', 'sales2']) {
      const store = await PgStore.open({ url: url as string, schema, account })
      const h = await makeRuntime(CONFIG, [createArchivePlugin()], { store, gate: testFleet(store, ['r-cust']) })
      let stopped = false
      const stop = async () => {
        if (stopped) return
        stopped = true
        await h.rt.stop()
        await store.close()
      }
      closers.push(stop)
      bots.push({ h, store, stop })
    }
    const [a, b] = bots
    const rows = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from archive_records`.execute(b.store.db)).rows[0].n)
    const at = a.h.clock.now()
    for (let i = 0; i < 12; i++) {
      const ev = (id: string) => text(customer, `第${i}条消息`, at + i * 1000, customers, { id })
      // Each account's puppet gives the message its own id; every third only account A received.
      await a.h.rt.enqueue(ev(`a-${i}`))
      if (i % 3) await b.h.rt.enqueue(ev(`b-${i}`))
    }
    await vi.waitFor(async () => expect(await rows()).toBe(12), { timeout: 10_000 })
    await a.stop() // account A goes down mid-day: B holds the group from now on
    for (let i = 12; i < 15; i++) await b.h.rt.enqueue(text(customer, `第${i}条消息`, at + i * 1000, customers))
    await vi.waitFor(async () => expect(await rows()).toBe(15), { timeout: 10_000 })
    const r = await verify(b.store)
    expect(r.out).toContain('✅ 张三交流群')
    expect(r.out).toContain('ℹ️ 哈希链 hash chain：15 条记录在链中（15 chained）')
    expect(r.code).toBe(0)
  })
})

/** `npm run cli -- archive …` with BOT_DATABASE_URL (and the test's schema): its exit code and what it printed. */
async function cli(schema: string, ...argv: string[]): Promise<{ code: number; stdout: string }> {
  vi.stubEnv('BOT_DATABASE_URL', url as string)
  vi.stubEnv('BOT_DATABASE_SCHEMA', schema)
  vi.stubEnv('BOT_CONFIG', '/nonexistent/config.yaml')
  let stdout = ''
  const capture = (add: (s: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      add(String(chunk))
      const done = rest.find(r => typeof r === 'function') as ((e?: Error) => void) | undefined
      done?.()
      return true
    }) as typeof process.stdout.write
  vi.spyOn(process.stdout, 'write').mockImplementation(capture(s => (stdout += s)))
  vi.spyOn(process.stderr, 'write').mockImplementation(capture(() => {}))
  try {
    return { code: await archiveCommand(argv), stdout }
  } finally {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
  }
}

describe.skipIf(!url)('archive verify on the command line with BOT_DATABASE_URL', () => {
  it('reads the rows and every account’s anchors from the database; a row deleted is exit 3', async () => {
    const schema = fresh()
    const s1 = await open(schema, 'sales1')
    const s2 = await open(schema, 'sales2')
    const a = new PgArchive(s1.db, 'sales1')
    await a.saveChat({ chat: 'r1', kind: 'customer', title: '销售一群' })
    await a.appendMany([1, 2, 3].map(n => ({ record: rec('r1', `m${n}`, `第${n}条`, n), day: DAY })))
    // The daily job ran on account sales2 that day: its anchors are sales2's rows of the log.
    for (const h of await a.heads({ from: DAY, to: DAY }))
      s2.append(ANCHOR_LOG, NEXT, { v: 1, kind: 'head', ...h, at: 1 })
    await s2.flush()
    let r = await cli(schema, 'verify')
    expect(r.stdout).toContain(`✅ 销售一群 · ${DAY}：3 条（messages）`)
    expect(r.stdout).toContain('ℹ️ 锚点 anchors：核对 1 个；0 条记录在最近的锚点之后')
    expect(r.code).toBe(0)
    await sql`delete from archive_records where id = 'm3'`.execute(s1.db)
    r = await cli(schema, 'verify')
    expect(r.stdout).toContain(`截尾 cut tail：${rows1} 自第 3 行起缺失`)
    expect(r.code).toBe(3)
  })
})

describe.skipIf(!url)('older days grown since the anchors last ran, on PostgreSQL', () => {
  it('are none before any anchor names a row (the first run after the upgrade anchors its own days only), then a late row', async () => {
    const schema = fresh()
    const s1 = await open(schema, 'sales1')
    const a = new PgArchive(s1.db, 'sales1')
    await a.saveChat({ chat: 'r1', kind: 'customer', title: '销售一群' })
    await a.appendMany([1, 2].map(n => ({ record: rec('r1', `m${n}`, `第${n}条`, n), day: DAY })))
    expect(await a.grownBefore('2026-12-10')).toEqual([])
    for (const h of await a.heads({ from: DAY, to: DAY }))
      s1.append(ANCHOR_LOG, NEXT, { v: 1, kind: 'head', ...h, at: 1 })
    await s1.flush()
    expect(await a.grownBefore('2026-12-10')).toEqual([])
    await a.appendMany([{ record: rec('r1', 'late', '迟到的一条', 3), day: DAY }])
    expect((await a.grownBefore('2026-12-10')).map(h => [h.chat, h.day, h.bytes])).toEqual([['r1', DAY, 3]])
  })
})

describe.skipIf(!url)('the archive command line beside a fleet not yet upgraded', () => {
  it('refuses to run on an older schema and leaves it as it was: the bots still on the old release keep working', async () => {
    const { schema, db } = await schemaBeforeTheChain()
    await expect(cli(schema, 'verify')).rejects.toThrow(/数据库结构是旧版本（9），本版本需要 \d+：请先升级机器人/)
    const v = await db
      .selectFrom('bot_schema_migrations')
      .select(eb => eb.fn.max('version').as('v'))
      .executeTakeFirst()
    expect(Number(v?.v)).toBe(9)
  })
})

describe.skipIf(!url)('the daily check code on PostgreSQL', () => {
  it('goes to the auditor; #记录 校验码 and archive verify --code give it back; an edit made with SQL names the row', async () => {
    const store = await open(fresh(), 'sales1')
    const { backend, settle } = pgArchiveOf(store)
    const h = await makeRuntime(CONFIG, [createArchivePlugin({ backend: () => backend })], { store })
    closers.unshift(() => h.rt.stop())
    /** A few seconds on, with the round trips they start done (the outbox sends once its write is in the database). */
    const pass = async () => {
      for (let i = 0; i < 4; i++) {
        await settle()
        await new Promise(r => setTimeout(r, 50))
        await h.clock.advance(4_000)
      }
    }
    const say = async (from: typeof zhang, body: string, g?: typeof sales) => {
      await h.rt.enqueue(text(from, body, h.clock.now(), g))
      await pass()
    }
    await say(zhang, '今天的拜访计划', sales)
    await say(customer, '请问退款多久到账？', customers)
    await say(li, '一般三个工作日', customers)
    await say(customer, '好的谢谢', customers)
    await h.clock.advance(86_400_000) // 2026-12-01: the job of 03:30 anchored and made the code of 11-30
    await pass() // its private message goes out
    const sent = h.wechat.textsTo('aud1').join('\n')
    const code = /存档校验码 2026-11-30：([0-9A-Z-]{24})（共 2 个会话文件）/.exec(sent)?.[1]
    expect(code).toBeDefined()
    await store.flush()
    let r = await verify(store, ['--code', String(code)])
    expect(r.out).toContain(`✅ 存档仍给出校验码 ${code}`)
    expect(r.code).toBe(0)
    expect((await verify(store)).code).toBe(0)
    h.wechat.sent.length = 0
    await say(auditor, '#记录 校验码')
    expect(h.wechat.textsTo('aud1').join('\n')).toContain('✅ 与 12-01 03:30 发出的校验码一致')
    const middle = await store.db
      .selectFrom('archive_records')
      .select('pos')
      .where('chat', '=', 'r-cust')
      .where('record', 'like', '%一般三个工作日%')
      .executeTakeFirstOrThrow()
    await sql`update archive_records set record = replace(record, '三个工作日', '七个工作日') where pos = ${middle.pos}`.execute(
      store.db,
    )
    h.wechat.sent.length = 0
    await say(admin, '#记录 校验码 2026-11-30')
    const edited = h.wechat.textsTo('admin1').join('\n')
    expect(edited).toContain(`⚠️ 与 12-01 03:30 发出的校验码 ${code} 不同`)
    expect(edited).toMatch(
      /archive_records（chat=r-cust，day=2026-11-30）：哈希链断开（这一行的上一行被改动、删除或插入）（第 3 行，pos \d+）/,
    )
    r = await verify(store, ['--code', String(code)])
    expect(r.out).toContain(`⚠️ 存档现在给出`)
    expect(r.out).toContain('differs（broken）：张三交流群 · archive_records（chat=r-cust，day=2026-11-30）')
    expect(r.code).toBe(3)
  })
})
