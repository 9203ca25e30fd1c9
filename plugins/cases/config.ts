import { z } from 'zod'
import { duration } from '../../bot/config/duration.js'
import { cronExpression, globalOnly } from '../../bot/config/fields.js'

const privacySchema = z
  .object({
    maskPhones: z
      .boolean()
      .default(true)
      .describe('在搜索结果和周报中隐藏手机号/座机号中间几位 Mask phone numbers in search results and digests'),
    maskWechatIds: z.boolean().default(true).describe('隐藏微信号（wxid_…、微信号：xxx、vx:xxx） Mask WeChat ids'),
    maskIdNumbers: z
      .boolean()
      .default(true)
      .describe('隐藏身份证号中间几位（18 位） Mask Chinese ID card numbers (18 digits)'),
    maskEmails: z.boolean().default(true).describe('隐藏邮箱地址 @ 前的部分 Mask the local part of email addresses'),
    extraPatterns: z
      .array(z.string().min(1).refine(isRegex, 'invalid regex 不是有效的正则'))
      .default([])
      .describe('额外要隐藏的正则（整段替换为 ***） Extra regexes to mask, each match becomes ***'),
    adminsSeeRaw: z
      .boolean()
      .default(true)
      .describe('管理员私聊查看/搜索时显示原文 Admins see unmasked text, in private chat only'),
  })
  .strict()

const digestSchema = z
  .object({
    enabled: z.boolean().default(true).describe('每周给培训师发案例周报 Send the weekly digest to trainers'),
    cron: cronExpression()
      .default('0 17 * * 5')
      .describe('发送时间（cron，按配置时区），默认周五 17:00 When to send (cron in the configured timezone)'),
    workdaysOnly: z
      .boolean()
      .default(true)
      .describe('只在工作日发送（法定节假日跳过，调休上班日照发） Skip weekends and holidays'),
    days: z
      .number()
      .int()
      .min(1)
      .max(31)
      .default(7)
      .describe('周报覆盖的天数（含当天） Days covered, ending on the send day'),
    extraRecipients: z
      .array(z.string().min(1))
      .default([])
      .describe('除培训师外另外接收周报的微信 ID Contact ids that also get the digest'),
  })
  .strict()

/** Config of the `cases` plugin (one section, optionally overridden per group). */
export const casesConfigSchema = z
  .object({
    tags: globalOnly(
      z
        .array(z.string().min(1))
        .default(['成交', '问题', '经验'])
        .describe(
          '除 #案例 外，哪些标签命令也记录为案例 Capture tags besides #案例 (each becomes a command; change needs a restart/reload)',
        ),
    ),
    fields: globalOnly(
      z
        .array(z.string().min(1))
        .default(['客户', '行业', '产品', '金额', '难点', '做法', '结果', '心得'])
        .describe('识别的模板字段，每行一个「字段：内容」 Template fields recognised one per line as "字段：内容"'),
    ),
    rankFields: globalOnly(
      z
        .array(z.string().min(1))
        .default(['难点', '产品'])
        .describe('搜索时与标题同样加权的字段 Fields weighted like the title line when ranking'),
    ),
    groupKinds: z
      .array(z.enum(['internal', 'customer', 'broadcast']))
      .default(['internal'])
      .describe(
        '在哪类群里可以分享和搜索案例（私聊机器人总是可以） Group kinds where cases may be shared and searched; private chat always works',
      ),
    staffOnly: z.boolean().default(true).describe('只有员工（花名册或有角色）可以使用 Only staff may share and search'),
    imageWindow: duration()
      .prefault('2m')
      .describe('案例发出后多久内同一人发的图片附到该案例 Images by the author within this time are attached'),
    searchResults: z.number().int().min(1).max(10).default(5).describe('搜索返回条数 Results per search'),
    maxReplyChars: z
      .number()
      .int()
      .min(200)
      .max(5000)
      .default(1500)
      .describe('聊天回复最长字数，超出截断（全文见文件/导出） Max characters of a chat reply'),
    privacy: privacySchema.prefault({}).describe('隐私保护 Privacy masking'),
    digest: globalOnly(digestSchema.prefault({}).describe('每周案例周报 Weekly digest')),
  })
  .strict()

/** Parsed `cases` config. */
export type CasesConfig = z.infer<typeof casesConfigSchema>
/** Parsed `cases.privacy` config. */
export type PrivacyConfig = CasesConfig['privacy']

function isRegex(p: string): boolean {
  try {
    new RegExp(p, 'u')
    return true
  } catch {
    return false
  }
}
