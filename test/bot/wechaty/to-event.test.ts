import { FileBox } from 'file-box'
import { types, type Message } from 'wechaty'
import { describe, expect, it, vi } from 'vitest'
import { recentMedia } from '../../../bot/ports/media.js'
import { parsePaymentAmount } from '../../../bot/wechaty/payment-amount.js'
import { toMessageEvent } from '../../../bot/wechaty/to-event.js'

const GROUP = { id: 'r1', topic: '工作群', configName: '工作群', kind: 'internal' as const }

/** A Wechaty message of `type` in a group, its payload naming `filename` (or not), its file counted. */
function fileMessage(id: string, type: types.Message, filename?: string) {
  const toFileBox = vi.fn(async () => FileBox.fromBuffer(Buffer.from(`bytes of ${id}`), 'from-file.bin'))
  const talker = { id: 'wxid_a', name: () => '张三' }
  const room = { id: 'r1', alias: async () => '销售-张三' }
  const msg = {
    id,
    payload: { filename, mentionIdList: [] },
    talker: () => talker,
    room: () => room,
    type: () => type,
    text: () => '[文件]',
    date: () => new Date(0),
    toFileBox,
  }
  return { msg: msg as unknown as Message, toFileBox }
}

describe('toMessageEvent: files, images and videos', () => {
  it.each([
    ['a file', types.Message.Attachment],
    ['an image', types.Message.Image],
    ['a video', types.Message.Video],
  ])('names %s from the payload without fetching it; the bytes are fetched only when asked', async (_l, type) => {
    const { msg, toFileBox } = fileMessage(`m-${type}`, type, '报价单.xlsx')
    const ev = await toMessageEvent(msg, GROUP)
    expect(ev.attachment).toEqual({ fileName: '报价单.xlsx' })
    expect(toFileBox).not.toHaveBeenCalled()
    expect(Buffer.from((await recentMedia.fetch(`m-${type}`))!).toString()).toBe(`bytes of m-${type}`)
    expect(toFileBox).toHaveBeenCalledTimes(1)
  })

  it('fetches the file for its name when the payload has none, and its bytes come from that one fetch', async () => {
    const { msg, toFileBox } = fileMessage('m-unnamed', types.Message.Attachment)
    const ev = await toMessageEvent(msg, GROUP)
    expect(ev.attachment).toEqual({ fileName: 'from-file.bin' })
    expect(Buffer.from((await recentMedia.fetch('m-unnamed'))!).toString()).toBe('bytes of m-unnamed')
    expect(toFileBox).toHaveBeenCalledTimes(1)
  })
})

describe('toMessageEvent: mentions', () => {
  /** A group text mentioning `ids`, the puppet having cached the contacts in `cached`. */
  function mentioning(ids: string[], cached: string[]) {
    const mentionList = vi.fn(async () => ids.filter(id => id !== 'gone').map(id => ({ id })))
    const msg = {
      id: 'm-at',
      payload: { mentionIdList: ids },
      talker: () => ({ id: 'wxid_a', name: () => '张三' }),
      room: () => ({ id: 'r1', alias: async () => '销售-张三' }),
      type: () => types.Message.Text,
      text: () => '@李四 @王五 请看一下',
      date: () => new Date(0),
      mentionList,
      wechaty: { puppet: { contactPayloadCache: (id: string) => (cached.includes(id) ? { id } : undefined) } },
    }
    return { msg: msg as unknown as Message, mentionList }
  }

  it('reads the mentioned ids from the message when every contact is known, without a look-up each', async () => {
    const { msg, mentionList } = mentioning(['u1', 'u2'], ['u1', 'u2'])
    const ev = await toMessageEvent(msg, GROUP)
    expect(ev.mentions).toEqual(['u1', 'u2'])
    expect(ev.sender.groupAlias).toBe('销售-张三')
    expect(mentionList).not.toHaveBeenCalled()
  })

  it('asks Wechaty when a mentioned contact is not known yet (it leaves out one it cannot find)', async () => {
    const { msg, mentionList } = mentioning(['u1', 'gone'], ['u1'])
    const ev = await toMessageEvent(msg, GROUP)
    expect(ev.mentions).toEqual(['u1'])
    expect(mentionList).toHaveBeenCalledTimes(1)
  })
})

