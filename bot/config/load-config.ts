import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import { LineCounter, parseDocument } from 'yaml'
import type { PluginDefinition } from '../core/plugin.js'
import { baseConfigShape } from './schema.js'
import { formatIssues, formatPath } from './format-issues.js'
import { loadRoster, RosterError } from '../roster/load-roster.js'
import { Roster } from '../roster/roster.js'

/** A config that failed to load, with every problem on its own line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) { super(problems.join('\n')) }
}

const pluginSwitches = {
  enabled: z.boolean().default(true).describe('启用本插件 Enable this plugin'),
  dryRun: z.boolean().default(false).describe('观察模式 Record what it would do, send nothing'),
}

/** A plugin's config section: its own schema plus the runtime's `enabled`/`dryRun` switches. */
export function sectionSchema(def: PluginDefinition): z.ZodObject {
  return def.configSchema.extend(pluginSwitches).strict()
}

/** The whole config schema for a set of plugins. */
export function buildConfigSchema(plugins: PluginDefinition[]) {
  const sections = Object.fromEntries(plugins.map(p => [p.name, sectionSchema(p).prefault({})]))
  return z.object({ ...baseConfigShape, plugins: z.object(sections).strict().prefault({}) }).strict()
}

/** The validated config of the runtime and its plugins. */
export type BotConfig = z.infer<ReturnType<typeof buildConfigSchema>> & { plugins: Record<string, Record<string, unknown>> }

/** A loaded config: validated values, per-group plugin sections and the roster. */
export interface LoadedConfig {
  file: string
  config: BotConfig
  /** Per group name, per plugin: the global section merged with the group's override. */
  groupSections: Map<string, Record<string, Record<string, unknown>>>
  roster: Roster
}

/** Load, validate and resolve a config file; throws ConfigError listing every problem. */
export function loadConfig(file: string, plugins: PluginDefinition[]): LoadedConfig {
  if (!existsSync(file)) throw new ConfigError([`${file}: config file not found (copy data/bot.config.example.yaml)`])
  return parseConfig(readFileSync(file, 'utf8'), file, plugins)
}

/** Validate config text; `file` is used in messages and to resolve relative paths. */
export function parseConfig(text: string, file: string, plugins: PluginDefinition[]): LoadedConfig {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length) throw new ConfigError(doc.errors.map(e => `${file}:${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]}`))
  const parsed = buildConfigSchema(plugins).safeParse(doc.toJS() ?? {})
  const problems = parsed.success ? [] : formatIssues(parsed.error.issues, file, doc, lines)
  if (!parsed.success) throw new ConfigError(problems)
  const config = parsed.data as BotConfig
  const groupSections = resolveGroupSections(config, plugins, file, doc, lines, problems)
  checkReferences(config, problems, file)
  const roster = config.roster ? readRoster(resolve(dirname(file), config.roster), problems) : new Roster()
  if (problems.length) throw new ConfigError(problems)
  return { file, config, groupSections, roster }
}

function resolveGroupSections(config: BotConfig, plugins: PluginDefinition[], file: string, doc: any, lines: LineCounter, problems: string[]) {
  const out = new Map<string, Record<string, Record<string, unknown>>>()
  const rawGroups = (doc.toJS()?.groups ?? []) as { plugins?: Record<string, unknown> }[]
  config.groups.forEach((g, i) => {
    const sections: Record<string, Record<string, unknown>> = { ...config.plugins }
    for (const [name, override] of Object.entries(g.plugins)) {
      const def = plugins.find(p => p.name === name)
      if (!def) { problems.push(`${file}: ${formatPath(['groups', i, 'plugins', name])}: unknown plugin`); continue }
      const rawGlobal = (doc.toJS()?.plugins?.[name] ?? {}) as Record<string, unknown>
      const merged = sectionSchema(def).safeParse(deepMerge(rawGlobal, rawGroups[i]?.plugins?.[name] ?? override))
      if (merged.success) sections[name] = merged.data
      else problems.push(...formatIssues(merged.error.issues, file, doc, lines, ['groups', i, 'plugins', name]))
    }
    out.set(g.name, sections)
  })
  return out
}

function checkReferences(config: BotConfig, problems: string[], file: string): void {
  const names = new Set<string>()
  config.groups.forEach((g, i) => {
    if (names.has(g.name)) problems.push(`${file}: groups[${i}].name: duplicate group name "${g.name}"`)
    names.add(g.name)
    if (g.topicPattern) { try { new RegExp(g.topicPattern) } catch (e) { problems.push(`${file}: groups[${i}].topicPattern: invalid regex (${(e as Error).message})`) } }
  })
  if (config.adminChannel.mode === 'group' && !names.has(config.adminChannel.group ?? '')) {
    problems.push(`${file}: adminChannel.group: must name one of groups[].name`)
  }
}

function readRoster(path: string, problems: string[]): Roster {
  try { return loadRoster(path) } catch (e) {
    if (e instanceof RosterError) problems.push(...e.problems)
    else problems.push(`${path}: cannot read roster (${(e as Error).message})`)
    return new Roster()
  }
}

/** Merge plain objects recursively; arrays and scalars from `b` replace those in `a`. */
export function deepMerge(a: Record<string, unknown>, b: unknown): Record<string, unknown> {
  if (!b || typeof b !== 'object' || Array.isArray(b)) return a
  const out: Record<string, unknown> = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k]
    out[k] = cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v) ? deepMerge(cur as Record<string, unknown>, v) : v
  }
  return out
}
