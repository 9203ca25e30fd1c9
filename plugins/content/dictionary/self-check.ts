import type { ContentConfig } from '../config.js'
import type { StrikePlan } from '../decide-escalation.js'
import type { Finding } from '../assess/findings.js'
import type { Matcher } from '../matcher/index.js'
import { DEFAULT_RULES, warnText } from '../texts.js'

/** The strike plans a warning can be rendered with: none, a first strike, removal and asking the admins. */
const PLANS: (StrikePlan | undefined)[] = [
  undefined,
  { count: 1, limit: 3, removable: true },
  { count: 3, limit: 3, removable: true, escalate: 'remove' },
  { count: 3, limit: 3, removable: false, escalate: 'ask' },
]

/**
 * The bot's own group texts read back through its own dictionary: every warning the plugin can send, rendered
 * for each category (label and rule), must match nothing, or two bots of one company would warn each other.
 * Returns one problem per template and category that matches, naming the words found.
 */
export function selfCheckProblems(cfg: ContentConfig, matcher: Matcher): string[] {
  const d = matcher.dictionary
  const categories = [
    ...Object.entries(d.categories).map(([category, c]) => ({ category, label: c.label, severity: c.severity })),
    ...(d.links ? [{ category: d.links.category, label: d.links.label, severity: d.links.severity }] : []),
    ...Object.keys({ ...DEFAULT_RULES, ...cfg.rules })
      .filter(k => !d.categories[k])
      .map(category => ({ category, label: category, severity: 'low' as const })),
  ]
  const problems: string[] = []
  for (const c of categories) {
    const finding: Finding = { ...c, evidence: [] }
    const found = new Set<string>()
    for (const plan of PLANS) {
      for (const m of matcher.scan(warnText(cfg, '某成员', [finding], plan)))
        found.add(`「${m.matched}」(${m.category})`)
    }
    if (found.size)
      problems.push(
        `warnText for category ${c.category}「${c.label}」 matches the dictionary: ${[...found].join('、')}; the bot's own warning would be flagged by another bot of the fleet (机器人自己的警告会被词库命中，请修改 warnText 或 rules.${c.category}，不要引用违规词)`,
      )
  }
  return problems
}
