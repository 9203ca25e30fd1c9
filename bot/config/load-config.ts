import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { z } from 'zod'
import { LineCounter, parseDocument, type YAMLError } from 'yaml'
import { withColonHints, yamlErrorText } from './yaml-errors.js'
import type { PluginDefinition } from '../core/plugin.js'
import { shipped } from '../package-root.js'
import { baseConfigShape, type RawConfig, type RawGroup } from './schema.js'
import { formatIssues, formatPath, lineOf, problemsBeyondLines, sortProblems, where } from './format-issues.js'
import { nearestKey } from './suggest-key.js'
import { globalOnlyKeysOf, resolveConfigPath, withConfigDir } from './fields.js'
import { checkContactIds } from './contact-ids.js'
import { loadRoster, RosterError, rosterFromList } from '../roster/load-roster.js'
import { Roster } from '../roster/roster.js'
import { type FileRole, fileProblem, UserFileError } from './user-file.js'

/** The config file, for messages about it; the example to copy is named where it is (in a host bot: node_modules/…). */
export const CONFIG_FILE: FileRole = {
  zh: '配置文件',
  en: 'config file',
  get hint() {
    const example = fromHere(shipped('data/bot.config.example.yaml'))
    return `可复制 ${example} 作为起点 copy ${example} to start from`
  },
}

/** `file` as typed from the working directory: relative below it, else absolute. */
function fromHere(file: string): string {
  const rel = relative(process.cwd(), file)
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel
}

/** A config that failed to load, with every problem on its own line. */
export class ConfigError extends Error {
  /** Every problem, sorted by file then line. */
  readonly problems: string[]
  /** How many problems there are: more than the lines when one line stands for many (YAML syntax errors). */
  readonly count: number

  constructor(problems: string[], count = problems.length) {
    const sorted = sortProblems(problems)
    super(sorted.join('\n'))
    this.problems = sorted
    this.count = count
  }
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
export type BotConfig = z.infer<ReturnType<typeof buildConfigSchema>> & {
  plugins: Record<string, Record<string, unknown>>
}

/** A loaded config: validated values, per-group plugin sections and the roster. */
export interface LoadedConfig {
  file: string
  config: BotConfig
  /** Per group name, per plugin: the global section merged with the group's override. */
  groupSections: Map<string, Record<string, Record<string, unknown>>>
  /** `dryRun` exactly as written (unset keys absent): per plugin section, and per group name and plugin. */
  dryRunSettings?: DryRunSettings
  /**
   * The plugins the config file names (a section under `plugins:` or under a group's `plugins:`); a plugin not
   * named runs by its defaults. Unknown (absent) when the config was not read from a file.
   */
  writtenPlugins?: string[]
  roster: Roster
}

/** Where `dryRun` was written in the config file (defaults are not settings). */
export interface DryRunSettings {
  plugins: Record<string, boolean>
  groups: Record<string, Record<string, boolean>>
}

/**
 * Load, validate and resolve a config file; throws ConfigError listing every problem. `origin` (where the path was
 * named, e.g. `BOT_CONFIG` in `.env`) follows a missing file's problem.
 */
export function loadConfig(file: string, plugins: PluginDefinition[], origin?: string): LoadedConfig {
  const problem = fileProblem(file, CONFIG_FILE)
  if (problem) throw new ConfigError([origin ? `${problem}；${origin}` : problem])
  return parseConfig(readFileSync(file, 'utf8'), file, plugins)
}

/** Validate config text; `file` is used in messages, and its folder to resolve relative paths. */
export function parseConfig(text: string, file: string, plugins: PluginDefinition[]): LoadedConfig {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length) {
    const errors = causes(doc.errors)
    throw new ConfigError(withColonHints(syntaxProblems(errors, file), file, text), errors.length)
  }
  const raw = (doc.toJS() ?? {}) as RawConfig
  const at = (path: PropertyKey[]) => where(file, doc, lines, path)
  const dir = configDir(file)
  return withConfigDir(dir, () => {
    const schema = buildConfigSchema(plugins)
    const parsed = schema.safeParse(raw)
    // Every check runs even when the schema fails, so one run lists every problem. A line that sums up several
    // problems (a dictionary's syntax errors past the first few) counts as them all.
    let beyond = 0
    const format: IssueFormatter = (issues, prefix, section) => {
      beyond += problemsBeyondLines(issues)
      return formatIssues(issues, file, doc, lines, prefix, section)
    }
    const problems = parsed.success ? [] : format(parsed.error.issues, [], schema)
    checkReferences(raw, at, problems)
    const overrides = groupOverrides(raw, plugins, at, format, problems)
    const roster = readRoster(raw.roster, file, at, i => lineOf(doc, lines, ['roster', i]) ?? 0, problems)
    checkContactIds(raw, roster, at, problems)
    if (!parsed.success || problems.length)
      throw new ConfigError(withColonHints(problems, file, text), problems.length + beyond)
    const config = parsed.data as BotConfig
    const groupSections = new Map<string, Record<string, Record<string, unknown>>>()
    for (const [i, g] of config.groups.entries()) groupSections.set(g.name, { ...config.plugins, ...overrides[i] })
    const writtenPlugins = namedPlugins(raw)
    return { file, config, groupSections, dryRunSettings: writtenDryRun(raw), writtenPlugins, roster }
  })
}