describe('toMessageEvent: link cards and mini programs', () => {
  /** A group message of `type` whose puppet answers `messageUrl` / `messageMiniProgram` for it. */
  function cardMessage(type: types.Message) {
    const puppet = {
      messageUrl: async (id: string) => ({
        url: `https://example.com/${id}`,
        title: '报价',
        description: '本周报价',
        thumbnailUrl: '',
      }),
      messageMiniProgram: async (id: string) => ({
        title: '小程序',
        description: `打开 ${id}`,
        pagePath: 'pages/index',
      }),
    }
    return {
      id: 'm-card',
      payload: { mentionIdList: [] },
      talker: () => ({ id: 'wxid_a', name: () => '张三' }),
      room: () => ({ id: 'r1', alias: async () => '销售-张三' }),
      type: () => type,
      text: () => '[链接]',
      date: () => new Date(0),
      wechaty: { puppet },
    } as unknown as Message
  }

  it('reads a link card as its address, title and description', async () => {
    const ev = await toMessageEvent(cardMessage(types.Message.Url), GROUP)
    expect(ev.attachment).toEqual({ url: 'https://example.com/m-card', title: '报价', description: '本周报价' })
  })

  it('reads a mini program as its title, description and page', async () => {
    const ev = await toMessageEvent(cardMessage(types.Message.MiniProgram), GROUP)
    expect(ev.attachment).toEqual({ title: '小程序', description: '打开 m-card', url: 'pages/index' })
  })
})

