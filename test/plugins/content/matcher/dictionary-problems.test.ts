import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_DICTIONARY, shippedCompletes } from '../../../../plugins/content/config.js'
import { DictionaryHolder, failureText, rejectedText } from '../../../../plugins/content/dictionary/holder.js'
import { editDictionaryFile } from '../../../../plugins/content/matcher/dictionary-edit.js'
import {
  DictionaryError,
  type DictionaryProblem,
  compileMatcher,
  loadDictionaryFiles,
  problemCount,
  problemText,
  problemsOf,
} from '../../../../plugins/content/matcher/index.js'

const dir = mkdtempSync(path.join(tmpdir(), 'dictionary-problems-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes a dictionary file (lines joined with newlines) and returns its path. */
function write(name: string, lines: string[]): string {
  const file = path.join(dir, name)
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

/** The problems of a failing load. */
function problems(paths: string[]): DictionaryProblem[] {
  try {
    loadDictionaryFiles(paths)
  } catch (error) {
    expect(error).toBeInstanceOf(DictionaryError)
    return (error as DictionaryError).problems
  }
  throw new Error('expected the load to fail')
}

/** The one problem of a failing load: its code, place and category, and the line the admin reads. */
function only(paths: string[]): DictionaryProblem & { text: string } {
  const [problem, ...more] = problems(paths)
  expect(more).toEqual([])
  return { ...problem, text: problemText(problem) }
}

/** A category of a company file (a label and a severity) with more lines of its own. */
function category(...lines: string[]): string[] {
  return ['categories:', '  rental:', '    label: 租房中介', '    severity: low', ...lines]
}

describe('a dictionary problem says what kind it is, where, and what the admin reads', () => {
  it('no-file: nothing to load', () => {
    const none = '没有给出词库文件（no dictionary file given）'
    expect(only([])).toEqual({ code: 'no-file', message: none, text: none })
  })

  it('unreadable: a file that is not there is named once, in the message', () => {
    const missing = path.join(dir, 'not-there.yaml')
    const p = only([missing])
    expect(p).toMatchObject({ code: 'unreadable', file: missing })
    expect(p.text).toBe(`找不到词库文件 dictionary file not found: ${missing}（请检查路径 check the path）`)
  })

  it('syntax: an unclosed bracket at its line and column; past three, one line without a line number counting the rest', () => {
    const file = write('bracket.yaml', category('    terms: [押一付一, 免中介费'))
    expect(only([file])).toMatchObject({
      code: 'syntax',
      file,
      line: 6,
      column: 1,
      text: `${file}:6: 方括号 [ ] 没有闭合，或续行缩进不够（Flow sequence in block collection must be sufficiently indented and end with a ]）`,
    })
    const many = write('many.yaml', ['x: [', 'y: {', 'z: [', 'w: {', 'v: ['])
    const found = problems([many])
    expect(found.map(p => [p.code, p.line, p.count])).toEqual([
      ['syntax', 2, undefined],
      ['syntax', 3, undefined],
      ['syntax', 4, undefined],
      ['syntax', undefined, 2],
    ])
    expect(problemText(found[3])).toBe(
      `${many}: 后面还有 2 个语法错误，多半由第一个引起：改好第一个再检查（2 more syntax errors, most likely caused by the first: fix it and check again）`,
    )
    // Five errors are five problems, though four lines say them.
    expect(problemCount(found)).toBe(5)
  })

  it('duplicate-key: a key written twice in one category, at the second', () => {
    const file = write('twice.yaml', category('    terms: [押一付一]', '    severity: medium'))
    expect(only([file])).toMatchObject({
      code: 'duplicate-key',
      file,
      line: 6,
      column: 5,
      text: `${file}:6: 同一层里有重复的键（同一个设置写了两次，删掉一个）（Map keys must be unique）`,
    })
  })

  it('unknown-key: a mistyped key at its own line and column, naming the near one', () => {
    const file = write('typo.yaml', category('    patern: [押\\d付\\d]'))
    expect(only([file])).toMatchObject({
      code: 'unknown-key',
      file,
      line: 5,
      column: 5,
      category: 'rental',
      text: `${file}:5: categories.rental.patern: 未知的设置项，是不是 patterns？（unknown key, did you mean patterns?）`,
    })
  })

  it('invalid-value: an unknown expand kind, listing the kinds there are', () => {
    const file = write('expand.yaml', category('    terms: [免中介费]', '    expand: [pinyin, rhymes]'))
    const p = only([file])
    expect(p).toMatchObject({ code: 'invalid-value', file, line: 6, category: 'rental' })
    expect(p.text).toBe(
      `${file}:6: categories.rental.expand[1]: 应为以下之一："pinyin"、"initials"、"homophone"、"toneless"、"split"、"lookalike"（Invalid option: expected one of "pinyin"|"initials"|"homophone"|"toneless"|"split"|"lookalike"）`,
    )
  })

  it('invalid-value: a category key with a space, saying what a key may hold', () => {
    const file = write('key.yaml', ['categories:', '  rental ads:', '    label: 租房广告', '    severity: low'])
    expect(only([file])).toMatchObject({
      code: 'invalid-value',
      file,
      line: 2,
      category: 'rental ads',
      text: `${file}:2: categories.rental ads: 键名不对：类别名只能用英文字母、数字、_ 和 -（use only letters, digits, "_" and "-"）`,
    })
  })

  it('invalid-value: a file with nothing but a comment is said to be empty', () => {
    const file = write('just-created.yaml', ['# 公司词库：2026-12 起用'])
    expect(only([file])).toMatchObject({
      code: 'invalid-value',
      file,
      line: 1,
      text: `${file}:1: 词库文件是空的：至少要写 categories: 或 links:（the dictionary file is empty）`,
    })
  })

  it('category-incomplete: a shipped category a company file adds to, listed alone: one problem each for label and severity', () => {
    const file = write('company-only.yaml', ['categories:', '  ad:', '    terms: [扫码领鸡蛋]'])
    const found = problems([file])
    expect(found.map(p => [p.code, p.category, p.line])).toEqual([
      ['category-incomplete', 'ad', 2],
      ['category-incomplete', 'ad', 2],
    ])
    expect(found.map(problemText)).toEqual([
      `${file}:2: 类别 ad 缺少 label：类别的中文名，如 label: 广告（category "ad" has no label）`,
      `${file}:2: 类别 ad 缺少 severity：严重程度，low、medium 或 high（category "ad" has no severity）`,
    ])
  })

  it('links-incomplete: the top-level links section without its own label, category and severity', () => {
    const file = write('links-only.yaml', ['links:', '  allow_domains: [zufang.example.cn]'])
    expect(only([file])).toMatchObject({
      code: 'links-incomplete',
      file,
      line: 1,
      text: `${file}:1: 顶层的 links 段缺少 category / label / severity：它是链接设置，不是类别（the top-level links section has no category / label / severity）`,
    })
  })

  it('empty-term: a term of nothing but punctuation, in its category', () => {
    const file = write('dots.yaml', category('    terms: [押一付一, "——"]'))
    expect(only([file])).toMatchObject({
      code: 'empty-term',
      file,
      line: 5,
      category: 'rental',
      text: `${file}:5: categories.rental.terms: "——" 规范化后是空的：只有分隔符、标点、符号或表情，什么也匹配不到（is empty after normalisation: only separators, punctuation, symbols or emoji）`,
    })
  })

  it('empty-term: slang of nothing but a symbol, at its own list', () => {
    const file = write('slang-dots.yaml', category('    slang: [拎包, "※"]'))
    expect(only([file]).text).toBe(
      `${file}:5: categories.rental.slang: "※" 规范化后是空的：只有分隔符、标点、符号或表情，什么也匹配不到（is empty after normalisation: only separators, punctuation, symbols or emoji）`,
    )
  })

  it('bad-pattern: a regular expression that could be slow, saying why in Chinese first', () => {
    const file = write('slow.yaml', category("    patterns: ['押\\d+付\\d+']"))
    expect(only([file])).toMatchObject({
      code: 'bad-pattern',
      line: 5,
      text: `${file}:5: categories.rental.patterns: ${JSON.stringify('押\\d+付\\d+')} 可能极慢，会拖住机器人：不限次数的重复（*、+、{n,}）不止一个，请改用 {0,20} 这样的上限（could be catastrophically slow: more than one unbounded quantifier (*, +, {n,}); use bounds like {0,20}）`,
    })
  })

  it('bad-pattern: a regular expression that does not compile', () => {
    const file = write('regex.yaml', category('    patterns: ["押[一二三付"]'))
    const p = only([file])
    expect(p).toMatchObject({ code: 'bad-pattern', file, line: 5, category: 'rental' })
    expect(p.text).toBe(
      `${file}:5: categories.rental.patterns: "押[一二三付" 不是有效的正则表达式（Invalid regular expression: /押[一二三付/iu: Unterminated character class）`,
    )
  })

  it('bad-domain: an allowed domain written as a link', () => {
    const file = write('domain.yaml', [
      'links:',
      '  category: link',
      '  label: 链接',
      '  severity: low',
      '  allow_domains: ["https://zufang.example.cn/list"]',
    ])
    expect(only([file])).toMatchObject({
      code: 'bad-domain',
      file,
      line: 5,
      text: `${file}:5: links.allow_domains: "https://zufang.example.cn/list" 不是域名：只写 example.com，不要 https:// 和路径（is not a host name: write example.com, without scheme or path）`,
    })
  })

  it('a dictionary built in code has no file: the category leads the message', () => {
    const build = () =>
      compileMatcher({
        categories: {
          rental: {
            label: '租房',
            severity: 'low',
            terms: ['・・'],
            allow: [],
            patterns: ['(x+)+y'],
            expand: [],
            act: [],
            context: [],
          },
        },
        links: null,
      })
    const found = problemsOf(catchError(build))
    expect(found.map(p => [p.code, p.category, p.file])).toEqual([
      ['empty-term', 'rental', undefined],
      ['bad-pattern', 'rental', undefined],
    ])
    expect(found.map(problemText)).toEqual([
      'rental.terms: "・・" 规范化后是空的：只有分隔符、标点、符号或表情，什么也匹配不到（is empty after normalisation: only separators, punctuation, symbols or emoji）',
      'rental.patterns: "(x+)+y" 可能极慢，会拖住机器人：重复的组里又有重复，如 (a+)+（could be catastrophically slow: nested quantifier: a repeated group contains a repetition）',
    ])
  })

  it('unexpected: any other error is one problem with its message', () => {
    expect(problemsOf(new Error('EMFILE: too many open files'))).toEqual([
      { code: 'unexpected', message: '读取词库时出错（EMFILE: too many open files）' },
    ])
  })
})

describe('the hint to list the shipped dictionary first reads the codes', () => {
  const incomplete = (category: string): DictionaryProblem => ({
    code: 'category-incomplete',
    file: 'company.yaml',
    line: 2,
    category,
    message: '(any wording)',
  })

  it('names the shipped categories that lack a label or severity, and the links section, whatever the wording', () => {
    const links: DictionaryProblem = {
      code: 'links-incomplete',
      file: 'company.yaml',
      line: 9,
      message: '(any wording)',
    }
    expect(
      shippedCompletes(['company.yaml'], [incomplete('ad'), incomplete('ad'), incomplete('gambling'), links]),
    ).toEqual({ categories: ['ad', 'gambling'], links: true })
  })

  it("completes nothing for a company's own new category, nor when the shipped dictionary is listed", () => {
    expect(shippedCompletes(['company.yaml'], [incomplete('rental')])).toEqual({ categories: [], links: false })
    expect(shippedCompletes([DEFAULT_DICTIONARY, 'company.yaml'], [incomplete('ad')])).toEqual({
      categories: [],
      links: false,
    })
  })
})

describe('a failed reload keeps its problems for the admins', () => {
  it('says each at its file and line, and in a status line the first and how many', () => {
    const file = write('reloaded.yaml', category('    terms: [押一付一]'))
    const holder = new DictionaryHolder([file], () => 0)
    write('reloaded.yaml', category('    terms: [押一付一, "……"]', '    patterns: ["(押"]'))
    const outcome = holder.reload(false)
    expect(outcome.problems.map(p => [p.code, p.line])).toEqual([
      ['empty-term', 5],
      ['bad-pattern', 6],
    ])
    expect(holder.lastFailure?.problems).toEqual(outcome.problems)
    const empty = `${file}:5: categories.rental.terms: "……" 规范化后是空的：只有分隔符、标点、符号或表情，什么也匹配不到（is empty after normalisation: only separators, punctuation, symbols or emoji）`
    expect(rejectedText(outcome.problems, holder.version).split('\n').slice(0, 2)).toEqual([
      '⚠️ 词库文件有 2 个问题，继续使用旧词库（版本 1）：',
      empty,
    ])
    expect(failureText(outcome.problems)).toBe(`${empty} 等 2 个问题`)
    expect(failureText(outcome.problems.slice(0, 1))).toBe(empty)
  })
})

describe('a file with more syntax errors than are shown counts them all', () => {
  const brackets = ['a: [', 'b: {', 'c: [', 'd: {', 'e: [']

  it('in the error the command line prints, and in what the admins read in chat', () => {
    const file = write('brackets.yaml', brackets)
    const found = problems([file])
    expect(found).toHaveLength(4)
    expect(problemCount(found)).toBe(5)
    expect(catchError(() => loadDictionaryFiles([file]))).toHaveProperty(
      'message',
      expect.stringMatching(/^词库有 5 个问题（invalid dictionary: 5 problems）：\n/),
    )
    expect(rejectedText(found, 3).split('\n')[0]).toBe('⚠️ 词库文件有 5 个问题，继续使用旧词库（版本 3）：')
    expect(failureText(found)).toMatch(/ 等 5 个问题$/)
  })
})

describe('an edit of a file that no longer parses (changed on disk since it loaded)', () => {
  it('is refused at the first syntax error, Chinese first as a load says it', () => {
    const file = write('edited.yaml', category('    terms: [押一付一, 免中介费'))
    expect(() => editDictionaryFile(file, { op: 'add', category: 'rental', word: '包租' })).toThrow(
      `${file}:6: 方括号 [ ] 没有闭合，或续行缩进不够（Flow sequence in block collection must be sufficiently indented and end with a ]）`,
    )
  })
})

/** The error `fn` throws. */
function catchError(fn: () => unknown): unknown {
  try {
    fn()
  } catch (e) {
    return e
  }
  throw new Error('expected an error')
}