/** YAML syntax errors listed: past the first few, one wrong indent goes on for every line below it. */
const SHOWN_SYNTAX_ERRORS = 3

/**
 * The syntax errors worth telling: a Tab used as indent, once per line, when there is one (the parser then
 * misreads the lines below it: one Tab gave 13 errors); else every error.
 */
function causes(errors: readonly YAMLError[]): readonly YAMLError[] {
  const tabs = errors.filter(e => e.code === 'TAB_AS_INDENT')
  const lines = new Set<number | undefined>()
  return tabs.length ? tabs.filter(e => !lines.has(e.linePos?.[0].line) && lines.add(e.linePos?.[0].line)) : errors
}

/** The first YAML syntax errors, each at its line, and how many more there are. */
function syntaxProblems(errors: readonly YAMLError[], file: string): string[] {
  const shown = errors.slice(0, SHOWN_SYNTAX_ERRORS).map(e => {
    const line = e.linePos?.[0].line ?? '?'
    return `${file}:${line}: ${yamlErrorText(e)}`
  })
  const more = errors.length - shown.length
  if (more > 0) {
    const last = errors[shown.length - 1].linePos?.[0].line ?? '?'
    shown.push(
      `${file}:${last}: 后面还有 ${more} 个语法错误，多半由第一个引起：改好第一个再检查 ${more} more syntax errors, most likely caused by the first: fix it and check again`,
    )
  }
  return shown
}

/** The plugin sections written in the file, globally or in any group, in the order first written. */
function namedPlugins(raw: RawConfig): string[] {
  const groups = Array.isArray(raw.groups) ? (raw.groups as RawGroup[]) : []
  const sections = [raw.plugins, ...groups.map(g => g?.plugins)].filter(isPlain)
  return [...new Set(sections.flatMap(s => Object.keys(s)))]
}

function writtenDryRun(raw: RawConfig): DryRunSettings {
  const pick = (sections: unknown): Record<string, boolean> =>
    Object.fromEntries(
      Object.entries(isPlain(sections) ? sections : {}).flatMap(([name, s]) =>
        isPlain(s) && typeof s.dryRun === 'boolean' ? [[name, s.dryRun]] : [],
      ),
    )
  const groups = Array.isArray(raw.groups) ? (raw.groups as RawGroup[]) : []
  return {
    plugins: pick(raw.plugins),
    groups: Object.fromEntries(groups.map(g => [String(g?.name), pick(g?.plugins)])),
  }
}

/** The folder relative paths in a config file resolve against. */
export function configDir(file: string): string {
  return dirname(resolve(file))
}

/** The roster file the config names (absolute: resolved by the schema like every config path), if any. */
export function rosterPath(loaded: LoadedConfig): string | undefined {
  const r = loaded.config.roster
  return typeof r === 'string' ? r : undefined
}

/** Per group index: each overridden plugin section merged with the global section and validated. */
type IssueFormatter = (issues: z.core.$ZodIssue[], prefix: PropertyKey[], schema: z.ZodType) => string[]

function groupOverrides(
  raw: RawConfig,
  plugins: PluginDefinition[],
  at: (p: PropertyKey[]) => string,
  format: IssueFormatter,
  problems: string[],
) {
  const groups = Array.isArray(raw.groups) ? (raw.groups as RawGroup[]) : []
  return groups.map((g, i) => {
    const sections: Record<string, Record<string, unknown>> = {}
    if (!isPlain(g?.plugins)) return sections
    for (const [name, override] of Object.entries(g.plugins as Record<string, unknown>)) {
      const path = ['groups', i, 'plugins', name]
      const def = plugins.find(p => p.name === name)
      if (!def) {
        const known = plugins.map(p => p.name)
        const near = nearestKey(name, known)
        problems.push(
          `${at(path)}${formatPath(path)}: 没有这个插件，${near ? `是不是 ${near}？` : ''}已知：${known.join(', ') || '无'}` +
            `（unknown plugin${near ? `, did you mean ${near}?` : ''}）`,
        )
        continue
      }
      if (override === null) continue
      if (!isPlain(override)) {
        problems.push(
          `${at(path)}${formatPath(path)}: 应为 ${name} 的设置项，如 { enabled: false }（expected a mapping of ${name} settings）`,
        )
        continue
      }
      for (const key of globalOnlyKeysOf(def.configSchema).filter(k => k in override))
        problems.push(
          `${at([...path, key])}${formatPath([...path, key])}: ${name}.${key} 只能在全局设置 plugins.${name}.${key} 中填写，不能按群设置（read only from the global section）`,
        )
      const section = sectionSchema(def)
      const global = isPlain(raw.plugins?.[name]) ? (raw.plugins![name] as Record<string, unknown>) : {}
      const merged = section.safeParse(deepMerge(global, override))
      if (merged.success) sections[name] = merged.data
      else
        problems.push(...format(groupIssues(merged.error.issues, override, section.safeParse(global)), path, section))
    }
    return sections
  })
}

