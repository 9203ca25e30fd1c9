import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { runReplay } from '../../bot/replay/run-replay.js'
import type { AuditEntry } from '../../bot/runtime/records/audit.js'

let actions: AuditEntry[] = []
let printed = ''

beforeAll(async () => {
  const out = new Writable({
    write(chunk, _enc, done) {
      printed += chunk
      done()
    },
  })
  const result = await runReplay({
    transcript: 'data/demo/service-week.jsonl',
    configFile: 'data/demo/service-week.config.yaml',
    worldFile: 'data/demo/world.yaml',
    outDir: mkdtempSync(join(tmpdir(), 'demo-service-')),
    live: true,
    out,
    logLevel: 'silent',
  })
  actions = result.actions
}, 120_000)

const service = (rule: string) => actions.filter(a => a.plugin === 'service' && a.rule === rule)
const texts = (rule: string) => service(rule).map(a => a.text ?? '')
const ids = (list: string[]) => list.map(t => /[TR]\d+/.exec(t)?.[0])
const day = (a: AuditEntry) => new Date(a.at + 8 * 3_600_000).toISOString().slice(0, 10)

describe('npm run demo:service: a customer-service week', () => {
  it('replays every line without a transcript error', () => {
    expect(printed).not.toMatch(/⚠️ .*service-week\.jsonl:\d+/)
    expect(printed).toMatch(/■ 完成 done: 24 条事件/)
  })

  it('complaints: four tickets; the joke, the staff promise, the quoted text and a customer typing a staff command (#回访) open none', () => {
    expect(ids(texts('service.ticket-opened'))).toEqual(['T1', 'T2', 'T3', 'T4'])
    expect(texts('service.ticket-opened').join('\n')).not.toMatch(/开玩笑|马上安排师傅|张经理真负责/)
    expect(actions.some(a => a.rule === 'command-refused' && a.reason?.includes('回访 by 刘总'))).toBe(true)
    expect(printed).toMatch(/没有投诉 T9。用法：/)
    // A customer typing #回访 is refused silently (audited above): a private reply would not reach a non-friend.
    expect(printed).not.toMatch(/私聊 刘总[^\n]*\n {6}⛔/)
    expect(printed).toMatch(
      /→ 私聊 张三，关于群「[^」]+」 · service\/command\.投诉\n {6}用法：#投诉 处理 T3 <处理说明>/,
    )
  })

  it('complaints: the salesperson is told and reminded privately, a missed deadline reaches the admins, the customer hears the configured words (a second resolution a minute later names the complaint)', () => {
    expect(texts('service.ticket-notice')[0]).toMatch(/^📣 新投诉 T1：.*\n请在 11:30 前处理/)
    expect(ids(texts('service.ticket-reminder'))).toEqual(['T1', 'T2', 'T3'])
    expect(ids(texts('service.ticket-overdue'))).toEqual(['T2', 'T3'])
    const inGroup = service('service.ticket-received').concat(service('service.ticket-resolved'))
    expect(new Set(inGroup.map(a => a.text))).toEqual(
      new Set([
        '您好，您反馈的问题我们已经记录，负责同事会尽快与您联系处理，请您稍候。',
        '您好，您反馈的问题已经处理，感谢您的耐心。如还有不满意的地方，请随时告诉我们。',
        '您好，您反馈的「发票还是没有收到，太差了」也已经处理，感谢您的耐心。',
      ]),
    )
    expect(texts('service.ticket-closed')).toHaveLength(4)
  })

  it('follow-ups: the closed deal and a private #回访 by name are reminded on their working day and completed', () => {
    expect(texts('service.followup-from-deal')).toEqual([
      '📅 成交案例 C1 已安排回访 R1：12-02 10:00 提醒你回访 刘总。提前回访完成可私聊机器人发送 #回访 完成 R1 <回访结果>。',
    ])
    const reminders = service('service.followup-reminder')
    expect(reminders.map(a => [day(a), ids([a.text ?? ''])[0]])).toEqual([
      ['2026-12-02', 'R1'],
      ['2026-12-02', 'R2'],
    ])
    expect(texts('service.followup-done')).toEqual([
      '回访 R2 完成：刘总说已经不滴水了，很满意',
      '回访 R1 完成：刘总 12 台都在用，下月再加 3 台',
    ])
  })

  it('daily report: the overdue complaint, then (after 张三 left) the overdue deal follow-up under 李四', () => {
    const reports = service('service.daily-report')
    expect(reports.map(day)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03'])
    expect(reports[2].text).toContain('· T3 「示例科技张三交流群」刘总，12-01 14:35 到期，负责人 李四')
    expect(reports[2].text).toContain('· R1 「示例科技张三交流群」刘总，应于 12-02 10:00 回访，负责人 李四')
  })

  it('a leaver: 张三 (离职日期 12-03) is removed from the sales group, his group and open work go to 李四', () => {
    const [notice] = service('service.staff-left').filter(a => a.type === 'notifyAdmins')
    expect(day(notice)).toBe('2026-12-03')
    expect(notice.text).toContain('正在移出内部群：示例科技销售部工作群')
    expect(notice.text).toContain('负责的客户群已交给 李四：示例科技张三交流群')
    expect(notice.text).toContain('未处理的投诉/回访：T3、R1，已转给 李四。')
    expect(service('service.staff-left-removed')).toEqual([
      expect.objectContaining({ type: 'remove', memberId: 'wxid_zhangsan', groupId: 'r-sales@chatroom' }),
    ])
    expect(actions.some(a => a.rule === 'remove-failed')).toBe(false)
    expect(texts('service.staff-left-handover')[0]).toMatch(/^👋 张三 已离职，由你接替/)
    expect(service('service.ticket-notice').at(-1)).toMatchObject({ memberId: 'wxid_lisi' }) // T4, after he left
  })

  it('the weekly complaint report is printed whole in the demo output', () => {
    expect(printed).toContain(
      [
        '      📊 投诉周报（11-27 17:00 至 12-04 17:00）',
        '      合计：登记 4，已处理 4，未处理 0，超时 2，平均处理用时 19小时22分钟',
        '      按负责人：',
        '      · 李四：登记 3，已处理 3，未处理 0，超时 2，平均处理用时 1天1小时',
        '      · 张三：登记 1，已处理 1，未处理 0，超时 0，平均处理用时 1小时40分钟',
      ].join('\n'),
    )
  })
})
