import { excerpt } from './assess/excerpt.js'
import type { Finding } from './assess/findings.js'

/**
 * How this plugin writes an incident into the audit log, and reads it back for people: the reason is
 * `<incident id> <category>,<category>` and the evidence `<category>: <matched text> [<start>,<end>)` or
 * `<category>: <policy note>`, parts joined by `; `. The log keeps the category keys (labels may change with the
 * dictionary); people read them with the current labels: the web console, `#审计` and a replay's output
 * (`readableReason`, through the plugin's `auditReason`).
 */

/** The audit reason of an incident or review: its id and its categories. */
export function auditReason(id: string, findings: readonly { category: string }[]): string {
  return `${id} ${findings.map(f => f.category).join(',')}`
}

/** Matched spans of the findings, short, for the audit log's evidence. */
export function auditEvidence(findings: Finding[]): string {
  return findings
    .flatMap(f =>
      f.evidence.map(e =>
        e.source === 'policy'
          ? `${f.category}: ${e.note}`
          : `${f.category}: ${excerpt(e.match.matched, 30)} [${e.match.start},${e.match.end})`,
      ),
    )
    .slice(0, 8)
    .join('; ')
}

/** The categories an audit reason written by `auditReason` names (none for another reason). */
export function reasonCategories(reason: string | undefined): string[] {
  const m = /^[VR]\d+(?:@\S+)? (\S+)$/.exec(reason ?? '')
  return m ? m[1].split(',').filter(Boolean) : []
}

/**
 * A reason written by `auditReason` as people read it (`V1 广告、联系方式`), with `labelOf` giving a category's
 * label; undefined for another reason.
 */
export function readableReason(reason: string | undefined, labelOf: (category: string) => string): string | undefined {
  const keys = reasonCategories(reason)
  return keys.length ? `${reason?.split(' ')[0]} ${keys.map(labelOf).join('、')}` : undefined
}

/**
 * Evidence written by `auditEvidence` for these categories, as people read it (`广告：「兼职刷单」位置 0–4`), with
 * `labelOf` giving a category's label; undefined when the text is not such evidence (a review keeps the message).
 */
export function readableEvidence(
  text: string,
  categories: string[],
  labelOf: (category: string) => string,
): string | undefined {
  const parts = text.split('; ').map(part => {
    const m = /^(\S+): ([\s\S]*)$/.exec(part)
    if (!m || !categories.includes(m[1])) return undefined
    const span = /^([\s\S]*) \[(\d+),(\d+)\)$/.exec(m[2])
    return span ? `${labelOf(m[1])}：「${span[1]}」位置 ${span[2]}–${span[3]}` : `${labelOf(m[1])}：${m[2]}`
  })
  return parts.every(p => p !== undefined) ? parts.join('；') : undefined
}

const STATUS: Record<string, string> = { confirmed: '已确认', ignored: '已忽略', open: '待确认' }
const EDIT: Record<string, string> = { add: '添加', remove: '删除', allow: '允许' }

/**
 * The reason of a review's or a dictionary edit's record (written in English before, keys and ids kept) as people
 * read it in Chinese, with `labelOf` giving a category's label; undefined for a reason of another shape.
 */
export function readableRecordReason(
  e: { rule: string; reason?: string },
  labelOf: (category: string) => string,
): string | undefined {
  const r = e.reason ?? ''
  const status = (s: string) => STATUS[s] ?? s
  const ids = (list: string) => list.split(', ').join('、')
  const patterns: [RegExp, (...m: string[]) => string][] = [
    [/^(\S+) ignored by (\S+)$/, (id, by) => `${id} 已忽略，${by}`],
    [/^(\S+) (\S+) ignored (\d+)x$/, (c, phrase, n) => `${labelOf(c)}「${phrase}」被忽略 ${n} 次`],
    [/^(\S+) (confirmed|ignored) with (\S+) by (\S+)$/, (id, s, w, by) => `${id} 随 ${w} 一并${status(s)}，${by}`],
    [/^(\S+(?:, \S+)*) (confirmed|ignored) with (\S+)$/, (l, s, w) => `${ids(l)} 随 ${w} 一并${status(s)}`],
    [/^(\S+(?:, \S+)*) (confirmed|ignored) by (\S+)$/, (l, s, by) => `${ids(l)} ${status(s)}，${by}`],
    [/^(\S+) left to the holder of (\S+)$/, (id, g) => `${id} 交给管理群 ${g} 的账号处理`],
    [/^(\S+) carried out for (.+)$/, (id, msgs) => `${id} 已代为处理消息 ${ids(msgs)}`],
    [/^(\S+): no account serves (\S+)$/, (id, g) => `${id}：没有账号管理群 ${g}`],
    [/^(\S+): not carried out in (.+)$/, (id, g) => `${id}：未在群 ${ids(g)} 执行`],
    [/^allow (\S+) (.+) \((\S+)\)$/, (c, phrase, id) => `允许 ${labelOf(c)}「${phrase}」（${id}）`],
    [/^(add|remove|allow) (\S+) (.+)$/, (op, c, word) => `词库${EDIT[op]} ${labelOf(c)}「${word}」`],
  ]
  if (!e.rule.startsWith('content.review') && !e.rule.startsWith('content.dictionary')) return undefined
  for (const [re, say] of patterns) {
    const m = re.exec(r)
    if (m) return say(...m.slice(1))
  }
  return undefined
}