describe('toMessageEvent: red packets and transfers', () => {
  /** A group payment message whose text is what the puppet gives (WeChat's XML). */
  function payment(type: types.Message, text: string) {
    const talker = { id: 'wxid_a', name: () => '张三' }
    const room = { id: 'r1', alias: () => '销售-张三' }
    return {
      id: 'm-pay',
      payload: {},
      talker: () => talker,
      room: () => room,
      type: () => type,
      text: () => text,
      date: () => new Date(0),
    } as unknown as Message
  }
  const RED_PACKET =
    '<msg><appmsg><des><![CDATA[我给你发了一个红包，赶紧去拆!]]></des><type>2001</type><title><![CDATA[微信红包]]></title><wcpayinfo><receivertitle><![CDATA[恭喜发财，大吉大利]]></receivertitle><scenetext>微信红包</scenetext></wcpayinfo></appmsg></msg>'
  const TRANSFER =
    '<msg><appmsg><title><![CDATA[微信转账]]></title><type>2000</type><wcpayinfo><paysubtype>1</paysubtype><feedesc><![CDATA[￥10.50]]></feedesc></wcpayinfo></appmsg></msg>'

  it("reads a transfer's amount from its XML and shows it as 「[转账]」", async () => {
    const ev = await toMessageEvent(payment(types.Message.Transfer, TRANSFER), GROUP)
    expect(ev).toMatchObject({ kind: 'transfer', text: '[转账]', attachment: { amount: 10.5 } })
  })

  it('reads whom a group transfer is paid to (WeChat names its receiver)', async () => {
    const toLi = TRANSFER.replace(
      '</wcpayinfo>',
      '<receiver_username><![CDATA[wxid_li]]></receiver_username></wcpayinfo>',
    )
    const ev = await toMessageEvent(payment(types.Message.Transfer, toLi), GROUP)
    expect(ev.attachment).toEqual({ amount: 10.5, payee: 'wxid_li' })
  })

  it("reads who paid from a transfer's receipt (「已收款」, paysubtype 3), never from a transfer still to accept", async () => {
    const receipt = TRANSFER.replace('<paysubtype>1</paysubtype>', '<paysubtype>3</paysubtype>').replace(
      '</wcpayinfo>',
      '<payer_username><![CDATA[wxid_wang]]></payer_username></wcpayinfo>',
    )
    expect((await toMessageEvent(payment(types.Message.Transfer, receipt), GROUP)).attachment).toEqual({
      amount: 10.5,
      payer: 'wxid_wang',
    })
    const pending = receipt.replace('<paysubtype>3</paysubtype>', '<paysubtype>1</paysubtype>')
    expect((await toMessageEvent(payment(types.Message.Transfer, pending), GROUP)).attachment).toEqual({ amount: 10.5 })
  })

  it("reads when the payer sent a transfer (begintransfertime, seconds), a receipt's included, and nothing else", async () => {
    const sent = TRANSFER.replace(
      '</wcpayinfo>',
      '<begintransfertime><![CDATA[1764985200]]></begintransfertime></wcpayinfo>',
    )
    expect((await toMessageEvent(payment(types.Message.Transfer, sent), GROUP)).attachment).toEqual({
      amount: 10.5,
      paidAt: 1_764_985_200_000,
    })
    const memo = TRANSFER.replace(
      '</wcpayinfo>',
      '<pay_memo><![CDATA[<begintransfertime>1</begintransfertime>]]></pay_memo></wcpayinfo>',
    )
    expect((await toMessageEvent(payment(types.Message.Transfer, memo), GROUP)).attachment).toEqual({ amount: 10.5 })
  })

  it("leaves a red packet's amount unknown when its XML states none (WeChat keeps it hidden)", async () => {
    const ev = await toMessageEvent(payment(types.Message.RedEnvelope, RED_PACKET), GROUP)
    expect(ev).toMatchObject({ kind: 'redpacket', text: '[红包]', attachment: undefined })
  })

  it('reads a transfer stated in fen', async () => {
    const fen = '<msg><appmsg><type>2000</type><wcpayinfo><totalfee>500</totalfee></wcpayinfo></appmsg></msg>'
    expect((await toMessageEvent(payment(types.Message.Transfer, fen), GROUP)).attachment).toEqual({ amount: 5 })
  })

  it('never takes an amount for a red packet, whatever its XML says (WeChat hides it: the sender wrote it)', async () => {
    const fen = '<msg><appmsg><type>2001</type><wcpayinfo><totalfee>99900</totalfee></wcpayinfo></appmsg></msg>'
    const stated = RED_PACKET.replace('<scenetext>', '<feedesc><![CDATA[￥999.00]]></feedesc><scenetext>')
    for (const xml of [fen, stated]) {
      const ev = await toMessageEvent(payment(types.Message.RedEnvelope, xml), GROUP)
      expect(ev).toMatchObject({ kind: 'redpacket', text: '[红包]', attachment: undefined })
    }
  })

  it("ignores an amount spelled in a red packet's greeting, escaped or not", async () => {
    const greetings = [
      '<receivertitle><![CDATA[<feedesc>￥999</feedesc>]]></receivertitle>',
      '<receivertitle><feedesc>￥999</feedesc></receivertitle>',
    ]
    for (const greeting of greetings) {
      const xml = RED_PACKET.replace(/<receivertitle>.*<\/receivertitle>/, greeting)
      expect(parsePaymentAmount(xml)).toBeUndefined()
      expect(parsePaymentAmount(xml.replace('<type>2001</type>', '<type>2000</type>'))).toBeUndefined()
    }
  })

  it("reads a transfer's own amount, not one spelled in its memo or description", async () => {
    const memos = [
      '<pay_memo><![CDATA[<feedesc>￥999</feedesc>]]></pay_memo>',
      '<pay_memo><feedesc>￥999</feedesc></pay_memo>',
    ]
    for (const memo of memos) {
      const xml = TRANSFER.replace('<paysubtype>', `${memo}<paysubtype>`)
      const ev = await toMessageEvent(payment(types.Message.Transfer, xml), GROUP)
      expect(ev.attachment).toEqual({ amount: 10.5 })
    }
    // Without its own amount, a transfer whose memo spells one states none.
    const noFee = TRANSFER.replace(/<feedesc>.*<\/feedesc>/, '<pay_memo><feedesc>￥999</feedesc></pay_memo>')
    expect((await toMessageEvent(payment(types.Message.Transfer, noFee), GROUP)).attachment).toBeUndefined()
    // Two amounts, or XML that does not close what it opens, state none either.
    const twice = TRANSFER.replace('</wcpayinfo>', '<feedesc>￥999</feedesc></wcpayinfo>')
    expect(parsePaymentAmount(twice)).toBeUndefined()
    expect(parsePaymentAmount(TRANSFER.replace('</appmsg>', ''))).toBeUndefined()
  })
})
