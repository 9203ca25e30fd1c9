import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../../../plugins/content/cli/check-command.js'
import {
  type DictionaryWarning,
  loadDictionaryFiles,
  newWarnings,
  warningText,
} from '../../../../plugins/content/matcher/index.js'

const dir = mkdtempSync(path.join(tmpdir(), 'dictionary-warnings-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes a dictionary file (lines joined with newlines) and returns its path. */
function write(name: string, lines: string[]): string {
  const file = path.join(dir, name)
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

/** The warnings of a dictionary that loads. */
function warningsOf(paths: string[]): DictionaryWarning[] {
  return loadDictionaryFiles(paths).warnings
}

/** A category (label and severity) with more lines of its own. */
function category(key: string, label: string, ...lines: string[]): string[] {
  return [`  ${key}:`, `    label: ${label}`, '    severity: low', ...lines]
}

describe('a dictionary warning says what kind it is, where, which word, and what the admin reads', () => {
  it('two-categories: at the later term, naming the earlier category and its place', () => {
    const file = write('two.yaml', [
      'categories:',
      ...category('loans', '网贷', '    terms: [秒批贷款, 零首付]'),
      ...category('cars', '车贷', '    terms: [以租代购, 零 首 付]'),
    ])
    const [w, ...more] = warningsOf([file])
    expect(more).toEqual([])
    expect(w).toEqual({
      code: 'two-categories',
      file,
      line: 9,
      column: 19,
      category: 'cars',
      word: '零 首 付',
      other: { file, line: 5, column: 19, category: 'loans', word: '零首付' },
      message: `词 "零 首 付" 同时在类别 loans（${file}:5）和 cars 里（term "零 首 付" is in both loans and cars）`,
    })
    expect(warningText(w)).toBe(`${file}:9: ${w.message}`)
  })

  it('allow-is-term: at the allowed phrase, naming the term it switches off', () => {
    const file = write('allow.yaml', [
      'categories:',
      ...category('loans', '网贷', '    terms: [秒批]', '    allow: [秒 批]'),
    ])
    expect(warningsOf([file]).map(warningText)).toEqual([
      `${file}:6: 允许短语 "秒 批" 和类别 loans 的词 "秒批"（${file}:5）相同：这个词永远不会命中（allowed phrase "秒 批" equals term "秒批" of loans: that term never matches）`,
    ])
  })

  it('disable-unused: a disabled word no earlier file lists', () => {
    const base = write('base.yaml', ['categories:', ...category('loans', '网贷', '    terms: [秒批]')])
    const company = write('company.yaml', ['categories:', '  loans:', '    disable: [秒到账]'])
    const [w] = warningsOf([base, company])
    expect([w.code, w.category, w.word, w.line]).toEqual(['disable-unused', 'loans', '秒到账', 3])
    expect(warningText(w)).toBe(
      `${company}:3: categories.loans.disable: "秒到账" 不是前面词库文件里 loans 的词或允许短语，什么也没有停用（"秒到账" is no term or allowed phrase of loans in an earlier file: it switches nothing off）`,
    )
  })

  it('yaml: a tag the parser does not know, read as plain text', () => {
    const file = write('tag.yaml', ['categories:', ...category('loans', '网贷', '    terms: [!word 秒批]')])
    const [w] = warningsOf([file])
    expect([w.code, w.line]).toEqual(['yaml', 5])
    expect(warningText(w)).toBe(
      `${file}:5: 不认识的 YAML 标签（! 开头），这个值按普通文本读取（Unresolved tag: !word）`,
    )
  })
})

describe('the warnings an edit brings are told apart by what they are about, not by line', () => {
  const lines = (...more: string[]) => [
    'categories:',
    ...category('loans', '网贷', '    terms: [秒批贷款, 零首付]', '    disable: [秒到账]'),
    ...category('cars', '车贷', '    terms: [以租代购, 零首付]', ...more),
  ]

  it('a warning the dictionary had, moved down by the edit, is not new; one of another word is', () => {
    const file = write('edit.yaml', lines())
    const before = warningsOf([file])
    expect(before.map(w => w.code)).toEqual(['disable-unused', 'two-categories'])
    // The edit adds lines above the warned ones: every old warning moves, none is new.
    write('edit.yaml', ['# 车贷类 2026-12 补充', '', ...lines('    allow: [零首付车险]')])
    const moved = warningsOf([file])
    expect(moved.map(w => w.line)).not.toEqual(before.map(w => w.line))
    expect(newWarnings(before, moved)).toEqual([])
    write('edit.yaml', lines('    allow: [以租 代购]'))
    expect(newWarnings(before, warningsOf([file])).map(w => [w.code, w.category, w.word])).toEqual([
      ['allow-is-term', 'cars', '以租 代购'],
    ])
  })

  it('the same word in two categories again, but with another category, is new', () => {
    const file = write('third.yaml', lines())
    const before = warningsOf([file])
    write('third.yaml', [...lines(), ...category('lease', '租赁', '    terms: [零首付]')])
    expect(newWarnings(before, warningsOf([file])).map(w => [w.category, w.other?.category])).toEqual([
      ['lease', 'loans'],
    ])
  })
})

describe('the check command prints each warning Chinese first', () => {
  it('on stderr, at its file and line, before the results', async () => {
    const file = write('check.yaml', [
      'categories:',
      ...category('loans', '网贷', '    terms: [秒批]', '    allow: [秒批]'),
    ])
    const input = path.join(dir, 'in.jsonl')
    writeFileSync(input, `${JSON.stringify({ id: 1, text: '秒批贷款了解一下' })}\n`)
    const out = new PassThrough()
    const err = new PassThrough()
    expect(await runCheck(['--dictionary', file, '--input', input], out, err)).toBe(0)
    expect(String(err.read())).toBe(
      `⚠️ 词库提示 warning: ${file}:6: 允许短语 "秒批" 和类别 loans 的词 "秒批"（${file}:5）相同：这个词永远不会命中（allowed phrase "秒批" equals term "秒批" of loans: that term never matches）\n`,
    )
  })
})
