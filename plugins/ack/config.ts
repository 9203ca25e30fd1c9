import { z } from 'zod'
import { ROLES } from '../../bot/core/event.js'
import { duration } from '../../bot/config/duration.js'
import { cronExpression, globalOnly, timeWindows } from '../../bot/config/fields.js'

/** Default acknowledgement words (a reply made only of these, fillers and forms of address counts as "收到"). */
export const DEFAULT_ACK_WORDS = [
  '收到',
  '收悉',
  '已阅',
  '好的',
  '好嘞',
  '好',
  '明白',
  '了解',
  '知道',
  '知悉',
  '执行',
  '落实',
  '照办',
  '马上办',
  '遵命',
  '没问题',
  'ok',
  'okay',
  '1',
  '👌',
  '👍',
  '🫡',
  '✅',
  '[ok]',
  '[强]',
  '[好的]',
  '[收到]',
]

/** Default filler words: allowed around acknowledgement words, never enough on their own. */
export const DEFAULT_FILLER_WORDS = [
  '了',
  '啦',
  '哈',
  '嗯',
  '呢',
  '滴',
  '的',
  '哦',
  '噢',
  '嘞',
  '呀',
  '我',
  '也',
  '都',
  '已',
  '已经',
  '马上',
  '立即',
  '立刻',
  '坚决',
  '一定',
  '保证',
  '会',
  '谢谢',
]

/** The `ack` plugin's config section (per group overridable). */
export const ackConfigSchema = z
  .object({
    markers: z
      .array(z.string().min(1))
      .min(1)
      .default(['【通知】', '通知：', '通知:', '【任务】'])
      .describe("通知开头标记：领导/管理员以此开头的消息视为通知 Prefixes that make a leader's message a notice"),
    mentionAllIsNotice: z
      .boolean()
      .default(true)
      .describe("领导/管理员 @所有人 的消息视为通知 A leader's @所有人 message is a notice"),
    deadline: duration({ positive: true })
      .prefault('30m')
      .describe('默认回复期限 Default time to acknowledge (e.g. "30m", "2h")'),
    remindBefore: duration()
      .prefault('10m')
      .describe(
        '截止前多久提醒未回复的人（0 = 不提醒） Remind silent members this long before the deadline (0 = never)',
      ),
    workingHours: z
      .object({
        enabled: z
          .boolean()
          .default(false)
          .describe(
            '期限只按工作时间计算（跳过午休、下班、周末和法定节假日） Count the deadline in working hours only',
          ),
        windows: timeWindows()
          .default(['09:00-12:00', '13:30-18:00'])
          .describe('每个工作日的工作时段 Working windows of a workday'),
      })
      .strict()
      .prefault({}),
    ackWords: z
      .array(z.string().min(1))
      .min(1)
      .default(DEFAULT_ACK_WORDS)
      .describe('算作"收到"的词和表情 Words and emoji that acknowledge'),
    fillerWords: z
      .array(z.string().min(1))
      .default(DEFAULT_FILLER_WORDS)
      .describe('可夹在确认词前后的虚词 Filler words allowed around them'),
    addressWords: z
      .array(z.string().min(1))
      .default(['总', '经理', '老师', '领导', '老板', '主任', '哥', '姐'])
      .describe('称呼后缀，如"收到王总" Forms of address allowed around them, e.g. 收到王总'),
    excusePrefixes: z
      .array(z.string().min(1))
      .default(['说明：', '说明:', '请假：', '请假:'])
      .describe('以此开头的回复登记为说明（待管理员确认） Replies starting with these register an excuse'),
    exemptRoles: z
      .array(z.enum(ROLES))
      .default(['admin', 'leader'])
      .describe('不需要回复的角色 Roles that need not answer'),
    exempt: z.array(z.string().min(1)).default([]).describe('不需要回复的微信 ID Contact ids that need not answer'),
    reportTo: z
      .enum(['leader', 'group', 'admins'])
      .default('leader')
      .describe('截止报告发给谁：leader 发布人私聊 / group 本群 / admins 管理员 Where the deadline report goes'),
    maxListed: globalOnly(
      z
        .number()
        .int()
        .min(5)
        .default(30)
        .describe('报告中每个名单最多列出的人数 Names listed per list before "…等 N 人"'),
    ),
    maxMentions: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(40)
      .describe('一条提醒最多 @ 的人数 Members @-ed by one reminder'),
    keepDays: globalOnly(
      z.number().int().min(1).default(35).describe('通知记录保留天数（统计用） Days a notice is kept for statistics'),
    ),
    fines: z
      .object({
        enabled: z
          .boolean()
          .default(false)
          .describe('截止未回复记罚款（按全局 penalties 规则） Record a fine for a missed deadline'),
        announce: z
          .boolean()
          .default(true)
          .describe('在群里 @ 被罚的人并说明缴纳方式 Tell fined members in the group how to pay'),
      })
      .strict()
      .prefault({}),
    statsReport: globalOnly(
      z
        .object({
          cron: cronExpression({ allowEmpty: true })
            .default('')
            .describe(
              '定时发送回复统计给发布人（cron，空 = 不发） Cron for the acknowledgement statistics (empty = off)',
            ),
          days: z.number().int().min(1).default(7).describe('统计最近多少天 Period in days'),
        })
        .strict()
        .prefault({}),
    ),
  })
  .strict()

/** The validated `ack` config. */
export type AckConfig = z.infer<typeof ackConfigSchema>
