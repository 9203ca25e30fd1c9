/**
 * What a heap snapshot would shed without some of its references: for each owner given, the bytes no
 * longer reachable once the matching edges are cut (what that owner alone keeps alive, even where the
 * dominator tree of bench/heap-summary.mjs files it under the root because several paths reach it).
 * An owner is `Name` (every edge into an object of that constructor) or `Name.edge` (that property of
 * such objects); join several with `+` to cut them together. Weak edges are ignored, as V8 does.
 * `@OWNER` prints instead the data reachable through those edges (values and their backing stores, shared ones
 * included, no functions or prototypes): the most that owner could be keeping.
 *
 *   node --max-old-space-size=8000 bench/heap-without.mjs FILE.heapsnapshot OWNER [OWNER…]
 *   e.g. … WechatyPorts.memberCache Roster FileDoc.value QuickLRU.cache FileArchive+Archiver
 */
import { readFileSync } from 'node:fs'

const [file, ...owners] = process.argv.slice(2)
const snap = JSON.parse(readFileSync(file, 'utf8'))
const m = snap.snapshot.meta
const NF = m.node_fields.length
const EF = m.edge_fields.length
const nTypes = m.node_types[0]
const eTypes = m.edge_types[0]
const { nodes, edges, strings } = snap
const N = nodes.length / NF
const iType = m.node_fields.indexOf('type')
const iName = m.node_fields.indexOf('name')
const iSelf = m.node_fields.indexOf('self_size')
const iEc = m.node_fields.indexOf('edge_count')
const eiType = m.edge_fields.indexOf('type')
const eiName = m.edge_fields.indexOf('name_or_index')
const eiTo = m.edge_fields.indexOf('to_node')
const firstEdge = new Uint32Array(N + 1)
for (let i = 0, e = 0; i < N; i++) {
  firstEdge[i] = e
  e += nodes[i * NF + iEc] * EF
  firstEdge[i + 1] = e
}
const WEAK = eTypes.indexOf('weak')
const BY_NAME = new Set(['context', 'property', 'internal', 'shortcut'].map(t => eTypes.indexOf(t)))
const nameOf = i => {
  const t = nTypes[nodes[i * NF + iType]]
  return t === 'object' || t === 'native' || t === 'closure' ? strings[nodes[i * NF + iName]] : `(${t})`
}
const edgeLabel = e => (BY_NAME.has(edges[e + eiType]) ? strings[edges[e + eiName]] : String(edges[e + eiName]))

const DATA_EDGES = new Set(['element', 'property', 'internal', 'hidden'].map(t => eTypes.indexOf(t)))
const CODE = new Set(['closure', 'code', 'hidden', 'object shape', 'synthetic'].map(t => nTypes.indexOf(t)))
/** Whether a walk through an owner's data takes edge `e` (its values and their backing stores, no code or prototypes). */
const dataEdge = e =>
  DATA_EDGES.has(edges[e + eiType]) &&
  !CODE.has(nodes[edges[e + eiTo] + iType]) &&
  !['__proto__', 'constructor', 'map', 'prototype'].includes(edgeLabel(e))

/** Bytes reachable from `starts` (default the root) when `cut(from, e)` edges are skipped. */
function reachable(cut, starts = [0]) {
  const seen = new Uint8Array(N)
  const stack = [...starts]
  for (const s of starts) seen[s] = 1
  let bytes = 0
  while (stack.length) {
    const v = stack.pop()
    bytes += nodes[v * NF + iSelf]
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
      if (edges[e + eiType] === WEAK || cut(v, e)) continue
      const w = edges[e + eiTo] / NF
      if (!seen[w]) {
        seen[w] = 1
        stack.push(w)
      }
    }
  }
  return bytes
}

const MB = b => `${(b / 2 ** 20).toFixed(1)} MB`
const all = reachable(() => false)
console.log(`reachable ${MB(all)} in ${N} nodes`)
for (const arg of owners) {
  const through = arg.startsWith('@')
  const owner = through ? arg.slice(1) : arg
  const parts = owner.split('+').map(p => {
    const [name, edge] = p.split('.')
    return { name, edge }
  })
  const cut = (v, e) =>
    parts.some(({ name, edge }) =>
      edge === undefined ? nameOf(edges[e + eiTo] / NF) === name : nameOf(v) === name && edgeLabel(e) === edge,
    )
  if (!through) {
    console.log(`${MB(all - reachable(cut)).padStart(9)}  ${owner}`)
    continue
  }
  const targets = new Set()
  for (let v = 0; v < N; v++)
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF)
      if (edges[e + eiType] !== WEAK && cut(v, e)) targets.add(edges[e + eiTo] / NF)
  console.log(
    `${MB(reachable((_, e) => !dataEdge(e), [...targets])).padStart(9)}  reachable through ${owner} (${targets.size} objects)`,
  )
}
