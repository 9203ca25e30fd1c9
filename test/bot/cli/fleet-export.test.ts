import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { overState } from '../../../bot/cli/store-commands.js'
import { AccountLockedError, PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { runStats } from '../../../plugins/activity/cli/stats-command.js'
import { CURRENT_DOC, CURRENT_SPEC, DAYS_LOG, type GroupDay } from '../../../plugins/activity/state.js'
import { runCasesExport } from '../../../plugins/cases/cli/export-command.js'
import { CASES_SHARD_DOC } from '../../../plugins/cases/state.js'
import { usePgFixture } from '../../helpers/pg-test.js'
import { makeCase } from '../../plugins/cases/fixtures.js'

const pg = await usePgFixture()

/** One group's counters on one day: `messages` from 张三 in hour `hour`. */
const groupDay = (day: string, groupId: string, topic: string, messages: number, hour: number): GroupDay => ({
  day,
  groupId,
  topic,
  kind: 'customer',
  members: {
    zhang: { name: '张三', staff: true, messages, chars: messages * 4, kinds: { text: messages }, first: 1, last: 2 },
  },
  hours: Array.from({ length: 24 }, (_, h) => (h === hour ? messages : 0)),
  joined: [],
  left: [],
  responses: [],
  unanswered: 0,
})

/** Run the CLI command with BOT_DATABASE_URL set: its stdout, stderr and exit code. */
async function cli(command: typeof runStats, schema: string, argv: string[]) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const text = { out: '', err: '' }
  stdout.on('data', c => (text.out += c))
  stderr.on('data', c => (text.err += c))
  const env = { BOT_DATABASE_URL: pg.url, BOT_DATABASE_SCHEMA: schema }
  const code = await overState(command, { stdout, stderr, env })(argv)
  return { code, ...text }
}

/** Two running accounts on one fresh schema (each holding its lock), with counters and cases written through both. */
async function twoAccounts() {
  const schema = pg.fresh()
  const a = await PgStore.open({ url: pg.url as string, schema, account: 'sales1' })
  const b = await PgStore.open({ url: pg.url as string, schema, account: 'sales2' })
  pg.closers.push(
    () => a.close(),
    () => b.close(),
  )
  // sales1 closed 11-30 in 销售一群 and counts 12-01 there until its takeover by sales2 (3 + 2 messages).
  a.append(DAYS_LOG, '2026-11-30', groupDay('2026-11-30', 'r1', '销售一群', 7, 9))
  a.doc(CURRENT_DOC, CURRENT_SPEC).data.days['2026-12-01'] = { r1: groupDay('2026-12-01', 'r1', '销售一群', 3, 9) }
  a.doc(CURRENT_DOC, CURRENT_SPEC).changed()
  b.append(DAYS_LOG, '2026-11-30', groupDay('2026-11-30', 'r2', '销售二群', 4, 10))
  b.doc(CURRENT_DOC, CURRENT_SPEC).data.days['2026-12-01'] = { r1: groupDay('2026-12-01', 'r1', '销售一群', 2, 15) }
  b.doc(CURRENT_DOC, CURRENT_SPEC).changed()
  a.doc('cases-2026-11', CASES_SHARD_DOC).data.cases.push(makeCase('客户：甲公司', { id: 'C1', seq: 1 }))
  a.doc('cases-2026-11', CASES_SHARD_DOC).changed()
  b.doc('cases-2026-11', CASES_SHARD_DOC).data.cases.push(makeCase('客户：乙公司', { id: 'C1', seq: 1 }))
  b.doc('cases-2026-11', CASES_SHARD_DOC).changed()
  await a.flush()
  await b.flush()
  return { schema, a }
}

describe.skipIf(!pg.url)('CLI exports in fleet mode (BOT_DATABASE_URL)', () => {
  it('stats lists every account’s groups, a group-day split by a takeover once, beside running bots', async () => {
    const { schema, a } = await twoAccounts()
    const csv = await cli(runStats, schema, ['--from', '2026-11-30', '--to', '2026-12-01', '--by', 'group'])
    expect(csv.err).toBe('')
    expect(csv.code).toBe(0)
    const lines = csv.out.replace('\uFEFF', '').trim().split('\n')
    const rows = lines.map(l => l.split(',').slice(0, 6).join(','))
    expect(rows.slice(1)).toEqual([
      '2026-11-30,r1,销售一群,客户群,,7',
      '2026-11-30,r2,销售二群,客户群,,4',
      '2026-12-01,r1,销售一群,客户群,,5',
    ])
    const json = await cli(runStats, schema, ['--from', '2026-12-01', '--format', 'json'])
    const parsed = JSON.parse(json.out)
    expect(parsed.groups).toHaveLength(1)
    expect(parsed.groups[0]).toMatchObject({ group_id: 'r1', messages: 5, peak_hour: 9 })
    expect(parsed.members).toEqual([expect.objectContaining({ member: '张三', messages: 5 })])
    // No lock was taken or released: sales1 still runs and writes, and a second sales1 is still refused.
    a.append(DAYS_LOG, '2026-12-01', groupDay('2026-12-01', 'r3', '销售三群', 1, 8))
    await a.flush()
    await expect(PgStore.open({ url: pg.url as string, schema, account: 'sales1' })).rejects.toThrow(AccountLockedError)
  })

  it('cases export lists every account’s cases under fleet ids', async () => {
    const { schema } = await twoAccounts()
    const out = await cli(runCasesExport, schema, ['export', '--format', 'json'])
    expect(out.code).toBe(0)
    const cases = JSON.parse(out.out) as { id: string; text: string }[]
    expect(cases.map(c => `${c.id} ${c.text}`).sort()).toEqual(['C1@sales1 客户：甲公司', 'C1@sales2 客户：乙公司'])
  })

  it('says so when no bot has started on the database yet', async () => {
    const out = await cli(runStats, pg.fresh(), ['--from', '2026-11-30'])
    expect(out).toMatchObject({
      code: 1,
      out: '',
      err: '这个数据库里还没有机器人数据（还没有机器人在它上面启动过） no fleet in this database yet (no bot has started on it)\n',
    })
  })

  it('reads nothing from the database when --data DIR is given', async () => {
    const out = await cli(runStats, pg.fresh(), ['--from', '2026-11-30', '--data', '/nonexistent-state'])
    expect(out).toMatchObject({
      code: 1,
      err: '❌ 找不到数据文件夹 data folder not found: /nonexistent-state（请设置 BOT_DATA_DIR 或 --data DIR set BOT_DATA_DIR or --data DIR）\n',
    })
  })
})
