import { mkdtempSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { PgStore } from '../../../../bot/ports/postgres/pg-store.js'
import { campaignPlugin } from '../../../../plugins/campaign/index.js'
import { makeRuntime, shanghai } from '../../../helpers/harness.js'
import { usePgFixture } from '../../../helpers/pg-test.js'

const DAY = 86_400_000
const START = shanghai('2027-03-10T10:00')
const { url, closers, fresh } = await usePgFixture()

const config = `
company: 示例科技
roles: { admin: [admin], editor: [editor], approver: [boss] }
groups:
  - { name: 公告群, topic: 公告群, kind: broadcast }
storage:
  retention: { logs: 30d, audit: 365d }
plugins:
  campaign: {}
`

async function open(schema: string, account: string): Promise<PgStore> {
  const store = await PgStore.open({ url: url as string, schema, account, lock: false })
  closers.push(() => store.db.destroy())
  return store
}

/** Rows per log and day of `account`, as the database holds them. */
async function rows(store: PgStore, account: string): Promise<Record<string, number>> {
  const found = await store.db
    .selectFrom('bot_logs')
    .select(['log', 'day'])
    .select(eb => eb.fn.countAll<string>().as('n'))
    .where('account', '=', account)
    .groupBy(['log', 'day'])
    .execute()
  return Object.fromEntries(found.map(r => [`${r.log}/${r.day}`, Number(r.n)]))
}

describe.skipIf(!url)('storage.retention on PostgreSQL: the account’s log rows', () => {
  it('deletes the rows of old days (a long day in batches), keeps the newest, the anchors and other accounts’ rows', async () => {
    const schema = fresh()
    const store = await open(schema, 'a1')
    const other = await open(schema, 'a2')
    // A busy old day: more rows than one delete statement takes.
    for (let i = 0; i < 4500; i++) store.append('activity-days', '2026-09-01', { group: `r${i}`, messages: 3 })
    for (const day of ['2026-11-15', '2027-02-20']) store.append('activity-days', day, { group: 'r1', messages: 3 })
    for (const day of ['2025-06-01', '2026-09-01', '2027-02-20']) {
      store.append('archive-anchors', day, { day })
      store.append('audit', day, { id: `A${day.slice(-2)}`, at: Date.parse(day), plugin: 'x', rule: 'y', type: 'say' })
      other.append('activity-days', day, { group: 'r9', messages: 1 })
    }
    await Promise.all([store.flush(), other.flush()])
    const output = realpathSync(mkdtempSync(join(tmpdir(), 'retention-pg-')))
    const { rt, clock } = await makeRuntime(config, [campaignPlugin], { store, start: START, outputDir: output })
    await clock.advance(DAY)
    await rt.queue.idle()
    await store.flush()
    const left = await rows(store, 'a1')
    // Older than 30 days go but the newest day; audit days older than 365 days; the anchors never.
    expect(Object.keys(left).filter(k => k.startsWith('activity-days/'))).toEqual(['activity-days/2027-02-20'])
    expect(left).toMatchObject({
      'archive-anchors/2025-06-01': 1,
      'audit/2026-09-01': 1,
      'audit/2027-02-20': 1,
    })
    expect(left['audit/2025-06-01']).toBeUndefined()
    expect(Object.keys(await rows(store, 'a2'))).toHaveLength(3)
    // The running bot no longer reads them either, and the audit log says what went, with the bytes.
    expect(store.logDays('activity-days')).toEqual(['2027-02-20'])
    expect(rt.audit.query({ plugin: 'runtime', days: 2 }).map(e => e.reason)).toEqual([
      expect.stringMatching(/^删除审计日志 1 天，\d+ B（超过 365天）/),
      expect.stringMatching(/^删除日志 2 天，\d+ KB（超过 30天）/),
    ])
    // The sizes are the rows' (not the absent logs folder's).
    expect(rt.storage.usage?.logs).toBeGreaterThan(0)
    expect(rt.storage.usage?.audit).toBeGreaterThan(0)
  })
  it('keeps a dropped day gone when the write in flight with its last lines fails', async () => {
    const schema = fresh()
    const store = await open(schema, 'a1')
    const refuse = sql.raw(`"${schema}".refuse`)
    await sql`create function ${refuse}() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(
      store.db,
    )
    await sql`create trigger refuse before insert on ${sql.raw(`"${schema}".bot_logs`)} for each row execute function ${refuse}()`.execute(
      store.db,
    )
    store.append('activity-days', '2026-09-01', { group: 'r1', messages: 3 })
    store.append('activity-days', '2027-02-20', { group: 'r1', messages: 3 })
    // The flush takes both lines; the day is dropped while its write is in flight, and that write fails.
    const flushed = store.flush().catch((e: Error) => e)
    await new Promise(resolve => setImmediate(resolve))
    const dropped = store.dropLogDay('activity-days', '2026-09-01')
    expect(await flushed).toBeInstanceOf(Error)
    await dropped
    await sql`drop trigger refuse on ${sql.raw(`"${schema}".bot_logs`)}`.execute(store.db)
    await store.flush()
    // The next flush writes the kept day's line again, not the dropped day's.
    expect(await rows(store, 'a1')).toEqual({ 'activity-days/2027-02-20': 1 })
    expect(store.logDays('activity-days')).toEqual(['2027-02-20'])
  })
})
