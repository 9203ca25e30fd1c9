import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ConfigError, loadConfig, parseConfig } from '../../../bot/config/load-config.js'
import { definePlugin } from '../../../bot/core/plugin.js'

/** A tiny plugin whose config section has a string, a number and a nested object. */
const probe = definePlugin({
  name: 'probe',
  description: 'test plugin',
  configSchema: z
    .object({
      word: z.string().default('坏'),
      limit: z.number().int().default(3),
      quiet: z
        .object({ from: z.string().default('22:00'), to: z.string().default('08:00') })
        .strict()
        .prefault({}),
    })
    .strict(),
  create: () => ({}),
})
const PLUGINS = [probe]

/** The problems a config text is rejected with (fails the test when it loads). */
function problemsOf(yaml: string, file = 'bot.yaml', plugins = PLUGINS): string[] {
  try {
    parseConfig(yaml, file, plugins)
  } catch (e) {
    if (e instanceof ConfigError) return e.problems
    throw e
  }
  throw new Error('expected the config to be rejected')
}

describe('parseConfig: problems in Chinese first', () => {
  it("says in Chinese what a field needs (missing, type, allowed values, bounds), zod's English after it", () => {
    const problems = problemsOf(
      'commandPrefix: 5\ngroups:\n  - { name: 销售群, topic: 销售群, kind: internal }\n  - { name: 客户群, topic: 客户群, kind: internl }\noutbox:\n  perMinute: 0\n',
    )
    expect(problems).toEqual([
      'bot.yaml:1: company: 缺少必填项（Invalid input: expected string, received undefined）',
      'bot.yaml:1: commandPrefix: 应为文本（Invalid input: expected string, received number）',
      'bot.yaml:4: groups[1].kind: 应为以下之一："internal"、"customer"、"broadcast"（Invalid option: expected one of "internal"|"customer"|"broadcast"），是不是 internal？（did you mean internal?）',
      'bot.yaml:6: outbox.perMinute: 应大于 0（Too small: expected number to be >0）',
    ])
  })

  it('names no allowed value when the one written is near none', () => {
    expect(problemsOf('company: x\ngroups:\n  - { name: 客户群, topic: 客户群, kind: 公告 }\n')).toEqual([
      'bot.yaml:3: groups[0].kind: 应为以下之一："internal"、"customer"、"broadcast"（Invalid option: expected one of "internal"|"customer"|"broadcast"）',
    ])
  })
})

