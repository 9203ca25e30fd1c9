/**
 * The cost of the matcher's word rules (plugins/content/matcher/word-context.ts) on the messages they run
 * on: `npx tsx bench/word-rules.ts DIR`, DIR another source tree (e.g. main before the rules). Scans, with
 * this tree's matcher and DIR's, (1) the quick matcher bench's messages that have a match (10k terms, default
 * expansions) and (2) sentences whose hit is segmented (a term's edge makes a CC-CEDICT word with its
 * neighbour); 21 rounds, the two trees in alternating order, CPU time. Prints µs per message and the median
 * per-round ratio this ÷ other.
 */
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chatText, commonTerms, dictionaryOf, prng, zipfCharacters } from './matcher.js'
import { DEFAULT_EXPANSIONS, compileMatcher, type Dictionary, type Matcher } from '../plugins/content/matcher/index.js'

const ROUNDS = 21
/** Sentences whose hit the cut rule segments (the term's edge character makes a word outside it). */
const SEGMENTED = [
  '报价单下注明含税',
  '声援交流会改到周五',
  '春节假日赚钱的门店不少',
  '网上下注平台，稳赚',
  '提防兼职刷单陷阱',
]
const SEGMENTED_TERMS = ['下注', '援交', '日赚', '兼职刷单']

/** CPU time of this process in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** CPU ms of scanning every message `times` times. */
function scanAll(matcher: Matcher, messages: string[], times: number): number {
  const start = cpuMs()
  for (let r = 0; r < times; r++) for (const m of messages) matcher.scan(m)
  return cpuMs() - start
}

/** µs per message of both matchers and the median per-round ratio this ÷ other, order alternating. */
function compare(mine: Matcher, other: Matcher, messages: string[], times: number): string {
  for (let i = 0; i < 3; i++) {
    scanAll(mine, messages, times)
    scanAll(other, messages, times)
  }
  const ratios: number[] = []
  let mineMs = 0
  let otherMs = 0
  for (let round = 0; round < ROUNDS; round++) {
    const first = round % 2 === 0
    const a = first ? scanAll(mine, messages, times) : 0
    const b = scanAll(other, messages, times)
    const a2 = first ? a : scanAll(mine, messages, times)
    ratios.push(a2 / b)
    mineMs += a2
    otherMs += b
  }
  ratios.sort((x, y) => x - y)
  const us = (ms: number) => ((ms * 1000) / ROUNDS / times / messages.length).toFixed(2)
  return `${messages.length} messages: this ${us(mineMs)} µs, other ${us(otherMs)} µs a message; this ÷ other per round median ${ratios[ROUNDS >> 1].toFixed(3)} (${ratios[0].toFixed(2)}–${ratios[ROUNDS - 1].toFixed(2)})`
}

const dir = process.argv[2]
if (!dir) throw new Error('usage: npx tsx bench/word-rules.ts <other source tree>')
const url = pathToFileURL(join(resolve(dir), 'plugins/content/matcher/index.ts')).href
const { compileMatcher: compileOther } = (await import(url)) as { compileMatcher: (d: Dictionary) => Matcher }
const random = prng(20260101)
const terms = commonTerms(10_000, random)
const messages = chatText(1_000_000, terms, zipfCharacters(random), random).split('\n')
const bench = dictionaryOf(terms, DEFAULT_EXPANSIONS)
const mine = compileMatcher(bench)
const withHits = messages.filter(m => mine.scan(m).length > 0)
console.log(`bench messages with a match: ${compare(mine, compileOther(bench), withHits, 40)}`)
const words = dictionaryOf(SEGMENTED_TERMS, DEFAULT_EXPANSIONS)
console.log(`segmented hits: ${compare(compileMatcher(words), compileOther(words), SEGMENTED, 4000)}`)
