import { z } from 'zod'
import { clockTimeSchema, duration } from '../../bot/config/duration.js'
import { configPath, globalOnly } from '../../bot/config/fields.js'

const DAY = /^\d{4}-\d{2}-\d{2}$/
const DAY_TIME = /^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/

/** Target groups of a campaign or post: by group kind and/or by config group name. */
export const targetsSchema = z
  .object({
    kinds: z
      .array(z.enum(['internal', 'customer', 'broadcast']))
      .default([])
      .describe('按群类型 Group kinds: internal 内部群 / customer 客户群 / broadcast 公告群'),
    groups: z.array(z.string().min(1)).default([]).describe('按配置中的群名 Config group names (groups[].name)'),
  })
  .strict()

/** A link card sent with a campaign or post. */
export const linkSchema = z
  .object({
    url: z.url().describe('链接地址 URL'),
    title: z.string().min(1).describe('卡片标题 Card title'),
    description: z.string().optional().describe('卡片描述 Card description'),
  })
  .strict()

/** A campaign declared in config (announced on its start day, at the posting time). */
export const configCampaignSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z][\w-]*$/, '应为字母开头的编号，如 "double12"（expected an id starting with a letter）')
      .describe('活动编号（字母开头） Campaign id used in commands'),
    title: z.string().min(1).describe('活动标题 Title'),
    text: z.string().min(1).describe('公告正文 Announcement text'),
    link: linkSchema.optional().describe('链接卡片 Optional link card'),
    image: configPath()
      .optional()
      .describe('海报图片路径（相对于配置文件所在目录） Optional image file, relative to the config file'),
    start: z
      .string()
      .regex(DAY, '应为日期 YYYY-MM-DD（expected YYYY-MM-DD）')
      .describe('开始日期（当天或之后第一个工作日发布） Start day'),
    deadline: z
      .string()
      .regex(DAY_TIME, '应为 "YYYY-MM-DD HH:mm"（expected "YYYY-MM-DD HH:mm"）')
      .describe('截止时间 Deadline "YYYY-MM-DD HH:mm"'),
    targets: targetsSchema.optional().describe('目标群（默认 defaultTargets） Target groups'),
  })
  .strict()

/** The posting window: announcements and daily posts go out only inside it, on workdays. */
export const windowSchema = z
  .object({
    start: clockTimeSchema().default('06:30').describe('发布时段开始 Window start'),
    end: clockTimeSchema().default('09:00').describe('发布时段结束 Window end (exclusive)'),
    postAt: clockTimeSchema().default('07:30').describe('活动公告与每日排期的默认发布时间 Default posting time'),
  })
  .strict()
  .refine(w => w.start < w.end, { message: 'window.start 应早于 window.end（window.start must be before window.end）' })
  .refine(w => w.postAt >= w.start && w.postAt < w.end, {
    message: 'window.postAt 应在 start 与 end 之间（window.postAt must lie inside [start, end)）',
  })

/** Config of the `campaign` plugin. */
export const campaignConfigSchema = z
  .object({
    window: globalOnly(
      windowSchema.prefault({}).describe('发布时段（仅工作日，含调休上班日） Posting window on workdays'),
    ),
    campaigns: globalOnly(
      z.array(configCampaignSchema).default([]).describe('配置中预设的活动 Campaigns declared in config'),
    ),
    defaultTargets: globalOnly(
      targetsSchema.prefault({ kinds: ['internal'] }).describe('活动默认目标群 Default campaign targets'),
    ),
    defaultDeadlineTime: globalOnly(
      clockTimeSchema().default('18:00').describe('只给日期时的截止钟点 Deadline time when only a day is given'),
    ),
    remindBefore: globalOnly(
      duration().prefault('1h').describe('截止前多久提醒未完成者（0 不提醒） Reminder lead time; 0 = none'),
    ),
    violation: globalOnly(
      z.enum(['off', 'strike', 'fine']).default('off').describe('截止未分享：off 不记录 / strike 记违规 / fine 记罚款'),
    ),
    participation: z
      .object({
        phrases: z
          .array(z.string().min(1))
          .min(1)
          .default(['已分享', '已转发', '已发朋友圈'])
          .describe('表示已分享的回复 Phrases that report a share'),
        maxLength: z
          .number()
          .int()
          .positive()
          .default(30)
          .describe('超过此长度的消息不算回复 Longer messages are not reports'),
        requireScreenshot: z.boolean().default(true).describe('是否必须附截图 Require a screenshot with the phrase'),
        screenshotWindow: duration({ positive: true })
          .prefault('10m')
          .describe('回复与截图的最大间隔 Max gap between phrase and screenshot'),
        who: z
          .enum(['staff', 'all'])
          .default('staff')
          .describe('统计对象：staff 花名册员工 / all 全部成员 Who is expected to share'),
        acknowledge: z.boolean().default(true).describe('记录后在群里确认 Confirm each recorded share in the group'),
      })
      .strict()
      .prefault({}),
    queue: globalOnly(
      z
        .object({
          targets: targetsSchema
            .prefault({ kinds: ['broadcast'] })
            .describe('每日排期发往的群 Groups the daily post goes to'),
          noticeAt: clockTimeSchema()
            .default('17:00')
            .describe('前一工作日几点提醒未审核的排期 When editors hear about unapproved posts'),
        })
        .strict()
        .prefault({}),
    ),
    media: globalOnly(
      z
        .object({
          folder: configPath()
            .optional()
            .describe(
              '素材库文件夹（相对于配置文件所在目录）：命令里按文件名引用其中的图片 Media folder, relative to the config file; chat names files in it by name only',
            ),
        })
        .strict()
        .prefault({}),
    ),
    broadcast: z
      .object({
        remind: z
          .boolean()
          .default(true)
          .describe('公告群普通成员回复时提醒 Remind members who reply in broadcast groups'),
        text: z
          .string()
          .min(1)
          .default('本群为公告群，仅用于发布通知，请勿在群内回复。如有问题请私聊管理员。')
          .describe('提醒内容 Reminder text'),
        throttle: duration()
          .prefault('30m')
          .describe('同一群两次提醒的最短间隔 Min gap between reminders in one group'),
      })
      .strict()
      .prefault({}),
  })
  .strict()

/** The parsed config of the `campaign` plugin. */
export type CampaignConfig = z.infer<typeof campaignConfigSchema>
/** Target groups as parsed. */
export type Targets = z.infer<typeof targetsSchema>
/** The posting window as parsed. */
export type PostingWindow = z.infer<typeof windowSchema>
