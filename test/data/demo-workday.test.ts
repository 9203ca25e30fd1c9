import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { runReplay } from '../../bot/replay/run-replay.js'
import type { AuditEntry } from '../../bot/runtime/records/audit.js'

let actions: AuditEntry[] = []
let printed = ''
let logged = ''
let outDir = ''

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'demo-'))
  const out = new Writable({
    write(chunk, _enc, done) {
      printed += chunk
      done()
    },
  })
  // The log level `npm run demo` runs at (warnings and errors beside the output, on stderr).
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
    logged += String(chunk)
    return true
  })
  try {
    const result = await runReplay({
      transcript: 'data/demo/workday.jsonl',
      configFile: 'data/demo/workday.config.yaml',
      worldFile: 'data/demo/world.yaml',
      outDir,
      live: true,
      out,
      logLevel: 'warn',
    })
    actions = result.actions
  } finally {
    stderr.mockRestore()
  }
}, 120_000)

const did = (plugin: string, rule: RegExp, text?: RegExp) =>
  actions.filter(a => a.plugin === plugin && rule.test(a.rule) && (!text || text.test(a.text ?? '')))

describe('npm run demo: the shipped working day', () => {
  it('replays every line without a transcript error', () => {
    expect(printed).not.toMatch(/⚠️ .*workday\.jsonl:\d+/)
    expect(printed).toMatch(/■ 完成 done: \d+ 条事件/)
  })

  it('marks and counts what the observed content categories only recorded as observe mode, and nothing else', () => {
    const observed = actions.filter(a => a.dryRun)
    expect(observed.map(a => `${a.rule} ${a.type}`).sort()).toEqual([
      'content.report notifyAdmins',
      'content.strike strike',
      'content.warn remind', // a staff member, in a customer group: warned privately (routed before it is recorded)
    ])
    expect(printed).toMatch(/个操作（其中观察模式 3 个）/)
  })

  it('realname: the newcomer who never renames is reminded, @-ed and reported; the family member is reported', () => {
    expect(did('realname', /remind/).some(a => a.memberId === 'wxid_sunqi')).toBe(true)
    expect(did('realname', /mention/).some(a => a.memberId === 'wxid_sunqi')).toBe(true)
    expect(did('realname', /identity/).some(a => a.memberId === 'wxid_family')).toBe(true)
    expect(did('realname', /remind|mention/).some(a => a.memberId === 'wxid_zhaoliu')).toBe(false)
  })

  it('content: a warning, an admin report, an escalation and an undo', () => {
    expect(did('content', /^content\.warn$/)).not.toHaveLength(0)
    expect(did('content', /^content\.report$/)).not.toHaveLength(0)
    expect(did('content', /escalate|remove/)).not.toHaveLength(0)
    expect(did('runtime', /undo/)).not.toHaveLength(0)
    expect(printed).toMatch(/已撤销 A\d+：违规记录 1 条/) // #撤销 @王五: the latest penalty of that member
  })

  it('content: where the bot is known not to be owner or admin, the limit asks the group owner and nothing is tried', () => {
    expect(printed).toMatch(
      /^15:30 通知管理员 群「示例科技张三交流群」 @优惠多多（V\d+ 无关商业广告） · content\/content\.escalate$/m,
    )
    expect(printed).toContain(
      '⚠️ 已达违规上限：机器人不是本群的群主或管理员，不能移出。请群主手动移出，或把机器人设为群管理员。',
    )
    expect(printed).not.toContain('content/remove-failed')
    expect(printed).not.toContain('将被移出本群')
    expect(logged).toBe('')
  })

  it('ack: the reminder, the deadline report, a fine and the transfer that settles it', () => {
    expect(did('ack', /reminder/)).not.toHaveLength(0)
    expect(did('ack', /report/)).not.toHaveLength(0)
    expect(did('ack', /missed-deadline/).map(a => a.type)).toContain('fine')
    expect(did('ack', /fine-settled/)).not.toHaveLength(0)
  })

  it('campaign: the announcement, the shares, the reminder and the completion report', () => {
    expect(did('campaign', /announce/)).not.toHaveLength(0)
    expect(did('campaign', /^campaign\.share$/).length).toBeGreaterThanOrEqual(3)
    expect(did('campaign', /^campaign\.remind$/)).not.toHaveLength(0)
    expect(did('campaign', /^campaign\.report$/, /完成/)).not.toHaveLength(0)
  })

  it('cases: shared cases captured, a trainer search answered, the weekly digest sent as a file', () => {
    expect(did('cases', /captured/).length).toBeGreaterThanOrEqual(3)
    expect(printed).toMatch(/「价格异议」找到 \d+ 条/)
    expect(printed).toMatch(/案例周报.*\.md/)
  })

  it('service: the closed deal 张三 shared (#成交) schedules his follow-up visit (回访)', () => {
    expect(
      did('service', /followup-from-deal/, /^📅 成交案例 C\d+ 已安排回访 R1：12-09 10:00 提醒你回访 刘总/),
    ).toHaveLength(1)
  })

  it('activity: the day ends with the daily report and its chart written to the output folder', () => {
    const report = did('activity', /daily-report/)
    expect(report.map(a => a.type)).toEqual(expect.arrayContaining(['notifyAdmins', 'sendFile']))
    const png = /\[文件\] (\S+\.png)/.exec(report.find(a => a.type === 'sendFile')!.text!)![1]
    expect(png.startsWith(outDir)).toBe(true)
    expect(existsSync(png)).toBe(true)
  })
})
