import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ANCHOR_LOG, type AnchorEntry, type CheckCodeEntry, lineHash } from '../../../plugins/archive/store/chain.js'
import { FileArchive, folderName } from '../../../plugins/archive/store/file-backend.js'
import { AnchorBook, readAnchorLog } from '../../../plugins/archive/verify/anchor-book.js'
import { checkCode, normalizeCode } from '../../../plugins/archive/verify/check-code.js'
import {
  admin,
  auditor,
  CONFIG,
  customer,
  customers,
  li,
  runCli,
  sales,
  setup,
  tempArchiveDir,
  zhang,
} from './setup.js'

const CODE = /存档校验码 2026-11-30：([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})（共 2 个会话文件）/

/** A bot whose archive has 2026-11-30 in two groups, one day on: the daily job (03:30 of 12-01) has run. */
async function dayDone(config = CONFIG) {
  const h = await setup({ config, dir: tempArchiveDir() })
  await h.say(zhang, '今天的拜访计划', sales)
  await h.say(customer, '请问退款多久到账？', customers)
  await h.say(li, '一般三个工作日', customers)
  await h.clock.advance(86_400_000) // 2026-12-01 09:00: the job of 03:30 made the code of 11-30
  await h.records('r-cust')
  const book = () =>
    new AnchorBook(h.store.readLog<AnchorEntry | CheckCodeEntry>(ANCHOR_LOG, '2026-01-01', '2027-12-31'))
  const verify = (argv: string[]) =>
    runCli(['verify', ...argv], { backend: new FileArchive(h.dir), dir: h.dir, anchors: book })
  const customerFile = join(h.dir, 'chats', folderName('r-cust'), '2026-11-30.jsonl')
  return { ...h, book, verify, customerFile }
}

/** The code an auditor was sent (the text of the private message). */
function sentCode(text: string): string {
  const m = CODE.exec(text)
  if (!m) throw new Error(`no check code in: ${text}`)
  return m[1]
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean)

