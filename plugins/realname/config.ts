import { z } from 'zod'
import { clockTimeSchema, duration } from '../../bot/config/duration.js'
import { globalOnly } from '../../bot/config/fields.js'
import { compileFormat } from './nickname/format.js'
import { unknownPlaceholders } from './welcome/template.js'

const formatList = (defaults: string[]) =>
  z
    .array(z.string().min(1))
    .min(1)
    .superRefine((list, ctx) => {
      for (const f of list) {
        try {
          compileFormat(f, { company: 'x', departments: [], regions: [] })
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message })
        }
      }
    })
    .default(defaults)

const template = (allowed: string[], fallback: string) =>
  z
    .string()
    .superRefine((t, ctx) => {
      const bad = unknownPlaceholders(t, allowed)
      if (bad.length)
        ctx.addIssue({
          code: 'custom',
          message: `未知的占位符 {${bad.join('}, {')}}，可用：{${allowed.join('} {')}}（unknown placeholder）`,
        })
    })
    .default(fallback)

const enforceMode = z.enum(['everyone', 'staff', 'nobody'])

/** One escalation step: what to do, how long after the problem was first found. */
export const escalationStepSchema = z
  .object({
    action: z
      .enum(['remind', 'mention', 'report', 'remove'])
      .describe('remind 私聊提醒 / mention 群内@提醒 / report 报告管理员 / remove 移出群（需机器人是群主或管理员）'),
    after: duration().describe('从首次发现不合规算起多久后执行 Delay from when the problem was first found'),
  })
  .strict()

/** Config of the `realname` plugin (global section; groups may override it). */
export const realnameConfigSchema = z
  .object({
    formats: z
      .object({
        internal: formatList(['{dept}-{name}', '{region}-{name}']).describe(
          '内部群昵称格式 Formats in internal groups',
        ),
        customer: formatList(['{company}{name}{phone}']).describe(
          '客户群中员工的昵称格式 Staff formats in customer groups',
        ),
        broadcast: formatList(['{dept}-{name}', '{region}-{name}']).describe(
          '公告群昵称格式 Formats in broadcast groups',
        ),
      })
      .strict()
      .prefault({})
      .describe(
        '模板占位符 {dept} {region} {name} {phone} {company}，或 /正则/（命名分组 name、phone、dept、region） Templates or /regex/ with named groups',
      ),
    departments: z
      .array(z.string().min(1))
      .default([])
      .describe('允许的部门；空 = 任意 2-10 个汉字 Allowed departments; empty = any'),
    regions: z
      .array(z.string().min(1))
      .default([])
      .describe('允许的地区；空 = 任意 2-10 个汉字 Allowed regions; empty = any'),
    maxLength: z.number().int().positive().default(30).describe('群昵称最多字数 Longest nickname accepted'),
    enforce: z
      .object({
        internal: enforceMode.default('everyone'),
        customer: enforceMode.default('staff'),
        broadcast: enforceMode.default('staff'),
      })
      .strict()
      .prefault({})
      .describe('谁必须实名：everyone 所有人 / staff 仅员工 / nobody 不检查 Who must comply, per group kind'),
    exempt: z.array(z.string().min(1)).default([]).describe('豁免的微信 ID（另可用 #实名豁免） Exempt contact ids'),
    grace: duration().prefault('10m').describe('入群后改名的宽限期 Time a newcomer has to rename'),
    escalation: z
      .array(escalationStepSchema)
      .superRefine((steps, ctx) => {
        steps.forEach((s, i) => {
          if (i > 0 && s.after < steps[i - 1].after)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'after'],
              message: '各步骤应按时间先后排列（steps must be in time order）',
            })
          if (s.action === 'remove' && i !== steps.length - 1)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'action'],
              message: 'remove 只能是最后一步（remove must be the last step）',
            })
        })
      })
      .prefault([
        { action: 'remind', after: '0m' },
        { action: 'mention', after: '2h' },
        { action: 'report', after: '4h' },
      ])
      .describe('升级步骤（默认不移出） Escalation steps; removal is off unless added'),
    speakReminderEvery: duration({ positive: true })
      .prefault('1d')
      .describe('不合规成员发言时最多多久私聊提醒一次 Throttle for reminders when a non-compliant member speaks'),
    sweep: globalOnly(
      z
        .object({
          at: clockTimeSchema().default('09:30').describe('每日巡检时间 Daily sweep time'),
          workdaysOnly: z.boolean().default(true).describe('仅工作日巡检 Sweep on workdays only'),
        })
        .strict()
        .prefault({})
        .describe('每日巡检：核对群昵称和成员变动（全局设置） Daily sweep (global section only)'),
    ),
    welcome: z
      .object({
        enabled: z.boolean().default(true).describe('新人入群欢迎 Welcome newcomers'),
        batchWindow: duration()
          .prefault('1m')
          .describe('此时间内入群的人合并成一条欢迎 Joins within this window share one welcome'),
        text: template(['names', 'group', 'company'], '欢迎加入「{group}」！').describe(
          '欢迎语（新人会被@，不必写名字） Welcome line; newcomers are @-mentioned: {names} {group} {company}',
        ),
        rules: z.array(z.string().min(1)).default([]).describe('群规（逐条列出） Group rules, one per item'),
        formatHint: template(
          ['names', 'grace', 'format', 'example'],
          '请{names}在{grace}内把群昵称改为实名，格式：{format}（例如「{example}」）。修改方法：点击右上角「…」→「我在本群的昵称」→ 修改后保存。',
        ).describe(
          '需要实名的新人的改名说明 Rename hint for newcomers who must comply: {names} {grace} {format} {example}',
        ),
      })
      .strict()
      .prefault({}),
    leave: z
      .object({
        warnVoluntary: z
          .boolean()
          .default(true)
          .describe('员工主动退出内部群时记一次警告并通知管理员 Warn staff who quit an internal group'),
        strikeTtl: duration({ positive: true })
          .prefault('30d')
          .describe('退群警告的有效期 How long the warning counts'),
        tellMember: z.boolean().default(true).describe('私聊告知退群的员工 Tell the leaver privately'),
      })
      .strict()
      .prefault({}),
  })
  .strict()

/** The parsed config of the `realname` plugin. */
export type RealnameConfig = z.infer<typeof realnameConfigSchema>
/** One parsed escalation step. */
export type EscalationStep = RealnameConfig['escalation'][number]
