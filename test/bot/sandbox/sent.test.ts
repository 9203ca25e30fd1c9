import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileBox } from 'file-box'
import { createSandbox, type SentRecord } from '../../../bot/sandbox/index.js'
import { IDS, startSandbox, type Harness } from './harness.js'

let h: Harness
const NOW = 1_760_000_000_000

beforeEach(async () => {
  h = await startSandbox({ now: () => NOW })
})
afterEach(async () => {
  await h.bot.stop()
})

describe('what the bot sends', () => {
  it('room.say(text, contact): recorded with mention ids and the @alias prefix; `sent` event fires', async () => {
    const heard: SentRecord[] = []
    h.world.on('sent', r => {
      heard.push(r)
    })
    const msg = await h.room.say('请改群昵称', await h.contact(IDS.zhang), await h.contact(IDS.li))
    const record = h.world.sent[0]
    expect(record).toMatchObject({ at: NOW, roomId: IDS.room, kind: 'text', mentionIds: [IDS.zhang, IDS.li] })
    expect(record.text).toBe('@销售部-张三\u2005@李四 请改群昵称')
    expect(heard).toEqual([record])
    expect(msg?.id).toBe(record.id)
    expect((await msg?.mentionList())?.map(c => c.id)).toEqual([IDS.zhang, IDS.li])
    expect(msg?.self()).toBe(true)
  })

  it('contact.say(text): private, no mentions', async () => {
    await (await h.contact(IDS.wang)).say('你好')
    expect(h.world.sent[0]).toMatchObject({ toContactId: IDS.wang, kind: 'text', text: '你好', mentionIds: [] })
    expect(h.world.sent[0].roomId).toBeUndefined()
  })

  it('say(FileBox): image vs file by type, with file name', async () => {
    await h.room.say(FileBox.fromBuffer(Buffer.from('x'), 'chart.png'))
    await h.room.say(FileBox.fromBuffer(Buffer.from('x'), '周报.xlsx'))
    expect(h.world.sent.map(r => [r.kind, r.fileName])).toEqual([
      ['image', 'chart.png'],
      ['file', '周报.xlsx'],
    ])
  })

  it('say(UrlLink), say(MiniProgram), say(contact card)', async () => {
    await h.room.say(new h.bot.UrlLink({ url: 'https://wiki/rules', title: '群规' }))
    await h.room.say(new h.bot.MiniProgram({ title: '打卡', appid: 'wx1' }))
    await h.room.say(await h.contact(IDS.wang))
    expect(h.world.sent.map(r => [r.kind, r.title ?? r.contactId, r.url])).toEqual([
      ['link', '群规', 'https://wiki/rules'],
      ['miniprogram', '打卡', undefined],
      ['contact', IDS.wang, undefined],
    ])
  })

  it('sending to a group the bot has left fails', async () => {
    h.world.setRoomOwner(IDS.room, IDS.zhang)
    h.world.kick(IDS.room, IDS.bot, IDS.zhang)
    await expect(h.room.say('还在吗')).rejects.toThrow(/not a member/)
    expect(h.world.sent).toEqual([])
  })
})

describe('world lookups', () => {
  it('findContacts by id, group alias or name; findRoom by topic', () => {
    expect(h.world.findContacts('销售部-张三')).toEqual([IDS.zhang])
    expect(h.world.findContacts('李四', IDS.room)).toEqual([IDS.li])
    expect(h.world.findContacts('王五', IDS.room)).toEqual([])
    expect(h.world.findContacts(IDS.wang)).toEqual([IDS.wang])
    expect(h.world.findRoom('销售部')).toBe(IDS.room)
    expect(h.world.botId).toBe(IDS.bot)
    expect(h.world.contacts()).toHaveLength(4)
    expect(h.world.rooms().map(r => r.id)).toEqual([IDS.room])
  })

  it('login before Wechaty started is refused', () => {
    const { world } = createSandbox()
    expect(() => world.loginBot('bot')).toThrow(/before login/)
  })
})