describe('the daily archive check code', () => {
  it('goes privately to the auditor only, with what to do with it; the same code verify computes, exit 0', async () => {
    const h = await dayDone()
    const text = h.to('aud1')
    const code = sentCode(text)
    expect(text).toContain('这是当天全部聊天记录的指纹，请另存一份')
    expect(text).toContain(
      `私聊机器人「#记录 校验码 2026-11-30」、网页后台「信息记录」页，或在服务器上运行 archive verify --code ${code}`,
    )
    expect(h.to('admin1')).toBe('') // there is an auditor: admins are not sent it
    expect(h.to('r-cust')).not.toContain('校验码') // never into a group customers read
    expect(h.to('c1')).toBe('')
    const r = await h.verify(['--code', code])
    expect(r.code).toBe(0)
    expect(r.out).toContain('存档校验码核对 archive check code · 2026-11-30：2 个会话文件')
    expect(r.out).toContain(`✅ 存档仍给出校验码 ${code}`)
    // typed loosely (lower case, no dashes, O for 0), with the day named: the same code
    const loose = code.replace(/-/g, '').toLowerCase().replace(/0/g, 'o')
    expect((await h.verify(['--code', loose, '--day', '2026-11-30'])).code).toBe(0)
    const audit = h.rt.audit.query({ plugin: 'archive', days: 3, limit: 100 })
    expect(audit.find(e => e.rule === 'archive.check-code' && e.type === 'record')?.text).toBe(
      `存档校验码 2026-11-30：${code}（2 个会话文件），已记入锚点日志，私聊 1 人`,
    )
  })

  it('is stable: the archive reopened (a restart) gives the same code, and the next runs send no second one', async () => {
    const h = await dayDone()
    const code = sentCode(h.to('aud1'))
    const reopened = new FileArchive(h.dir).heads({ from: '2026-11-30', to: '2026-11-30' })
    expect(checkCode('2026-11-30', reopened)).toBe(code)
    expect(checkCode('2026-11-30', [...reopened].reverse())).toBe(code) // the order files are listed in is no part of it
    expect(checkCode('2026-12-01', reopened)).not.toBe(code) // the day is part of it
    // the anchor log as the command line reads it from the data folder (one JSON line a record) holds the code too
    const folder = join(tempArchiveDir(), ANCHOR_LOG)
    mkdirSync(folder)
    const entries = h.store.readLog<object>(ANCHOR_LOG, '2026-12-01', '2026-12-01')
    writeFileSync(join(folder, '2026-12-01.jsonl'), entries.map(e => `${JSON.stringify(e)}\n`).join(''))
    expect(readAnchorLog(folder)?.code('2026-11-30')?.code).toBe(code)
    await h.clock.advance(86_400_000) // 12-02 03:30: the code of 12-01 (the private chat its message opened), not 11-30
    await h.clock.advance(3_600_000)
    expect(h.to('aud1').match(/🔐 存档校验码 \S+：/g)).toEqual([
      '🔐 存档校验码 2026-11-30：',
      '🔐 存档校验码 2026-12-01：',
    ])
    expect((await h.verify(['--code', code])).code).toBe(0)
  })

  it('an edited line changes it: exit 3 with the file, also when the chain was recomputed to hide the edit', async () => {
    const h = await dayDone()
    const code = sentCode(h.to('aud1'))
    const all = lines(h.customerFile)
    all[0] = all[0].replace('请问退款多久到账？', '退款已经全部到账了') // as many bytes
    writeFileSync(h.customerFile, `${all.join('\n')}\n`)
    const edited = await h.verify(['--code', code])
    expect(edited.code).toBe(3)
    expect(edited.out).toMatch(/⚠️ 存档现在给出 [0-9A-Z-]{24}，不是/)
    expect(edited.out).toContain(
      `与校验码时不同 differs（broken）：张三交流群 · chats/${folderName('r-cust')}/2026-11-30.jsonl：哈希链断开（这一行的上一行被改动、删除或插入）（第 2 行）`,
    )
    // the next link recomputed too: every link right, the head not the one the code was made over
    all[1] = all[1].replace(/"prev":"[^"]*"/, `"prev":"${lineHash(Buffer.from(all[0]))}"`)
    writeFileSync(h.customerFile, `${all.join('\n')}\n`)
    const relinked = await h.verify(['--code', code, '--json'])
    expect(relinked.code).toBe(3)
    const v = JSON.parse(relinked.out)
    expect(v.matches).toBe(false)
    expect(v.check.differs).toEqual([
      { chat: 'r-cust', file: `chats/${folderName('r-cust')}/2026-11-30.jsonl`, problem: 'rewritten', line: 2 },
    ])
  })

  it('an anchor log rewritten to match the edit cannot give the kept code back: the file is then unnamed', async () => {
    const h = await dayDone()
    const code = sentCode(h.to('aud1'))
    const all = lines(h.customerFile)
    all[0] = all[0].replace('请问退款多久到账？', '退款已经全部到账了')
    all[1] = all[1].replace(/"prev":"[^"]*"/, `"prev":"${lineHash(Buffer.from(all[0]))}"`)
    writeFileSync(h.customerFile, `${all.join('\n')}\n`)
    // whoever edited also rewrote the log: new heads, a new code recorded for the day
    const heads = new FileArchive(h.dir).heads({ from: '2026-11-30', to: '2026-11-30' })
    const forged: CheckCodeEntry = {
      v: 1,
      kind: 'code',
      day: '2026-11-30',
      code: checkCode('2026-11-30', heads),
      files: heads.map(({ chat, bytes, hash }) => ({ chat, bytes, hash })),
      at: Date.parse('2026-11-30T19:30:00Z'),
    }
    const r = await runCli(['verify', '--code', code, '--day', '2026-11-30'], {
      backend: new FileArchive(h.dir),
      dir: h.dir,
      anchors: () => new AnchorBook([forged]),
    })
    expect(r.code).toBe(3)
    expect(r.out).toContain(`⚠️ 存档现在给出 ${forged.code}，不是 ${code}`)
    expect(r.out).toContain('锚点日志记录的当天校验码是')
    expect(r.out).toContain('锚点日志说不出是哪个文件')
    // without --day, the rewritten log knows no day for the kept code: asked for it (exit 2)
    const noDay = await runCli(['verify', '--code', code], {
      backend: new FileArchive(h.dir),
      dir: h.dir,
      anchors: () => new AnchorBook([forged]),
    })
    expect(noDay.code).toBe(2)
    expect(noDay.err).toContain('锚点日志中没有这个校验码：请用 --day YYYY-MM-DD 指明')
  })

  it('goes to the admins when there is no auditor; not at all when switched off (still recorded)', async () => {
    const noAuditor = await dayDone(CONFIG.replace(', auditor: [aud1]', ''))
    expect(noAuditor.to('admin1')).toMatch(CODE)
    const off = await dayDone(
      CONFIG.replace('groups:', 'plugins: { archive: { checkCode: { send: false } } }\ngroups:'),
    )
    expect(off.to('aud1')).toBe('')
    expect(off.book().code('2026-11-30')?.files).toHaveLength(2)
    expect(
      off.rt.audit.query({ plugin: 'archive', days: 3, limit: 100 }).find(e => e.rule === 'archive.check-code')?.text,
    ).toMatch(/未发送（无收件人或已关闭）$/)
  })

  it('in observe mode it is recorded, not sent', async () => {
    const h = await dayDone(CONFIG.replace('groups:', 'plugins: { archive: { dryRun: true } }\ngroups:'))
    expect(h.to('aud1')).toBe('')
    const held = h.rt.audit
      .query({ plugin: 'archive', days: 3, limit: 100 })
      .find(e => e.rule === 'archive.check-code' && e.type === 'say')
    expect(held).toMatchObject({ dryRun: true, memberId: 'aud1' })
    expect(held?.text).toMatch(CODE)
  })

  it('a code typed wrong is refused with what a code looks like (exit 2)', async () => {
    const h = await dayDone()
    const r = await h.verify(['--code', '7F3K-9QX2'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('不是存档校验码：应为 20 个字母数字')
    expect(normalizeCode(' 7f3k 9qx2 abcd efgh jkmn ')).toBe('7F3K-9QX2-ABCD-EFGH-JKMN')
    expect(normalizeCode('7F3K-9QX2-ABCD-EFGH-JKMU')).toBeUndefined() // U is no character of a code
  })
})

describe('#记录 校验码 (an auditor asks again)', () => {
  it('answers privately with the code the archive gives now, the same as sent; names the file once edited', async () => {
    const h = await dayDone()
    const code = sentCode(h.to('aud1'))
    h.wechat.sent.length = 0
    await h.say(auditor, '#记录 校验码')
    const again = h.to('aud1')
    expect(again).toContain(`🔐 存档校验码 2026-11-30：${code}（共 2 个会话文件，按现存记录重新计算）`)
    expect(again).toContain('✅ 与 12-01 03:30 发出的校验码一致')
    h.wechat.sent.length = 0
    const all = lines(h.customerFile)
    all[1] = all[1].replace('一般三个工作日', '一般七个工作日') // the last line: no link after it to break
    writeFileSync(h.customerFile, `${all.join('\n')}\n`)
    await h.say(admin, '#记录 校验码 2026-11-30')
    const edited = h.to('admin1')
    expect(edited).not.toContain(`2026-11-30：${code}（`) // the archive gives another code now
    expect(edited).toContain(`⚠️ 与 12-01 03:30 发出的校验码 ${code} 不同：当天的记录在那之后被改动过。`)
    expect(edited).toContain(
      `chats/${folderName('r-cust')}/2026-11-30.jsonl：与当时的末行不同（这一行或前面的行被改动，链被重算）（第 2 行）`,
    )
    h.wechat.sent.length = 0
    writeFileSync(h.customerFile, `${all[0]}\n`) // the last line removed
    await h.say(auditor, '#记录 校验码 昨天')
    expect(h.to('aud1')).toContain('2026-11-30.jsonl：文件比当时短（末尾的行被删除，或有行被改短后链被重算）')
  })

  it('today is not done yet; a range is refused; other staff are refused; in a group it asks for a private chat', async () => {
    const h = await dayDone()
    await h.say(auditor, '#记录 校验码 今天')
    expect(h.to('aud1')).toContain('2026-12-01 的记录还在写入：校验码在第二天的每日任务')
    await h.say(auditor, '#记录 校验码 上周')
    expect(h.to('aud1')).toContain('请写一天，例如「#记录 校验码 2026-12-06」')
    await h.say(zhang, '#记录 校验码')
    expect(h.to('zhang')).toBe('⛔ 没有权限：#记录 需要「审计员」或「管理员」角色。')
    await h.say(auditor, '#记录 校验码', sales)
    expect(h.to('r-sales')).not.toContain('🔐')
  })
})
