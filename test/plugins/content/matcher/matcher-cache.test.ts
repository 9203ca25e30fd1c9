import { chmodSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { DictionaryHolder } from '../../../../plugins/content/dictionary/holder.js'
import {
  compileMatcher,
  loadDictionaryFiles,
  MatcherCache,
  type Dictionary,
} from '../../../../plugins/content/matcher/index.js'
import { compileTables } from '../../../../plugins/content/matcher/compiled-tables.js'
import { decodeTables, encodeTables } from '../../../../plugins/content/matcher/matcher-cache.js'
import { EVAL_FILE, hasEvalFile, SHARED_DICTIONARY } from './eval-helpers.js'
import { dictionaryOf, repoRoot } from './helpers.js'

const DEFAULT_DICTIONARY = join(repoRoot, 'data/dictionaries/default.yaml')
const DICTIONARY = hasEvalFile ? SHARED_DICTIONARY : DEFAULT_DICTIONARY

/** Messages written every way the expansions cover, and the labelled sample when it is on this machine. */
const SAMPLE = [
  '加我微信领红包',
  '加薇信，私聊发你',
  '周末一起 du bo 吗',
  '有没有人玩 D B',
  '賭博網站 www.example-casino.com 注册就送',
  '新同事 Wei Xin 下周入职',
  '请把报告发到 jiawei@example.com',
  '今天天气不错，下午开会',
  ...(hasEvalFile
    ? readFileSync(EVAL_FILE, 'utf8')
        .split('\n')
        .filter(l => l.trim())
        .map(l => (JSON.parse(l) as { text: string }).text)
    : []),
]

function cacheDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'matcher-cache-')), 'cache')
}

/** A cache whose log lines are kept. */
function loggingCache(dir: string): { cache: MatcherCache; lines: string[] } {
  const lines: string[] = []
  return { cache: new MatcherCache(dir, line => lines.push(line)), lines }
}

/** True when the cache holds this dictionary's tables (a compile would throw). */
function isCached(cache: MatcherCache, dictionary: Dictionary): boolean {
  try {
    cache.tablesFor(dictionary, () => {
      throw new Error('compiled')
    })
    return true
  } catch {
    return false
  }
}

function cacheFiles(dir: string): string[] {
  return readdirSync(dir).map(name => join(dir, name))
}

