import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Masker } from '../content/privacy.js'
import type { CaseRecord } from '../state.js'
import { T } from '../texts.js'
import { digestMarkdown, digestText } from './digest.js'
import { rangeInstants, type DayRange } from './period.js'

/** A digest ready to send: chat text and, when there are cases, the Markdown file on disk. */
export interface BuiltDigest {
  text: string
  path?: string
  cases: CaseRecord[]
}

/** What building a digest reads. */
export interface DigestSource {
  /** Live cases. */
  live(): CaseRecord[]
  tz: string
  prefix: string
  fieldNames: string[]
  /** Folder the Markdown file goes to (`outputDir/cases`). */
  dir: string
}

/** Live cases captured within `range`. */
export function casesIn(s: Pick<DigestSource, 'live' | 'tz'>, range: DayRange): CaseRecord[] {
  const { from, to } = rangeInstants(range, s.tz)
  return s.live().filter(c => c.at >= from && c.at < to)
}

/** Build the digest for `range`: bounded chat text plus the full Markdown file under `outputDir/cases/`. */
export function buildDigest(
  s: DigestSource,
  range: DayRange,
  mask: Masker,
  maxChars: number,
  raw = false,
): BuiltDigest {
  const cases = casesIn(s, range)
  const fileName = T.digestFileName(range.from, range.to, raw)
  const common = { range, mask, tz: s.tz, fieldNames: s.fieldNames }
  const text = digestText(cases, { ...common, maxChars, fileName, viewHint: T.viewHint(s.prefix) })
  if (!cases.length) return { text, cases }
  mkdirSync(s.dir, { recursive: true })
  const path = join(s.dir, fileName)
  writeFileSync(path, digestMarkdown(cases, common))
  return { text, path, cases }
}
