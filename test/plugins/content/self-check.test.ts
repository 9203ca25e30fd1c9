import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { contentConfigSchema } from '../../../plugins/content/config.js'
import { selfCheckProblems } from '../../../plugins/content/dictionary/self-check.js'
import { compileMatcher, loadDictionaryFiles } from '../../../plugins/content/matcher/index.js'
import { DICTIONARY } from './setup.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function cacheDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'self-check-'))
  dirs.push(d)
  return d
}

/** A matcher whose scans are counted. */
function countedMatcher() {
  const matcher = compileMatcher(loadDictionaryFiles([DICTIONARY]).dictionary)
  return { matcher, scan: vi.spyOn(matcher, 'scan') }
}

describe('the warning self-check at start', () => {
  it('remembers a pass: the next start with the same dictionary and warnings reads no warning again', () => {
    const dir = cacheDir()
    const cfg = contentConfigSchema.parse({ dictionaries: [DICTIONARY] })
    const first = countedMatcher()
    expect(selfCheckProblems(cfg, first.matcher, dir)).toEqual([])
    expect(first.scan).toHaveBeenCalled()
    expect(readdirSync(dir).filter(n => n.startsWith('selfcheck-'))).toHaveLength(1)

    const again = countedMatcher()
    expect(selfCheckProblems(cfg, again.matcher, dir)).toEqual([])
    expect(again.scan).not.toHaveBeenCalled()
  })

  it('checks again when a warning changes, and never remembers a failure', () => {
    const dir = cacheDir()
    const plain = contentConfigSchema.parse({ dictionaries: [DICTIONARY] })
    expect(selfCheckProblems(plain, countedMatcher().matcher, dir)).toEqual([])

    // A company rule quoting a listed word: the same dictionary, another warning text (`禁止兼职刷单`,
    // `发兼职刷单广告者移出群聊` or `兼职刷单者移出群聊` would not do: a term forbidden, named as a kind of post or
    // punished under the warning's heading `违反群规：` is talked about, not said).
    const quoting = contentConfigSchema.parse({ dictionaries: [DICTIONARY], rules: { ad: '兼职刷单' } })
    const m = countedMatcher()
    const problems = selfCheckProblems(quoting, m.matcher, dir)
    expect(m.scan).toHaveBeenCalled()
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'self-check',
        category: 'ad',
        message: expect.stringContaining('「兼职刷单」(ad)'),
      }),
    ])
    const retry = countedMatcher()
    expect(selfCheckProblems(quoting, retry.matcher, dir)).toEqual(problems)
    expect(retry.scan).toHaveBeenCalled()
  })
})
