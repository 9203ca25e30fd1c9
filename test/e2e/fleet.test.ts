import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dropSchemas, freshSchema, pgAvailable } from '../helpers/pg-test.js'
import { type BotProcess, startBot, waitUntil } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import {
  ACCOUNTS,
  BOT_IDS,
  SALES,
  SHARED,
  SHARED_GROUPS_CONFIG,
  accountsIn,
  groupId,
  sayInGroup,
  writeFleetWorlds,
} from './fleet-world.js'
import { type PuppetService, startPuppetService } from './puppet-service.js'

const url = await pgAvailable()
const schema = freshSchema()
const SPAM = '兼 职 刷 单，日 赚 五百，加 v 详聊'
const NOTICE = '【通知】周五前提交本周客户跟进表，收到请回复'
/** The account killed (`FLEET_E2E_VICTIM`, default acct2): it starts first, so it holds its shared groups. */
const VICTIM = process.env.FLEET_E2E_VICTIM ?? 'acct2'
/** The shared group the killed account left an open notice in. */
let noticeRoom = ''
let services: PuppetService[] = []
const bots: (BotProcess | undefined)[] = []
let db: pg.Client
let configs: ReturnType<typeof e2eConfig>[] = []

/** What every account sent since `marks` (each account's sent-log length then; default: all), oldest first. */
const allSent = (marks: number[] = []) =>
  services
    .flatMap((s, a) => s.world.sent.slice(marks[a] ?? 0).map(m => ({ ...m, account: a })))
    .sort((x, y) => x.at - y.at)
/** Where each account's sent log stands now (for `allSent(marks)`: what was sent after this). */
const sentMarks = () => services.map(s => s.world.sent.length)
const sentIn = (room: string, pattern: RegExp) => allSent().filter(m => m.roomId === room && pattern.test(m.text ?? ''))
const query = async <R>(text: string, values: unknown[] = []): Promise<R[]> =>
  (await db.query(text, values)).rows as R[]
/** Groups held now, by account. */
const holders = async () =>
  new Map(
    (
      await query<{ group_id: string; account: string }>(
        'select group_id, account from fleet_leases where expires_at > now()',
      )
    ).map(r => [r.group_id, r.account]),
  )

/**
 * `fleet status` of the built CLI, run without blocking: the puppet servers live in this process and must keep
 * answering their bots' heartbeats meanwhile.
 */
const fleetStatus = (...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['dist/bin/cli.js', 'fleet', 'status', ...args],
      { env: { ...process.env, BOT_DATABASE_URL: url, BOT_DATABASE_SCHEMA: schema } },
      (e, out) => (e ? reject(e) : resolve(out)),
    ),
  )

/** Start account `a`'s bot process (again). */
const startAccount = (a: number) =>
  startBot(services[a], configs[a].configFile, configs[a].dataDir, {
    BOT_DATABASE_URL: url,
    BOT_DATABASE_SCHEMA: schema,
    BOT_ACCOUNT: ACCOUNTS[a],
    LOG_LEVEL: process.env.FLEET_E2E_LOG_LEVEL ?? 'info',
  })

