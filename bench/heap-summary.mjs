/**
 * Where a heap snapshot's memory is: self size by constructor, and the objects
 * retaining the most (dominator tree, weak edges ignored) with the path that
 * holds each. For the snapshots `npx tsx bench/memory.ts --snapshot DIR` writes.
 *
 *   node --max-old-space-size=8000 bench/heap-summary.mjs FILE.heapsnapshot [TOP]
 */
import { readFileSync } from 'node:fs'
const snap = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const m = snap.snapshot.meta
const NF = m.node_fields.length,
  EF = m.edge_fields.length
const nTypes = m.node_types[0],
  eTypes = m.edge_types[0]
const nodes = snap.nodes,
  edges = snap.edges,
  strings = snap.strings
const N = nodes.length / NF
const iType = m.node_fields.indexOf('type'),
  iName = m.node_fields.indexOf('name'),
  iSelf = m.node_fields.indexOf('self_size'),
  iEc = m.node_fields.indexOf('edge_count')
const eiType = m.edge_fields.indexOf('type'),
  eiName = m.edge_fields.indexOf('name_or_index'),
  eiTo = m.edge_fields.indexOf('to_node')
const firstEdge = new Uint32Array(N + 1)
for (let i = 0, e = 0; i < N; i++) {
  firstEdge[i] = e
  e += nodes[i * NF + iEc] * EF
  firstEdge[i + 1] = e
}
const name = i => {
  const t = nTypes[nodes[i * NF + iType]]
  const s = strings[nodes[i * NF + iName]]
  return t === 'object' || t === 'native' ? s : `(${t})`
}
let total = 0
const byName = new Map()
for (let i = 0; i < N; i++) {
  const s = nodes[i * NF + iSelf]
  total += s
  const k = name(i)
  const v = byName.get(k) ?? [0, 0]
  v[0] += s
  v[1]++
  byName.set(k, v)
}
console.log('total self', (total / 2 ** 20).toFixed(1), 'MB nodes', N)
for (const [k, [s, c]] of [...byName].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25))
  console.log((s / 2 ** 20).toFixed(1).padStart(8), 'MB', String(c).padStart(9), k.slice(0, 80))
// dominators (Cooper-Harvey-Kennedy), skipping weak edges
const isWeak = e => eTypes[edges[e + eiType]] === 'weak'
const order = new Int32Array(N).fill(-1),
  post = new Uint32Array(N)
let cnt = 0
{
  const stack = [0],
    it = new Uint32Array(N)
  order[0] = -2
  it[0] = firstEdge[0]
  while (stack.length) {
    const v = stack[stack.length - 1]
    if (it[v] < firstEdge[v + 1]) {
      const e = it[v]
      it[v] += EF
      if (isWeak(e)) continue
      const w = edges[e + eiTo] / NF
      if (order[w] === -1) {
        order[w] = -2
        it[w] = firstEdge[w]
        stack.push(w)
      }
    } else {
      stack.pop()
      order[v] = cnt
      post[cnt++] = v
    }
  }
}
// predecessors
const predCount = new Uint32Array(N + 1)
for (let v = 0; v < N; v++)
  if (order[v] >= 0)
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
      if (isWeak(e)) continue
      const w = edges[e + eiTo] / NF
      if (order[w] >= 0) predCount[w + 1]++
    }
for (let i = 0; i < N; i++) predCount[i + 1] += predCount[i]
const preds = new Uint32Array(predCount[N])
const fill = predCount.slice(0, N)
for (let v = 0; v < N; v++)
  if (order[v] >= 0)
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
      if (isWeak(e)) continue
      const w = edges[e + eiTo] / NF
      if (order[w] >= 0) preds[fill[w]++] = v
    }
const idom = new Int32Array(N).fill(-1)
idom[0] = 0
const intersect = (a, b) => {
  while (a !== b) {
    while (order[a] < order[b]) a = idom[a]
    while (order[b] < order[a]) b = idom[b]
  }
  return a
}
for (let changed = true; changed; ) {
  changed = false
  for (let k = cnt - 1; k >= 0; k--) {
    const v = post[k]
    if (v === 0) continue
    let nd = -1
    for (let p = predCount[v]; p < predCount[v + 1]; p++) {
      const u = preds[p]
      if (idom[u] === -1) continue
      nd = nd === -1 ? u : intersect(u, nd)
    }
    if (nd !== -1 && idom[v] !== nd) {
      idom[v] = nd
      changed = true
    }
  }
}
const retained = new Float64Array(N)
for (let k = 0; k < cnt; k++) {
  const v = post[k]
  retained[v] += nodes[v * NF + iSelf]
  if (v !== 0) retained[idom[v]] += retained[v]
}
// edge name from dominator to node (for a path)
const edgeName = (u, v) => {
  for (let e = firstEdge[u]; e < firstEdge[u + 1]; e += EF)
    if (edges[e + eiTo] / NF === v) {
      const t = eTypes[edges[e + eiType]]
      const n = edges[e + eiName]
      return t === 'element' || t === 'hidden' ? `[${n}]` : strings[n]
    }
  return '?'
}
const path = v => {
  const p = []
  let x = v
  for (let i = 0; i < 8 && x !== 0; i++) {
    const d = idom[x]
    p.unshift(`${name(d).slice(0, 30)}.${String(edgeName(d, x)).slice(0, 30)}`)
    x = d
  }
  return p.join(' > ')
}
const cand = []
for (let v = 1; v < N; v++) if (order[v] >= 0 && retained[v] > 2 * 2 ** 20) cand.push(v)
cand.sort((a, b) => retained[b] - retained[a])
// print the largest that are not merely dominators of a bigger printed one with nearly the same size
const shown = []
for (const v of cand) {
  if (shown.length >= Number(process.argv[3] ?? 40)) break
  console.log((retained[v] / 2 ** 20).toFixed(1).padStart(8), 'MB', name(v).slice(0, 40), ' <- ', path(v))
  shown.push(v)
}