describe('matcher cache', () => {
  it('gives a matcher read from the cache the same matches as a fresh compile', () => {
    const { dictionary } = loadDictionaryFiles([DICTIONARY])
    const dir = cacheDir()
    const fresh = compileMatcher(dictionary)
    compileMatcher(dictionary, new MatcherCache(dir))
    const { cache, lines } = loggingCache(dir)
    expect(isCached(cache, dictionary)).toBe(true)
    const cached = compileMatcher(dictionary, cache)
    expect(lines).toEqual([])
    expect(SAMPLE.length).toBeGreaterThan(5)
    for (const text of SAMPLE) expect(cached.scan(text), text).toEqual(fresh.scan(text))
    expect(SAMPLE.some(text => fresh.scan(text).length > 0)).toBe(true)
  })

  it('reads back the tables it wrote, each array of the same type (16-bit ids stay 16-bit)', () => {
    const { dictionary } = loadDictionaryFiles([DEFAULT_DICTIONARY])
    const tables = compileTables(dictionary)
    const read = decodeTables(encodeTables(tables, 'k'), 'k')
    expect(tables.index.swapAlternatives).toBeInstanceOf(Uint16Array)
    expect(tables.index.readingSyllables).toBeInstanceOf(Int16Array)
    // The alphabet's look-up is a function of its arrays: those are compared.
    const { codePoints, codes } = tables.alphabet
    expect(
      isDeepStrictEqual({ ...read, alphabet: { codePoints, codes } }, { ...tables, alphabet: { codePoints, codes } }),
    ).toBe(true)
    expect(isDeepStrictEqual([read.alphabet.codePoints, read.alphabet.codes], [codePoints, codes])).toBe(true)
  })

  it('finds terms of 63 characters and more, fresh and from the file, and not a shorter part of them', () => {
    const long = '本群禁止发布任何形式的赌博广告'.repeat(5)
    const longer = `${long}违者移出`
    const dictionary = dictionaryOf({ spam: [long, longer, '赌博广告'] })
    dictionary.categories.spam.expand = ['split', 'pinyin']
    const dir = cacheDir()
    const fresh = compileMatcher(dictionary, new MatcherCache(dir))
    const cached = compileMatcher(dictionary, new MatcherCache(dir))
    for (const matcher of [fresh, cached]) {
      const terms = (text: string) => matcher.scan(text).map(m => m.term)
      expect(terms(`看这里：${longer}！`)).toContain(longer)
      expect(terms(`看这里：${long}！`)).toContain(long)
      expect(terms(`看这里：${long.slice(1)}！`)).not.toContain(long)
      expect(terms(`看这里：${long.replace('赌', '贝者')}！`)).toContain(long)
      expect(terms(`看这里：${long.replace('赌', 'du')}！`)).toContain(long)
    }
  })

  it('scans from the file without the expansion tables or pinyin-pro: only a compile reads them', async () => {
    const { dictionary } = loadDictionaryFiles([DEFAULT_DICTIONARY])
    const dir = cacheDir()
    const fresh = compileMatcher(dictionary, new MatcherCache(dir))
    const texts = [...SAMPLE, '玩赌愽', '睹博网站', '六和彩', '来玩百家了']
    const swapped = texts.flatMap(t => fresh.scan(t)).filter(m => m.kind === 'homophone' || m.kind === 'lookalike')
    expect(swapped.length).toBeGreaterThan(2)
    const data = '../../../../plugins/content/matcher/expansion-data.js'
    const unread = (): never => {
      throw new Error('read the expansion tables or pinyin-pro')
    }
    vi.resetModules()
    vi.doMock(data, async original => ({
      ...(await original<object>()),
      expansionTables: unread,
      tonedReadings: unread,
      tonelessReadings: unread,
    }))
    try {
      const isolated = await import('../../../../plugins/content/matcher/index.js')
      const cached = isolated.compileMatcher(dictionary, new isolated.MatcherCache(dir))
      for (const text of texts) expect(cached.scan(text), text).toEqual(fresh.scan(text))
      const expanding = dictionaryOf({ bad: ['赌博'] })
      expanding.categories.bad.expand = ['homophone']
      expect(() => isolated.compileMatcher(expanding)).toThrow(/expansion tables/)
    } finally {
      vi.doUnmock(data)
      vi.resetModules()
    }
  })

  it('writes a private file per dictionary; an edited dictionary does not read the old one', () => {
    const { dictionary } = loadDictionaryFiles([DEFAULT_DICTIONARY])
    const dir = cacheDir()
    const cache = new MatcherCache(dir)
    compileMatcher(dictionary, cache)
    const [first] = cacheFiles(dir)
    expect(cacheFiles(dir)).toHaveLength(1)
    expect(statSync(first).mode & 0o777).toBe(0o600)
    const [key, rule] = Object.entries(dictionary.categories)[0]
    const changed = {
      ...dictionary,
      categories: { ...dictionary.categories, [key]: { ...rule, terms: [...rule.terms, '代购茅台'] } },
    }
    expect(isCached(cache, changed)).toBe(false)
    const matcher = compileMatcher(changed, cache)
    expect(matcher.categoriesOf('代购茅台，要的私聊')).toEqual([key])
    expect(cacheFiles(dir)).toHaveLength(2)
    expect(isCached(cache, changed)).toBe(true)
    expect(statSync(first).mode & 0o777).toBe(0o600)
  })

  it('keeps the four newest files of a folder', () => {
    const dir = cacheDir()
    const cache = new MatcherCache(dir)
    for (const word of ['一', '二', '三', '四', '五']) compileMatcher(dictionaryOf({ spam: [`代购${word}`] }), cache)
    expect(cacheFiles(dir)).toHaveLength(4)
    expect(isCached(cache, dictionaryOf({ spam: ['代购五'] }))).toBe(true)
  })

  it('ignores a damaged or truncated file with a log line, compiles, and writes it again', () => {
    const { dictionary } = loadDictionaryFiles([DEFAULT_DICTIONARY])
    const dir = cacheDir()
    compileMatcher(dictionary, new MatcherCache(dir))
    const [file] = cacheFiles(dir)
    const bytes = readFileSync(file)
    const expected = compileMatcher(dictionary).scan('周末一起 du bo 吗')
    for (const damage of [
      (b: Buffer) => b.subarray(0, b.length - 10),
      (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 100), Buffer.alloc(100, 1)]),
      () => Buffer.from('not a cache'),
    ]) {
      writeFileSync(file, damage(bytes))
      const { cache, lines } = loggingCache(dir)
      const matcher = compileMatcher(dictionary, cache)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/matcher cache .* invalid, recompiling: (length|checksum) mismatch|not a matcher cache/)
      expect(matcher.scan('周末一起 du bo 吗')).toEqual(expected)
      expect(readFileSync(file).equals(bytes)).toBe(true)
    }
  })

  it('does not read a file others may write (anyone can compute a key), and replaces it', () => {
    const { dictionary } = loadDictionaryFiles([DEFAULT_DICTIONARY])
    const dir = cacheDir()
    compileMatcher(dictionary, new MatcherCache(dir))
    const [file] = cacheFiles(dir)
    chmodSync(file, 0o666)
    const { cache, lines } = loggingCache(dir)
    compileMatcher(dictionary, cache)
    expect(lines[0]).toMatch(/unreadable, recompiling: .*writable by others/)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('recompiles on a reload after the file changed (#词库 添加) and stores the new tables', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'matcher-cache-dict-')), 'dictionary.yaml')
    copyFileSync(DEFAULT_DICTIONARY, file)
    const dir = cacheDir()
    const holder = new DictionaryHolder([file], () => 0, undefined, new MatcherCache(dir))
    expect(holder.matcher.scan('代购茅台')).toEqual([])
    const source = readFileSync(file, 'utf8')
    writeFileSync(
      file,
      source.replace(
        '  private_deal:',
        '  resale:\n    label: 代购\n    severity: medium\n    terms: [代购茅台]\n  private_deal:',
      ),
    )
    expect(holder.reload(false)).toEqual({ ok: true, problems: [] })
    expect(holder.matcher.categoriesOf('代购茅台，要的私聊')).toEqual(['resale'])
    const { dictionary } = loadDictionaryFiles([file])
    expect(isCached(new MatcherCache(dir), dictionary)).toBe(true)
    const again = new DictionaryHolder([file], () => 0, undefined, new MatcherCache(dir))
    expect(again.matcher.categoriesOf('代购茅台，要的私聊')).toEqual(['resale'])
  })

  it('still starts when the cache folder cannot be written', () => {
    const { dictionary } = loadDictionaryFiles([DEFAULT_DICTIONARY])
    const blocker = join(mkdtempSync(join(tmpdir(), 'matcher-cache-')), 'file')
    writeFileSync(blocker, '')
    const { cache, lines } = loggingCache(join(blocker, 'cache'))
    const matcher = compileMatcher(dictionary, cache)
    expect(matcher.scan('周末一起 du bo 吗')).toEqual(compileMatcher(dictionary).scan('周末一起 du bo 吗'))
    expect(lines.at(-1)).toMatch(/not written/)
  })
})
