import { z } from 'zod'
import { duration, retentionPeriod } from './duration.js'
import { calendarDays, configPath, cronExpression } from './fields.js'
import { yearsWithoutHolidays } from '../time/workdays.js'

const ids = () => z.array(z.string().min(1)).default([])

/** How a config entry names a managed group: exact topic, topic regex, or room id. */
export const groupSchema = z
  .object({
    name: z.string().min(1).describe('本群在配置中的名字 Name used in reports and commands'),
    topic: z.string().optional().describe('群名称完全一致 Exact group topic'),
    topicPattern: z.string().optional().describe('群名称正则 Regex on the group topic, e.g. "交流群$"'),
    id: z.string().optional().describe('群 ID Room id (xxx@chatroom)'),
    kind: z
      .enum(['internal', 'customer', 'broadcast'])
      .describe('internal 内部工作群 / customer 客户交流群 / broadcast 公告群'),
    responsible: ids().describe('负责本群的员工 Contact ids of the staff responsible for a customer group'),
    plugins: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('本群覆盖的插件设置 Per-group overrides of plugin sections'),
  })
  .strict()
  .refine(g => g.topic || g.topicPattern || g.id, {
    message: '请填写 topic、topicPattern 或 id 之一（give one of topic, topicPattern or id）',
  })

