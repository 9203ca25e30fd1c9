import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArchiveBackend } from '../../../plugins/archive/store/backend.js'
import { createArchivePlugin } from '../../../plugins/archive/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'
import { CONFIG, customer, customers, li, runCli, sales, setup, tempArchiveDir, testArchive, zhang } from './setup.js'

/**
 * An archive holding a short customer conversation (with a quote, a file and a recall) and one internal message:
 * its back end (the runtime's: `PgArchive` under `npm run test:pg`), or with `dir` a `FileArchive` there.
 */
async function archived(dir?: string): Promise<ArchiveBackend> {
  const h = await setup(dir ? { dir } : {})
  await h.say(customer, '你好，想了解净水器', customers)
  await h.say(zhang, '=SUM(A1) 报价见附件, "含税"', customers, {
    quote: { senderName: '刘总', text: '你好，想了解净水器' },
  })
  await h.say(zhang, '[文件]', customers, { kind: 'file', attachment: { fileName: '报价单.xlsx' } })
  const oops = await h.say(customer, '我的电话 13912345678', customers)
  await h.say(customer, oops.id, customers, { kind: 'recalled' })
  await h.say(li, '内部讨论', sales)
  return h.backend
}

/** `archive …` over `backend`, with the access log of the day it runs. */
async function run(backend: ArchiveBackend, argv: string[]) {
  const r = await runCli(argv, { backend })
  return { ...r, access: await backend.readAccess('2026-12-01', '2026-12-01') }
}