describe('parseConfig: a good config', () => {
  it('applies the documented defaults and turns durations into milliseconds', () => {
    const { config } = parseConfig('company: 示例科技\n', 'bot.yaml', PLUGINS)
    expect(config.timezone).toBe('Asia/Shanghai')
    expect(config.commandPrefix).toBe('#')
    expect(config.dryRun).toBe(false)
    expect(config.outbox).toEqual({
      perMinute: 40,
      perChatGap: 3000,
      switchPauseMin: 1000,
      switchPauseMax: 3000,
      maxRetries: 3,
      mergeMaxChars: 1500,
    })
    expect(config.runtime).toMatchObject({ maxMessageAge: 5 * 60_000, flushInterval: 5000 })
    expect(config.penalties).toEqual({
      fineBase: 5,
      fineWindow: 2 * 3_600_000,
      fineStep: 5,
      fineStepEvery: 3_600_000,
      fineCap: 50,
      strikeTtl: 30 * 86_400_000,
    })
    expect(config.adminChannel.mode).toBe('private')
    expect(config.plugins.probe).toEqual({
      word: '坏',
      limit: 3,
      quiet: { from: '22:00', to: '08:00' },
      enabled: true,
      dryRun: false,
    })
  })

  it('reads durations written in Chinese or English, and refuses a bare number (which unit?)', () => {
    expect(problemsOf('company: x\nruntime:\n  flushInterval: 30\n')).toEqual([
      'bot.yaml:3: runtime.flushInterval: 请写单位，例如 30m、30s 或 30分钟，填的是 30（a bare number has no unit: write e.g. "30m"）',
    ])
    const { config } = parseConfig(
      'company: x\noutbox: { perChatGap: 5秒 }\npenalties: { fineWindow: 90分钟, strikeTtl: 7天 }\nruntime: { flushInterval: 10 secs }\n',
      'bot.yaml',
      PLUGINS,
    )
    expect(config.outbox.perChatGap).toBe(5000)
    expect(config.penalties.fineWindow).toBe(90 * 60_000)
    expect(config.penalties.strikeTtl).toBe(7 * 86_400_000)
    expect(config.runtime.flushInterval).toBe(10_000)
  })

  it('gives a group its plugin override and every other group the global section', () => {
    const loaded = parseConfig(
      `
company: x
plugins:
  probe: { word: 差, quiet: { from: '21:00' } }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - name: 客户群
    topic: 客户交流群
    kind: customer
    plugins: { probe: { limit: 1, dryRun: true, quiet: { to: '09:00' } } }
`,
      'bot.yaml',
      PLUGINS,
    )
    expect(loaded.groupSections.get('销售群')!.probe).toEqual({
      word: '差',
      limit: 3,
      quiet: { from: '21:00', to: '08:00' },
      enabled: true,
      dryRun: false,
    })
    // The override is merged key by key into the global section, nested objects too.
    expect(loaded.groupSections.get('客户群')!.probe).toEqual({
      word: '差',
      limit: 1,
      quiet: { from: '21:00', to: '09:00' },
      enabled: true,
      dryRun: true,
    })
  })

  it('loads a file from disk and says so when the file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'))
    const file = join(dir, 'bot.yaml')
    writeFileSync(file, 'company: 示例科技\ngroups:\n  - { name: 销售群, topic: 销售部工作群, kind: internal }\n')
    expect(loadConfig(file, PLUGINS).config.groups.map(g => g.name)).toEqual(['销售群'])
    expect(() => loadConfig(join(dir, 'nope.yaml'), PLUGINS)).toThrow(
      `找不到配置文件 config file not found: ${join(dir, 'nope.yaml')}（可复制 data/bot.config.example.yaml 作为起点 copy data/bot.config.example.yaml to start from）`,
    )
    expect(() => loadConfig(dir, PLUGINS)).toThrow(
      `配置文件是一个文件夹，不是文件 config file is a folder, not a file: ${dir}（请给出文件的路径 name a file）`,
    )
  })

  it('names the example to copy where it is when the bot runs from another folder (a host bot, node_modules)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'))
    const cwd = process.cwd()
    process.chdir(dir)
    try {
      expect(() => loadConfig('nope.yaml', PLUGINS)).toThrow(
        `（可复制 ${join(cwd, 'data/bot.config.example.yaml')} 作为起点 copy ${join(cwd, 'data/bot.config.example.yaml')} to start from）`,
      )
    } finally {
      process.chdir(cwd)
    }
  })
})

