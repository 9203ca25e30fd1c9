import { appendFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MessageEvent } from '../../../bot/core/event.js'
import { Archiver } from '../../../plugins/archive/capture/archiver.js'
import { archiveConfigSchema } from '../../../plugins/archive/config.js'
import { chainStart, lineHash } from '../../../plugins/archive/store/chain.js'
import { FileArchive } from '../../../plugins/archive/store/file-backend.js'
import { MemoryArchive } from '../../../plugins/archive/store/memory-backend.js'
import { createArchivePlugin } from '../../../plugins/archive/index.js'
import { makeRuntime, text } from '../../helpers/harness.js'
import { admin, auditor, CONFIG, customer, customers, li, sales, setup, tempArchiveDir, zhang } from './setup.js'

const TYPES: [string, Partial<MessageEvent>, string][] = [
  ['[图片]', { kind: 'image', attachment: { fileName: 'a.jpg' } }, 'image'],
  ['[文件]', { kind: 'file', attachment: { fileName: '报价单.xlsx' } }, 'file'],
  [
    '[链接]',
    { kind: 'link', attachment: { url: 'https://example.com/a', title: '新品发布', description: '详情' } },
    'link',
  ],
  ['[小程序]', { kind: 'miniprogram', attachment: { title: '商城', url: 'pages/index' } }, 'miniprogram'],
  ['[红包]', { kind: 'redpacket', attachment: { amount: 8.88 } }, 'redpacket'],
  ['[转账]', { kind: 'transfer', attachment: { amount: 100 } }, 'transfer'],
  ['[语音]', { kind: 'voice' }, 'voice'],
  ['[视频]', { kind: 'video', attachment: { fileName: 'v.mp4' } }, 'video'],
  ['[表情]', { kind: 'emoticon' }, 'emoticon'],
  ['[名片]', { kind: 'contact' }, 'contact'],
  ['[位置]', { kind: 'location' }, 'location'],
  ['[未知]', { kind: 'other' }, 'other'],
]

