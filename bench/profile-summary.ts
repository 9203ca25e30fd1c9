/**
 * Where a CPU profile spent its time: the functions with the most time of
 * their own (self) and the most time including what they called (inclusive),
 * in ms, optionally only those whose name or file matches a pattern. For
 * profiles from `node --cpu-prof dist/bin/cli.js start` (start-up) or
 * `npx tsx bench/pipeline.ts --quick --profile p.cpuprofile` (the full bot's
 * timed passes).
 *
 *   npx tsx bench/profile-summary.ts FILE.cpuprofile [--match REGEX] [--top 30] [--by-file] [--by-area [--messages N]]
 *
 * `--by-file`: self time summed per file and per module (a package in node_modules, a plugin, a folder of bot/),
 * a built-in without a file (JSON.stringify, a regular expression …) billed to the nearest caller that has one,
 * V8's own entries ((garbage collector), (program), (idle)) as they are.
 * `--by-area`: self time per area of the bot (`selfByArea`), with `--messages` also in µs a message.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Self and inclusive ms per function (`name file:line`), and the profile's total ms. */
export function summarize(p: Profile): { self: Map<string, number>; inclusive: Map<string, number>; totalMs: number } {
  const byId = new Map(p.nodes.map(n => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const perNode = new Map<number, number>()
  for (const [i, id] of p.samples.entries()) perNode.set(id, (perNode.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|dist|bot|plugins|bench)\//, '$1/')}:${n.callFrame.lineNumber + 1}`
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let totalMs = 0
  for (const [id, ms] of perNode) {
    totalMs += ms
    const k = key(byId.get(id)!)
    self.set(k, (self.get(k) ?? 0) + ms)
    const counted = new Set<string>() // recursion counts once
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const ck = key(byId.get(cur)!)
      if (counted.has(ck)) continue
      counted.add(ck)
      inclusive.set(ck, (inclusive.get(ck) ?? 0) + ms)
    }
  }
  return { self, inclusive, totalMs }
}

/** Self ms per file and per module (see `--by-file`). */
function selfByFile(p: Profile): { file: Map<string, number>; module: Map<string, number> } {
  const byId = new Map(p.nodes.map(n => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const fileOf = (id: number): string => {
    const own = byId.get(id)?.callFrame
    if (own?.functionName.startsWith('(')) return own.functionName
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)?.callFrame.url
      if (url)
        return url.includes('/node_modules/')
          ? url.slice(url.lastIndexOf('/node_modules/') + 1)
          : url.replace(/^.*\/(dist|bot|plugins|bench)\//, '$1/')
    }
    return '(no file)'
  }
  const moduleOf = (f: string) =>
    f.match(/^node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ?? f.match(/^(plugins\/[^/]+|bot\/[^/]+)/)?.[1] ?? f
  const file = new Map<string, number>()
  const module = new Map<string, number>()
  for (const [i, id] of p.samples.entries()) {
    const ms = (p.timeDeltas[i] ?? 0) / 1000
    const f = fileOf(id)
    file.set(f, (file.get(f) ?? 0) + ms)
    module.set(moduleOf(f), (module.get(moduleOf(f)) ?? 0) + ms)
  }
  return { file, module }
}

/** The area a script URL belongs to: a plugin, a folder of bot/ (runtime and store by their own folder), Wechaty. */
function areaOfUrl(url: string): string | undefined {
  const m =
    url.match(/\/(plugins\/[^/]+)\//) ??
    url.match(/\/(bot\/runtime\/[^/]+)\//) ??
    url.match(/\/(bot\/ports\/store)\//) ??
    url.match(/\/(bot\/[^/]+)\//)
  if (m) return m[1]
  if (url.includes('/bench/')) return 'bench'
  if (url.includes('/node_modules/wechaty')) return 'wechaty'
  return url.includes('/node_modules/') ? 'node_modules (other)' : undefined
}

/**
 * Self ms per area (see `--by-area`): each sample billed to the innermost frame of the bot, a plugin or the
 * bench above it; Wechaty's functions below such a frame apart (`wechaty under <area>`), Wechaty with no bot frame
 * above (`wechaty (own path)`); V8's own entries as they are, the profiler's own work (`node:inspector`) apart.
 */
function selfByArea(p: Profile): Map<string, number> {
  const byId = new Map(p.nodes.map(n => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const areaOf = (id: number): string => {
    const own = byId.get(id)!.callFrame.functionName
    if (own.startsWith('(')) return own
    let wechaty = false
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)!.callFrame.url
      if (url.startsWith('node:inspector')) return '(profiler)'
      const area = areaOfUrl(url)
      if (area === 'wechaty') wechaty = true
      else if (area === 'node_modules (other)' && !wechaty) return area
      else if (area && area !== 'node_modules (other)') return wechaty ? `wechaty under ${area}` : area
    }
    return wechaty ? 'wechaty (own path)' : 'node (no caller with a file)'
  }
  const out = new Map<string, number>()
  for (const [i, id] of p.samples.entries()) {
    const a = areaOf(id)
    out.set(a, (out.get(a) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
  }
  return out
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      match: { type: 'string' },
      top: { type: 'string', default: '30' },
      'by-file': { type: 'boolean', default: false },
      'by-area': { type: 'boolean', default: false },
      messages: { type: 'string' },
    },
  })
  const profile = JSON.parse(readFileSync(positionals[0], 'utf8')) as Profile
  const s = summarize(profile)
  if (values['by-area']) {
    const areas = [...selfByArea(profile)].sort((a, b) => b[1] - a[1])
    const n = Number(values.messages ?? 0)
    const per = (ms: number) => (n ? `${((ms * 1000) / n).toFixed(2).padStart(7)} µs a message  ` : '')
    console.log(`self, per area (profile total ${s.totalMs.toFixed(0)} ms${n ? `, ${n} messages` : ''})`)
    for (const [k, ms] of areas) console.log(`${ms.toFixed(1).padStart(9)} ms  ${per(ms)}${k}`)
    const busy = areas.filter(([k]) => k !== '(idle)' && k !== '(profiler)').reduce((t, [, ms]) => t + ms, 0)
    console.log(`${busy.toFixed(1).padStart(9)} ms  ${per(busy)}busy (all but idle and the profiler)`)
    return
  }
  if (values['by-file']) {
    const byFile = selfByFile(profile)
    s.self = byFile.module
    s.inclusive = byFile.file
  }
  const match = values.match ? new RegExp(values.match) : undefined
  const show = (title: string, m: Map<string, number>) => {
    console.log(`${title} (profile total ${s.totalMs.toFixed(0)} ms)`)
    const rows = [...m].filter(([k]) => !match || match.test(k)).sort((a, b) => b[1] - a[1])
    for (const [k, ms] of rows.slice(0, Number(values.top))) console.log(`${ms.toFixed(1).padStart(9)} ms  ${k}`)
  }
  show(values['by-file'] ? 'self, per module' : 'self', s.self)
  show(values['by-file'] ? 'self, per file' : 'inclusive', s.inclusive)
}

main()