describe('archive export (CLI)', () => {
  it('writes JSONL: the stored records of the range, chat by chat in arrival order', async () => {
    const r = await run(await archived(), ['export', '--from', '2026-11-30', '--to', '2026-11-30', '--format', 'jsonl'])
    expect(r.code).toBe(0)
    const recs = r.out
      .trim()
      .split('\n')
      .map(l => JSON.parse(l))
    expect(recs.map(x => `${x.chat}#${x.seq} ${x.type}`)).toEqual([
      'r-cust#1 text',
      'r-cust#2 quote',
      'r-cust#3 file',
      'r-cust#4 text',
      'r-cust#5 recall',
      'r-sales#1 text',
    ])
    expect(r.err).toBe('已导出 6 条记录（exported 6 record(s)）\n')
  })

  it('writes CSV for Excel: BOM at byte 0, CRLF rows, formulas defused, recalls marked', async () => {
    const r = await run(await archived(), [
      'export',
      '--from=2026-11-30',
      '--to=2026-11-30',
      '--group',
      '客户群',
      '--format',
      'csv',
    ])
    const bytes = Buffer.from(r.out)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = r.out.slice(1).split('\r\n')
    expect(rows[0]).toBe('时间,会话,会话ID,发送人,发送人ID,类型,内容,引用,附件,提及,消息ID,撤回')
    expect(rows[2]).toMatch(
      /^2026-11-30 09:00,张三交流群,r-cust,张三,zhang,引用,"'=SUM\(A1\) 报价见附件, ""含税""",刘总：你好，想了解净水器,,,m\d+,$/,
    )
    expect(rows[3]).toContain(',文件,[文件],,报价单.xlsx,')
    expect(rows[4]).toMatch(/刘总,c1,文字,我的电话 13912345678,,,,m\d+,已撤回$/)
    expect(rows[5]).toMatch(/,刘总,c1,撤回,11-30 \d\d:\d\d 的「我的电话 13912345678」,,,,m\d+,$/)
    expect(rows.filter(Boolean)).toHaveLength(6)
    expect(r.out).not.toContain('内部讨论')
  })

  it('writes a readable Markdown transcript with names, times, quotes and attachments', async () => {
    const r = await run(await archived(), ['export', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'md'])
    expect(r.out).toContain('# 信息记录导出 2026-11-01 至 2026-11-30\n\n## 张三交流群（客户群）\n\n### 2026-11-30\n\n')
    expect(r.out).toContain('- 09:00 **张三**：=SUM(A1) 报价见附件, "含税"\n  > 引用 刘总：你好，想了解净水器\n')
    expect(r.out).toContain('- 09:00 **张三**：\\[文件 报价单.xlsx\\]\n')
    expect(r.out).toContain('**刘总**：我的电话 13912345678（已撤回）\n')
    // A recall says what it took back (time and first characters), never the bare message id.
    expect(r.out).toMatch(/\*\*刘总\*\*：撤回了一条消息（11-30 \d\d:\d\d 的「我的电话 13912345678」）/)
    expect(r.out).toContain('## 销售部工作群（内部群）')
  })

  it('writes Markdown that shows exactly what was said: no HTML, link, emphasis or strikethrough of the sender', async () => {
    const h = await setup()
    const evil = member('zhang', '<b>张三</b>')
    const room = group('r-x', '客户群 <img src=x onerror=alert(1)> ##', 'customer', '客户群')
    h.wechat.addGroup(room, [evil, customer])
    const said = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[合同](https://evil.example/合同.pdf)',
      '~~同意退款~~ **不** 同意 _斜体_ `代码` \\* &lt;',
      '第一行\r# 标题\n> 引用',
    ]
    for (const body of said) await h.say(evil, body, room)
    await h.say(customer, '好', room, { quote: { senderName: '[链接](https://evil)', text: '~~原话~~' } })
    const r = await run(h.backend, ['export', '--from', '2026-11-30', '--to', '2026-11-30', '--format', 'md'])
    const lines = r.out.split('\n')
    expect(lines).toContain('## 客户群 \\<img src=x onerror=alert(1)\\> \\#\\#（客户群）')
    const items = lines.filter(l => l.startsWith('- '))
    expect(items.slice(0, 4)).toEqual([
      '- 09:00 **\\<b\\>张三\\</b\\>**：\\<script\\>alert(1)\\</script\\>',
      '- 09:00 **\\<b\\>张三\\</b\\>**：\\<img src=x onerror=alert(1)\\>',
      '- 09:00 **\\<b\\>张三\\</b\\>**：\\[合同\\](https://evil.example/合同.pdf)',
      '- 09:00 **\\<b\\>张三\\</b\\>**：\\~\\~同意退款\\~\\~ \\*\\*不\\*\\* 同意 \\_斜体\\_ \\`代码\\` \\\\\\* \\&lt;',
    ])
    // What a viewer renders (each backslash escape is the character after it, as CommonMark reads it) is what was said.
    const shown = (l: string) => l.replace(/\\([!-/:-@[-`{-~])/g, '$1')
    expect(items.map(shown)).toEqual([
      ...said.map(t => `- 09:00 **<b>张三</b>**：${t.replace(/\r|\n/g, ' ⏎ ')}`),
      '- 09:00 **刘总**：好',
    ])
    expect(lines[lines.indexOf(items[5]) + 1]).toBe('  > 引用 \\[链接\\](https://evil)：\\~\\~原话\\~\\~')
  })

  it('writes one self-contained HTML transcript: names, times, quotes, recalls, escaped text, kept images inline', async () => {
    const { backend, store, settle } = await testArchive()
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    const plugin = createArchivePlugin({
      backend: () => backend,
      media: { fetch: async id => (id === 'img1' ? png : undefined) },
    })
    const h = await makeRuntime(
      `${CONFIG}plugins: { archive: { media: { keepBytes: [customer] } } }\n`,
      [plugin],
      store ? { store } : {},
    )
    const at = () => h.clock.now()
    await h.rt.enqueue(text(customer, '<script>alert("x")</script> & 你好', at(), customers))
    await h.rt.enqueue(text(zhang, '收到', at(), customers, { quote: { senderName: '刘总', text: '<b>你好</b>' } }))
    await h.rt.enqueue(
      text(zhang, '[图片]', at(), customers, { id: 'img1', kind: 'image', attachment: { fileName: 'a.png' } }),
    )
    const oops = text(customer, '说错了', at(), customers)
    await h.rt.enqueue(oops)
    await h.rt.enqueue(text(customer, oops.id, at(), customers, { kind: 'recalled' }))
    await h.clock.advance(1000)
    await settle()
    const r = await run(backend, ['export', '--from', '2026-11-30', '--to', '2026-11-30', '--format', 'html'])
    expect(r.code).toBe(0)
    expect(r.out.startsWith('<!doctype html>')).toBe(true)
    expect(r.out).toContain('<h2>张三交流群（客户群）</h2>')
    expect(r.out).toContain('<span class="t">09:00</span><span class="n">刘总</span>')
    expect(r.out).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; 你好')
    expect(r.out).not.toContain('<script')
    expect(r.out).toContain('<blockquote>刘总：&#60;b&#62;你好&#60;/b&#62;</blockquote>')
    expect(r.out).toContain(`src="data:image/png;base64,${Buffer.from(png).toString('base64')}"`)
    expect(r.out).toContain('说错了</div>'.replace('</div>', '')) // the original stays
    expect(r.out).toMatch(/刘总<\/span><span class="r">（已撤回）<\/span><div class="x">说错了/)
    expect(r.out).not.toMatch(/(src|href)="https?:/) // nothing is fetched from outside
    expect(r.out.trim().endsWith('</html>')).toBe(true)
  })

  it('filters by member, and says so when the range is empty', async () => {
    const backend = await archived()
    const r = await run(backend, ['export', '--from', '2026-11-30', '--to', '2026-11-30', '--member', '张三'])
    expect(r.out.trim().split('\n')).toHaveLength(2)
    const empty = await run(backend, ['export', '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'md'])
    expect(empty.out).toContain('（该范围内没有记录）')
  })

  it('writes each export to the access log and the audit log before the data', async () => {
    const r = await run(await archived(), ['export', '--from', '2026-11-30', '--to', '2026-11-30', '--group', '客户群'])
    expect(r.access).toEqual([
      {
        v: 1,
        at: Date.parse('2026-12-01T02:00:00Z'),
        who: 'cli:tester',
        action: 'export',
        detail: 'export jsonl 2026-11-30..2026-11-30 groups 客户群',
      },
    ])
    expect(r.audited).toEqual(['cli:tester 导出信息记录：export jsonl 2026-11-30..2026-11-30 groups 客户群'])
  })

  it('refuses bad arguments with exit code 2 and the usage', async () => {
    const backend = await archived()
    for (const argv of [
      ['export', '--from', '2026-11-30'],
      ['export', '--from', '2026-13-01', '--to', '2026-11-30'],
      ['export', '--from', '2026-11-30', '--to', '2026-11-30', '--format', 'xml'],
      ['export', '--from', '2026-11-30', '--to', '2026-11-30', '--group', '不存在的群'],
      ['delete'],
    ]) {
      const r = await run(backend, argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.err).toContain('usage: archive export')
      expect(r.out).toBe('')
    }
    // Chinese first, like the other CLI errors.
    const missing = await run(backend, ['export', '--from', '2026-11-30'])
    expect(missing.err).toMatch(/^❌? ?缺少 --from 或 --to/m)
    const backwards = await run(backend, ['export', '--from', '2026-12-06', '--to', '2026-12-01'])
    expect(backwards.err).toContain('--from 2026-12-06 晚于 --to 2026-12-01，请对调两个日期')
    expect(
      (await run(backend, ['export', '--from', '2026-11-30', '--to', '2026-11-30', '--group', '不存在的群'])).access,
    ).toEqual([])
    // Bad days in the words of the console and #记录.
    expect((await run(backend, ['export', '--from', '2026-13-01', '--to', '2026-11-30'])).err).toContain(
      '--from/--to：「2026-13-01」不是有效的日期，请写成年-月-日，例如 2026-12-01。',
    )
    expect((await run(backend, ['export', '--from', '2026-11-30'])).err).toContain('缺少 --from 或 --to')
  })

  it('runs as `group-guard archive export`: CSV on stdout starts with the BOM, the export lands in the audit log', async () => {
    const dir = tempArchiveDir()
    await archived(dir) // the command reads the data folder's archive
    const data = join(dir, '..', `${dir.split('/').at(-1)}-data`)
    mkdirSync(data)
    renameSync(dir, join(data, 'archive'))
    const res = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'bot/cli.ts',
        'archive',
        'export',
        '--from',
        '2026-11-30',
        '--to',
        '2026-11-30',
        '--format',
        'csv',
      ],
      { env: { ...process.env, BOT_DATA_DIR: data, BOT_CONFIG: 'data/bot.config.example.yaml' } },
    )
    expect(res.stderr.toString()).toBe('已导出 6 条记录（exported 6 record(s)）\n')
    expect(res.status).toBe(0)
    expect([...res.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const auditDir = join(data, 'logs', 'audit')
    expect(existsSync(auditDir)).toBe(true)
    const lines = readdirSync(auditDir).flatMap(f => readFileSync(join(auditDir, f), 'utf8').trim().split('\n'))
    expect(JSON.parse(lines[0])).toMatchObject({ plugin: 'archive', rule: 'archive.export', type: 'record' })
  }, 60_000)

  it('`archive export` on a data folder whose archive is the sandbox’s names that folder and --data', () => {
    const data = mkdtempSync(join(tmpdir(), 'gg-sandbox-data-'))
    mkdirSync(join(data, 'sandbox', 'archive'), { recursive: true })
    const res = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bot/cli.ts', 'archive', 'export', '--from', '2026-11-30', '--to', '2026-11-30'],
      { env: { ...process.env, BOT_DATA_DIR: data, BOT_CONFIG: 'data/bot.config.example.yaml' } },
    )
    expect(res.stderr.toString()).toBe(
      `❌ ${data} 里没有消息存档；沙盒（npm start）的存档在 ${join(data, 'sandbox', 'archive')}，请用 --data ${join(data, 'sandbox')} ` +
        '(no message archive here; the sandbox keeps its archive in that folder)\n',
    )
    expect(res.status).toBe(1)
  }, 60_000)
})
