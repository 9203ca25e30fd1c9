/**
 * Scan speed of whole dictionary files (the shipped default.yaml, or a copy before a change) on the matcher
 * bench's synthetic chat, each message scanned on its own, files taking turns round by round (order reversed
 * every other round): `node --expose-gc --import tsx bench/shipped-scan.ts FILE.yaml [FILE2.yaml…] [--rounds N]`.
 * The chat holds only terms every file has (赌博, 加我微信, 成本价), so that the files find the same hits.
 */
import { cpuUsage } from 'node:process'
import { compileMatcher, loadDictionaryFiles } from '../plugins/content/matcher/index.js'
import { chatText, prng, zipfCharacters } from './matcher.js'

const args = process.argv.slice(2)
const at = args.indexOf('--rounds')
const rounds = at >= 0 ? Number(args[at + 1]) : 9
const files = args.filter((a, i) => a !== '--rounds' && !(at >= 0 && i === at + 1))
const random = prng(7)
const messages = chatText(1_000_000, ['赌博', '加我微信', '成本价'], zipfCharacters(random), random).split('\n')
const cpuMs = (): number => {
  const u = cpuUsage()
  return (u.user + u.system) / 1000
}
const matchers = files.map(f => ({ f, m: compileMatcher(loadDictionaryFiles([f]).dictionary), mbps: [] as number[] }))
let hits = 0
for (let round = 0; round < rounds; round++) {
  for (const entry of round % 2 === 0 ? matchers : [...matchers].reverse()) {
    const start = cpuMs()
    hits = 0
    for (const message of messages) hits += entry.m.scan(message).length
    entry.mbps.push(1000 / (cpuMs() - start))
  }
}
for (const { f, mbps } of matchers) {
  const sorted = [...mbps].sort((x, y) => x - y)
  const median = sorted[Math.floor(sorted.length / 2)]
  console.info(
    `${f}: best ${sorted.at(-1)!.toFixed(0)} MB/s, median ${median.toFixed(0)} MB/s CPU (${hits} hits, 1 MB)`,
  )
}