beforeAll(async () => {
  if (!url) return
  db = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` })
  await db.connect()
  const dir = mkdtempSync(join(tmpdir(), 'bot-fleet-'))
  const worlds = writeFleetWorlds(dir)
  services = await Promise.all(worlds.map(w => startPuppetService(w)))
  configs = ACCOUNTS.map(() =>
    e2eConfig(cfg => {
      cfg.groups = [...cfg.groups, SHARED_GROUPS_CONFIG]
      // Nickname reminders to the customers in the shared work groups would fill the outboxes (40/min).
      cfg.plugins.realname = { ...cfg.plugins.realname, enabled: false }
      cfg.plugins.content = { ...cfg.plugins.content, incidentWindow: '1s', escalation: { strikes: 20 } }
      // The digest every 20 seconds: each slot must reach the trainer once, from one bot of the fleet.
      cfg.plugins.cases = { ...cfg.plugins.cases, digest: { cron: '*/20 * * * * *', workdaysOnly: false } }
      // A notice opened just before the kill: its reminder (35 s) and deadline (60 s) come after the takeover.
      cfg.plugins.ack = { ...cfg.plugins.ack, deadline: '60s', remindBefore: '25s' }
    }),
  )
  // The account to be killed starts first, so it holds every shared group it is in (the others then take over).
  const v = ACCOUNTS.indexOf(VICTIM as (typeof ACCOUNTS)[number])
  if (v < 0) throw new Error(`FLEET_E2E_VICTIM=${VICTIM}: not one of ${ACCOUNTS.join(', ')}`)
  bots[v] = startAccount(v)
  await bots[v]!.waitFor(/就绪 ready/, 90_000)
  for (const a of [0, 1, 2].filter(a => a !== v)) bots[a] = startAccount(a)
  await Promise.all(bots.map(b => b!.waitFor(/就绪 ready/, 90_000)))
  // Every group has a holder and every account knows the others' contact ids (one more renewal).
  const until = Date.now() + 30_000
  while (
    (await holders()).size < 31 ||
    (await query("select 1 from fleet_accounts where contact_id <> ''")).length < 3
  ) {
    if (Date.now() > until) throw new Error('the fleet did not take every group within 30 s')
    await new Promise(r => setTimeout(r, 250))
  }
  await new Promise(r => setTimeout(r, 5_500))
}, 240_000)

afterAll(async () => {
  if (process.env.FLEET_E2E_LOGS)
    for (const [a, b] of bots.entries()) writeFileSync(`${process.env.FLEET_E2E_LOGS}-${a + 1}.log`, b?.output() ?? '')
  for (const b of bots) b?.kill('SIGTERM')
  await Promise.all(bots.map(b => b?.exited))
  await Promise.all(services.map(s => s.stop()))
  await db?.end()
  if (url) await dropSchemas(url, [schema])
})

describe.skipIf(!url)('three bot accounts on one PostgreSQL over real gRPC', () => {
  it('gives each of the 31 groups one acting bot, and `fleet status` shows the fleet', async () => {
    const held = await holders()
    for (let n = 1; n <= 30; n++) expect(accountsIn(n).map(a => ACCOUNTS[a])).toContain(held.get(groupId(n)))
    const status = JSON.parse(await fleetStatus('--json')) as {
      accounts: { account: string; alive: boolean; holds: string[] }[]
      unheld: string[]
    }
    expect(status.accounts.map(a => [a.account, a.alive])).toEqual(ACCOUNTS.map(a => [a, true]))
    expect(status.accounts.reduce((n, a) => n + a.holds.length, 0)).toBe(31)
    expect(status.unheld).toEqual([])
    if (process.env.FLEET_E2E_LOGS) writeFileSync(`${process.env.FLEET_E2E_LOGS}-status.txt`, await fleetStatus())
    services[1].world.say('wxid_admin', { to: BOT_IDS[1] }, '#状态')
    await waitUntil(
      () => services[1].world.sent.some(m => /机器人账号组（数据库）：3 个账号，3 个在线/.test(m.text ?? '')),
      20_000,
      'the fleet in #状态',
    )
  })

  it('warns a banned message in a group with two bot accounts once, and neither bot warns or reports the other', async () => {
    sayInGroup(services, 1, 'wxid_c1', SPAM)
    await waitUntil(() => sentIn(groupId(1), /违反群规/).length > 0, 20_000, 'the warning in the shared group')
    await new Promise(r => setTimeout(r, 3_000)) // time for a second bot to warn, if it would
    expect(sentIn(groupId(1), /违反群规/)).toHaveLength(1)
    const aboutBots = allSent().filter(m => BOT_IDS.some(id => m.mentionIds.includes(id) || m.toContactId === id))
    expect(aboutBots).toEqual([])
    // Only the admin's #状态 answer (the test above) names the bots, by their WeChat names: no warning or report does.
    const namingBots = allSent().filter(
      m => /群管家\d号/.test(m.text ?? '') && !/机器人账号组（数据库）/.test(m.text ?? ''),
    )
    expect(namingBots).toEqual([])
  })

  it('counts a spammer’s strikes fleet-wide: groups of three accounts say 第 1, 2, 3 次', async () => {
    for (const [i, n] of [7, 8, 9].entries()) {
      sayInGroup(services, n, 'wxid_c3', SPAM)
      await waitUntil(() => sentIn(groupId(n), /违反群规/).length > 0, 20_000, `the warning in group ${n}`)
      expect(sentIn(groupId(n), /违反群规/)[0].text).toMatch(new RegExp(`第 ${i + 1} 次违规`))
      await new Promise(r => setTimeout(r, 1_100)) // past the incident window
    }
  })

  it('finds a case captured through one account when a trainer asks another', async () => {
    sayInGroup(services, 'sales', 'wxid_zhangsan', '#成交\n客户：刘总\n产品：商用净水器\n难点：价格异议\n结果：签约')
    await waitUntil(() => sentIn(SALES, /C1/).length > 0, 20_000, 'the case confirmation')
    services[2].world.say('wxid_trainer', { to: BOT_IDS[2] }, '#案例 搜索 净水器')
    await waitUntil(
      () => services[2].world.sent.some(m => m.toContactId === 'wxid_trainer' && /C1@acct1/.test(m.text ?? '')),
      20_000,
      `the case in acct3's search; acct3 sent: ${JSON.stringify(services[2].world.sent.slice(-3).map(m => m.text))}`,
    )
  })

  it('sends each digest slot once fleet-wide, with the cases of every account', async () => {
    const isDigest = (m: { toContactId?: string; text?: string }) =>
      m.toContactId === 'wxid_trainer' && /案例周报/.test(m.text ?? '')
    // A digest composed before the case was captured can leave the outbox after it (each chat is paced): wait for
    // one that has it rather than trusting the time it was sent.
    await waitUntil(() => allSent().some(m => isDigest(m) && /C1/.test(m.text ?? '')), 45_000, 'a digest with case C1')
    await new Promise(r => setTimeout(r, 2_000)) // a second bot's copy of that slot, if one were sent
    const digests = allSent().filter(isDigest)
    const claimed = async (olderThanS: number) =>
      (
        await query(
          "select key from fleet_runs where key like 'job:cases:weekly-digest@%' and at < now() - make_interval(secs => $1)",
          [olderThanS],
        )
      ).length
    // Every slot is claimed by one bot; each claimed slot reaches the trainer once (none twice, none lost).
    const seen = JSON.stringify(digests.map(m => [m.account, new Date(m.at).toISOString()]))
    expect(digests.length, seen).toBeLessThanOrEqual(await claimed(0))
    expect(digests.length, seen).toBeGreaterThanOrEqual(await claimed(5))
  })

  it('after SIGKILL of one bot, its shared groups are taken over within 30 s and its case is still found', async () => {
    const before = await holders()
    const victim = VICTIM
    const v = ACCOUNTS.indexOf(victim as (typeof ACCOUNTS)[number])
    const sharedOfVictim = SHARED.filter(g => before.get(g) === victim)
    expect(sharedOfVictim).toEqual(SHARED.filter((_, i) => accountsIn(i + 1).includes(v)))
    process.stdout.write(`fleet e2e: killing ${victim}, holder of ${sharedOfVictim.join(', ') || 'no shared group'}\n`)
    // A notice in one of its shared groups, answered by one member, is left open when it dies.
    noticeRoom = sharedOfVictim[0]
    const n = SHARED.indexOf(noticeRoom) + 1
    sayInGroup(services, n, 'wxid_boss', NOTICE)
    await waitUntil(() => sentIn(noticeRoom, /已登记通知 N\d+/).length > 0, 20_000, 'the notice to be tracked')
    sayInGroup(services, n, 'wxid_zhangsan', '收到')
    await new Promise(r => setTimeout(r, 2_500)) // the answer flushed (1 s interval)
    const killedAt = Date.now()
    bots[v]!.kill('SIGKILL')
    await bots[v]!.exited
    while (true) {
      const now = await holders()
      if (sharedOfVictim.every(g => now.has(g) && now.get(g) !== victim)) break
      if (Date.now() - killedAt > 30_000) throw new Error(`not taken over within 30 s: ${sharedOfVictim.join(', ')}`)
      await new Promise(r => setTimeout(r, 250))
    }
    const tookMs = Date.now() - killedAt
    expect(tookMs).toBeLessThan(30_000)
    process.stdout.write(
      `fleet e2e: ${sharedOfVictim.length} shared group(s) of ${victim} taken over ${tookMs} ms after SIGKILL\n`,
    )

    // The case is still found (asked through a survivor).
    const asker = [0, 1, 2].find(a => a !== v && a !== 0) ?? 1
    services[asker].world.say('wxid_trainer', { to: BOT_IDS[asker] }, '#案例 搜索 净水器')
    await waitUntil(
      () =>
        services[asker].world.sent.filter(m => m.toContactId === 'wxid_trainer' && /C1@acct1/.test(m.text ?? ''))
          .length > 0,
      20_000,
      'the case after the kill',
    )
  })

  it('after the takeover, the spammer is warned once in group 1 with the fleet-wide count (第 4 次)', async () => {
    // What was sent after this point, from every account's sent log (not a count: the logs are per account).
    const marks = sentMarks()
    const warningsAfter = () => allSent(marks).filter(m => m.roomId === groupId(1) && /违反群规/.test(m.text ?? ''))
    // The spammer again, in group 1 (now held by a survivor): the strikes of every account still count.
    sayInGroup(services, 1, 'wxid_c3', SPAM)
    await waitUntil(() => warningsAfter().length > 0, 20_000, 'the warning after takeover')
    await new Promise(r => setTimeout(r, 3_000)) // a second warning (another bot, a repeat), if one were sent
    const after = warningsAfter()
    expect(after.map(m => m.text)).toHaveLength(1)
    expect(after[0].text).toMatch(/^@优惠多多 /)
    expect(after[0].text).toMatch(/第 4 次违规/)
    expect(ACCOUNTS[after[0].account]).not.toBe(VICTIM)

    const warnings = allSent().filter(m => /违反群规/.test(m.text ?? ''))
    const keys = warnings.map(m => `${m.roomId}|${m.text}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('the survivor resumes the killed holder’s notice: one reminder without the member who answered, one deadline report', async () => {
    const holder = (await holders()).get(noticeRoom)
    expect(holder).not.toBe(VICTIM)
    const reminders = () => sentIn(noticeRoom, /还有 \d+ 位同事没有回复/)
    const reports = () => allSent().filter(m => m.toContactId === 'wxid_boss' && /应回复 \d+ 人/.test(m.text ?? ''))
    await waitUntil(() => reminders().length > 0, 60_000, 'the reminder of the notice after the takeover')
    await waitUntil(() => reports().length > 0, 60_000, 'the deadline report after the takeover')
    await new Promise(r => setTimeout(r, 3_000)) // a second reminder or report (another bot, a repeat), if one were sent
    // Which account sent each reminder, when, to whom, and the fleet's claims of it (a rare second reminder was
    // seen once under the full e2e load: this says whose it was).
    const seen = async () =>
      JSON.stringify({
        reminders: reminders().map(m => ({ account: ACCOUNTS[m.account], at: m.at, mentions: m.mentionIds })),
        runs: await query(`select * from fleet_runs where key like '%ack%' order by 1`).catch(e => String(e)),
      })
    expect(reminders(), await seen()).toHaveLength(1)
    expect(ACCOUNTS[reminders()[0].account]).toBe(holder)
    expect(reminders()[0].mentionIds).toEqual(['wxid_wangwu']) // 张三 answered the killed bot before it died
    expect(reports()).toHaveLength(1)
    expect(reports()[0].text).toMatch(/应回复 2 人：按时 1 人，提醒后 0 人，未回复 1 人/)
  })

  it('the killed bot, restarted, rejoins: its groups stay with the survivors and nothing of its is sent again', async () => {
    const v = ACCOUNTS.findIndex((_, a) => bots[a]?.child.exitCode !== null || bots[a]?.child.signalCode)
    expect(ACCOUNTS[v]).toBe(VICTIM)
    const before = await holders()
    const marks = sentMarks()
    const restartedAt = Date.now()
    bots[v] = startAccount(v)
    await bots[v]!.waitFor(/就绪 ready/, 90_000)
    process.stdout.write(`fleet e2e: restarted ${VICTIM} ready ${Date.now() - restartedAt} ms after start\n`)
    await new Promise(r => setTimeout(r, 6_000)) // one renewal, and whatever its timers would send
    const held = await holders()
    for (const g of SHARED) expect(held.get(g), g).toBe(before.get(g))
    expect(allSent(marks).filter(m => /没有回复|应回复|违反群规/.test(m.text ?? ''))).toEqual([])
  })
  it('a clean stop (SIGTERM) with a backlog: the account that takes the group sends each queued message once', async () => {
    // A shared group and its holder; the other account in it takes it over.
    const now = await holders()
    const n = [1, 2, 3, 4, 5, 6].find(k => now.get(groupId(k)) !== undefined) as number
    const room = groupId(n)
    const h = ACCOUNTS.indexOf(now.get(room) as (typeof ACCOUNTS)[number])
    const taker = accountsIn(n).find(a => a !== h) as number
    const marks = sentMarks()
    const registered = () =>
      allSent(marks)
        .filter(m => m.roomId === room)
        .flatMap(m =>
          (m.text ?? '').split('\n').flatMap(l => (/已登记通知/.test(l) ? [`${ACCOUNTS[m.account]}:${l}`] : [])),
        )
    // Four notices at once: the holder registers each; its first answer goes, the rest wait (3 s between two sends to a chat).
    for (let k = 1; k <= 4; k++)
      sayInGroup(services, n, 'wxid_boss', `【通知】第${k}批：周五前提交本周客户跟进表，收到请回复`)
    await waitUntil(() => registered().length > 0, 20_000, 'the first registration')
    bots[h]!.kill('SIGTERM')
    await bots[h]!.exited
    const stoppedAt = Date.now()
    await waitUntil(
      () => registered().length >= 4,
      30_000,
      'the queued registrations from the account that took the group',
    )
    const tookMs = Date.now() - stoppedAt
    await new Promise(r => setTimeout(r, 3_000)) // a second copy (the same, another account), if one were sent
    const lines = registered()
    process.stdout.write(
      `fleet e2e: SIGTERM of ${ACCOUNTS[h]} with a backlog in ${room}: ${lines.length - 1} queued message(s) sent by ${ACCOUNTS[taker]} ${tookMs} ms after it exited\n`,
    )
    expect(lines).toHaveLength(4)
    expect(new Set(lines.map(l => l.replace(/^\w+:/, ''))).size).toBe(4)
    expect(lines[0]).toMatch(new RegExp(`^${ACCOUNTS[h]}:`))
    for (const l of lines.slice(1)) expect(l).toMatch(new RegExp(`^${ACCOUNTS[taker]}:`))
    // (Not started again here: its clean Wechaty stop stopped this test's puppet service too. Coming back after a
    // clean stop without sending again: test/bot/fleet/takeover.test.ts.)
  })
})
