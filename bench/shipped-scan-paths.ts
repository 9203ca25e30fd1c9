/**
 * Where the shipped dictionary's scan goes on shipped-scan.ts's chat, by the path each message takes (no raw
 * hit without or with a URL separator, raw hits of terms only, a raw hit of a reading anchor: PP, PT, HT, TP in
 * `PPT`, `http`), beside the matcher bench's 10k-term dictionary (default expansions) on the same messages:
 * `npx tsx bench/shipped-scan-paths.ts [ROUNDS]`. Each group is scanned in turn by both matchers every round;
 * medians of CPU time, µs a message.
 */
import { cpuUsage } from 'node:process'
import { DEFAULT_EXPANSIONS, compileMatcher, loadDictionaryFiles } from '../plugins/content/matcher/index.js'
import { textMayHoldUrl } from '../plugins/content/matcher/start-scan.js'
import { benchInputs, chatText, dictionaryOf, prng, zipfCharacters } from './matcher.js'

/** The parts of the compiled matcher this split reads (private to it: read for this measurement only). */
interface Inside {
  scan(text: string): unknown[]
  scanOnce(text: string): unknown[]
  hits: { length: number }
  anchored: boolean
}

/** CPU time of this process in ms. */
function cpuMs(): number {
  const u = cpuUsage()
  return (u.user + u.system) / 1000
}

/** The median of a list of numbers. */
function median(list: number[]): number {
  return [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)]
}

const rounds = Number(process.argv[2] ?? 25)
const random = prng(7)
const messages = chatText(1_000_000, ['赌博', '加我微信', '成本价'], zipfCharacters(random), random).split('\n')
const shipped = compileMatcher(loadDictionaryFiles(['data/dictionaries/default.yaml']).dictionary) as unknown as Inside
const { allTerms } = benchInputs([10_000], true)
const bench = compileMatcher(dictionaryOf(allTerms.slice(0, 10_000), DEFAULT_EXPANSIONS)) as unknown as Inside
const groups = new Map<string, string[]>([
  ['no raw hit, no URL separator', []],
  ['no raw hit, a URL separator', []],
  ['raw hits, no anchor', []],
  ['a raw hit of an anchor', []],
])
for (const text of messages) {
  shipped.scanOnce(text)
  const separator = textMayHoldUrl()
  const [none, url, terms, anchor] = [...groups.values()]
  const group = shipped.hits.length === 0 ? (separator ? url : none) : shipped.anchored ? anchor : terms
  group.push(text)
}
groups.set('all', messages)
const times = new Map<string, number[]>()
for (let round = 0; round < rounds; round++) {
  for (const [name, list] of groups) {
    for (const [label, matcher] of [
      ['shipped', shipped],
      ['bench 10k', bench],
    ] as const) {
      const start = cpuMs()
      for (const text of list) matcher.scan(text)
      const key = `${name}|${label}`
      times.set(key, [...(times.get(key) ?? []), cpuMs() - start])
    }
  }
}
console.info(`${rounds} rounds, ${messages.length} messages (1 MB); µs a message (ms the group a round)`)
for (const [name, list] of groups) {
  const cell = (label: string): string => {
    const ms = median(times.get(`${name}|${label}`)!)
    return `${label} ${((ms * 1000) / list.length).toFixed(2)} (${ms.toFixed(2)})`
  }
  console.info(`${name}: ${list.length} messages; ${cell('shipped')}; ${cell('bench 10k')}`)
}
