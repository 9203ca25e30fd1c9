/**
 * The benchmark's bot config: the shipped example config with its groups and
 * roster replaced by the synthetic world's, and every registered plugin
 * switched on. Written to a temp directory next to links to `data/`'s
 * folders, so relative paths in the example keep resolving.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseDocument } from 'yaml'
import { PLUGINS } from '../plugins/index.js'
import { rosterCsv, type BenchWorld } from './synthetic-world.js'

const DATA_DIR = resolve(import.meta.dirname, '..', 'data')
const EXAMPLE = join(DATA_DIR, 'bot.config.example.yaml')

/** Managed-group entries matching the synthetic topics (one config section per kind, like a real company). */
const GROUPS = [
  { name: '内部工作群', topicPattern: '^示例科技.+工作群$', kind: 'internal' },
  { name: '客户交流群', topicPattern: '^示例科技.+交流群$', kind: 'customer' },
  { name: '公告群', topic: '示例科技公告群', kind: 'broadcast' },
]

/**
 * Write `bench.config.yaml` and `bench-roster.csv` into `dir`; returns the config path. `plugins: false` switches
 * every plugin off (the framework alone: Wechaty's events through the ports, the runtime and the store).
 */
export function writeBenchConfig(world: BenchWorld, dir: string, { plugins = true } = {}): string {
  mkdirSync(dir, { recursive: true })
  for (const entry of readdirSync(DATA_DIR, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'state' && !existsSync(join(dir, entry.name)))
      symlinkSync(join(DATA_DIR, entry.name), join(dir, entry.name))
  }
  writeFileSync(join(dir, 'bench-roster.csv'), rosterCsv(world))
  const doc = parseDocument(readFileSync(EXAMPLE, 'utf8'))
  doc.set('roster', 'bench-roster.csv')
  doc.set('groups', GROUPS)
  for (const p of PLUGINS) {
    if (!doc.hasIn(['plugins', p.name])) doc.setIn(['plugins', p.name], doc.createNode({}))
    doc.setIn(['plugins', p.name, 'enabled'], plugins)
    doc.setIn(['plugins', p.name, 'dryRun'], false)
  }
  doc.set('dryRun', false)
  const file = join(dir, 'bench.config.yaml')
  writeFileSync(file, doc.toString())
  return file
}
