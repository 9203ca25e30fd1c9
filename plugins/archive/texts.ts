/** Every sentence the archive plugin shows people (Chinese), in one place. */

/** The name outgoing records carry as sender. */
export const BOT_NAME = '机器人'

/** Admins, once per outage: the archive cannot write. */
export const writeFailed = (error: string) =>
  `⚠️ 信息记录写入失败（${error}），可能磁盘已满。机器人继续管理群，未写入的记录在内存中等待重试（每分钟及每条新消息时重试），请尽快处理。`

/** Admins, when writes work again after a warning. */
export const writeRecovered = (lost: number) =>
  `✅ 信息记录恢复写入，积压的记录已补写${lost ? `；丢失 ${lost} 条（积压超过 10000 条）` : ''}。`

/** The `#状态` line. */
export const statusLine = (written: number, backlog: number, failing: boolean, lost: number) =>
  `信息记录：本次启动已存档 ${written} 条${failing ? `，⚠️ 写入失败待重试 ${backlog} 条` : ''}${lost ? `，丢失 ${lost} 条` : ''}`
