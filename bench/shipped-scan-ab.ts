/**
 * The shipped dictionary's scan in two source trees, in one process, rounds alternating (the order reversed every
 * other round): shipped-scan.ts's chat (each message on its own) and file names (`报价单.xlsx`, `合同.pdf`…, which
 * hit reading anchors with their extensions), CPU medians:
 * `npx tsx bench/shipped-scan-ab.ts TREE_A TREE_B [ROUNDS]` (e.g. `. /work/main 41`; run it again with the trees
 * swapped: the ratio of both orders). Both trees compile this tree's data/dictionaries/default.yaml.
 */
import { resolve } from 'node:path'
import { cpuUsage } from 'node:process'
import type { Matcher } from '../plugins/content/matcher/index.js'
import { chatText, prng, zipfCharacters } from './matcher.js'

/** One tree's matcher and its CPU times a round: the chat (ms a MB) and a file name (µs a scan). */
interface Entry {
  tree: string
  matcher: Matcher
  chat: number[]
  files: number[]
}

const [first, second, roundsArg] = process.argv.slice(2)
if (first === undefined || second === undefined) throw new Error('usage: shipped-scan-ab.ts TREE_A TREE_B [ROUNDS]')
const rounds = Number(roundsArg ?? 9)
const dictionary = resolve('data/dictionaries/default.yaml')
/** How many times each file name is scanned a round. */
const FILE_REPEATS = 200

/** Compiles the shipped dictionary with the matcher of the tree. */
async function load(tree: string): Promise<Entry> {
  const mod = await import(resolve(tree, 'plugins/content/matcher/index.ts'))
  return { tree, matcher: mod.compileMatcher(mod.loadDictionaryFiles([dictionary]).dictionary), chat: [], files: [] }
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

const random = prng(7)
const messages = chatText(1_000_000, ['赌博', '加我微信', '成本价'], zipfCharacters(random), random).split('\n')
const stems = ['报价单', '合同', '培训资料', '会议纪要', '发票', 'IMG_20241203_1530', '项目计划v2', '产品手册']
const names = stems.flatMap(stem => ['.xlsx', '.pdf', '.pptx', '.docx', '.jpg', '.zip'].map(ext => stem + ext))
const entries = [await load(first), await load(second)]
const found: string[] = []
for (let round = 0; round < rounds; round++) {
  for (const entry of round % 2 === 0 ? entries : [...entries].reverse()) {
    let start = cpuMs()
    let hits = 0
    for (const message of messages) hits += entry.matcher.scan(message).length
    entry.chat.push(cpuMs() - start)
    start = cpuMs()
    for (let k = 0; k < FILE_REPEATS; k++) for (const name of names) hits += entry.matcher.scan(name).length
    entry.files.push(((cpuMs() - start) * 1000) / (FILE_REPEATS * names.length))
    if (round === 0) found.push(`${entry.tree}: ${hits} matches`)
  }
}
console.info(`${rounds} rounds; first round ${found.join(', ')}`)
for (const e of entries) {
  const chat = median(e.chat)
  console.info(
    `${e.tree}: chat ${chat.toFixed(1)} ms a MB (${(1000 / chat).toFixed(0)} MB/s), file name ${median(e.files).toFixed(2)} µs`,
  )
}
const [a, b] = entries
console.info(
  `${a.tree} ÷ ${b.tree}: chat ${(median(a.chat) / median(b.chat)).toFixed(2)}, file names ${(median(a.files) / median(b.files)).toFixed(2)}`,
)
