import { describe, expect, it } from 'vitest'
import { member } from '../../helpers/harness.js'
import { admin, cust, cust2, MIN, sales, spammer, start } from './setup.js'

/** A second admin: asked every question too, answers none here. */
const admin2 = member('wxid_admin2', '林主管')
const twoAdmins = (yaml: string) => yaml.replace('admin: [wxid_admin]', 'admin: [wxid_admin, wxid_admin2]')
/** Insults written in pinyin: fuzzy hits, review-only by default. */
const FIRST = '你才是shabi呢'
const AGAIN = '你们客服都是shabi'

/** The spammer asked about twice (R1, R2, same evasion, past the incident window); every admin has both questions. */
async function askedTwice() {
  const h = await start('', undefined, false, '', twoAdmins)
  await h.post(spammer, cust, FIRST)
  await h.post(spammer, cust2, AGAIN, {}, 20 * MIN)
  await h.drain()
  for (const a of [admin, admin2]) expect(h.wechat.textsTo(a.id).filter(t => t.startsWith('🔎 待确认'))).toHaveLength(2)
  return h
}

/** The notes that a question was closed, as one admin read them. */
const closed = (h: Awaited<ReturnType<typeof start>>, id: string) =>
  h.wechat.textsTo(id).flatMap(t => t.split('\n\n').filter(p => p.startsWith('✅ 待确认')))

describe('every admin asked is told once that a question was answered, by whom and how', () => {
  it('#确认 R1: the other admin reads who confirmed it and that R2 went with it; the one who answered reads his reply only', async () => {
    const h = await askedTwice()
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    expect(closed(h, admin2.id)).toEqual([
      '✅ 待确认 R1（优惠多多：侮辱性言论）已由 陈管理 确认，按违规处理；R2 一并确认。不必再答复。',
    ])
    expect(closed(h, admin.id)).toEqual([])
    expect(h.wechat.textsTo(admin.id).join('\n')).toContain('R2 与 R1 是同一人的同一变体')
  })

  it('#忽略 R1 without another question: the other admin reads it was ignored, nothing is done to the member', async () => {
    const h = await start('', undefined, false, '', twoAdmins)
    await h.post(spammer, cust, FIRST)
    await h.post(admin2, undefined, '#忽略 R1', {}, MIN)
    await h.drain()
    expect(closed(h, admin.id)).toEqual([
      '✅ 待确认 R1（优惠多多：侮辱性言论）已由 林主管 忽略，不做处理。不必再答复。',
    ])
    expect(closed(h, admin2.id)).toEqual([])
    expect(h.wechat.textsTo(cust.id)).toEqual([])
  })

  it('once: an answer to a question already closed sends no second note', async () => {
    const h = await askedTwice()
    await h.post(admin, undefined, '#确认 R1')
    await h.post(admin2, undefined, '#确认 R2')
    await h.post(admin, undefined, '#确认 R1')
    await h.drain()
    expect(closed(h, admin2.id)).toHaveLength(1)
    expect(closed(h, admin.id)).toEqual([])
    expect(h.wechat.textsTo(admin2.id).join('\n')).toContain('R2 已随 R1 一并确认过，不再处理。')
  })

  it('a question of observe mode was never asked: its answer tells nobody, it is only recorded', async () => {
    const h = await start('', undefined, false, '', yaml =>
      twoAdmins(yaml).replace('company: 示例科技', 'company: 示例科技\ndryRun: true'),
    )
    await h.post(spammer, cust, FIRST)
    await h.post(admin, undefined, '#忽略 R1', {}, MIN)
    await h.drain()
    expect(closed(h, admin2.id)).toEqual([])
    expect(h.audit().some(a => a.rule === 'content.review.closed' && a.dryRun)).toBe(true)
  })

  it('with an admin group, the note goes there once (every admin reads the group)', async () => {
    const h = await start('', undefined, false, '', yaml =>
      twoAdmins(yaml).replace(
        'company: 示例科技',
        'company: 示例科技\nadminChannel: { mode: group, group: 销售部工作群 }',
      ),
    )
    await h.post(spammer, cust, FIRST)
    await h.post(admin, undefined, '#忽略 R1', {}, MIN)
    await h.drain()
    expect(closed(h, sales.id)).toEqual([
      '✅ 待确认 R1（优惠多多：侮辱性言论）已由 陈管理 忽略，不做处理。不必再答复。',
    ])
  })

  it('the only admin answered: nobody else to tell, nothing recorded as told', async () => {
    const h = await start()
    await h.post(spammer, cust, FIRST)
    await h.post(admin, undefined, '#忽略 R1', {}, MIN)
    await h.drain()
    expect(h.audit().some(a => a.rule === 'content.review.closed')).toBe(false)
  })
})
