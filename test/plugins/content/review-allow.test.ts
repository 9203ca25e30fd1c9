import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DICTIONARY } from '../../../plugins/content/config.js'
import { admin, CUSTOMERS_CONTACT, cust, spammer, start } from './setup.js'

/** 家薇 is a homophone of the contact term 加薇 (review only); here it is a flower wholesaler's name. */
const SHOP = '家薇花卉的尾款今天到账了'
/** The shop named again in other words (`#忽略` keeps the same message from being asked about again for a day). */
const shop = (n: number): string => `家薇花卉的第 ${n} 笔尾款今天到账了`

/** A runtime over a writable copy of the review-learning dictionary; `ask` returns the admin's new texts. */
async function learning(extra = '') {
  const file = join(mkdtempSync(join(tmpdir(), 'review-learn-')), 'company.yaml')
  copyFileSync('test/plugins/content/fixtures/review-learn.yaml', file)
  const h = await start(`${CUSTOMERS_CONTACT}\n${extra}`, [file])
  let seen = 0
  const news = () => {
    const all = h.wechat.textsTo(admin.id)
    const out = all.slice(seen).join('\n')
    seen = all.length
    return out
  }
  const ask = async (text: string) => {
    await h.post(admin, undefined, text)
    await h.drain()
    return news()
  }
  const say = async (text: string) => {
    await h.post(spammer, cust, text)
    await h.drain()
    return news()
  }
  return { ...h, file, ask, say }
}

