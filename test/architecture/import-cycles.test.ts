import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importCycles, importGraph } from './import-graph.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('import graph of bot/ and plugins/', () => {
  const graph = importGraph(root, ['bot', 'plugins'])

  it('has no import cycles (type-only imports count too)', () => {
    const cycles = importCycles(graph).map(files => files.join(' → '))
    expect(cycles).toEqual([])
  })

  it('sees the real imports, so an empty answer means something', () => {
    expect(graph.size).toBeGreaterThan(150)
    expect(graph.get('bot/runtime/host/runtime.ts')).toContain('bot/commands/builtin/builtin-commands.ts')
    expect(graph.get('bot/commands/builtin/undo-command.ts')).toContain('bot/commands/builtin/runtime-view.ts')
  })
})

describe('importCycles', () => {
  it('reports every file of a cycle once, and a file that imports itself', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ])
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']])
  })
})
