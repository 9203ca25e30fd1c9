import { describe, expect, it } from 'vitest'
import { runtimeSource } from '../../../bot/console/source.js'
import { customer, customers, setup, zhang } from './setup.js'

const DAY = 24 * 3600_000

/** A customer conversation over two days: 60 messages on the first, a recall of one of them and a command on the second. */
async function conversation() {
  const h = await setup()
  const first = []
  for (let i = 1; i <= 60; i++) first.push(await h.say(i % 2 ? customer : zhang, `第${i}句`, customers))
  await h.clock.advance(DAY)
  await h.say(customer, first[2].id, customers, { kind: 'recalled' })
  await h.say(zhang, '#帮助', customers)
  await h.say(zhang, '明天见', customers)
  const views = runtimeSource(h.rt).views('archive')
  if (!views) throw new Error('archive views missing')
  return { ...h, views }
}

const texts = (p: { records: { record: { text: string } }[] }) => p.records.map(x => x.record.text)

describe('archive: one chat read page by page', () => {
  it('reads newest first by default, 50 a page, and marks an original recalled a day later', async () => {
    const { views } = await conversation()
    const q = { chat: 'r-cust', from: '2026-11-30', to: '2026-12-01', skipCommands: await views.commandTalk() }
    const newest = await views.browse({ ...q, order: 'newest', page: 1 }, 'aud1')
    // 60 messages, the recall, 张三's #帮助 and 明天见: in a group customers read nothing a person said is left out
    // (the customer read the #帮助 too; its answer went privately).
    expect(newest).toMatchObject({ page: 1, pages: 2, total: 63, hiddenCommands: 0 })
    expect(texts(newest).slice(0, 2)).toEqual(['明天见', '#帮助'])
    expect(newest.records[2].record.type).toBe('recall')
    expect(texts(newest).at(-1)).toBe('第14句')
    const older = await views.browse({ ...q, order: 'newest', page: 2 }, 'aud1')
    expect(texts(older)).toEqual(Array.from({ length: 13 }, (_, i) => `第${13 - i}句`))
    expect(older.records.find(x => x.record.text === '第3句')?.recalled).toBe(true)
    expect(older.records.filter(x => x.recalled)).toHaveLength(1)
  })

  it('reads oldest first as a conversation reads, and past the last page shows the last page', async () => {
    const { views } = await conversation()
    const q = { chat: 'r-cust', from: '2026-11-30', to: '2026-12-01', order: 'oldest' as const }
    const first = await views.browse({ ...q, page: 1 }, 'aud1')
    expect(texts(first).slice(0, 3)).toEqual(['第1句', '第2句', '第3句'])
    expect(first.records[2].recalled).toBe(true)
    // Without skipCommands (含命令) the command is in the conversation too.
    const last = await views.browse({ ...q, page: 9 }, 'aud1')
    expect(last).toMatchObject({ page: 2, pages: 2, total: 63, hiddenCommands: 0 })
    expect(texts(last).slice(-2, -1)).toEqual(['#帮助'])
    expect(texts(last).at(-1)).toBe('明天见')
  })

  it('writes each page read to the archive access log: who, which chat, days, order and page, how many shown', async () => {
    const { views, backend } = await conversation()
    await views.browse({ chat: 'r-cust', from: '2026-11-30', to: '2026-11-30', order: 'oldest', page: 2 }, 'aud1')
    const log = await backend.readAccess('2026-12-01', '2026-12-01')
    expect(log.at(-1)).toMatchObject({
      who: 'aud1',
      action: 'search',
      detail: '浏览 r-cust · 2026-11-30 至 2026-11-30 · 最早在前 · 第 2/2 页 · 含命令（网页后台）',
      count: 10,
    })
  })

  it('says a chat with nothing in the range has one empty page', async () => {
    const { views } = await conversation()
    const none = await views.browse(
      { chat: 'r-cust', from: '2026-11-01', to: '2026-11-02', order: 'newest', page: 3 },
      'x',
    )
    expect(none).toEqual({ records: [], page: 1, pages: 1, total: 0, hiddenCommands: 0, recall: expect.anything() })
  })
})
