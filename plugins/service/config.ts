import { z } from 'zod'
import { clockTimeSchema, duration } from '../../bot/config/duration.js'
import { cronExpression, globalOnly, timeWindows } from '../../bot/config/fields.js'

/** Default complaint phrases: a customer's message containing one opens a ticket. */
export const DEFAULT_COMPLAINT_PHRASES = [
  '投诉',
  '退款',
  '退货',
  '质量问题',
  '太差了',
  '要求赔偿',
  '赔偿',
  '欺骗',
  '骗人',
  '不满意',
  '差评',
  '12315',
]

/**
 * Default complaint patterns: a bad product or service, money back, anger at the company (骗子公司, 你们就是坑人),
 * waiting and neglect (等了三天还没人上门, 等了两周了到底什么时候发货, 没人管, 安装太慢).
 */
export const DEFAULT_COMPLAINT_PATTERNS = [
  '(东西|产品|质量|服务).{0,6}(太差|很差|垃圾)',
  '(还|退)(我|给我)?钱',
  '(骗子|黑心|无良|垃圾|坑人的?)(公司|产品|服务|售后|东西|商家|厂家)',
  '(你们|你们家|你们公司).{0,6}(骗子|坑人|骗人|忽悠|黑心)',
  '等了?[一二两三四五六七八九十几半\\d]+(天|周|个星期|个月|个?小时).{0,10}(还|都)(没|不)',
  '等了?[一二两三四五六七八九十几半\\d]+(天|周|个?星期|个?礼拜|个月|个?小时).{0,12}(什么时候|到底|多久|怎么还)',
  '(没人|没有人)(管|理|回复?|上门|处理|联系|跟进)',
  '(安装|发货|维修|上门|售后|回复|处理|物流|送货|客服).{0,8}(太慢|好慢|这么慢|真慢)',
]

/** The `service` plugin's config section (per group overridable). */
export const serviceConfigSchema = z
  .object({
    phrases: z
      .array(z.string().min(1))
      .default(DEFAULT_COMPLAINT_PHRASES)
      .describe('客户消息含这些词即登记投诉 Phrases that make a customer message a complaint'),
    patterns: z
      .array(
        z.string().refine(p => {
          try {
            new RegExp(p, 'u')
            return true
          } catch {
            return false
          }
        }, '正则表达式有误（expected a valid regular expression）'),
      )
      .default(DEFAULT_COMPLAINT_PATTERNS)
      .describe('投诉正则 Regular expressions that make a customer message a complaint'),
    allow: z
      .array(z.string().min(1))
      .default(['投诉电话', '不用退款', '不是投诉', '开玩笑', '哈哈'])
      .describe('含这些词的消息不算投诉（玩笑、咨询） Phrases that keep a message from being a complaint'),
    deadline: duration({ positive: true })
      .prefault('2h')
      .describe('投诉处理期限（按工作时间） Working time to resolve a complaint'),
    remindBefore: duration()
      .prefault('30m')
      .describe('截止前多久提醒负责人（0 = 不提醒） Remind the responsible person this long before (0 = never)'),
    workingHours: timeWindows()
      .default(['09:00-12:00', '13:30-18:00'])
      .describe('工作时段（期限跳过午休、下班、周末和节假日） Working windows the deadline counts'),
    responsible: z
      .record(z.string(), z.array(z.string().min(1)))
      .default({})
      .describe(
        '客户群名称 → 负责员工 contact ids（优先于 groups[].responsible；按配置名的写法仅作后备） Customer group topic -> responsible staff (wins over groups[].responsible; by config name: fallback)',
      ),
    texts: z
      .object({
        received: z
          .string()
          .min(1)
          .default('您好，您反馈的问题我们已经记录，负责同事会尽快与您联系处理，请您稍候。')
          .describe('告诉客户投诉已受理 Told to the customer in the group when a complaint is recorded'),
        resolved: z
          .string()
          .min(1)
          .default('您好，您反馈的问题已经处理，感谢您的耐心。如还有不满意的地方，请随时告诉我们。')
          .describe('告诉客户投诉已处理 Told to the customer in the group when it is resolved'),
      })
      .strict()
      .prefault({}),
    followUpTime: clockTimeSchema()
      .default('10:00')
      .describe('回访提醒在到期工作日的几点发出 Time of day a follow-up reminder is sent on its working day'),
    dealFollowUp: z
      .object({
        tags: z
          .array(z.string().min(1))
          .default(['成交'])
          .describe('这些案例标签算成交 Case tags that are closed deals'),
        days: z
          .number()
          .int()
          .min(0)
          .max(365)
          .default(7)
          .describe(
            '成交后第几个工作日提醒回访（0 = 不安排） Working days after a deal its follow-up falls due (0 = none)',
          ),
      })
      .strict()
      .prefault({})
      .describe('成交案例自动安排回访 Follow-ups scheduled from closed deals the cases plugin stores'),
    dailyReport: globalOnly(
      z
        .object({
          cron: cronExpression({ allowEmpty: true })
            .default('30 9 * * *')
            .describe(
              '客服日报（超时投诉、逾期回访）发给管理员，只在工作日、且有内容时发（cron，空 = 不发） Cron of the daily report of overdue complaints and follow-ups (workdays, only when there is any; empty = off)',
            ),
        })
        .strict()
        .prefault({}),
    ),
    leavers: globalOnly(
      z
        .object({
          removeFromInternal: z
            .boolean()
            .default(true)
            .describe(
              '把离职员工移出内部群（机器人须是群主或管理员，否则提醒管理员） Remove leavers from internal groups (bot must be owner/admin; else admins are asked)',
            ),
        })
        .strict()
        .prefault({})
        .describe('离职员工（花名册标注离职、离职日期或被删除） Staff who leave the roster'),
    ),
    weeklyReport: globalOnly(
      z
        .object({
          cron: cronExpression({ allowEmpty: true })
            .default('0 17 * * 5')
            .describe(
              '投诉周报发给管理员（cron，空 = 不发） Cron of the weekly complaint report to admins (empty = off)',
            ),
        })
        .strict()
        .prefault({}),
    ),
    keepDays: globalOnly(
      z.number().int().min(7).default(90).describe('已处理投诉保留天数 Days a resolved ticket is kept'),
    ),
  })
  .strict()

/** The validated `service` config. */
export type ServiceConfig = z.infer<typeof serviceConfigSchema>