describe('parseConfig: a bad config', () => {
  it('reports every schema problem at once, each with its line and path', () => {
    const problems = problemsOf(`company: 示例科技
outbox:
  perChatGap: fast
  perMinute: -1
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - name: 客户群
    topic: 客户交流群
    kind: vip
plugins:
  probe:
    limit: many
`)
    expect(problems).toHaveLength(4)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bot\.yaml:3: outbox\.perChatGap: 应为时长.*"fast".*expected a duration/),
        expect.stringMatching(/^bot\.yaml:4: outbox\.perMinute: /),
        expect.stringMatching(/^bot\.yaml:9: groups\[1\]\.kind: .*internal/),
        expect.stringMatching(/^bot\.yaml:12: plugins\.probe\.limit: /),
      ]),
    )
  })

  it('reports unknown keys at the top level, in nested sections and in plugin sections, with the nearest known key', () => {
    const problems = problemsOf(`company: x
timezon: Asia/Shanghai
colour: red
outbox:
  perMinut: 30
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal, respnsible: [u1] }
plugins:
  probe:
    wrod: 差
`)
    expect(problems.sort()).toEqual(
      [
        'bot.yaml:2: timezon: 未知的设置项，是不是 timezone？（unknown key, did you mean timezone?）',
        'bot.yaml:3: colour: 未知的设置项，拼写错了？（unknown key）',
        'bot.yaml:5: outbox.perMinut: 未知的设置项，是不是 perMinute？（unknown key, did you mean perMinute?）',
        'bot.yaml:7: groups[0].respnsible: 未知的设置项，是不是 responsible？（unknown key, did you mean responsible?）',
        'bot.yaml:10: plugins.probe.wrod: 未知的设置项，是不是 word？（unknown key, did you mean word?）',
      ].sort(),
    )
  })

  it('says a token, puppet or database URL in the config belongs in .env, naming the variable (not the value)', () => {
    const problems = problemsOf(
      'company: 示例科技\ntoken: puppet_secret_abc\npuppet: wechaty-puppet-service\ndatabase_url: x\n',
    )
    expect(problems).toEqual([
      'bot.yaml:2: token: 这项设置不写在配置文件里，写在 .env（或环境变量）：WECHATY_PUPPET_SERVICE_TOKEN=…（an environment setting: set WECHATY_PUPPET_SERVICE_TOKEN in .env, not in the config）',
      'bot.yaml:3: puppet: 这项设置不写在配置文件里，写在 .env（或环境变量）：WECHATY_PUPPET=…（an environment setting: set WECHATY_PUPPET in .env, not in the config）',
      'bot.yaml:4: database_url: 这项设置不写在配置文件里，写在 .env（或环境变量）：BOT_DATABASE_URL=…（an environment setting: set BOT_DATABASE_URL in .env, not in the config）',
    ])
  })

  it('suggests the section a misplaced key belongs to: a top-level holidays is calendar.holidays', () => {
    expect(problemsOf("company: x\nholidays: ['2027-01-01']\n")).toEqual([
      'bot.yaml:2: holidays: 未知的设置项，是不是 calendar.holidays？（unknown key, did you mean calendar.holidays?）',
    ])
  })

  it('reports a section for a plugin that does not exist as a typo', () => {
    expect(problemsOf('company: x\nplugins:\n  prob: { word: 差 }\n')).toEqual([
      'bot.yaml:3: plugins.prob: 未知的设置项，是不是 probe？（unknown key, did you mean probe?）',
    ])
  })

  it('reports a missing required field at the entry that lacks it', () => {
    const problems = problemsOf(
      'company: x\ngroups:\n  - { name: 销售群, topic: 销售部工作群, kind: internal }\n  - name: 客户群\n    kind: customer\n',
    )
    expect(problems).toEqual([
      expect.stringMatching(
        /^bot\.yaml:4: groups\[1\]: 请填写 topic、topicPattern 或 id 之一（give one of topic, topicPattern or id）/,
      ),
    ])
    expect(problemsOf('timezone: Asia/Shanghai\n')).toEqual([expect.stringMatching(/^bot\.yaml:1: company: /)])
  })

  it('rejects a timezone that is not an IANA name', () => {
    expect(problemsOf('company: x\ntimezone: Beijing\n')).toEqual([
      'bot.yaml:2: timezone: 应为 IANA 时区，如 Asia/Shanghai，填的是 "Beijing"（expected an IANA timezone）',
    ])
  })

  it('validates per-group plugin overrides and reports them under the group', () => {
    const problems = problemsOf(`company: x
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - name: 客户群
    topic: 客户交流群
    kind: customer
    plugins:
      probe: { limit: 很多, wrod: 差 }
      nope: { dryRun: true }
      prbe: {}
`)
    expect(problems).toHaveLength(4)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bot\.yaml:8: groups\[1\]\.plugins\.probe\.limit: /),
        'bot.yaml:8: groups[1].plugins.probe.wrod: 未知的设置项，是不是 word？（unknown key, did you mean word?）',
        'bot.yaml:9: groups[1].plugins.nope: 没有这个插件，已知：probe（unknown plugin）',
        'bot.yaml:10: groups[1].plugins.prbe: 没有这个插件，是不是 probe？已知：probe（unknown plugin, did you mean probe?）',
      ]),
    )
  })

  it('names the line of a YAML syntax error', () => {
    const problems = problemsOf('company: x\noutbox:\n  perMinute: 30\n   bad: indent\nroles: {}\n')
    expect(problems.length).toBeGreaterThan(0)
    for (const p of problems) expect(p).toMatch(/^bot\.yaml:3: /)
    expect(problemsOf('company: x\noutbox:\n  perMinute: 30\n  perMinute: 20\n')).toEqual([
      expect.stringMatching(/^bot\.yaml:4: .*unique/),
    ])
  })

  it('says the common YAML syntax errors in Chinese first, at their line, with the parser’s English after', () => {
    expect(problemsOf('company: x\noutbox:\n  perMinute: 30\n  perMinute: 20\n')).toEqual([
      'bot.yaml:4: 同一层里有重复的键（同一个设置写了两次，删掉一个）（Map keys must be unique）',
    ])
    expect(problemsOf('company: x\noutbox:\n\tperMinute: 30\n')).toEqual([
      'bot.yaml:3: 不能用 Tab 缩进，请改用空格（Tabs are not allowed as indentation）',
    ])
    expect(problemsOf('company: "示例科技\nroles: {}\n')).toEqual([
      expect.stringMatching(
        /^bot\.yaml:\d+: 引号没有闭合（缺少结尾的 " 或 '），错误通常在上一行（Missing closing "quote）$/,
      ),
    ])
    expect(problemsOf('company: x\noutbox:\n  perMinute: 30\n burst: 2\n')[0]).toMatch(
      /^bot\.yaml:4: 缩进不对：同一层的键要用相同数量的空格对齐（All mapping items must start at the same column）$/,
    )
  })

  it('writes the list a lone value was meant to be (admin: wxid_admin)', () => {
    expect(problemsOf('company: x\nroles:\n  admin: wxid_admin\n')).toEqual([
      'bot.yaml:3: roles.admin: 应为列表（Invalid input: expected array, received string），写成列表 [wxid_admin]（write a list: [wxid_admin]）',
    ])
  })

  it('says a key followed by a full-width colon (a Chinese input method) is the mistake, where it is', () => {
    const fix = '这一行的键后面用了中文冒号「：」，请改成英文冒号加空格「: 」；'
    expect(problemsOf('company: x\ntimezone：Asia/Shanghai\n')).toEqual([
      expect.stringMatching(`^bot\\.yaml:2: ${fix}缺少字符`),
    ])
    expect(problemsOf('company: x\nroles: { admin：[wxid_a] }\n')).toEqual([
      expect.stringMatching(`^bot\\.yaml:2: ${fix}`),
    ])
    // Parsed, but as a text where a section belongs: the fix comes after the key path.
    expect(problemsOf('company: x\noutbox:\n  perMinute： 40\n')).toEqual([
      expect.stringMatching(`^bot\\.yaml:3: outbox: ${fix}应为键值`),
    ])
    // A full-width colon in a value is no mistake.
    const welcome = 'company: x\ngroups:\n  - { name: 群, topic: 群, kind: interal, tip: "注意：请改名" }\n'
    for (const p of problemsOf(welcome)) expect(p).not.toContain(fix)
  })

  it('reports a Tab indent once, at its line, without the errors it causes below it (13 from one Tab)', () => {
    const text = 'company: x\nplugins:\n  ack:\n\t  deadline: 30m\n    remindBefore: 10m\n    reportTo: leader\n'
    let count = 0
    try {
      parseConfig(text, 'bot.yaml', PLUGINS)
    } catch (e) {
      count = (e as ConfigError).count
    }
    expect(count).toBe(1)
    expect(problemsOf(text)).toEqual(['bot.yaml:4: 不能用 Tab 缩进，请改用空格（Tabs are not allowed as indentation）'])
  })

  it('lists the first three YAML syntax errors and counts the rest, which one wrong indent causes', () => {
    const list = Array.from({ length: 20 }, (_, i) => `  - { name: 成员${i}, dept: 销售部 }`).join('\n')
    const problems = problemsOf(`company: x\nroster: staff.csv\n${list}\ngroups: []\n`)
    expect(problems).toHaveLength(4)
    for (const p of problems.slice(0, 3)) expect(p).toMatch(/^bot\.yaml:\d+: /)
    expect(problems[3]).toMatch(
      /^bot\.yaml:\d+: 后面还有 \d+ 个语法错误，多半由第一个引起：改好第一个再检查 \d+ more syntax errors, most likely caused by the first: fix it and check again$/,
    )
  })

  it('rejects two groups with the same name', () => {
    const problems = problemsOf(`company: x
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 销售群, topic: 销售二部工作群, kind: internal }
`)
    expect(problems).toEqual([expect.stringMatching(/groups\[1\]\.name: 群名 "销售群" 重复（duplicate group name）/)])
  })

  it('rejects a topicPattern that is not a valid regex', () => {
    const problems = problemsOf('company: x\ngroups:\n  - { name: 客户群, topicPattern: "(交流群", kind: customer }\n')
    expect(problems).toEqual([expect.stringMatching(/groups\[0\]\.topicPattern: 正则表达式有误（invalid regex/)])
  })

  it('rejects an admin channel group that is not one of the managed groups', () => {
    const groups = 'groups:\n  - { name: 管理群, topic: 管理员群, kind: internal }\n'
    expect(problemsOf(`company: x\n${groups}adminChannel: { mode: group, group: 管里群 }\n`)).toEqual([
      expect.stringMatching(/adminChannel\.group: 应为 groups\[\]\.name 中的一个群名/),
    ])
    expect(problemsOf(`company: x\n${groups}adminChannel: { mode: group }\n`)).toEqual([
      expect.stringMatching(/adminChannel\.group: /),
    ])
    expect(
      parseConfig(`company: x\n${groups}adminChannel: { mode: group, group: 管理群 }\n`, 'bot.yaml', PLUGINS).config
        .adminChannel.group,
    ).toBe('管理群')
  })

  it('lists reference problems together (duplicate name, bad regex, admin group)', () => {
    const problems = problemsOf(`company: x
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 销售群, topicPattern: "[", kind: customer }
adminChannel: { mode: group, group: 管理群 }
`)
    expect(problems).toEqual([
      expect.stringMatching(/groups\[1\]\.name: 群名 "销售群" 重复（duplicate group name）/),
      expect.stringMatching(/groups\[1\]\.topicPattern: 正则表达式有误（invalid regex/),
      expect.stringMatching(/adminChannel\.group: 应为 groups\[\]\.name 中的一个群名/),
    ])
  })
})