describe('#忽略 R3 允许: admins’ review decisions teach the matcher', () => {
  it('#忽略 says what would stop this kind of hit, and changes nothing else', async () => {
    const h = await learning()
    const before = readFileSync(h.file, 'utf8')
    expect(await h.say(SHOP)).toContain('🔎 待确认 R1')
    const reply = await h.ask('#忽略 R1')
    expect(reply).toContain('已忽略 R1（优惠多多：私加联系方式），不做处理。')
    expect(reply).toContain('以后不再提示「家薇花卉」：#忽略 R1 允许')
    expect(readFileSync(h.file, 'utf8')).toBe(before)
    // Ignoring is not allowing: the same false hit in other words is asked about again (the same message is not,
    // for a day: review-answered.test.ts).
    expect(await h.say(shop(2))).toContain('🔎 待确认 R2')
  })

  it('#忽略 R1 允许 adds the phrase: the hit stops, audited, the file keeps its comments; 加薇 outside it still acts', async () => {
    const h = await learning()
    await h.say(SHOP)
    const reply = await h.ask('#忽略 R1 允许')
    expect(reply).toContain('已忽略 R1')
    expect(reply).toContain('✅ 已添加允许短语「家薇花卉」（contact）')
    expect(reply).toContain('撤回：#词库 删除 contact 家薇花卉')
    const text = readFileSync(h.file, 'utf8')
    expect(text).toContain('allow: [加vip, 家薇花卉]')
    expect(text).toContain('# Dictionary for the tests of admins teaching the matcher')
    const audit = h.audit()
    expect(audit.map(a => a.rule)).toEqual(expect.arrayContaining(['content.review.ignore', 'content.dictionary.edit']))
    expect(audit.find(a => a.rule === 'content.dictionary.edit')?.reason).toBe('allow contact 家薇花卉 (R1)')

    expect(await h.say('家薇花卉这周六上门量尺寸')).not.toContain('待确认')
    // The term as written, outside the allowed phrase, still acts: a warning in the group and a strike.
    expect(await h.say('家薇花卉的活干完了，要报价加薇详聊')).not.toContain('待确认')
    expect(h.wechat.textsTo(cust.id)).toHaveLength(1)
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now()).map(s => s.category)).toEqual(['content.contact'])
  })

  it('is undone the way #词库 changes are: #词库 删除 takes the phrase out and the hit is asked about again', async () => {
    const h = await learning()
    await h.say(SHOP)
    await h.ask('#忽略 R1 允许')
    expect(await h.ask('#词库 删除 contact 家薇花卉')).toContain('已删除「家薇花卉」')
    expect(readFileSync(h.file, 'utf8')).toContain('allow: [加vip]')
    expect(await h.say(shop(2))).toContain('🔎 待确认 R2')
  })

  it('after #词库 删除 the false hit is suggested again once the admins keep ignoring it', async () => {
    const h = await learning()
    await h.say(SHOP)
    await h.ask('#忽略 R1 允许')
    await h.ask('#词库 删除 contact 家薇花卉')
    const asked: string[] = []
    for (let i = 2; i <= 4; i++) {
      await h.say(shop(i))
      asked.push(await h.ask(`#忽略 R${i}`))
    }
    expect(asked[2]).toContain('💡 「家薇花卉」里的私加联系方式命中已被忽略 3 次（R2、R3、R4），每次仍会提示。')
  })

  it('allows a review ignored earlier; a confirmed one is not allowed', async () => {
    const h = await learning()
    await h.say(SHOP)
    await h.ask('#忽略 R1')
    const later = await h.ask('#忽略 R1 允许')
    expect(later).not.toContain('已忽略 R1（')
    expect(later).toContain('✅ 已添加允许短语「家薇花卉」')
    // Asked once R1 is answered (while it was open, the same hit would have joined it).
    await h.say('找家薇茶叶的客户又来了一个')
    await h.ask('#确认 R2')
    expect(await h.ask('#忽略 R2 允许')).toContain('R2 已确认过，不再处理。')
    expect(readFileSync(h.file, 'utf8')).not.toContain('家薇茶叶')
  })

  it('with only the shipped dictionary it still ignores, and says where allowed phrases can go', async () => {
    const h = await start(CUSTOMERS_CONTACT, [DEFAULT_DICTIONARY])
    await h.post(spammer, cust, SHOP)
    await h.post(admin, undefined, '#忽略 R1 允许')
    await h.drain()
    const reply = h.wechat.textsTo(admin.id).at(-1)
    expect(reply).toContain('已忽略 R1')
    expect(reply).toContain('配置里只有自带词库，不能改它')
    expect(h.audit().map(a => a.rule)).toContain('content.dictionary.edit-refused')
  })

  it('says a refusal that holds for every phrase once (the sandbox writes no dictionary file)', async () => {
    const h = await start(CUSTOMERS_CONTACT, ['test/plugins/content/fixtures/review-learn.yaml'], true)
    await h.post(spammer, cust, '家薇花卉的尾款到了，保证家薇再来')
    await h.post(admin, undefined, '#忽略 R1 允许')
    await h.drain()
    const lines = (h.wechat.textsTo(admin.id).at(-1) ?? '').split('\n')
    expect(lines[0]).toContain('已忽略 R1')
    expect(lines.filter(l => l.startsWith('沙盒和回放不修改词库文件'))).toHaveLength(1)
    expect(lines).toEqual([...new Set(lines)])
  })

  it('offers no phrase cut out of overlapping hits: 扫码进裙领红包 is two evasions, not 「扫码进裙领」「码进裙领红包」', async () => {
    const h = await start('', [DEFAULT_DICTIONARY])
    await h.post(spammer, cust, '扫码进裙领红包')
    await h.post(admin, undefined, '#忽略 R1')
    await h.drain()
    const reply = h.wechat.textsTo(admin.id).at(-1)
    expect(reply).not.toContain('以后不再提示「')
    expect(reply).toContain('要以后不再提示：#词库 允许 ad <包含「扫码进裙」的短语>')
  })

  it('never allows the bare dictionary term: a hit that is the whole message gets no phrase', async () => {
    const h = await learning()
    const before = readFileSync(h.file, 'utf8')
    expect(await h.say('绝对安全')).toContain('🔎 待确认 R1')
    expect(await h.ask('#忽略 R1')).toContain('要以后不再提示：#词库 允许 false_ad <包含「绝对安全」的短语>')
    expect(await h.ask('#忽略 R1 允许')).toContain('R1 找不到可允许的短语。')
    expect(readFileSync(h.file, 'utf8')).toBe(before)
  })

  it('never learns a phrase holding the term as written: 保证绝对安全 is also how the violation is said', async () => {
    const h = await learning()
    const before = readFileSync(h.file, 'utf8')
    await h.say('电工师傅把线路都查过了，保证绝对安全')
    expect(await h.ask('#忽略 R1')).toContain('要以后不再提示：#词库 允许 false_ad <包含「绝对安全」的短语>')
    expect(await h.ask('#忽略 R1 允许')).toContain('R1 找不到可允许的短语。')
    expect(readFileSync(h.file, 'utf8')).toBe(before)
    expect(await h.say('本产品保证绝对安全，无效退款')).toContain('🔎 待确认 R2')
  })

  it('an allowed phrase covers only its own text: 家薇花卉 does not hide 加薇 as written in 加薇花卉', async () => {
    const h = await learning()
    await h.say(SHOP)
    await h.ask('#忽略 R1 允许')
    expect(await h.say('有需要请加薇花卉小王')).not.toContain('待确认')
    expect(h.wechat.textsTo(cust.id)).toHaveLength(1)
    expect(h.rt.ledger.activeStrikes(spammer.id, h.clock.now()).map(s => s.category)).toEqual(['content.contact'])
  })

  it('checks the phrase again when the admin answers: a term added since the review is not switched off', async () => {
    const h = await learning()
    await h.say(SHOP)
    await h.ask('#词库 添加 contact 家薇')
    const reply = await h.ask('#忽略 R1 允许')
    expect(reply).toContain(
      '未添加允许短语「家薇花卉」（contact）：其中的「家薇」会直接处理（原词 家薇），允许这个短语它就不再处理。',
    )
    expect(readFileSync(h.file, 'utf8')).not.toContain('家薇花卉')
    expect(h.audit().map(a => a.rule)).toContain('content.dictionary.edit-refused')
  })

  it('the same false hit ignored 3 times without 允许: the admins are told once how to stop it', async () => {
    const h = await learning()
    const asked: string[] = []
    for (let i = 1; i <= 4; i++) {
      await h.say(shop(i))
      asked.push(await h.ask(`#忽略 R${i}`))
    }
    expect(asked.slice(0, 2).join('\n')).not.toContain('💡')
    expect(asked[2]).toContain('💡 「家薇花卉」里的私加联系方式命中已被忽略 3 次（R1、R2、R3），每次仍会提示。')
    expect(asked[2]).toContain('以后不再提示：#忽略 R3 允许')
    expect(asked[3]).not.toContain('💡')
    expect(h.audit().filter(a => a.rule === 'content.review.suggest-allow')).toHaveLength(1)
  })

  it('suggestAllowAfter sets how many ignores it takes (0: never)', async () => {
    const twice = await learning('suggestAllowAfter: 2')
    for (const [i, id] of ['R1', 'R2'].entries()) {
      await twice.say(shop(i))
      await twice.ask(`#忽略 ${id}`)
    }
    expect(twice.audit().filter(a => a.rule === 'content.review.suggest-allow')).toHaveLength(1)
    const never = await learning('suggestAllowAfter: 0')
    for (const [i, id] of ['R1', 'R2', 'R3'].entries()) {
      await never.say(shop(i))
      await never.ask(`#忽略 ${id}`)
    }
    expect(never.audit().filter(a => a.rule === 'content.review.suggest-allow')).toHaveLength(0)
  })
})
