import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../../../plugins/content/cli/check-command.js'
import { repoRoot } from './helpers.js'

const dir = mkdtempSync(path.join(tmpdir(), 'check-command-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const DEFAULT = path.join(repoRoot, 'data/dictionaries/default.yaml')

/** Runs the command, collecting stdout lines and stderr text. */
async function run(argv: string[]): Promise<{ code: number; lines: string[]; errors: string }> {
  const out = new PassThrough()
  const err = new PassThrough()
  const chunks: string[] = []
  const errors: string[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()))
  err.on('data', (chunk: Buffer) => errors.push(chunk.toString()))
  const code = await runCheck(argv, out, err)
  return { code, lines: chunks.join('').split('\n').filter(Boolean), errors: errors.join('') }
}

/** Writes a JSONL input file. */
function input(name: string, lines: string[]): string {
  const file = path.join(dir, name)
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

describe('check command', () => {
  it('writes one JSON line per message with sorted categories and quoted matches, each hit once', async () => {
    const file = input('ok.jsonl', [
      JSON.stringify({ id: 'a', text: '今晚下注，加我Ｖ信' }),
      JSON.stringify({ id: 2, text: '请看以下注意事项' }),
    ])
    const { code, lines, errors } = await run(['--dictionary', DEFAULT, '--input', file])
    expect(errors).toBe('')
    expect(code).toBe(0)
    expect(lines.map(line => JSON.parse(line))).toEqual([
      {
        id: 'a',
        categories: ['contact', 'gambling'],
        matches: [
          { category: 'gambling', term: '下注', start: 2, end: 4, matched: '下注', kind: 'exact', reviewOnly: false },
          // 加我微信 as chat spells it (加我v信, see measure-words.ts chatSpellings), once: not also 加我v and v信
          // inside it (see withoutNestedHits).
          {
            category: 'contact',
            term: '加我微信',
            start: 5,
            end: 9,
            matched: '加我Ｖ信',
            kind: 'normalised',
            reviewOnly: false,
          },
        ],
      },
      { id: 2, categories: [], matches: [] },
    ])
  })

  it('reports malformed lines as file:line, keeps going and exits with 2', async () => {
    const file = input('bad.jsonl', [
      '{"id":"1","text":"成人视频"}',
      '{not json',
      '',
      '{"id":"3"}',
      '{"id":"4","text":"好的"}',
    ])
    const { code, lines, errors } = await run(['--dictionary', DEFAULT, '--input', file])
    expect(code).toBe(2)
    expect(lines.map(line => JSON.parse(line).id)).toEqual(['1', '4'])
    expect(errors).toMatch(new RegExp(`${file.replace(/[.\\]/g, '\\$&')}:2: 不是 JSON（invalid JSON`))
    expect(errors).toContain(`${file}:4: 缺少 "text" 或不是文本（expected "text" to be a string）`)
    expect(errors).toMatch(
      /\n2 行格式不对，没有检查；每行一个 JSON 对象，如 \{"id": "1", "text": "要检查的话"\}（2 malformed line\(s\) skipped）\n$/,
    )
  })

  it('takes builtin:default for the shipped dictionary, from any folder (trial2)', async () => {
    const file = input('builtin.jsonl', [JSON.stringify({ id: 'b', text: '蓝鲸计划的进度' })])
    const custom = path.join(repoRoot, 'data/dictionaries/company-custom.example.yaml')
    const { code, lines } = await run(['--dictionary', 'builtin:default', '--dictionary', custom, '--input', file])
    expect(code).toBe(0)
    expect(JSON.parse(lines[0]).categories).toEqual(['confidential'])
  })

  it('merges several dictionaries', async () => {
    const file = input('merge.jsonl', [JSON.stringify({ id: 'x', text: '蓝鲸计划的进度' })])
    const custom = path.join(repoRoot, 'data/dictionaries/company-custom.example.yaml')
    const { code, lines } = await run(['--dictionary', DEFAULT, '--dictionary', custom, '--input', file])
    expect(code).toBe(0)
    expect(JSON.parse(lines[0]).categories).toEqual(['confidential'])
  })

  it('fails with 1 and explains when arguments, dictionary or input are wrong', async () => {
    const file = input('any.jsonl', ['{"id":1,"text":"x"}'])
    const missing = await run(['--input', file])
    expect(missing.code).toBe(1)
    expect(missing.errors).toContain('缺少 --dictionary 或 --input（--dictionary and --input are required）')
    expect(missing.errors).toContain('usage: check --dictionary FILE')
    const badDictionary = await run(['--dictionary', path.join(dir, 'none.yaml'), '--input', file])
    expect(badDictionary.code).toBe(1)
    expect(badDictionary.errors).toBe(
      `❌ 找不到词库文件 dictionary file not found: ${path.join(dir, 'none.yaml')}（自带词库写 builtin:default name the shipped dictionary builtin:default）\n`,
    )
    const badInput = await run(['--dictionary', DEFAULT, '--input', path.join(dir, 'none.jsonl')])
    expect(badInput.code).toBe(1)
    expect(badInput.errors).toBe(
      `❌ 找不到待检查的消息文件 input file not found: ${path.join(dir, 'none.jsonl')}（请检查路径 check the path）\n`,
    )
  })

  it('says which expansion of a term matched (kind and form) and that a fuzzy hit is review-only', async () => {
    const file = input('expanded.jsonl', [JSON.stringify({ id: 'p', text: '想玩dubo的来' })])
    const { code, lines } = await run(['--dictionary', DEFAULT, '--input', file])
    expect(code).toBe(0)
    expect(JSON.parse(lines[0]).matches).toEqual([
      {
        category: 'gambling',
        term: '赌博',
        start: 2,
        end: 6,
        matched: 'dubo',
        kind: 'pinyin',
        form: 'dubo',
        reviewOnly: true,
      },
    ])
  })
})