describe('parseConfig: the roster file', () => {
  /** A config in a fresh temp dir next to a roster file with `content`. */
  function withRoster(name: string, content: string): { file: string; yaml: string; roster: string } {
    const dir = mkdtempSync(join(tmpdir(), 'roster-'))
    writeFileSync(join(dir, name), content)
    return { file: join(dir, 'bot.yaml'), yaml: `company: x\nroster: ${name}\n`, roster: join(dir, name) }
  }

  it('loads the roster relative to the config file', () => {
    const { file, yaml } = withRoster('staff.csv', '姓名,部门,电话\n张三,销售部,13800138000\n张三,市场部,\n')
    const { roster } = parseConfig(yaml, file, PLUGINS)
    // Namesakes in different departments are fine.
    expect(roster.named('张三').map(e => e.dept)).toEqual(['销售部', '市场部'])
  })

  it('reports every roster problem with its file and line as config problems', () => {
    const { file, yaml, roster } = withRoster(
      'staff.csv',
      '姓名,部门,电话\n张三,销售部,13800138000\n李四,销售部,12345\n张三,销售部,\n',
    )
    expect(problemsOf(yaml, file)).toEqual([
      `${roster}:3: 手机号「12345」不是 11 位手机号码（phone "12345" is not an 11-digit mobile number）`,
      expect.stringMatching(new RegExp(`^${roster}:4: 与第 2 行重复（张三）`)),
    ])
  })

  it('reports a roster without a name column', () => {
    const { file, yaml, roster } = withRoster('staff.csv', '部门,电话\n销售部,13800138000\n')
    expect(problemsOf(yaml, file)).toEqual([
      `${roster}:1: 表头缺少姓名列（name 或 姓名）；可用的表头：name（姓名）、dept（部门）、region（地区）、phone（手机、电话）、contactId（微信id）、status（状态）、leftOn（离职日期）、successor（接替人）（header must name a "name" (姓名) column）`,
    ])
  })

  it('reports a roster file that is missing or a folder at the config line naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-'))
    mkdirSync(join(dir, 'staff'))
    const hint = "相对路径从配置文件所在的文件夹算起 a relative path starts at the config file's folder"
    expect(problemsOf('company: x\nroster: missing.csv\n', join(dir, 'bot.yaml'))).toEqual([
      `${join(dir, 'bot.yaml')}:2: roster: 找不到花名册文件 roster file not found: ${join(dir, 'missing.csv')}（${hint}）`,
    ])
    expect(problemsOf('company: x\n\nroster: staff\n', join(dir, 'bot.yaml'))).toEqual([
      `${join(dir, 'bot.yaml')}:3: roster: 花名册文件是一个文件夹，不是文件 roster file is a folder, not a file: ${join(dir, 'staff')}（请给出文件的路径 name a file）`,
    ])
  })
})

