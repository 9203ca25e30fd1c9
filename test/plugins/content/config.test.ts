import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, parseConfig } from '../../../bot/config/load-config.js'
import { configWarnings } from '../../../bot/config/config-warnings.js'
import { contentConfigSchema, DEFAULT_DICTIONARY } from '../../../plugins/content/config.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { config } from './setup.js'

function problemsOf(yaml: string): string[] {
  try {
    parseConfig(yaml, 'bot.yaml', [contentPlugin])
    return []
  } catch (e) {
    return e instanceof ConfigError ? e.problems : [String(e)]
  }
}

describe('content config', () => {
  it('defaults to the shipped dictionary, which loads', () => {
    const cfg = contentConfigSchema.parse({})
    // An absolute path into the package, so the default works from any working directory.
    expect(cfg.dictionaries).toEqual([resolve('data/dictionaries/default.yaml')])
    expect(cfg.actions.medium).toEqual({
      internal: ['warn', 'strike'],
      customer: ['warn', 'report', 'strike'],
      broadcast: ['warn', 'report', 'strike'],
    })
    expect(cfg.escalation).toEqual({
      strikes: 3,
      remove: { internal: 'nobody', customer: 'nonStaff', broadcast: 'nonStaff' },
    })
    expect(cfg.exemptRoles).toEqual(['admin', 'leader'])
    expect(cfg.ignoredQuiet).toBe(24 * 3_600_000)
  })

  it('reads ignoredQuiet as a duration, longer than 0, and only globally', () => {
    expect(contentConfigSchema.parse({ ignoredQuiet: '2小时' }).ignoredQuiet).toBe(2 * 3_600_000)
    expect(problemsOf(config('ignoredQuiet: 0')).join('\n')).toContain('plugins.content.ignoredQuiet')
    expect(problemsOf(config('ignoredQuiet: 30')).join('\n')).toContain('请写单位')
    const perGroup = config().replace(
      'kind: customer }',
      'kind: customer, plugins: { content: { ignoredQuiet: 1h } } }',
    )
    expect(problemsOf(perGroup).join('\n')).toContain('ignoredQuiet')
  })

  it('refuses outward outside internal groups, where posting is already passing on', () => {
    const yaml = (kind: string) =>
      `company: 示例\nplugins:\n  content:\n    scope:\n      confidential: { ${kind}: outward }\n`
    expect(problemsOf(yaml('internal'))).toEqual([])
    for (const kind of ['customer', 'broadcast'])
      expect(problemsOf(yaml(kind))).toEqual([
        expect.stringContaining(`plugins.content.scope.confidential.${kind}: outward 只适用于内部群（internal）`),
      ])
  })

  it('refuses to start with a broken dictionary, listing file:line problems', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'content-cfg-')), 'bad.yaml')
    writeFileSync(
      file,
      'categories:\n  ad:\n    label: 广告\n    severity: medium\n    terms: [日赚, "  "]\n    patterns: ["(a"]\n',
    )
    const problems = problemsOf(config('', [file]))
    expect(problems.some(p => p.includes(`${file}:5:`) && p.includes('empty after normalisation'))).toBe(true)
    expect(problems.some(p => p.includes(`${file}:6:`) && p.includes('patterns'))).toBe(true)
    expect(problemsOf(config('', ['does/not/exist.yaml'])).join('\n')).toMatch(
      /找不到词库文件 dictionary file not found: \S*does\/not\/exist\.yaml（请检查路径 check the path）/,
    )
  })

  it('names the fix when a company dictionary is listed without the shipped one before it (newuser9)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-cfg-'))
    const company = join(dir, 'company.yaml')
    writeFileSync(company, 'categories:\n  ad:\n    terms: [刷单返利]\n')
    const problems = problemsOf(config('', [company]))
    expect(problems.some(p => p.includes('类别 ad 缺少 label'))).toBe(true)
    expect(problems).toContainEqual(
      expect.stringContaining(
        `提示：类别 ad 由自带词库定义（label、severity 等），公司词库只往里加内容，要把自带词库列在前面：dictionaries: [builtin:default, ${company}]`,
      ),
    )
    // A new category of the company's own without a label: the shipped file would not fix it, listed or not.
    writeFileSync(company, 'categories:\n  competitor:\n    terms: [碧源净水]\n')
    for (const list of [[company], [DEFAULT_DICTIONARY, company], ['builtin:default', company]]) {
      const shown = problemsOf(config('', list)).join('\n')
      expect(shown).toContain('类别 competitor 缺少 label')
      expect(shown).not.toContain('提示')
    }
    // Both at once: the hint names only what the shipped file completes.
    writeFileSync(company, 'categories:\n  competitor:\n    terms: [碧源净水]\n  gambling:\n    terms: [内部渠道价]\n')
    expect(problemsOf(config('', [company]))).toContainEqual(
      expect.stringMatching(/: 提示：类别 gambling 由自带词库定义/),
    )
  })

  it('names the shipped dictionary builtin:default wherever the config is, and refuses another builtin: name (trial2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-cfg-'))
    writeFileSync(join(dir, 'company.yaml'), 'links:\n  allow_domains: [example-water.com]\n')
    const yaml = (list: string) => `company: 示例\nplugins:\n  content:\n    dictionaries: [${list}]\n`
    const file = join(dir, 'bot.config.yaml')
    const load = (list: string) => {
      writeFileSync(file, yaml(list))
      try {
        return (loadConfig(file, [contentPlugin]).config.plugins.content as { dictionaries: string[] }).dictionaries
      } catch (e) {
        return e instanceof ConfigError ? e.problems : [String(e)]
      }
    }
    expect(load('builtin:default, company.yaml')).toEqual([DEFAULT_DICTIONARY, join(dir, 'company.yaml')])
    expect(load('builtin:company')).toEqual([
      `${file}:4: plugins.content.dictionaries[0]: 没有自带词库 builtin:company，自带的只有 builtin:default（unknown built-in dictionary）`,
    ])
    // `links` alone in a company file is a top-level section lacking its fields, said once, not three "categories".
    expect(load('company.yaml')).toEqual([
      `${file}:4: plugins.content.dictionaries: ${join(dir, 'company.yaml')}:1: 顶层的 links 段缺少 category / label / severity：它是链接设置，不是类别（the top-level links section has no category / label / severity）`,
      expect.stringContaining(
        '提示：顶层的 links 段 由自带词库定义（label、severity 等），公司词库只往里加内容，要把自带词库列在前面：dictionaries: [builtin:default, company.yaml]',
      ),
    ])
  })

  it('warns (check-config) when a company file with only its links section is listed alone: no word is checked (trial3)', () => {
    const company = join(mkdtempSync(join(tmpdir(), 'content-cfg-')), 'company.yaml')
    writeFileSync(
      company,
      'links:\n  category: link\n  label: 链接\n  severity: medium\n  allow_domains: [example-water.com]\n',
    )
    const warningsOf = (list: string[]) =>
      configWarnings(parseConfig(config('', list), 'bot.yaml', [contentPlugin]), [contentPlugin])
    expect(warningsOf([company])).toContainEqual(
      expect.stringMatching(
        /^⚠️ 词库里没有任何类别：只检查链接，不会命中任何违禁词。.*dictionaries: \[builtin:default, …\]/,
      ),
    )
    expect(warningsOf([DEFAULT_DICTIONARY, company]).join('\n')).not.toContain('没有任何类别')
  })

  it("warns (check-config) about a company category whose warning would quote only the generic rule, and the dictionary's warnings", () => {
    const company = join(mkdtempSync(join(tmpdir(), 'content-cfg-')), 'company.yaml')
    writeFileSync(
      company,
      'categories:\n  competitor:\n    label: 竞品引流\n    severity: medium\n    terms: [碧源净水]\n  ad:\n    disable: [没有这个词]\n',
    )
    const warningsOf = (extra: string) =>
      configWarnings(parseConfig(config(extra, [DEFAULT_DICTIONARY, company]), 'bot.yaml', [contentPlugin]), [
        contentPlugin,
      ])
    const warnings = warningsOf('')
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^⚠️ 词库类别 competitor（竞品引流）没有自己的群规：警告里只会说「禁止发布违规内容」。请写 plugins\.content\.rules\.competitor/,
      ),
    )
    expect(warnings).toContainEqual(
      `⚠️ 词库 dictionary: ${company}:7: categories.ad.disable: "没有这个词" 不是前面词库文件里 ad 的词或允许短语，什么也没有停用（"没有这个词" is no term or allowed phrase of ad in an earlier file: it switches nothing off）`,
    )
    expect(warningsOf('rules: { competitor: 禁止为其他品牌引流 }').join('\n')).not.toContain('competitor')
  })

  it('counts every syntax error of a dictionary (check-config), though the ones past the third share a line', () => {
    const company = join(mkdtempSync(join(tmpdir(), 'content-cfg-')), 'company.yaml')
    writeFileSync(company, 'categories:\n  ad:\n    terms: [刷单\n  competitor: {\n    terms: [碧源\n  x: [\n  y: {\n')
    const error = catchConfigError(() =>
      parseConfig(config('', [DEFAULT_DICTIONARY, company]), 'bot.yaml', [contentPlugin]),
    )
    const summary = error.problems.filter(p => p.includes('后面还有'))
    expect(summary).toHaveLength(1)
    const more = Number(/后面还有 (\d+) 个语法错误/.exec(summary[0])?.[1])
    expect(more).toBeGreaterThan(1)
    expect(error.count).toBe(error.problems.length - 1 + more)
  })

  it('rejects unknown placeholders in the warning and unknown steps in the matrix', () => {
    expect(problemsOf(config('warnText: "{labels} {word}"')).join('\n')).toContain('未知的占位符 {word}')
    expect(problemsOf(config('actions: { high: { customer: [warn, ban] } }')).join('\n')).toContain(
      'plugins.content.actions.high.customer',
    )
  })

  it('lets a group override the matrix while keeping the other defaults', () => {
    const yaml = config().replace(
      'kind: customer }',
      'kind: customer, plugins: { content: { actions: { medium: { customer: [record] } } } } }',
    )
    const loaded = parseConfig(yaml, 'bot.yaml', [contentPlugin])
    const section = loaded.groupSections.get('客户交流群')?.content as ReturnType<typeof contentConfigSchema.parse>
    expect(section.actions.medium.customer).toEqual(['record'])
    expect(section.actions.high.customer).toEqual(['warn', 'report', 'strike'])
  })
})

/** The ConfigError `fn` throws. */
function catchConfigError(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ConfigError) return e
    throw e
  }
  throw new Error('expected a ConfigError')
}
