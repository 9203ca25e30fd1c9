import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runDictionaryEdit } from '../../../plugins/content/cli/dictionary-command.js'
import { DICTIONARY } from './setup.js'

async function run(argv: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  const code = await runDictionaryEdit(argv, out, err)
  return { code, out: String(out.read() ?? ''), err: String(err.read() ?? '') }
}

describe('dictionary add|remove|allow (CLI)', () => {
  it('adds and removes a term in the file, keeping its comments', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dict-cli-')), 'd.yaml')
    copyFileSync(DICTIONARY, file)
    const before = readFileSync(file, 'utf8')
    expect((await run(['add', '--dictionary', file, 'ad', '代购'])).code).toBe(0)
    expect(readFileSync(file, 'utf8')).toContain('terms: [兼职刷单, 日赚, 扫码进群, 代购]')
    expect((await run(['remove', '--dictionary', file, 'ad', '代购'])).code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('refuses an allowed phrase that is a term as chat does, and prints the warnings an edit brings', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dict-cli-')), 'd.yaml')
    copyFileSync(DICTIONARY, file)
    const before = readFileSync(file, 'utf8')
    const refused = await run(['allow', '--dictionary', file, 'ad', '日赚'])
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('未添加允许短语「日赚」（ad）：它就是词条「日赚」')
    expect(readFileSync(file, 'utf8')).toBe(before)
    const added = await run(['add', '--dictionary', file, 'ad', '成本价'])
    expect(added.code).toBe(0)
    expect(added.out).toMatch(
      /^⚠️ 词库提示 warning: .*d\.yaml:\d+: 词 "成本价" 同时在类别 \w+（.*d\.yaml:\d+）和 \w+ 里（term "成本价" is in both \w+ and \w+）$/m,
    )
  })

  it('refuses an unknown category with the message chat gives, writing nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dict-cli-')), 'd.yaml')
    copyFileSync(DICTIONARY, file)
    const before = readFileSync(file, 'utf8')
    const r = await run(['add', '--dictionary', file, 'adx', '代购'])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/^没有「adx」这个类别。现有类别：.*ad（/)
    expect(r.err).not.toContain('has no label')
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('tells to pass the default dictionary too when a company file alone lacks labels', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dict-cli-')), 'company.yaml')
    copyFileSync('data/dictionaries/company-custom.example.yaml', file)
    const alone = await run(['add', '--dictionary', file, 'confidential', '北极星计划'])
    expect(alone.code).toBe(1)
    expect(alone.err.split('\n').slice(0, 3)).toEqual([
      '未修改：词库不能加载（not changed, the dictionary does not load）',
      '词库有 5 个问题（invalid dictionary: 5 problems）：',
      `  ${file}:19: 类别 confidential 缺少 label：类别的中文名，如 label: 广告（category "confidential" has no label）`,
    ])
    expect(alone.err).toContain(
      `提示：类别 confidential、contact 和顶层的 links 段 由自带词库定义（label、severity 等），公司词库只往里加内容，要把自带词库列在前面：--dictionary builtin:default --dictionary ${file}`,
    )
    const both = await run([
      'add',
      '--dictionary',
      'builtin:default',
      '--dictionary',
      file,
      'confidential',
      '北极星计划',
    ])
    expect(both).toMatchObject({ code: 0, err: '' })
    expect(readFileSync(file, 'utf8')).toContain('北极星计划')
  })

  it('names a dictionary file that is missing or a folder in one line, exit 1, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dict-cli-'))
    const hint = '自带词库写 builtin:default name the shipped dictionary builtin:default'
    expect(await run(['add', '--dictionary', join(dir, 'missing.yaml'), 'ad', '代购'])).toEqual({
      code: 1,
      out: '',
      err: `❌ 找不到词库文件 dictionary file not found: ${join(dir, 'missing.yaml')}（${hint}）\n`,
    })
    expect(await run(['remove', '--dictionary', dir, 'ad', '代购'])).toEqual({
      code: 1,
      out: '',
      err: `❌ 词库文件是一个文件夹，不是文件 dictionary file is a folder, not a file: ${dir}（请给出文件的路径 name a file）\n`,
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('tells to pass a second --dictionary, not to edit the config, when only the shipped one is named (trial2)', async () => {
    for (const shipped of ['builtin:default', 'data/dictionaries/default.yaml']) {
      const r = await run(['add', '--dictionary', shipped, 'ad', '代购'])
      expect(r.code).toBe(1)
      expect(r.err).toBe(
        '只给了自带词库，不能改它：再加一个 --dictionary 公司词库文件，如 --dictionary builtin:default --dictionary company-words.yaml' +
          '（参考 data/dictionaries/company-custom.example.yaml）(the shipped dictionary is never written: pass your company file as a second --dictionary)\n',
      )
      expect(r.err).not.toContain('plugins.content.dictionaries')
    }
  })

  it('refuses an unknown builtin: name in one line with the usage (trial2)', async () => {
    const r = await run(['add', '--dictionary', 'builtin:company', 'ad', '代购'])
    expect(r.code).toBe(2)
    expect(r.err.split('\n')[0]).toBe(
      '没有自带词库 builtin:company，自带的只有 builtin:default（unknown built-in dictionary）',
    )
  })

  it('names what is missing and prints the usage line', async () => {
    const usage = 'usage: dictionary add|remove|allow --dictionary FILE [--dictionary FILE2 ...] <category> <word>'
    const first = async (argv: string[]) => (await run(argv)).err.split('\n').slice(0, 2)
    expect(await first(['add', '--dictionary', DICTIONARY])).toEqual([
      '缺少类别和词（missing <category> <word>）',
      usage,
    ])
    expect(await first(['add', 'ad'])).toEqual(['缺少词（missing <word>）', usage])
    expect(await first([])).toEqual(['缺少 add|remove|allow（missing add|remove|allow）', usage])
    expect(await first(['put', '--dictionary', DICTIONARY, 'ad', '代购'])).toEqual([
      '没有 put 这种修改，只能是 add、remove 或 allow（unknown edit）',
      usage,
    ])
    expect((await run(['add', '--dictionary', DICTIONARY])).code).toBe(2)
  })

  it('says what each line of the usage means in Chinese first', async () => {
    const lines = (await run(['add', 'ad'])).err.trimEnd().split('\n').slice(2)
    expect(lines).toEqual([
      '  builtin:default 是自带词库（the shipped dictionary）；add（添加词条）和 allow（添加允许短语）写入最后一个 FILE，',
      '  从不写自带词库（into the last FILE, never the shipped one）；remove（删除）从列出这个词的每个 FILE 里删掉它，',
      '  自带词库里的词在最后一个 FILE 里停用（disable）（out of every FILE that lists it; a shipped word is switched off）',
    ])
  })

  it('says what it wrote, or that there was nothing to change, Chinese first', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dict-cli-')), 'd.yaml')
    copyFileSync(DICTIONARY, file)
    expect(await run(['add', '--dictionary', file, 'ad', '包邮到家'])).toEqual({
      code: 0,
      out: `已添加词条「包邮到家」（ad），写入 ${file}（add ad: written）\n`,
      err: '',
    })
    expect((await run(['add', '--dictionary', file, 'ad', '包邮到家'])).out).toBe(
      '「包邮到家」已在类别 ad 里，未改动。（nothing to change）\n',
    )
    expect((await run(['allow', '--dictionary', file, 'ad', '拒绝日赚陷阱'])).out).toBe(
      `已添加允许短语「拒绝日赚陷阱」（ad），写入 ${file}（allow ad: written）\n`,
    )
    expect((await run(['remove', '--dictionary', file, 'ad', '包邮到家'])).out).toBe(
      `已删除「包邮到家」（ad），写入 ${file}（remove ad: written）\n`,
    )
  })

  describe('with the shipped dictionary first, as the config lists them (newuser9)', () => {
    const SHIPPED = 'data/dictionaries/default.yaml'
    const COMPANY = [
      'categories:',
      '  competitor:',
      '    label: 竞品引流',
      '    severity: medium',
      '    # 竞品品牌（虚构）',
      '    terms: [碧源净水, 水之宝]',
      '    allow: [对比碧源净水的优势]   # 销售话术里可以说',
      '  ad:',
      '    terms:',
      '      - 刷单返利   # 常见',
      '',
    ].join('\n')
    const company = () => {
      const file = join(mkdtempSync(join(tmpdir(), 'dict-cli-')), 'company.yaml')
      writeFileSync(file, COMPANY)
      return file
    }

    it('takes a Chinese category name as #词库 添加 does (广告 → ad)', async () => {
      const file = company()
      const r = await run(['add', '--dictionary', SHIPPED, '--dictionary', file, '广告', '代购'])
      expect(r).toMatchObject({ code: 0, err: '' })
      expect(r.out).toBe(`已添加词条「代购」（ad），写入 ${file}（add ad: written）\n`)
      expect(readFileSync(file, 'utf8')).toContain('      - 代购\n')
    })

    it('changes only the edited list: the other lines keep their layout (aligned comments)', async () => {
      const file = company()
      expect((await run(['add', '--dictionary', SHIPPED, '--dictionary', file, 'competitor', '净水宝'])).code).toBe(0)
      expect(readFileSync(file, 'utf8')).toBe(
        COMPANY.replace('terms: [碧源净水, 水之宝]', 'terms: [碧源净水, 水之宝, 净水宝]'),
      )
      expect((await run(['remove', '--dictionary', SHIPPED, '--dictionary', file, 'competitor', '净水宝'])).code).toBe(
        0,
      )
      expect(readFileSync(file, 'utf8')).toBe(COMPANY)
      expect((await run(['add', '--dictionary', SHIPPED, '--dictionary', file, 'ad', '代购'])).code).toBe(0)
      expect(readFileSync(file, 'utf8')).toBe(
        COMPANY.replace('刷单返利   # 常见\n', '刷单返利   # 常见\n      - 代购\n'),
      )
    })

    it('switches a shipped term off in the company file, never writing the shipped one', async () => {
      const file = company()
      const shipped = readFileSync(SHIPPED, 'utf8')
      const r = await run(['remove', '--dictionary', SHIPPED, '--dictionary', file, 'ad', '日赚'])
      expect(r).toMatchObject({
        code: 0,
        err: '',
        out: `已停用自带词库的「日赚」（ad）：写入 ${file} 的 disable 列表，自带词库不改（remove ad: shipped term disabled）\n`,
      })
      expect(readFileSync(file, 'utf8')).toContain('disable: [日赚]')
      expect(readFileSync(SHIPPED, 'utf8')).toBe(shipped)
      expect((await run(['add', '--dictionary', SHIPPED, '--dictionary', file, 'ad', '日赚'])).code).toBe(0)
      expect(readFileSync(file, 'utf8')).not.toContain('日赚')
    })

    it('names both when a removed word was in the company file and the shipped one', async () => {
      const file = company()
      writeFileSync(file, COMPANY.replace('刷单返利   # 常见', '刷单返利   # 常见\n      - 日赚'))
      const r = await run(['remove', '--dictionary', SHIPPED, '--dictionary', file, 'ad', '日赚'])
      expect(r).toMatchObject({
        code: 0,
        err: '',
        out: `已删除「日赚」（ad），写入 ${file}；已停用自带词库的「日赚」（ad）：写入 ${file} 的 disable 列表，自带词库不改（remove ad: shipped term disabled）\n`,
      })
      expect(readFileSync(file, 'utf8')).not.toContain('- 日赚')
      expect(readFileSync(file, 'utf8')).toContain('disable: [日赚]')
    })
  })
})