describe('parseConfig: problems found by cross-checks', () => {
  it('lists schema errors and cross-check errors together, each with its line', () => {
    const problems = problemsOf(`company: 示例科技
outbox: { perChatGap: fast }
groups:
  - { name: 销售群, topic: A, kind: internal }
  - { name: 销售群, topic: B, kind: internal }
`)
    expect(problems).toEqual([
      expect.stringMatching(/^bot\.yaml:2: outbox\.perChatGap: 应为时长.*expected a duration/),
      'bot.yaml:5: groups[1].name: 群名 "销售群" 重复（duplicate group name）',
    ])
  })

  it('rejects a group override that is not a mapping instead of ignoring it', () => {
    const problems = problemsOf(`company: 示例科技
groups:
  - { name: 销售群, topic: A, kind: internal, plugins: { probe: false } }
`)
    expect(problems).toEqual([
      expect.stringMatching(/^bot\.yaml:3: groups\[0\]\.plugins\.probe: 应为 probe 的设置项.*expected a mapping/),
    ])
  })
})

describe('ConfigError', () => {
  it('lists the problems by file, then line (a problem without a line first)', () => {
    const e = new ConfigError([
      'b.yaml:3: x: bad',
      'a.yaml:12: y: bad',
      'a.yaml:9: z: bad',
      'a.yaml: plugins.p: cannot start',
      'a.yaml:9: w: bad',
    ])
    expect(e.problems).toEqual([
      'a.yaml: plugins.p: cannot start',
      'a.yaml:9: z: bad',
      'a.yaml:9: w: bad',
      'a.yaml:12: y: bad',
      'b.yaml:3: x: bad',
    ])
  })
})