/**
 * The issues of a group's merged section that belong to the group: those at a value the override sets, and those
 * the global section alone does not have (a combination only this group makes). The global section's own
 * problems are reported once, at its own lines, by the whole-config parse.
 */
function groupIssues(
  issues: z.core.$ZodIssue[],
  override: Record<string, unknown>,
  global: { success: boolean; error?: z.ZodError },
): z.core.$ZodIssue[] {
  const globalKeys = new Set((global.error?.issues ?? []).map(issueKey))
  return issues.flatMap((issue): z.core.$ZodIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.filter(k => setsPath(override, [...issue.path, k]))
      return keys.length ? [{ ...issue, keys }] : []
    }
    return (issue.path.length > 0 && setsPath(override, issue.path)) || !globalKeys.has(issueKey(issue)) ? [issue] : []
  })
}

/** An issue's identity for comparing the merged section's issues with the global section's. */
function issueKey(issue: z.core.$ZodIssue): string {
  return `${issue.path.map(String).join('.')}\u0000${issue.code}\u0000${issue.message}`
}

/** Whether `override` writes the value at `path` (or a whole value above it: arrays and scalars replace). */
function setsPath(override: unknown, path: PropertyKey[]): boolean {
  let node = override
  for (const key of path) {
    if (!isPlain(node)) return true
    if (!(String(key) in node)) return false
    node = node[String(key)]
  }
  return true
}

/** `did you mean x? ` for a name near a known one, else nothing. */
function checkReferences(raw: RawConfig, at: (p: PropertyKey[]) => string, problems: string[]): void {
  const names = new Set<unknown>()
  const groups = Array.isArray(raw.groups) ? (raw.groups as RawGroup[]) : []
  groups.forEach((g, i) => {
    if (names.has(g?.name))
      problems.push(
        `${at(['groups', i, 'name'])}groups[${i}].name: 群名 "${String(g.name)}" 重复（duplicate group name）`,
      )
    names.add(g?.name)
    for (const key of ['topic', 'id'] as const) {
      const value = g?.[key]
      if (typeof value !== 'string') continue
      const first = groups.findIndex(o => o?.[key] === value)
      if (first < i)
        problems.push(
          `${at(['groups', i, key])}groups[${i}].${key}: ${key} "${value}" 与 groups[${first}] 重复，一个群只写一条（duplicate ${key}）`,
        )
    }
    if (typeof g?.topicPattern === 'string') {
      try {
        new RegExp(g.topicPattern)
      } catch (e) {
        problems.push(
          `${at(['groups', i, 'topicPattern'])}groups[${i}].topicPattern: 正则表达式有误（invalid regex: ${(e as Error).message}）`,
        )
      }
    }
  })
  if (raw.adminChannel?.mode === 'group' && !names.has(raw.adminChannel.group)) {
    problems.push(
      `${at(['adminChannel', 'group'])}adminChannel.group: 应为 groups[].name 中的一个群名（must name one of groups[].name）`,
    )
  }
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}

/**
 * The roster the config names: a file (a file that cannot be read is a problem at the config line of `roster`,
 * `at` gives that `file:line: `) or the list itself.
 */
function readRoster(
  value: unknown,
  file: string,
  at: (path: PropertyKey[]) => string,
  lineOfEntry: (i: number) => number,
  problems: string[],
): Roster {
  if (typeof value !== 'string' && !Array.isArray(value)) return new Roster()
  const path = typeof value === 'string' ? resolveConfigPath(value) : file
  try {
    return typeof value === 'string' ? loadRoster(path) : rosterFromList(value, file, lineOfEntry)
  } catch (e) {
    if (e instanceof UserFileError) problems.push(`${at(['roster'])}roster: ${e.message}`)
    else if (e instanceof RosterError) problems.push(...e.problems)
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
    out[k] =
      cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v)
        ? deepMerge(cur as Record<string, unknown>, v)
        : v
  }
  return out
}
