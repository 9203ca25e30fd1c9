import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileBox } from 'file-box'
import { types, type Message } from 'wechaty'
import { formatQuote, QUOTE_SEPARATOR } from '../../../bot/sandbox/index.js'
import { IDS, startSandbox, until, type Harness } from './harness.js'

let h: Harness
let inbox: Message[]

beforeEach(async () => {
  h = await startSandbox()
  inbox = []
  h.bot.on('message', m => {
    inbox.push(m)
  })
})
afterEach(async () => {
  await h.bot.stop()
})

/** Wait for the n-th (1-based) delivered message. */
const nth = (n: number) => until(() => inbox[n - 1])
const inRoom = { room: IDS.room }

describe('member messages', () => {
  it('text in a group: talker, room, text', async () => {
    h.world.say(IDS.zhang, inRoom, '大家好')
    const m = await nth(1)
    expect([m.talker().id, m.room()?.id, m.text(), m.type()]).toEqual([
      IDS.zhang,
      IDS.room,
      '大家好',
      types.Message.Text,
    ])
    expect(m.self()).toBe(false)
  })

  it('private message to the bot: listener is the bot, no room', async () => {
    h.world.say(IDS.wang, {}, '在吗')
    const m = await nth(1)
    expect([m.room(), m.listener()?.id, m.talker().id]).toEqual([undefined, IDS.bot, IDS.wang])
  })

  it('mentions show up in mentionList() and mentionSelf()', async () => {
    h.world.say(IDS.zhang, inRoom, '@李四 @群管家 看一下', { mentions: [IDS.li, IDS.bot] })
    const m = await nth(1)
    expect((await m.mentionList()).map(c => c.id)).toEqual([IDS.li, IDS.bot])
    expect(await m.mentionSelf()).toBe(true)
  })

  it('resolveMentions() turns console text into mention ids (group alias or name)', () => {
    h.world.setGroupAlias(IDS.room, IDS.li, '销售部-李四')
    expect(h.world.resolveMentions(IDS.room, '@销售部-张三 和 @李四，开会')).toEqual([IDS.zhang, IDS.li])
  })

  it("quote: WeChat quote text with the quoted sender's group alias", async () => {
    const original = h.world.say(IDS.zhang, inRoom, '明天几点开会？')
    h.world.say(IDS.li, inRoom, '十点', { quote: { messageId: original } })
    const m = await nth(2)
    expect(m.text()).toBe(`「销售部-张三：明天几点开会？」\n${QUOTE_SEPARATOR}\n十点`)
    expect(m.text()).toBe(formatQuote('销售部-张三', '明天几点开会？', '十点'))
  })

  it('quote of a message the bot sent, and of an unknown message (explicit sender and text)', async () => {
    const sent = await h.room.say('请更新群昵称')
    h.world.say(IDS.li, inRoom, '好的', { quote: { messageId: sent?.id } })
    h.world.say(IDS.li, inRoom, '收到', { quote: { senderName: '王五', text: '旧消息' } })
    expect((await nth(1)).text()).toMatch(/^「群管家：请更新群昵称」\n/)
    expect((await nth(2)).text()).toMatch(/^「王五：旧消息」\n/)
  })

  it('same id delivered twice arrives twice', async () => {
    h.world.say(IDS.zhang, inRoom, '重复', { id: 'dup-1' })
    h.world.say(IDS.zhang, inRoom, '重复', { id: 'dup-1' })
    await nth(2)
    expect(inbox.map(m => m.id)).toEqual(['dup-1', 'dup-1'])
  })

  it('custom timestamps: ms and seconds both give the right date()', async () => {
    h.world.say(IDS.zhang, inRoom, 'ms', { timestamp: Date.UTC(2024, 0, 2, 1, 0) })
    h.world.say(IDS.zhang, inRoom, 's', { timestamp: Date.UTC(2024, 0, 2, 2, 0) / 1000 })
    expect((await nth(1)).date().toISOString()).toBe('2024-01-02T01:00:00.000Z')
    expect((await nth(2)).date().toISOString()).toBe('2024-01-02T02:00:00.000Z')
  })
})

describe('typed member messages', () => {
  it('link card: toUrlLink()', async () => {
    h.world.send(IDS.zhang, inRoom, { kind: 'link', url: 'https://x.cn/a', title: '优惠', description: '点我' })
    const m = await nth(1)
    expect(m.type()).toBe(types.Message.Url)
    const link = await m.toUrlLink()
    expect([link.url(), link.title(), link.description()]).toEqual(['https://x.cn/a', '优惠', '点我'])
  })

  it('mini program: toMiniProgram()', async () => {
    h.world.send(IDS.zhang, inRoom, { kind: 'miniprogram', title: '拼单', appid: 'wx123' })
    const mini = await (await nth(1)).toMiniProgram()
    expect([mini.title(), mini.appid()]).toEqual(['拼单', 'wx123'])
  })

  it('contact card: toContact()', async () => {
    h.world.send(IDS.zhang, inRoom, { kind: 'contact', contactId: IDS.wang })
    const m = await nth(1)
    expect(m.type()).toBe(types.Message.Contact)
    expect((await m.toContact()).name()).toBe('王五')
  })

  it('file and image: toFileBox() keeps the name and content', async () => {
    h.world.send(IDS.zhang, inRoom, { kind: 'file', name: 'a.apk' })
    h.world.send(IDS.zhang, inRoom, { kind: 'image', file: FileBox.fromBuffer(Buffer.from('png!'), 'shot.png') })
    const file = await nth(1)
    expect(file.type()).toBe(types.Message.Attachment)
    expect((await file.toFileBox()).name).toBe('a.apk')
    const image = await nth(2)
    expect(image.type()).toBe(types.Message.Image)
    expect((await (await image.toFileBox()).toBuffer()).toString()).toBe('png!')
  })

  it('red packet, transfer, voice, emoticon, video, location: types', async () => {
    const kinds = ['redpacket', 'transfer', 'voice', 'emoticon', 'video'] as const
    for (const kind of kinds) h.world.send(IDS.zhang, inRoom, { kind })
    h.world.send(IDS.zhang, inRoom, {
      kind: 'location',
      name: '公司',
      address: '上海',
      latitude: 31.2,
      longitude: 121.5,
      accuracy: 15,
    })
    await nth(6)
    const T = types.Message
    expect(inbox.map(m => m.type())).toEqual([T.RedEnvelope, T.Transfer, T.Audio, T.Emoticon, T.Video, T.Location])
    expect(inbox[0].text()).toBe('[红包]')
    // Wechaty 1.20.2's message.toLocation() throws (it news the unwechatified LocationImpl): read the puppet.
    expect((await h.bot.puppet.messageLocation(inbox[5].id)).name).toBe('公司')
  })

  it('recall: a Recalled message whose toRecalled() is the original', async () => {
    const original = h.world.say(IDS.zhang, inRoom, '发错了')
    h.world.recall(original)
    const notice = await nth(2)
    expect([notice.type(), notice.talker().id, notice.room()?.id]).toEqual([
      types.Message.Recalled,
      IDS.zhang,
      IDS.room,
    ])
    expect((await notice.toRecalled())?.text()).toBe('发错了')
  })

  it('rejects impossible messages: non-member in a group, unknown contacts', () => {
    expect(() => h.world.say(IDS.wang, inRoom, 'hi')).toThrow(/not a member/)
    expect(() => h.world.say(IDS.zhang, inRoom, 'hi', { mentions: ['ghost'] })).toThrow(/no contact ghost/)
  })
})
