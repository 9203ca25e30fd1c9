import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, parseConfig } from '../../../bot/config/load-config.js'
import { PLUGINS } from '../../../plugins/index.js'

/** The problems a config text is rejected with (fails the test when it loads). */
function problemsOf(yaml: string): string[] {
  try {
    parseConfig(yaml, 'bot.yaml', PLUGINS)
  } catch (e) {
    if (e instanceof ConfigError) return e.problems
    throw e
  }
  throw new Error('expected the config to be rejected')
}

const HEAD = 'company: 示例科技\n'

describe('paths resolve against the config file, not the working directory', () => {
  it('loads a roster, a dictionary and a campaign image next to a config in another folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-paths-'))
    mkdirSync(join(dir, 'lists'))
    writeFileSync(join(dir, 'lists', 'staff.csv'), 'name,dept,contactId\n张三,销售部,wxid_zhangsan\n')
    copyFileSync('test/plugins/content/fixtures/test-dictionary.yaml', join(dir, 'words.yaml'))
    writeFileSync(join(dir, 'poster.png'), 'png')
    writeFileSync(
      join(dir, 'bot.config.yaml'),
      `${HEAD}roster: lists/staff.csv
plugins:
  content: { dictionaries: [words.yaml] }
  campaign:
    campaigns:
      - { id: d12, title: 双十二, text: 请转发, image: poster.png, start: '2026-11-30', deadline: '2026-11-30 18:00' }
`,
    )
    expect(process.cwd()).not.toBe(dir)
    const loaded = loadConfig(join(dir, 'bot.config.yaml'), PLUGINS)
    expect(loaded.roster.byContact('wxid_zhangsan')?.name).toBe('张三')
    expect(loaded.config.plugins.content.dictionaries).toEqual([join(dir, 'words.yaml')])
    expect((loaded.config.plugins.campaign.campaigns as { image: string }[])[0].image).toBe(join(dir, 'poster.png'))
  })

  it('names the resolved path when a relative roster is missing, at the config line of roster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-paths-'))
    writeFileSync(join(dir, 'bot.config.yaml'), `${HEAD}roster: staff.csv\n`)
    expect(() => loadConfig(join(dir, 'bot.config.yaml'), PLUGINS)).toThrow(
      `${join(dir, 'bot.config.yaml')}:2: roster: 找不到花名册文件 roster file not found: ${join(dir, 'staff.csv')}（`,
    )
  })

  it('takes the roster as a list in the config, checked like a file', () => {
    const { roster } = parseConfig(
      `${HEAD}roster:\n  - { name: 张三, dept: 销售部, contactId: wxid_z }\n`,
      'b.yaml',
      [],
    )
    expect(roster.byContact('wxid_z')?.dept).toBe('销售部')
    expect(problemsOf(`${HEAD}roster:\n  - { name: 张三 }\n  - { name: 李四, phone: "123", 微博: x }\n`)).toEqual([
      'bot.yaml:4: roster[1].微博: 不认识的表头「微博」；可用的表头：name（姓名）、dept（部门）、region（地区）、phone（手机、电话）、contactId（微信id）、status（状态）、leftOn（离职日期）、successor（接替人）（unknown heading "微博"）',
      'bot.yaml:4: 手机号「123」不是 11 位手机号码（phone "123" is not an 11-digit mobile number）',
    ])
  })
})

