import type { z } from 'zod'
import { isMap, isSeq, type LineCounter, type Document, type Node } from 'yaml'
import { issueText } from './issue-text.js'
import { knownKeysAt, nearestKey } from './suggest-key.js'

/** Turn a zod issue path into `plugins.content.actions[2].after`. */
export function formatPath(path: PropertyKey[]): string {
  return (
    path.reduce<string>(
      (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
      '',
    ) || '(root)'
  )
}

/**
 * Top-level keys people write in the config for what is set in `.env` (lower case, without `_` and `-`): the
 * environment variable each one is. Its value (a token) is never repeated.
 */
const ENV_SETTINGS: Record<string, string> = {
  token: 'WECHATY_PUPPET_SERVICE_TOKEN',
  puppettoken: 'WECHATY_PUPPET_SERVICE_TOKEN',
  puppetservicetoken: 'WECHATY_PUPPET_SERVICE_TOKEN',
  wechatypuppetservicetoken: 'WECHATY_PUPPET_SERVICE_TOKEN',
  puppet: 'WECHATY_PUPPET',
  wechatypuppet: 'WECHATY_PUPPET',
  database: 'BOT_DATABASE_URL',
  databaseurl: 'BOT_DATABASE_URL',
  datadir: 'BOT_DATA_DIR',
  account: 'BOT_ACCOUNT',
  loglevel: 'LOG_LEVEL',
  logformat: 'LOG_FORMAT',
  startuptimeout: 'BOT_STARTUP_TIMEOUT',
  relogintimeout: 'BOT_RELOGIN_TIMEOUT',
  stalltimeout: 'BOT_STALL_TIMEOUT',
}

/**
 * How many more problems `issues` stand for than the lines they make: a custom issue whose `params.count` says it
 * sums up several (a dictionary's syntax errors past the first few) counts as that many.
 */
export function problemsBeyondLines(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce((n, i) => {
    const count = i.code === 'custom' ? i.params?.count : undefined
    return n + (typeof count === 'number' && count > 1 ? count - 1 : 0)
  }, 0)
}

/**
 * One readable line per zod issue: `file:line path: message`, unknown keys spelled out, with the nearest key
 * `schema` (what produced the issues) knows there.
 */
export function formatIssues(
  issues: z.core.$ZodIssue[],
  file: string,
  doc?: Document,
  lines?: LineCounter,
  prefix: PropertyKey[] = [],
  schema?: z.ZodType,
): string[] {
  return issues.flatMap(issue => {
    const path = [...prefix, ...issue.path]
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? knownKeysAt(schema, issue.path) : []
      return issue.keys.map(k => {
        // Not a typo here but a key one level down (`holidays` for `calendar.holidays`): that path is suggested.
        const parent = schema && known.find(n => knownKeysAt(schema, [...issue.path, n]).includes(k))
        const at = `${where(file, doc, lines, [...path, k])}${formatPath([...path, k])}: `
        const env = path.length === 0 ? ENV_SETTINGS[k.toLowerCase().replace(/[_-]/g, '')] : undefined
        if (env)
          return `${at}这项设置不写在配置文件里，写在 .env（或环境变量）：${env}=…（an environment setting: set ${env} in .env, not in the config）`
        const near = nearestKey(k, known) ?? (parent && `${parent}.${k}`)
        if (!near && path.length === 1 && path[0] === 'plugins') return `${at}${unknownPlugin(known)}`
        const hint = near ? `是不是 ${near}？（unknown key, did you mean ${near}?）` : '拼写错了？（unknown key）'
        return `${at}未知的设置项，${hint}`
      })
    }
    const hint = nearestValue(issue, doc, path) || asList(issue, doc, path)
    return [`${where(file, doc, lines, path)}${formatPath(path)}: ${issueText(issue)}${hint}`]
  })
}

/**
 * A `plugins` section no plugin of this run has and no near name of one: a typo, or the section of a plugin a bot
 * embedding the package adds, which only that bot's own check (`loadConfig` with its plugins) knows.
 */
function unknownPlugin(known: string[]): string {
  return (
    `没有这个插件（已知：${known.join(', ')}）。是自己的程序嵌入本包时加的插件，就由那个程序检查：loadConfig(文件, [...PLUGINS, 你的插件])；` +
    `命令行的 check-config 和 start 只认自带插件 (unknown plugin; a plugin of a bot that embeds the package is checked by that bot's loadConfig)`
  )
}

/**
 * For one value where a list belongs (`admin: wxid_admin`), the list it was meant to be: `，写成 [wxid_admin]`.
 * Read from the YAML at the issue's path, as zod keeps no input; empty for anything but a lone text or number.
 */
function asList(issue: z.core.$ZodIssue, doc: Document | undefined, path: PropertyKey[]): string {
  if (issue.code !== 'invalid_type' || issue.expected !== 'array' || !doc) return ''
  const input = doc.getIn(path)
  return typeof input === 'string' || typeof input === 'number'
    ? `，写成列表 [${input}]（write a list: [${input}]）`
    : ''
}

/**
 * For a value outside an allowed list (`kind: interal`), the allowed value it is a typo of: `，是不是 internal？`.
 * zod keeps no input, so the value is read from the YAML at the issue's path; empty when none is near.
 */
function nearestValue(issue: z.core.$ZodIssue, doc: Document | undefined, path: PropertyKey[]): string {
  if (issue.code !== 'invalid_value' || !doc) return ''
  const input = doc.getIn(path)
  const allowed = issue.values.filter((v): v is string => typeof v === 'string')
  const near = typeof input === 'string' ? nearestKey(input, allowed) : undefined
  return near ? `，是不是 ${near}？（did you mean ${near}?）` : ''
}

/** `file:line: ` for the deepest YAML node that exists along `path` (or `file: ` without a document). */
export function where(
  file: string,
  doc: Document | undefined,
  lines: LineCounter | undefined,
  path: PropertyKey[],
): string {
  const line = lineOf(doc, lines, path)
  return line === undefined ? `${file}: ` : `${file}:${line}: `
}

/** The line of the deepest YAML node that exists along `path`. */
export function lineOf(
  doc: Document | undefined,
  lines: LineCounter | undefined,
  path: PropertyKey[],
): number | undefined {
  if (!doc || !lines) return undefined
  // Walk down as far as the path exists; report the line of the deepest node found.
  let node: Node | null | undefined = doc.contents as Node
  let found = node
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(p => (p.key as { value?: unknown })?.value === key)
      node = (pair?.value ?? pair?.key) as Node | undefined
      if (pair && !pair.value) {
        found = pair.key as Node
        break
      }
    } else if (isSeq(node) && typeof key === 'number') node = node.items[key] as Node | undefined
    else node = undefined
    if (!node) break
    found = node
  }
  const offset = found?.range?.[0]
  return offset === undefined ? undefined : lines.linePos(offset).line
}

/** Problems (`file:line: …` or `file: …`) ordered by file, then line (a problem without a line first); stable. */
export function sortProblems(problems: readonly string[]): string[] {
  const key = (problem: string) => {
    const m = /^(.+?):(\d+): /.exec(problem) ?? /^(.+?): /.exec(problem)
    return { file: m?.[1] ?? '', line: Number(m?.[2] ?? 0) }
  }
  return problems
    .map((problem, i) => ({ problem, i, ...key(problem) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.i - b.i))
    .map(p => p.problem)
}
