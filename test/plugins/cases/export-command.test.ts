import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { CaseStore } from '../../../plugins/cases/store/case-store.js'
import { runCasesExport } from '../../../plugins/cases/cli/export-command.js'
import { compileTemplate } from '../../../plugins/cases/content/template.js'

const TZ = 'Asia/Shanghai'
const template = compileTemplate(['客户', '行业', '产品', '金额', '难点', '做法', '结果', '心得'])

async function storeWithCases() {
  const store = new MemoryStore()
  const cases = new CaseStore(store, TZ)
  const add = (text: string, at: string, tag = '成交') => {
    const p = template.parse(text)
    return cases.add({
      tag,
      authorId: 'zhang',
      author: '张三',
      groupId: 'r1',
      groupTopic: '销售部工作群',
      at: Date.parse(at),
      text,
      fields: p.fields,
      title: p.title,
      images: [],
    })
  }
  await add('客户：刘总\n金额：8.6万\n难点：价格异议, "太贵"\n做法：=先检测', '2026-11-30T02:00:00Z')
  await add('十月的旧案例 电话 13912345678', '2026-10-15T02:00:00Z', '经验')
  const gone = await add('已撤回的', '2026-11-20T02:00:00Z')
  await cases.update(gone, c => {
    c.status = 'withdrawn'
    c.text = ''
  })
  return store
}

/** A stream that keeps what is written to it. */
function sink() {
  const s = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        s.text += chunk.toString()
        done()
      },
    }),
    { text: '' },
  )
  return s
}

async function run(argv: string[]) {
  const store = await storeWithCases()
  const out = sink()
  const err = sink()
  const code = await runCasesExport(argv, store, TZ, out, err)
  return { code, text: out.text, err: err.text }
}

describe('runCasesExport', () => {
  it('writes Markdown for the period with every case in full (default format)', async () => {
    const { code, text } = await run(['export', '--from', '2026-11-01', '--to', '2026-11-30'])
    expect(code).toBe(0)
    expect(text).toMatch(/^# 案例导出 2026-11-01 至 2026-11-30/)
    expect(text).toContain('### C1【成交】刘总 · 8.6万')
    expect(text).not.toContain('十月的旧案例')
    expect(text).not.toContain('已撤回')
  })

  it('writes JSON of all live cases in date order, optionally masked', async () => {
    const { text } = await run(['--format=json', '--mask'])
    const cases = JSON.parse(text)
    expect(cases.map((c: { id: string }) => c.id)).toEqual(['C2', 'C1'])
    expect(text).toContain('139****5678')
  })

  it('--mask: no author WeChat id (one pseudonym per author) and phones, ID numbers, emails, WeChat ids masked', async () => {
    const store = new MemoryStore()
    const cases = new CaseStore(store, TZ)
    const add = (authorId: string, author: string, text: string, at: string) => {
      const p = template.parse(text)
      return cases.add({
        tag: '成交',
        authorId,
        author,
        at: Date.parse(at),
        text,
        fields: p.fields,
        title: p.title,
        images: [],
      })
    }
    await add(
      'wxid_zhang001',
      '张三',
      '客户：刘总\n电话 13912345678，身份证 11010519850315123X',
      '2026-11-30T02:00:00Z',
    )
    await add(
      'wxid_li002',
      '李四',
      '客户：周姐\n邮箱 zhoujie.li@example.com，微信号：zhoujie88',
      '2026-12-01T02:00:00Z',
    )
    await add('wxid_zhang001', '张三', '客户：王总\n加 wxid_wang777 聊的', '2026-12-02T02:00:00Z')
    for (const format of ['csv', 'json', 'md']) {
      const out = sink()
      expect(await runCasesExport(['--format', format, '--mask'], store, TZ, out, sink())).toBe(0)
      for (const secret of [
        'wxid_zhang001',
        'wxid_li002',
        '13912345678',
        '11010519850315123X',
        'zhoujie.li@',
        'zhoujie88',
        'wxid_wang777',
      ])
        expect(out.text).not.toContain(secret)
      if (format === 'csv') {
        const rows = out.text.replace(/^\uFEFF/, '').split('\r\n')
        expect(rows[0]).toContain(',作者,作者ID,')
        expect(rows.slice(1, 4).map(r => r.split(',').slice(2, 4).join(','))).toEqual([
          '张三,作者1',
          '李四,作者2',
          '张三,作者1',
        ])
        expect(out.text).toContain('电话 139****5678，身份证 110************23X')
        expect(out.text).toContain('邮箱 ***@example.com，微信号：***')
      }
    }
  })

  it('writes CSV with a BOM, template fields as columns, quoting and formula defusing', async () => {
    const { text } = await run(['--format', 'csv', '--from', '2026-11-01'])
    const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n')
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(header).toBe('编号,标签,作者,作者ID,来源,时间,标题,客户,行业,产品,金额,难点,做法,结果,心得,附图,全文')
    expect(row).toMatch(
      /^C1,成交,张三,zhang,销售部工作群,2026-11-30 10:00,刘总 · 8\.6万,刘总,,,8\.6万,"价格异议, ""太贵""",'=先检测,,,0,"客户：刘总/,
    )
  })

  it('refuses bad arguments with exit code 2', async () => {
    for (const argv of [
      ['--format', 'xml'],
      ['--from', '2026-13-01'],
      ['--from', '2026-11-30', '--to', '2026-11-01'],
      ['--bogus', '1'],
      ['--to'],
    ]) {
      expect((await run(argv)).code).toBe(2)
    }
  })

  it('refuses a day that does not exist or a reversed range in the words of the console and #记录', async () => {
    expect((await run(['--from', '2026-13-01'])).err).toMatch(
      /^--from\/--to：「2026-13-01」不是有效的日期，请写成年-月-日，例如 2026-12-01。\nusage: cases export/,
    )
    expect((await run(['--from', '2026-11-30', '--to', '2026-11-01'])).err).toContain(
      '--from 2026-11-30 晚于 --to 2026-11-01，请对调两个日期。',
    )
    expect((await run(['--to', '2026/11/31'])).err).toContain('「2026/11/31」不是有效的日期')
    expect((await run(['--from', '2026/11/01', '--to', '2026.11.30'])).code).toBe(0)
  })
})