describe('archive: capture', () => {
  it('keeps every kind of message with sender, display name, mentions and attachment metadata', async () => {
    const h = await setup()
    await h.say(zhang, '@李四 明天九点开会', sales, { mentions: ['li'] })
    for (const [body, extra] of TYPES) await h.say(li, body, sales, extra)
    await h.say(li, '收到', sales, { quote: { senderName: '张三', text: '明天九点开会' } })
    const recs = await h.records('r-sales')
    expect(recs.map(r => r.type)).toEqual(['text', ...TYPES.map(t => t[2]), 'quote'])
    expect(recs[0]).toMatchObject({
      seq: 1,
      chat: 'r-sales',
      topic: '销售部工作群',
      sender: { id: 'zhang', name: '张三' },
      text: '@李四 明天九点开会',
      mentions: ['li'],
    })
    // The group nickname shown in the chat at that time is kept as the sender's name.
    expect(recs[1].sender).toEqual({ id: 'li', name: '李四-南宁' })
    expect(recs.find(r => r.type === 'link')?.attachment).toEqual({
      url: 'https://example.com/a',
      title: '新品发布',
      description: '详情',
    })
    expect(recs.find(r => r.type === 'redpacket')?.attachment?.amount).toBe(8.88)
    expect(recs.at(-1)?.quote).toEqual({ senderName: '张三', text: '明天九点开会' })
  })

  it('writes append-only JSONL day segments per chat, with the schema version and its link on each line', async () => {
    const h = await setup({ dir: tempArchiveDir() }) // the file back end's layout
    await h.say(customer, '你好，想了解一下净水器', customers)
    await h.say(zhang, '您好刘总', customers)
    const folder = join(h.dir, 'chats', 'c_r-cust')
    expect(readdirSync(folder)).toEqual(['2026-11-30.jsonl'])
    const lines = readFileSync(join(folder, '2026-11-30.jsonl'), 'utf8').trim().split('\n')
    expect(lines.map(l => JSON.parse(l)).map(r => [r.v, r.seq, r.text])).toEqual([
      [2, 1, '你好，想了解一下净水器'],
      [2, 2, '您好刘总'],
    ])
    // Version 2: each line names the hash of the line before it (the first line: its chat's and day's start).
    const [first, second] = lines.map(l => JSON.parse(l).prev)
    expect(first).toBe(chainStart('r-cust', '2026-11-30'))
    expect(second).toBe(lineHash(Buffer.from(lines[0])))
    // The chat's name is on disk (in chats.json or its log): another process opening the archive reads it.
    expect(await new FileArchive(h.dir).chats()).toEqual([
      { chat: 'r-cust', kind: 'customer', title: '张三交流群', configName: '客户群' },
    ])
  })

  it('survives a line torn by a crash: the next write starts a new line, both neighbours stay whole', async () => {
    const h = await setup({ dir: tempArchiveDir() }) // the file back end's torn lines
    await h.say(zhang, '崩溃前', sales)
    appendFileSync(join(h.dir, 'chats', 'c_r-sales', '2026-11-30.jsonl'), '{"v":1,"seq":2,"id":"torn","te')
    const again = await setup({ dir: h.dir })
    await again.say(zhang, '重启后', sales)
    expect((await again.records('r-sales')).map(r => r.text)).toEqual(['崩溃前', '重启后'])
  })

  it('#状态 names the archive once in its line', async () => {
    const h = await setup()
    await h.say(zhang, '早上好', sales)
    await h.say(admin, '#状态')
    expect(h.to('admin1')).toMatch(/\n信息记录（archive）：本次启动已存档 \d+ 条/)
  })

  it('keeps private messages to the bot in a chat of their own', async () => {
    const h = await setup()
    await h.say(customer, '私聊问一下价格')
    expect((await h.records('private:c1')).map(r => [r.sender.name, r.text])).toEqual([['刘总', '私聊问一下价格']])
  })

  it('archives a duplicate delivery once, also after a restart', async () => {
    const h = await setup()
    const ev = await h.say(zhang, '只发了一次', sales)
    await h.say(zhang, '只发了一次', sales, { id: ev.id })
    // A new bot process over the same folder, receiving the same message again.
    const again = await setup({ dir: h.dir })
    await again.say(zhang, '只发了一次', sales, { id: ev.id })
    await again.say(zhang, '新消息', sales)
    expect((await again.records('r-sales')).map(r => [r.seq, r.text])).toEqual([
      [1, '只发了一次'],
      [2, '新消息'],
    ])
  })

  it('refuses a duplicate among the last 2,000 ids of a chat, and forgets older ones in arrival order', async () => {
    const archiver = new Archiver(new MemoryArchive(), 'Asia/Shanghai')
    const cfg = archiveConfigSchema.parse({})
    const capture = (id: string) => archiver.keep(textIn('r1', id, { title: '工作群' }), cfg)
    for (let i = 0; i < 2_500; i++) expect(await capture(`m${i}`)).toBe(true)
    expect(await capture('m2499')).toBe(false)
    expect(await capture('m500')).toBe(false) // the 2,000th newest
    expect(await capture('m499')).toBe(true) // forgotten, so kept again (and now the newest)
    expect(await capture('m499')).toBe(false)
    expect(await capture('m501')).toBe(false) // m500 was forgotten to make room, m501 not
    expect(await capture('m500')).toBe(true)
  })

  it("saves a chat's info once while it stays the same, and again when the group is renamed", async () => {
    const backend = new MemoryArchive()
    const saved: string[] = []
    const save = backend.saveChat.bind(backend)
    backend.saveChat = async info => {
      saved.push(info.title)
      return save(info)
    }
    const archiver = new Archiver(backend, 'Asia/Shanghai')
    const cfg = archiveConfigSchema.parse({})
    const capture = (id: string, title: string) => archiver.keep(textIn('r1', id, { title, configName: '工作群' }), cfg)
    await capture('m1', '销售一部')
    await archiver.idle()
    for (let i = 2; i < 6; i++) await capture(`m${i}`, '销售一部')
    await capture('m6', '销售一部（新）')
    await archiver.idle()
    await capture('m7', '销售一部（新）')
    await archiver.idle()
    expect(saved).toEqual(['销售一部', '销售一部（新）'])
    expect((await backend.chats()).map(c => c.title)).toEqual(['销售一部（新）'])
  })

  it('writes the records that queued behind a slow write in one batch, in order; while writes fail, tries one record at a time', async () => {
    const backend = new MemoryArchive()
    const batches: string[][] = []
    let release: () => void = () => {}
    let refuse = false
    const store = backend.appendNow.bind(backend)
    Object.assign(backend, {
      appendNow: undefined, // a back end that writes asynchronously, in batches (as PostgreSQL)
      appendMany: async (items: { record: { id: string }; day: string }[]) => {
        batches.push(items.map(i => i.record.id))
        if (batches.length === 1) await new Promise<void>(r => (release = r)) // the first write is slow
        if (refuse) throw new Error('connection terminated')
        for (const i of items) store(i.record as never, i.day)
      },
    })
    const archiver = new Archiver(backend, 'Asia/Shanghai')
    const cfg = archiveConfigSchema.parse({})
    const capture = (id: string) => archiver.keep(textIn('r1', id, { title: '销售一部' }), cfg)
    await capture('m1') // saves the chat's info first, then writes m1 alone
    await new Promise(r => setTimeout(r, 0))
    for (const id of ['m2', 'm3', 'm4']) await capture(id)
    release()
    await archiver.idle()
    expect(batches).toEqual([['m1'], ['m2', 'm3', 'm4']])
    refuse = true
    for (const id of ['m5', 'm6', 'm7']) await capture(id)
    await archiver.idle()
    expect(archiver.backlog).toBe(3)
    // While writes fail, each try sends the oldest record alone, not the whole backlog again.
    const tries = batches.slice(2)
    expect(tries.every(b => b.join() === 'm5')).toBe(true)
    refuse = false
    await archiver.retry()
    expect(batches.slice(2 + tries.length)).toEqual([['m5'], ['m6', 'm7']]) // back: the probe, then the rest at once
    expect(archiver.backlog).toBe(0)
    expect((await backend.tail('r1', 10)).map(r => r.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'])
    // A new chat's first record waits for its chat info to be saved; records captured meanwhile stay behind it.
    let saved: () => void = () => {}
    const save = backend.saveChat.bind(backend)
    backend.saveChat = async info => {
      await new Promise<void>(r => (saved = r))
      return save(info)
    }
    await archiver.keep(textIn('r2', 'n1', { title: '销售二部' }), cfg)
    await new Promise(r => setTimeout(r, 0))
    for (const id of ['m8', 'm9']) await capture(id)
    saved()
    await archiver.idle()
    expect(batches.at(-1)).toEqual(['n1', 'm8', 'm9'])
  })

  it('records a recall as its own record pointing at the original, which stays', async () => {
    const h = await setup()
    const original = await h.say(customer, '我的电话是 13912345678', customers)
    await h.say(customer, original.id, customers, { kind: 'recalled' })
    const recs = await h.records('r-cust')
    expect(recs.map(r => [r.type, r.text])).toEqual([
      ['text', '我的电话是 13912345678'],
      ['recall', original.id],
    ])
    expect(recs[1].recalls).toBe(original.id)
  })

  it('keeps arrival order per chat when chats interleave', async () => {
    const h = await setup()
    for (let i = 1; i <= 4; i++) {
      await h.say(zhang, `销售 ${i}`, sales)
      await h.say(customer, `客户 ${i}`, customers)
    }
    expect((await h.records('r-sales')).map(r => `${r.seq}:${r.text}`)).toEqual([
      '1:销售 1',
      '2:销售 2',
      '3:销售 3',
      '4:销售 4',
    ])
    expect((await h.records('r-cust')).map(r => r.seq)).toEqual([1, 2, 3, 4])
  })

  it('archives a 1 MB text and binary-looking text without harming the neighbours', async () => {
    const h = await setup()
    const big = '长'.repeat(1_000_000)
    await h.say(zhang, '之前', sales)
    await h.say(zhang, big, sales)
    const binary = '\u0000\u0007\uFFFD\uD800 二进制'
    await h.say(zhang, binary, sales)
    await h.say(zhang, '之后', sales)
    const recs = await h.backend.tail('r-sales', 10)
    expect(recs.map(r => r.text.length)).toEqual([2, 1_000_000, binary.length, 2])
    expect(recs[2].text).toBe(binary)
    expect(recs[3].text).toBe('之后')
    const found = await h.backend.search({ from: '2026-11-30', to: '2026-11-30', words: ['二进制'] }, 5)
    expect(found.hits.map(x => [x.before?.text.length, x.record.text, x.after?.text])).toEqual([
      [1_000_000, binary, '之后'],
    ])
    expect((await h.backend.search({ from: '2026-11-30', to: '2026-11-30', words: ['长长'] }, 5)).total).toBe(1)
  })

  it('archives a message kind it does not know as 其他, keeping the kind', async () => {
    const h = await setup()
    await h.say(zhang, '[未知消息]', sales, { kind: 'hologram' as MessageEvent['kind'] })
    expect((await h.records('r-sales')).map(r => [r.type, r.rawKind])).toEqual([['other', 'hologram']])
  })

  it('tells the admins once when the disk refuses writes, keeps going, and writes the backlog later', async () => {
    const backend = new MemoryArchive()
    const append = backend.append.bind(backend)
    const appendNow = backend.appendNow.bind(backend)
    let full = true
    backend.append = async (r, day) => {
      if (full) throw new Error('ENOSPC: no space left on device')
      return append(r, day)
    }
    backend.appendNow = (r, day) => {
      if (full) throw new Error('ENOSPC: no space left on device')
      appendNow(r, day)
    }
    const h = await setup({ backend })
    await h.say(zhang, '第一条', sales)
    await h.say(zhang, '第二条', sales)
    expect(h.to('admin1').match(/信息记录写入失败/g)).toHaveLength(1)
    expect(h.to('admin1')).toContain('ENOSPC')
    // The bot keeps working meanwhile: commands are answered, the status tells the backlog.
    await h.say(admin, '#状态')
    expect(h.to('admin1')).toContain('⚠️ 写入失败待重试 3 条') // the two messages and the #状态 itself
    full = false
    await h.clock.advance(60_000) // the retry timer writes the backlog without waiting for a new message
    expect((await h.records('r-sales')).map(r => r.text)).toEqual(['第一条', '第二条'])
    expect(h.to('admin1')).toContain('✅ 信息记录恢复写入，积压的记录已补写。')
    await h.say(zhang, '第三条', sales)
    expect((await h.records('r-sales')).map(r => r.text)).toEqual(['第一条', '第二条', '第三条'])
  })

  it('a write that never returns (a stuck disk) does not hold the event queue', async () => {
    const backend = new MemoryArchive()
    backend.append = () => new Promise<void>(() => {})
    Object.assign(backend, { appendNow: undefined }) // a back end that writes asynchronously only (as PostgreSQL)
    const h = await setup({ backend })
    await h.say(zhang, '卡住的写入', sales)
    await h.say(admin, '#状态')
    expect(h.to('admin1')).toContain('信息记录（archive）：本次启动已存档')
  })

  it('keeps attachment bytes up to the size cap when the config asks and a media source is wired', async () => {
    const dir = tempArchiveDir()
    const backend = new FileArchive(dir)
    const bytes: Record<string, Uint8Array> = { 'a.jpg': new Uint8Array([1, 2, 3]), 'big.mp4': new Uint8Array(11) }
    const plugin = createArchivePlugin({
      backend: () => backend,
      media: { fetch: async id => bytes[id] },
    })
    const h = await makeRuntime(`${CONFIG}plugins: { archive: { media: { keepBytes: true, maxBytes: 10 } } }\n`, [
      plugin,
    ])
    for (const fileName of ['a.jpg', 'big.mp4'])
      await h.rt.handle(
        text(zhang, '[图片]', h.clock.now(), sales, { id: fileName, kind: 'image', attachment: { fileName } }),
      )
    await h.clock.advance(1000)
    const [small, big] = await backend.tail('r-sales', 2)
    expect(small.attachment).toEqual({ fileName: 'a.jpg', stored: expect.stringMatching(/^media\//), bytes: 3 })
    expect([...readFileSync(join(dir, small.attachment?.stored ?? ''))]).toEqual([1, 2, 3])
    expect(big.attachment).toEqual({ fileName: 'big.mp4', skipped: 'larger than 10 bytes' })
  })

  it('does not archive private chats when privateChats is off', async () => {
    const h = await setup({
      config: `
company: 示例科技
groups: [{ name: 销售群, topic: 销售部工作群, kind: internal }]
plugins: { archive: { privateChats: false } }
`,
    })
    await h.say(customer, '私聊')
    await h.say(zhang, '群聊', sales)
    expect(await h.records('private:c1')).toEqual([])
    expect(await h.records('r-sales')).toHaveLength(1)
  })
})

describe("archive: the bot's own messages", () => {
  it('archives what the bot sends into a group and privately once, marked as the bot’s, with type and text', async () => {
    const h = await setup()
    h.wechat.addGroup(sales, [zhang, li])
    await h.say(zhang, '今天几点开会', sales)
    h.rt.outbox.enqueue({ chat: { room: 'r-sales' }, text: '九点开会，请准时' })
    await h.clock.advance(10_000)
    await h.say(auditor, '#记录 导出 销售群 格式:jsonl')
    const group = await h.records('r-sales')
    expect(group.map(r => [r.seq, r.type, r.text, r.fromBot ?? false])).toEqual([
      [1, 'text', '今天几点开会', false],
      [2, 'text', '九点开会，请准时', true],
    ])
    expect(group[1].sender).toEqual({ id: h.wechat.selfId(), name: '机器人' })
    const mine = await h.records('private:aud1')
    expect(mine.map(r => [r.type, r.fromBot ?? false])).toEqual([
      ['text', false],
      ['text', true],
      ['file', true],
    ])
    expect(mine[1].text).toContain('📦 已导出')
    // Stamped with the local time the auditor reads (the harness clock is 09:00 in Shanghai, 01:00 UTC).
    expect(mine[2].attachment?.fileName).toMatch(/^信息记录-.*-\d{8}T09\d{4}\.jsonl$/)
    // The private chat keeps the auditor's name (the bot's own message does not rename it).
    expect((await h.backend.chats()).find(c => c.chat === 'private:aud1')?.title).toBe('王审计')
  })

  it('a private chat the bot opens is titled with the name the person has in the groups, not their id', async () => {
    const h = await setup()
    h.wechat.addGroup(sales, [zhang, li])
    await h.say(li, '今天几点开会', sales)
    h.rt.outbox.enqueue({ chat: { contact: 'li' }, text: '请补交周报' })
    await h.clock.advance(10_000)
    expect((await h.records('private:li')).map(r => r.text)).toEqual(['请补交周报']) // written (PostgreSQL: in a batch)
    const chats = await h.backend.chats()
    expect(chats.find(c => c.chat === 'private:li')?.title).toBe('李四-南宁')
  })
})

/** A text message `id` to capture in the internal group `chat`, its chat info as `info` says. */
function textIn(chat: string, id: string, info: { title: string; configName?: string }) {
  return {
    info: { chat, kind: 'internal' as const, ...info },
    id,
    at: 0,
    build: (seq: number) => ({
      v: 1 as const,
      seq,
      id,
      at: 0,
      chat,
      sender: { id: 'a', name: 'A' },
      type: 'text' as const,
      text: id,
      mentions: [],
    }),
  }
}