describe('schedules, windows and durations are validated with their path and line', () => {
  it.each([
    ['61 18 * * *', '分钟字段 "61" 无效 \\(minute "61": allowed 0-59'],
    ['0 25 * * *', '小时字段 "25" 无效 \\(hour "25": allowed 0-23'],
    ['every day at 6', 'expected 5 or 6 fields'],
    ['0 18 * * MON-FRII', '星期字段 "MON-FRII" 无效 \\(weekday "MON-FRII": allowed 0-7'],
  ])('rejects the cron "%s" in ack and cases', (cron, why) => {
    const problems = problemsOf(
      `${HEAD}plugins:\n  ack:\n    statsReport: { cron: "${cron}" }\n  cases:\n    digest:\n      cron: "${cron}"\n`,
    )
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^bot\\.yaml:4: plugins\\.ack\\.statsReport\\.cron: cron 表达式 .*${why}`)),
      expect.stringMatching(new RegExp(`^bot\\.yaml:7: plugins\\.cases\\.digest\\.cron: cron 表达式 .*${why}`)),
    ])
  })

  it('says a cron problem in Chinese first, as the other config problems (trial2)', () => {
    expect(problemsOf(`${HEAD}plugins:\n  ack:\n    statsReport: { cron: "0 17 * * 8" }\n`)).toEqual([
      'bot.yaml:4: plugins.ack.statsReport.cron: cron 表达式 "0 17 * * 8" 有误：星期字段 "8" 无效 (weekday "8": allowed 0-7 (0 and 7 = Sunday) or SUN-SAT, also *, lists a,b, ranges a-b and steps */n)' +
        '（应为 5 个字段"分 时 日 月 星期"，如 "0 18 * * 1-5"；invalid cron, expected 5 fields "minute hour day month weekday"）',
    ])
  })

  it('accepts weekday names, ranges and an empty (off) statistics cron', () => {
    expect(() =>
      parseConfig(
        `${HEAD}plugins:\n  ack: { statsReport: { cron: "" } }\n  cases: { digest: { cron: "0 18 * * MON-FRI" } }\n`,
        'bot.yaml',
        PLUGINS,
      ),
    ).not.toThrow()
  })

  it('rejects working windows that are malformed or end before they start', () => {
    expect(
      problemsOf(
        `${HEAD}plugins:\n  ack:\n    workingHours: { windows: ["18:00-09:00"] }\n  activity:\n    workingHours: ["9:00-12:00", "13:30-18:00"]\n`,
      ),
    ).toEqual([
      'bot.yaml:4: plugins.ack.workingHours.windows[0]: 时段 "18:00-09:00" 的开始应早于结束，不能跨夜（window must start before it ends, no overnight windows）',
      'bot.yaml:6: plugins.activity.workingHours[0]: 应为 "HH:mm-HH:mm"，如 "09:00-12:00"，填的是 "9:00-12:00"（expected "HH:mm-HH:mm"）',
    ])
  })

  it('rejects a zero flush interval and a pause range upside down', () => {
    expect(
      problemsOf(`${HEAD}runtime:\n  flushInterval: 0s\noutbox:\n  switchPauseMin: 5s\n  switchPauseMax: 1s\n`),
    ).toEqual([
      'bot.yaml:3: runtime.flushInterval: 应大于 0，如 "5s"、"10m"，填的是 "0s"（must be longer than 0）',
      'bot.yaml:5: outbox.switchPauseMin: switchPauseMin 不能大于 switchPauseMax（switchPauseMin must not be longer than switchPauseMax）',
    ])
  })

  it('rejects a negative duration and a zero deadline, allows 0 where it means "off"', () => {
    expect(problemsOf(`${HEAD}plugins:\n  ack: { deadline: 0m, remindBefore: -5 }\n`)).toEqual([
      'bot.yaml:3: plugins.ack.deadline: 应大于 0，如 "5s"、"10m"，填的是 "0m"（must be longer than 0）',
      'bot.yaml:3: plugins.ack.remindBefore: 应为时长，如 "30m"、"2h"、"10分钟"，填的是 "-5"（expected a duration; units: ms, s, min, h, d, 秒, 分钟, 小时, 天; 1h30m, 2小时30分钟）',
    ])
    expect(() => parseConfig(`${HEAD}plugins:\n  ack: { remindBefore: 0m }\n`, 'bot.yaml', PLUGINS)).not.toThrow()
  })
})

describe('groups and roles', () => {
  it('rejects two entries for the same group topic or room id', () => {
    expect(
      problemsOf(`${HEAD}groups:
  - { name: 销售群, topic: 示例科技销售群, kind: internal }
  - { name: 销售群2, topic: 示例科技销售群, kind: internal }
  - { name: 客户A, id: "1@chatroom", kind: customer }
  - { name: 客户B, id: "1@chatroom", kind: customer }
`),
    ).toEqual([
      'bot.yaml:4: groups[1].topic: topic "示例科技销售群" 与 groups[0] 重复，一个群只写一条（duplicate topic）',
      'bot.yaml:6: groups[3].id: id "1@chatroom" 与 groups[2] 重复，一个群只写一条（duplicate id）',
    ])
  })

  it('rejects roles given as names, pointing to #我的ID', () => {
    const problems = problemsOf(`${HEAD}roster:
  - { name: 张三, dept: 销售部, contactId: wxid_zhangsan }
  - { name: 李四, dept: 销售部 }
roles:
  admin: [wxid_admin, 张三]
  leader: [李四]
  trainer: [王 老师]
groups:
  - { name: 客户群, topic: 客户群, kind: customer, responsible: [张三] }
`)
    expect(problems).toEqual([
      'bot.yaml:6: roles.admin[1]: "张三" 是花名册上的姓名，不是微信 ID（花名册里 张三 的微信 ID 是 wxid_zhangsan）。角色等按微信 ID 绑定：请让本人私聊机器人发送 #我的ID，把回复里的 ID 写在这里（is a name on the roster, not a WeChat contact id）',
      expect.stringMatching(/^bot\.yaml:7: roles\.leader\[0\]: "李四" 是花名册上的姓名，不是微信 ID。角色等/),
      expect.stringMatching(/^bot\.yaml:8: roles\.trainer\[0\]: "王 老师" 像是名字，不是微信 ID。角色等/),
      expect.stringMatching(/^bot\.yaml:10: groups\[0\]\.responsible\[0\]: "张三" 是花名册上的姓名/),
    ])
  })

  it('checks contact ids in plugin sections too: exemptions, responsible staff, digest recipients', () => {
    const problems = problemsOf(`${HEAD}plugins:
  ack: { exempt: [wxid_ok, 王经理] }
  activity: { responsible: { 示例科技张三交流群: [张三] } }
  cases: { digest: { extraRecipients: [培训 部] } }
  service: { responsible: { 示例科技张三交流群: [wxid_ok, 张三] } }
`)
    expect(problems.map(p => p.split(': "')[0])).toEqual([
      'bot.yaml:3: plugins.ack.exempt[1]',
      'bot.yaml:4: plugins.activity.responsible.示例科技张三交流群[0]',
      'bot.yaml:5: plugins.cases.digest.extraRecipients[0]',
      'bot.yaml:6: plugins.service.responsible.示例科技张三交流群[1]',
    ])
  })
})

describe('global-only keys in group overrides', () => {
  it('rejects realname.sweep and content.dictionaries inside groups[].plugins, naming the key', () => {
    expect(
      problemsOf(`${HEAD}groups:
  - name: 客户群
    topic: 客户群
    kind: customer
    plugins:
      realname: { sweep: { at: "10:00" } }
      content:
        dictionaries: [x.yaml]
        strikeTtl: 7d
`),
    ).toEqual([
      'bot.yaml:7: groups[0].plugins.realname.sweep: realname.sweep 只能在全局设置 plugins.realname.sweep 中填写，不能按群设置（read only from the global section）',
      'bot.yaml:9: groups[0].plugins.content.dictionaries: content.dictionaries 只能在全局设置 plugins.content.dictionaries 中填写，不能按群设置（read only from the global section）',
      expect.stringMatching(/^bot\.yaml:9: groups\[0\]\.plugins\.content\.dictionaries: .*x\.yaml/),
    ])
  })

  it('rejects the archive folder, private chats, purge time and search settings inside groups[].plugins', () => {
    expect(
      problemsOf(`${HEAD}groups:
  - name: 客户群
    topic: 客户群
    kind: customer
    plugins:
      archive:
        dir: other
        privateChats: false
        purgeCron: "0 4 * * *"
        search: { limit: 10 }
        legalHold: true
`),
    ).toEqual(
      ['dir', 'privateChats', 'purgeCron', 'search'].map(
        (key, i) =>
          `bot.yaml:${8 + i}: groups[0].plugins.archive.${key}: archive.${key} 只能在全局设置 plugins.archive.${key} 中填写，不能按群设置（read only from the global section）`,
      ),
    )
  })

  it('reports a bad global value once, at its own line, not again at every group that overrides the plugin', () => {
    expect(
      problemsOf(`${HEAD}plugins:
  realname:
    grace: soon
groups:
  - name: 客户群
    topic: 客户群
    kind: customer
    plugins:
      realname: { dryRun: true }
  - name: 工作群
    topic: 工作群
    kind: internal
    plugins:
      realname: { grace: later, bogus: 1 }
`),
    ).toEqual([
      expect.stringMatching(/^bot\.yaml:4: plugins\.realname\.grace: /),
      expect.stringMatching(/^bot\.yaml:15: groups\[1\]\.plugins\.realname\.grace: /),
      'bot.yaml:15: groups[1].plugins.realname.bogus: 未知的设置项，拼写错了？（unknown key）',
    ])
  })

  it('still lets a group override the keys that are read per group', () => {
    const loaded = parseConfig(
      `${HEAD}groups:\n  - { name: 客户群, topic: 客户群, kind: customer, plugins: { content: { strikeTtl: 7d }, realname: { grace: 1h } } }\n`,
      'bot.yaml',
      PLUGINS,
    )
    expect(loaded.groupSections.get('客户群')?.content.strikeTtl).toBe(7 * 86_400_000)
  })
})
