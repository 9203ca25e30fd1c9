import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Action } from '../../../bot/core/actions.js'
import { type CommandInvocation, definePlugin } from '../../../bot/core/plugin.js'
import type { SentRecord } from '../../../bot/ports/simulated.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], staff: [zs] }
groups:
  - { name: 客户群, topic: 示例科技刘总交流群, kind: customer }
  - { name: 公告群, topic: 公告群, kind: broadcast }
  - { name: 销售群, topic: 销售部工作群, kind: internal }
`
const cust = group('r-cust', '示例科技刘总交流群', 'customer', '客户群')
const news = group('r-news', '公告群', 'broadcast', '公告群')
const sales = group('r-sales', '销售部工作群', 'internal', '销售群')
const admin = member('admin1', '陈管理')
const zs = member('zs', '张三')
const customer = member('c1', '刘总')

/**
 * A careless plugin: its staff command `#海报` and its customer command `#样图` answer with a file and a link
 * card addressed straight to the room the command came from (as `campaign` once did), besides a text reply.
 */
const careless = definePlugin({
  name: 'careless',
  description: 'test plugin',
  configSchema: z.object({}).strict(),
  create: () => {
    const run = (inv: CommandInvocation) => {
      const to = inv.event.group ? { room: inv.event.group.id } : { contact: inv.event.sender.id }
      const out: Action[] = [
        inv.reply('图片见下'),
        { type: 'sendFile', to, path: '/tmp/未审核海报.jpg', rule: 'command.海报' },
        { type: 'sendLink', to, url: 'https://example.com/x', title: '未公布的活动', rule: 'command.海报' },
      ]
      return out
    }
    return {
      commands: [
        { name: '海报', role: 'staff', usage: '#海报', description: '看海报', run },
        { name: '样图', role: 'member', usage: '#样图', description: '看样图', customerFacing: true, run },
      ],
    }
  },
})

async function start() {
  const h = await makeRuntime(CONFIG, [careless])
  h.wechat.addGroup(cust, [admin, zs, customer])
  h.wechat.addGroup(news, [admin, zs, customer])
  h.wechat.addGroup(sales, [admin, zs])
  return h
}

const sentTo = (sent: SentRecord[], chat: string) =>
  sent.filter(s => ('room' in s.chat ? s.chat.room : s.chat.contact) === chat)

describe("a command answer's file or link card obeys the audience rules, whatever the plugin addressed", () => {
  it('staff asking in a customer or broadcast group get the file and the card privately; customers see nothing', async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(zs, '#海报', clock.now(), cust))
    await rt.handle(text(admin, '#样图', clock.now(), news))
    await clock.advance(10_000)
    expect(sentTo(wechat.sent, cust.id)).toEqual([])
    expect(sentTo(wechat.sent, news.id)).toEqual([])
    for (const who of [zs, admin])
      expect(sentTo(wechat.sent, who.id).map(s => s.file ?? s.link?.title ?? s.text)).toEqual([
        '图片见下',
        '/tmp/未审核海报.jpg',
        '未公布的活动',
      ])
  })

  it("a customer's customer command is answered in the group, its file too; in an internal group staff get it there", async () => {
    const { rt, clock, wechat } = await start()
    await rt.handle(text(customer, '#样图', clock.now(), cust))
    await rt.handle(text(zs, '#海报', clock.now(), sales))
    await clock.advance(10_000)
    expect(sentTo(wechat.sent, cust.id).map(s => s.file ?? s.link?.title ?? s.text)).toEqual([
      '图片见下',
      '/tmp/未审核海报.jpg',
      '未公布的活动',
    ])
    expect(sentTo(wechat.sent, sales.id).filter(s => s.file)).toHaveLength(1)
    expect(sentTo(wechat.sent, customer.id)).toEqual([])
  })
})
