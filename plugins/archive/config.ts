import { z } from 'zod'
import { configPath, globalOnly } from '../../bot/config/fields.js'

const days = (d: number, what: string) =>
  z.number().int().min(1).max(36_500).default(d).describe(`${what}记录保留天数 Days kept`)

/**
 * Config of the `archive` plugin (message archive 信息记录). `dir`, `privateChats`, `purgeCron`, `checkCode` and `search` are read
 * only from the global section; `legalHold`, `retentionDays` and `media` may be set per group.
 */
export const archiveConfigSchema = z
  .object({
    dir: globalOnly(
      configPath({ allowEmpty: true })
        .prefault('')
        .describe(
          '归档目录（相对于配置文件所在目录），空 = 数据目录下的 archive/；沙盒中总在沙盒数据目录下 Archive folder, relative to the config file (empty: <BOT_DATA_DIR>/archive; in the sandbox always under its data folder)',
        ),
    ),
    privateChats: globalOnly(
      z.boolean().default(true).describe('也记录发给机器人的私聊 Archive private messages to the bot'),
    ),
    retentionDays: z
      .object({
        customer: days(1095, '客户群'),
        internal: days(365, '内部群'),
        broadcast: days(365, '公告群'),
        private: days(365, '私聊'),
      })
      .strict()
      .prefault({})
      .describe('按群类型的保留期（天），到期由每日清理删除 Retention per chat kind, in days'),
    legalHold: z
      .boolean()
      .default(false)
      .describe('法律保全：本群记录暂停清理（在群的覆盖设置中打开） Legal hold: never purge this group'),
    purgeCron: globalOnly(
      z
        .string()
        .default('30 3 * * *')
        .describe(
          '每日清理与链头锚定时间（cron，按配置时区） When the daily purge runs, and the anchors of the hash chain are written',
        ),
    ),
    checkCode: globalOnly(
      z
        .object({
          send: z
            .boolean()
            .default(true)
            .describe(
              '每日把前一天的存档校验码私聊审计员（没有审计员时私聊管理员） Send yesterday’s archive check code privately to the auditors (none: the admins) each day',
            ),
        })
        .strict()
        .prefault({})
        .describe('每日存档校验码（见 archive.md「完整性」） The daily archive check code (archive.md, Integrity)'),
    ),
    search: globalOnly(
      z
        .object({
          limit: z.number().int().min(1).max(20).default(5).describe('每次搜索最多显示条数 Hits shown per search'),
          defaultDays: z
            .number()
            .int()
            .min(1)
            .max(3650)
            .default(30)
            .describe('未给日期时搜索最近几天 Days searched when no date is given'),
        })
        .strict()
        .prefault({}),
    ),
    media: z
      .object({
        keepBytes: z
          .union([z.boolean(), z.array(z.enum(['customer', 'internal', 'broadcast', 'private']))])
          .default(false)
          .describe(
            '保存图片/文件/视频原件：true = 所有会话，或按群类型列出，如 [customer] Keep attachment bytes: true, or the chat kinds that keep them',
          ),
        maxBytes: z
          .number()
          .int()
          .positive()
          .default(10 * 1024 * 1024)
          .describe('单个附件最大字节数 Largest attachment kept'),
      })
      .strict()
      .prefault({}),
  })
  .strict()

/** The archive plugin's config. */
export type ArchiveConfig = z.infer<typeof archiveConfigSchema>
