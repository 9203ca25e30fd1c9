import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MessageEvent } from '../../../bot/core/event.js'
import type { ArchiveBackend } from '../../../plugins/archive/store/backend.js'
import { FileArchive } from '../../../plugins/archive/store/file-backend.js'
import { createArchivePlugin } from '../../../plugins/archive/index.js'
import type { ArchiveRecord } from '../../../plugins/archive/capture/record.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

/** Config with one internal and one customer group, an admin and an auditor. */
export const CONFIG = `
company: 示例科技
roles: { admin: [admin1], auditor: [aud1], staff: [zhang, li] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 客户群, topic: 张三交流群, kind: customer }
`
export const sales = group('r-sales', '销售部工作群', 'internal', '销售群')
export const customers = group('r-cust', '张三交流群', 'customer', '客户群')
export const zhang = member('zhang', '张三')
export const li = member('li', '李四', '李四-南宁')
export const customer = member('c1', '刘总')
export const admin = member('admin1', '陈管理')
export const auditor = member('aud1', '王审计')

/** A fresh archive folder. */
export function tempArchiveDir(): string {
  return mkdtempSync(join(tmpdir(), 'archive-test-'))
}

/** A runtime with the archive plugin over a `FileArchive` in a temp folder (or the given back end). */
export async function setup(opts: { config?: string; dir?: string; backend?: ArchiveBackend } = {}) {
  const dir = opts.dir ?? tempArchiveDir()
  const backend = opts.backend ?? new FileArchive(dir)
  const plugin = createArchivePlugin({ backend: () => backend })
  const h = await makeRuntime(opts.config ?? CONFIG, [plugin])
  /** Deliver a message now (as `from`, in `g` or privately) and let the outbox send replies. */
  const say = async (from: typeof zhang, body: string, g?: typeof sales, extra: Partial<MessageEvent> = {}) => {
    const ev = text(from, body, h.clock.now(), g, extra)
    await h.rt.enqueue(ev) // through the event queue, as the Wechaty wiring delivers it
    await h.clock.advance(10_000)
    return ev
  }
  /** Every record of a chat, in stored order. */
  const records = async (chat: string, from = '2000-01-01', to = '2999-12-31') => {
    const out: ArchiveRecord[] = []
    for await (const seg of backend.scan({ chats: [chat], from, to })) out.push(...seg.records)
    return out
  }
  const to = (chat: string) => h.wechat.textsTo(chat).join('\n')
  return { ...h, dir, backend, say, records, to }
}
