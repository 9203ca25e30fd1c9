import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  DictionaryError,
  compileMatcher,
  loadDictionaryFiles,
  problemText,
  warningText,
} from '../../../../plugins/content/matcher/index.js'

const dir = mkdtempSync(path.join(tmpdir(), 'dictionary-load-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes a dictionary file (lines joined with newlines) and returns its path. */
function write(name: string, lines: string[]): string {
  const file = path.join(dir, name)
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

/** The problems of a failing load, as the admin reads them ("file:line: message"). */
function problemsOf(paths: string[]): string[] {
  try {
    loadDictionaryFiles(paths)
  } catch (error) {
    expect(error).toBeInstanceOf(DictionaryError)
    return (error as DictionaryError).problems.map(problemText)
  }
  throw new Error('expected the load to fail')
}

const base = write('base.yaml', [
  'version: 1',
  'categories:',
  '  gambling:',
  '    label: 赌博',
  '    severity: high',
  '    terms: [下注, 赌博]',
  '    allow: [以下注意]',
  'links:',
  '  category: link',
  '  label: 链接',
  '  severity: medium',
  '  allow_domains: [example.com]',
])

describe('loading dictionary files', () => {
  it('merges several files in order', () => {
    const extra = write('extra.yaml', [
      'categories:',
      '  gambling:',
      '    severity: medium',
      '    terms: [百家乐]',
      '  competitor:',
      '    label: 竞品',
      '    severity: low',
      '    terms: [清泉净水]',
      'links:',
      '  allow_domains: ["*.Example-Water.com"]',
    ])
    const { dictionary, warnings } = loadDictionaryFiles([base, extra])
    expect(warnings).toEqual([])
    expect(dictionary.categories.gambling).toEqual({
      label: '赌博',
      severity: 'medium',
      terms: ['下注', '赌博', '百家乐'],
      allow: ['以下注意'],
      patterns: [],
      // A standard category's expansions and initials context (standard-categories.ts)...
      expand: ['pinyin', 'initials', 'homophone', 'split', 'lookalike'],
      act: ['exact', 'normalised', 'pattern', 'link'],
      context: expect.arrayContaining(['真人', '充值', '一期', '开奖']),
    })
    // ...and another category's defaults: no initials, no context.
    expect(dictionary.categories.competitor).toMatchObject({
      expand: ['pinyin', 'homophone', 'split', 'lookalike'],
      context: [],
    })
    expect(dictionary.links?.allowDomains).toEqual(['example.com', 'example-water.com'])
    const matcher = compileMatcher(dictionary)
    expect(matcher.categoriesOf('清泉净水的百家乐 https://evil.io')).toEqual(['competitor', 'gambling', 'link'])
  })

  it('gives the standard categories initials (review-only) and their context words unless the file sets its own', () => {
    const plain = write('plain.yaml', [
      'categories:',
      '  gambling:',
      '    label: 赌博',
      '    severity: high',
      '    terms: [时时彩]',
      '  insult:',
      '    label: 辱骂',
      '    severity: medium',
      '    terms: [傻逼]',
    ])
    const standard = compileMatcher(loadDictionaryFiles([plain]).dictionary)
    expect(standard.scan('群主是个SB').map(m => [m.category, m.kind, m.reviewOnly])).toEqual([
      ['insult', 'initials', true],
    ])
    expect(standard.categoriesOf('SSC 五分钟一期，跟计划稳赚')).toEqual(['gambling'])
    expect(standard.categoriesOf('集团 SSC 共享服务中心下周上线')).toEqual([])
    const own = write('own.yaml', [
      'categories:',
      '  gambling:',
      '    label: 赌博',
      '    severity: high',
      '    terms: [时时彩]',
      '    context: [下期]',
      '  insult:',
      '    label: 辱骂',
      '    severity: medium',
      '    terms: [傻逼]',
      '    expand: [pinyin]',
    ])
    const custom = compileMatcher(loadDictionaryFiles([own]).dictionary)
    expect(custom.categoriesOf('群主是个SB')).toEqual([])
    expect(custom.categoriesOf('SSC 五分钟一期，跟计划稳赚')).toEqual([])
    expect(custom.categoriesOf('SSC 下期稳了')).toEqual(['gambling'])
  })

  it('reports unknown keys at any depth with the file and the line of the key, naming a near key', () => {
    const file = write('unknown.yaml', [
      'categories:',
      '  porn:',
      '    label: 色情',
      '    severity: high',
      '    colour: red',
      '    allwo: [色情片]',
      'extras: 1',
    ])
    expect(problemsOf([file])).toEqual([
      `${file}:7: extras: 未知的设置项，拼写错了？（unknown key）`,
      `${file}:5: categories.porn.colour: 未知的设置项，拼写错了？（unknown key）`,
      `${file}:6: categories.porn.allwo: 未知的设置项，是不是 allow？（unknown key, did you mean allow?）`,
    ])
  })

  it('reports invalid values with their line, in Chinese first as config problems are', () => {
    const file = write('severity.yaml', [
      'categories:',
      '  porn:',
      '    label: 色情',
      '    severity: extreme',
      '    terms: [色情, 42]',
    ])
    const problems = problemsOf([file])
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(new RegExp(`^${escapeRegExp(file)}:4: categories\\.porn\\.severity: `))
    expect(problems[1]).toMatch(new RegExp(`^${escapeRegExp(file)}:5: categories\\.porn\\.terms\\[1\\]: `))
    expect(problems[0]).toContain('应为以下之一："low"、"medium"、"high"')
    expect(problems[1]).toContain('应为文本')
  })

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    const broken = write('broken.yaml', ['categories:', '  porn:', '    terms: [unclosed', '  gambling: {}'])
    const duplicate = write('duplicate.yaml', ['categories:', '  porn:', '    label: a', '    label: b'])
    const [brokenProblem, duplicateProblem] = problemsOf([broken, duplicate])
    expect(brokenProblem).toMatch(new RegExp(`^${escapeRegExp(broken)}:\\d+: `))
    // Chinese first, the parser's English in brackets, as check-config says it.
    expect(duplicateProblem).toMatch(
      new RegExp(`^${escapeRegExp(duplicate)}:4: [^A-Za-z]+（Map keys must be unique）$`),
    )
  })

  it('rejects a term that is only separators, naming file and line', () => {
    const file = write('empty-term.yaml', [
      'categories:',
      '  porn:',
      '    label: 色情',
      '    severity: high',
      '    terms:',
      '      - 色情',
      '      - " - "',
      '      - "😀\u200b"',
    ])
    expect(problemsOf([file])).toEqual([
      `${file}:7: categories.porn.terms: " - " 规范化后是空的：只有分隔符、标点、符号或表情，什么也匹配不到（is empty after normalisation: only separators, punctuation, symbols or emoji）`,
      `${file}:8: categories.porn.terms: "😀\u200b" 规范化后是空的：只有分隔符、标点、符号或表情，什么也匹配不到（is empty after normalisation: only separators, punctuation, symbols or emoji）`,
    ])
  })

  it('rejects invalid and catastrophically slow regexes with their line', () => {
    const file = write('patterns.yaml', [
      'categories:',
      '  contact:',
      '    label: 联系方式',
      '    severity: low',
      '    patterns:',
      "      - '1[3-9]\\d{9}'",
      "      - '(a+)+b'",
      "      - '[unclosed'",
    ])
    const problems = problemsOf([file])
    expect(problems).toHaveLength(2)
    expect(problems[0]).toBe(
      `${file}:7: categories.contact.patterns: "(a+)+b" 可能极慢，会拖住机器人：重复的组里又有重复，如 (a+)+（could be catastrophically slow: nested quantifier: a repeated group contains a repetition）`,
    )
    expect(problems[1]).toBe(
      `${file}:8: categories.contact.patterns: "[unclosed" 不是有效的正则表达式（Invalid regular expression: /[unclosed/iu: Unterminated character class）`,
    )
  })

  it('requires a label and severity for a category defined nowhere else', () => {
    const file = write('no-label.yaml', ['categories:', '  other:', '    terms: [东西]'])
    expect(problemsOf([base, file])).toEqual([
      `${file}:2: 类别 other 缺少 label：类别的中文名，如 label: 广告（category "other" has no label）`,
      `${file}:2: 类别 other 缺少 severity：严重程度，low、medium 或 high（category "other" has no severity）`,
    ])
  })

  it('lists the problems of every file, unreadable ones included', () => {
    const bad = write('bad-domain.yaml', [
      'links:',
      '  category: link',
      '  label: 链接',
      '  severity: low',
      '  allow_domains: ["https://example.com/x"]',
    ])
    const missing = path.join(dir, 'missing.yaml')
    const problems = problemsOf([bad, missing])
    expect(problems[0]).toBe(`找不到词库文件 dictionary file not found: ${missing}（请检查路径 check the path）`)
    expect(problems[1]).toBe(
      `${bad}:5: links.allow_domains: "https://example.com/x" 不是域名：只写 example.com，不要 https:// 和路径（is not a host name: write example.com, without scheme or path）`,
    )
  })

  it('warns about a term listed in two categories, naming both', () => {
    const other = write('other.yaml', [
      'categories:',
      '  betting:',
      '    label: 投注',
      '    severity: low',
      '    terms: [押注, 下 注]',
    ])
    const { warnings } = loadDictionaryFiles([base, other])
    expect(warnings).toEqual([
      {
        code: 'two-categories',
        file: other,
        line: 5,
        column: 17,
        category: 'betting',
        word: '下 注',
        other: { file: base, line: 6, column: 13, category: 'gambling', word: '下注' },
        message: `词 "下 注" 同时在类别 gambling（${base}:6）和 betting 里（term "下 注" is in both gambling and betting）`,
      },
    ])
  })

  it('warns about an allowed phrase that equals a term of its category', () => {
    const file = write('same.yaml', [
      'categories:',
      '  contact:',
      '    label: 联系',
      '    severity: low',
      '    terms: [加V]',
      '    allow: [加 v]',
    ])
    const { warnings } = loadDictionaryFiles([file])
    expect(warnings.map(w => [w.code, w.category, w.word, w.other?.word, w.other?.line])).toEqual([
      ['allow-is-term', 'contact', '加 v', '加V', 5],
    ])
    expect(warnings.map(warningText)).toEqual([
      `${file}:6: 允许短语 "加 v" 和类别 contact 的词 "加V"（${file}:5）相同：这个词永远不会命中（allowed phrase "加 v" equals term "加V" of contact: that term never matches）`,
    ])
  })

  it('refuses to load nothing', () => {
    expect(problemsOf([])).toEqual(['没有给出词库文件（no dictionary file given）'])
  })
})

describe('compiling a dictionary built in code', () => {
  it('throws DictionaryError for unusable terms and patterns', () => {
    const build = () =>
      compileMatcher({
        categories: { a: { label: 'a', severity: 'low', terms: ['...'], allow: [], patterns: ['(x*)*'] } },
        links: null,
      })
    expect(build).toThrow(DictionaryError)
    expect(build).toThrow(/a\.terms: "\.\.\." 规范化后是空的/)
  })
})

/** A string escaped for use inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('loading the same files again (the config check, then the plugin)', () => {
  it('reads the files once per change: unchanged files give the same dictionary, an edit a new one', () => {
    const ads = (terms: string) => [
      'categories:',
      '  ads:',
      '    label: 广告',
      '    severity: low',
      `    terms: [${terms}]`,
    ]
    const file = write('again.yaml', ads('加微信'))
    const first = loadDictionaryFiles([file])
    expect(loadDictionaryFiles([file])).toBe(first)
    write('again.yaml', ads('加微信, 扫码进群'))
    const edited = loadDictionaryFiles([file])
    expect(edited).not.toBe(first)
    expect(edited.dictionary.categories.ads.terms).toEqual(['加微信', '扫码进群'])
  })
})

describe('a company file after the shipped one decides about the words it lists (newuser9)', () => {
  const shipped = path.resolve('data/dictionaries/default.yaml')
  const company = (lines: string[]) => write('company-decides.yaml', ['categories:', ...lines])

  it('matches its own term as a term, though the shipped file lists it as slang needing a context word', () => {
    const file = company(['  confidential:', '    terms: [出厂价, 经销商底价]'])
    const matcher = compileMatcher(loadDictionaryFiles([shipped, file]).dictionary)
    expect(matcher.scan('咱们的出厂价是多少？').map(m => [m.category, m.term])).toEqual([['confidential', '出厂价']])
    // Alone, the shipped file still needs a context word (跟你透个底).
    expect(compileMatcher(loadDictionaryFiles([shipped]).dictionary).scan('咱们的出厂价是多少？')).toEqual([])
  })

  it('makes a shipped term slang when it lists it under slang', () => {
    const file = company(['  ad:', '    slang: [日赚]', '    slang_context: [宝妈]'])
    const matcher = compileMatcher(loadDictionaryFiles([shipped, file]).dictionary)
    expect(matcher.categoriesOf('这个月日赚多少了')).toEqual([])
    expect(matcher.categoriesOf('宝妈在家日赚三百')).toEqual(['ad'])
  })

  it('switches off the shipped words it lists under disable, and warns about one that switches nothing off', () => {
    expect(compileMatcher(loadDictionaryFiles([shipped]).dictionary).categoriesOf('在家日赚三百')).toEqual(['ad'])
    const file = company(['  ad:', '    disable: [日赚, 没有这个词]'])
    const { dictionary, warnings } = loadDictionaryFiles([shipped, file])
    expect(compileMatcher(dictionary).categoriesOf('在家日赚三百')).toEqual([])
    expect(dictionary.categories.ad.terms).not.toContain('日赚')
    expect(warnings.map(w => [w.code, w.category, w.word, w.line])).toEqual([['disable-unused', 'ad', '没有这个词', 3]])
    expect(warnings.map(warningText)).toEqual([
      `${file}:3: categories.ad.disable: "没有这个词" 不是前面词库文件里 ad 的词或允许短语，什么也没有停用（"没有这个词" is no term or allowed phrase of ad in an earlier file: it switches nothing off）`,
    ])
  })
})
