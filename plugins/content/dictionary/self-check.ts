import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { ContentConfig } from '../config.js'
import type { StrikePlan } from '../decide-escalation.js'
import type { Finding } from '../assess/findings.js'
import type { DictionaryProblem, Matcher } from '../matcher/index.js'
import { readPrivateFile, writeCacheFile } from '../matcher/cache-file.js'
import { cacheKey } from '../matcher/matcher-cache.js'
import { DEFAULT_RULES, type WarnAudience, warnText } from '../texts.js'

/** The strike plans a warning can be rendered with: none, a first strike, removal and asking the admins. */
const PLANS: (StrikePlan | undefined)[] = [
  undefined,
  { count: 1, limit: 3, removable: true },
  { count: 3, limit: 3, removable: true, escalate: 'remove' },
  { count: 3, limit: 3, removable: false, escalate: 'ask' },
]

/** Every audience a warning is worded for: customer or staff, reported at once or not. */
const AUDIENCES: WarnAudience[] = [
  { customer: true, reported: true },
  { customer: false, reported: false },
]

/** Passed checks kept per cache folder (a few dictionaries and rule texts). */
const KEPT_PASSES = 8

/** Every warning the plugin can send, per category: the texts the self-check reads back. */
function warningTexts(cfg: ContentConfig, matcher: Matcher): { category: string; label: string; texts: string[] }[] {
  const d = matcher.dictionary
  const categories = [
    ...Object.entries(d.categories).map(([category, c]) => ({ category, label: c.label, severity: c.severity })),
    ...(d.links ? [{ category: d.links.category, label: d.links.label, severity: d.links.severity }] : []),
    ...Object.keys({ ...DEFAULT_RULES, ...cfg.rules })
      .filter(k => !d.categories[k])
      .map(category => ({ category, label: category, severity: 'low' as const })),
  ]
  return categories.map(c => {
    const finding: Finding = { ...c, evidence: [] }
    return {
      category: c.category,
      label: c.label,
      texts: PLANS.flatMap(plan => AUDIENCES.map(to => warnText(cfg, '某成员', [finding], plan, to))),
    }
  })
}

/**
 * The bot's own group texts read back through its own dictionary: every warning the plugin can send, rendered
 * for each category (label and rule), must match nothing, or two bots of one company would warn each other.
 * Returns one problem per template and category that matches, naming the words found.
 *
 * With `cacheDir` (the matcher's cache folder), a pass is remembered there under a hash of the compiled
 * dictionary's cache key (its code and content) and of every text read: the next start with the same
 * dictionary and texts skips the scans. A failure is never remembered.
 */
export function selfCheckProblems(cfg: ContentConfig, matcher: Matcher, cacheDir?: string): DictionaryProblem[] {
  const warnings = warningTexts(cfg, matcher)
  const pass = cacheDir ? passFile(cacheDir, matcher, warnings) : undefined
  if (pass && passed(pass)) return []
  const problems: DictionaryProblem[] = []
  for (const c of warnings) {
    const found = new Set<string>()
    for (const text of c.texts) for (const m of matcher.scan(text)) found.add(`「${m.matched}」(${m.category})`)
    if (found.size)
      problems.push({
        code: 'self-check',
        category: c.category,
        message: `机器人自己对类别 ${c.category}「${c.label}」的警告会被词库命中：${[...found].join('、')}，同一公司的其他机器人会把它当违规。请修改 warnText 或 rules.${c.category}，不要引用违规词（warnText for category ${c.category} matches the dictionary; the bot's own warning would be flagged by another bot of the fleet）`,
      })
  }
  if (pass && !problems.length) remember(pass)
  return problems
}

interface PassFile {
  dir: string
  name: string
  key: string
}

function passFile(dir: string, matcher: Matcher, warnings: ReturnType<typeof warningTexts>): PassFile {
  const key = createHash('sha256')
    .update(`${cacheKey(matcher.dictionary)}\n`)
    .update(JSON.stringify(warnings))
    .digest('hex')
  return { dir, name: `selfcheck-${key.slice(0, 32)}.ok`, key }
}

/** Whether the pass file is there, ours, and names this key (anything else: check again). */
function passed(p: PassFile): boolean {
  try {
    return readPrivateFile(join(p.dir, p.name)).toString() === p.key
  } catch {
    return false
  }
}

/** Remember a pass; a cache folder that cannot be written only means checking again next time. */
function remember(p: PassFile): void {
  try {
    writeCacheFile(p.dir, p.name, Buffer.from(p.key), /^selfcheck-[0-9a-f]+\.ok$/, KEPT_PASSES)
  } catch {
    // Not remembered: the next start checks again.
  }
}
