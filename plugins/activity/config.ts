import { z } from 'zod'
import { clockTimeSchema, duration } from '../../bot/config/duration.js'
import { globalOnly, regexSource, timeWindows } from '../../bot/config/fields.js'

/** Config of the `activity` plugin (global section; groups may override it). */
export const activityConfigSchema = z
  .object({
    silentDays: z
      .number()
      .int()
      .positive()
      .default(7)
      .describe('沉默成员：连续多少天未发言 Days without a message before a member counts as silent'),
    responseThreshold: duration({ positive: true })
      .prefault('10m')
      .describe(
        '客户等待多久（工作时间内）提醒负责员工 Working time a customer may wait before the responsible staff is reminded',
      ),
    ignoreCustomerText: regexSource('iu')
      .default('^((好的?|好滴|好嘞|嗯|哦|ok|okay|谢谢(你|您|啦)?|多谢|收到了?|知道了|👌|👍|🙏)[,，!！。.~～\\s]*)+$')
      .describe(
        '客户消息匹配此正则（不区分大小写）时不开始计时，如“好的”“谢谢” Customer texts matching this regex start no clock',
      ),
    escalateAfter: duration()
      .prefault('2h')
      .describe(
        '客户等待多久（工作时间内）仍无人回复时通知领导（没有领导时通知管理员；0 = 不升级） Working time a customer may wait before the leaders (else the admins) are told (0 = never)',
      ),
    remindResponsible: z
      .boolean()
      .default(true)
      .describe('超时私聊提醒负责员工 Remind the responsible staff privately when a customer waits too long'),
    responsible: z
      .record(z.string(), z.array(z.string().min(1)))
      .default({})
      .describe(
        '客户群负责员工：群名称 -> 微信 ID 列表；未配置时取群内的员工 Group topic -> contact ids; default: staff members of the group',
      ),
    workingHours: timeWindows()
      .default(['09:00-12:00', '13:30-18:00'])
      .describe('工作时段（仅法定工作日，跳过午休） Working windows of a statutory workday'),
    dailyReport: globalOnly(
      z
        .object({
          enabled: z.boolean().default(true).describe('发送日报 Send the daily report'),
          time: clockTimeSchema()
            .default('18:00')
            .describe('日报时间（仅工作日） Time of the daily report, workdays only'),
        })
        .strict()
        .prefault({}),
    ),
    weeklyReport: globalOnly(
      z
        .object({
          enabled: z.boolean().default(true).describe('发送周榜 Send the weekly leaderboard'),
          weekday: z.number().int().min(0).max(6).default(5).describe('周几发送（0=周日，5=周五） Weekday, 0 = Sunday'),
          time: clockTimeSchema().default('17:30').describe('周榜时间 Time of the weekly leaderboard'),
        })
        .strict()
        .prefault({}),
    ),
    reportTo: globalOnly(
      z
        .string()
        .min(1)
        .optional()
        .describe(
          '报告发到哪个内部群（groups[].name 或群名称）；不填则私聊每位管理员 Internal group for reports; default: each admin privately',
        ),
    ),
    topMembers: globalOnly(
      z
        .number()
        .int()
        .min(1)
        .max(20)
        .default(5)
        .describe('报告中列出的发言最多人数 How many top members a report lists'),
    ),
    chartTopN: globalOnly(
      z.number().int().min(3).max(40).default(15).describe('图表最多显示的柱数 Most bars a chart shows'),
    ),
  })
  .strict()

/** The parsed config of the `activity` plugin. */
export type ActivityConfig = z.infer<typeof activityConfigSchema>

type WithSwitches = ActivityConfig & { enabled?: boolean; dryRun?: boolean }

/** Whether a group's section leaves the plugin on (the runtime adds `enabled` to every section). */
export function enabledIn(cfg: ActivityConfig): boolean {
  return (cfg as WithSwitches).enabled !== false
}

/** Whether a group's section is in dry-run (the runtime applies it to events, not to timers). */
export function dryRunIn(cfg: ActivityConfig): boolean {
  return (cfg as WithSwitches).dryRun === true
}