/** Runtime-owned top-level config; `plugins` is filled from the registry by `buildConfigSchema`. */
export const baseConfigShape = {
  company: z.string().min(1).describe('公司名 Company name (templates, nickname formats)'),
  timezone: z
    .string()
    .default('Asia/Shanghai')
    .refine(isTimezone, {
      error: issue => `应为 IANA 时区，如 Asia/Shanghai，填的是 "${String(issue.input)}"（expected an IANA timezone）`,
    })
    .describe('时区 Timezone for days, reports and schedules'),
  commandPrefix: z.string().min(1).max(3).default('#').describe('命令前缀 Command prefix'),
  dryRun: z.boolean().default(false).describe('观察模式：只记录不执行 Global dry-run: record actions, send nothing'),
  roles: z
    .object({
      admin: ids().describe('管理员 contact ids'),
      leader: ids().describe('领导 contact ids'),
      trainer: ids().describe('培训师 contact ids'),
      staff: ids().describe('员工 contact ids (besides the roster)'),
      editor: ids().describe('排期编辑 contact ids'),
      approver: ids().describe('排期审核 contact ids'),
      auditor: ids().describe('审计员 contact ids: search and export the message archive'),
    })
    .strict()
    .prefault({})
    .describe('角色只按微信 ID 绑定，从不按昵称 Roles bind contact ids, never names'),
  fleet: z
    .object({
      peers: ids().describe("本公司其他机器人账号的微信 ID Contact ids of the company's other bot accounts"),
    })
    .strict()
    .prefault({})
    .describe('机器人账号组：彼此不警告、不统计、不等待 Fleet: other bot accounts are never moderated or counted'),
  roster: z
    .union([configPath(), z.array(z.record(z.string(), z.unknown()))])
    .optional()
    .describe(
      '花名册：CSV/YAML 文件路径（相对于本配置文件所在目录），或直接写名单 Roster file (relative to this file) or an inline list',
    ),
  groups: z.array(groupSchema).default([]).describe('受管理的群 Managed groups'),
  adminChannel: z
    .object({
      mode: z.enum(['private', 'group']).default('private').describe('private: 私聊每位管理员; group: 发到管理群'),
      group: z.string().optional().describe('管理群在 groups 中的 name (mode: group)'),
    })
    .strict()
    .prefault({}),
  runtime: z
    .object({
      maxMessageAge: duration({ positive: true })
        .prefault('5m')
        .describe('登录后忽略早于此时长的旧消息 Ignore replayed messages older than this'),
      flushInterval: duration({ positive: true })
        .prefault('5s')
        .describe('状态写盘间隔（崩溃最多丢失这么久的计数） Store flush interval'),
      dedupeWindow: z
        .number()
        .int()
        .positive()
        .default(10_000)
        .describe('记住的消息 ID 数 Message ids remembered for dedupe'),
    })
    .strict()
    .prefault({}),
  outbox: z
    .object({
      perMinute: z.number().int().positive().default(40).describe('每分钟最多发送条数 Max sends per minute'),
      perChatGap: duration().prefault('3s').describe('同一会话两条之间最短间隔 Min gap per chat'),
      switchPauseMin: duration().prefault('1s').describe('切换会话随机停顿下限'),
      switchPauseMax: duration().prefault('3s').describe('切换会话随机停顿上限'),
      maxRetries: z.number().int().min(0).default(3).describe('发送失败重试次数'),
      mergeMaxChars: z.number().int().positive().default(1500).describe('合并消息的最大长度'),
    })
    .strict()
    .refine(o => o.switchPauseMin <= o.switchPauseMax, {
      path: ['switchPauseMin'],
      message: 'switchPauseMin 不能大于 switchPauseMax（switchPauseMin must not be longer than switchPauseMax）',
    })
    .prefault({}),
  calendar: z
    .object({
      holidays: calendarDays().describe('公司放假的日期，如 2027-01-01 或 2027-02-06~2027-02-13 Days off'),
      workdays: calendarDays().describe('调休上班的日期（周末也上班） Make-up working days, weekends included'),
      years: z
        .array(z.number().int().min(2000).max(2100))
        .default([])
        .describe(
          '已在 holidays/workdays 中列全法定节假日和调休的年份，如 [2027]（包里没有的年份只有写在这里才不再警告） Years whose statutory holidays the lists hold in full',
        ),
    })
    .strict()
    .prefault({})
    .refine(c => !yearsWithoutHolidays(c.years, c.holidays).length, {
      path: ['years'],
      error: c => {
        const { years, holidays } = c.input as { years: number[]; holidays: string[] }
        const year = yearsWithoutHolidays(years, holidays)[0]
        return `calendar.years 写了 ${year}，但 calendar.holidays 没有列出 ${year} 年的任何放假日期（a year declared whole lists its holidays）`
      },
    })
    .refine(c => !c.holidays.some(d => c.workdays.includes(d)), {
      error: c => {
        const both = (c.input as { holidays: string[]; workdays: string[] }).holidays.find(d =>
          (c.input as { workdays: string[] }).workdays.includes(d),
        )
        return `${both} 同时写在 holidays 和 workdays 里（a day is both a holiday and a workday）`
      },
    })
    .describe(
      '节假日日历：补充或覆盖 chinese-days 的法定节假日和调休（包里没有的年份只按周末休息） Company holidays and make-up workdays; they win over the chinese-days data',
    ),
  storage: z
    .object({
      retention: z
        .object({
          received: retentionPeriod({ minDays: 1 })
            .prefault('off')
            .describe(
              '收到的图片（output/received）保留多久，如 90d；off 不删除。排期中待发帖子用到的图片不删 Images sent to the bot: delete files older than this (off: keep)',
            ),
          logs: retentionPeriod({ minDays: 1 })
            .prefault('off')
            .describe(
              '每日统计日志（logs/activity-days、logs/campaign-shares）保留多久，如 400d；off 不删除。审计日志和存档锚点不在此列 Daily logs except the audit log and the archive anchors: delete days older than this (off: keep)',
            ),
          audit: retentionPeriod({ minDays: 365 })
            .prefault('off')
            .describe(
              '审计日志（logs/audit）保留多久，至少 365d；off（默认）永久保留 The audit log: off (default) keeps it; at least 365d',
            ),
          cron: cronExpression()
            .default('15 4 * * *')
            .describe('每日清理的时间（同时统计占用空间） When the daily clean-up and size count run'),
        })
        .strict()
        .prefault({}),
    })
    .strict()
    .prefault({})
    .describe(
      '数据目录的保留期限：默认都不删除，只统计占用 Retention in the data folder: off by default, sizes reported',
    ),
  penalties: z
    .object({
      fineBase: z.number().nonnegative().default(5).describe('按时缴纳的罚款（元）'),
      fineWindow: duration({ positive: true }).prefault('2h').describe('按时缴纳的期限'),
      fineStep: z.number().nonnegative().default(5).describe('每超时一个周期加罚（元）'),
      fineStepEvery: duration({ positive: true }).prefault('1h').describe('加罚周期（不足一个周期按一个算）'),
      fineCap: z.number().nonnegative().default(50).describe('罚款上限（元）'),
      strikeTtl: duration({ positive: true }).prefault('30d').describe('违规记录有效期'),
    })
    .strict()
    .prefault({}),
}

function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** The config as written (before validation), for cross-checks that still run when the schema fails. */
export type RawConfig = {
  roster?: unknown
  plugins?: Record<string, unknown>
  groups?: unknown
  adminChannel?: { mode?: unknown; group?: unknown }
  roles?: unknown
}
/** A `groups[]` entry as written. */
export type RawGroup = { name?: unknown; topic?: unknown; id?: unknown; topicPattern?: unknown; plugins?: unknown }
