/** What the loose case template yields: fields, the free text outside fields, and a title line. */
export interface ParsedCase {
  fields: Record<string, string>
  free: string
  title: string
}

/** Parses case text against the configured field names; built once per plugin instance. */
export interface TemplateParser {
  parse(text: string): ParsedCase
  /** Apply an amendment: only field lines → replace those fields; anything else → the new text. */
  amend(old: string, amendment: string): string
}

interface Block {
  field?: string
  lines: string[]
}

const TITLE_MAX = 40
/** A title is built from the first four configured fields (客户/行业/产品/金额 by default). */
const TITLE_FIELDS = 4

/** Other words people write for a field: a `经验：` line is the 心得 field (when 心得 is configured and 经验 is not). */
const FIELD_ALIASES: Record<string, string> = { 经验: '心得' }

/** Compile the template parser for `fieldNames` (e.g. 客户, 产品, 难点…) and their aliases. */
export function compileTemplate(fieldNames: string[]): TemplateParser {
  const aliases = new Map(
    Object.entries(FIELD_ALIASES).filter(([alias, field]) => fieldNames.includes(field) && !fieldNames.includes(alias)),
  )
  const alt = [...fieldNames, ...aliases.keys()].map(escapeRegex).join('|')
  const line = new RegExp(
    `^\\s*(?:[-*•·]\\s*|\\d+\\s*[.、)）]\\s*)?(?:【(${alt})】|\\[(${alt})\\]|(${alt})\\s*[:：])\\s*(.*)$`,
  )
  const matchField = (l: string) => {
    const m = fieldNames.length ? line.exec(l) : null
    if (!m) return undefined
    const name = m[1] ?? m[2] ?? m[3]
    return { field: aliases.get(name) ?? name, value: m[4].trim() }
  }

  const blocks = (text: string) => splitBlocks(text, matchField)

  const parse = (text: string): ParsedCase => {
    const fields: Record<string, string> = {}
    const free: string[] = []
    for (const b of blocks(text)) {
      if (!b.field) {
        free.push(...b.lines)
        continue
      }
      const first = matchField(b.lines[0])?.value ?? ''
      const value = [first, ...b.lines.slice(1).map(l => l.trim())].filter(Boolean).join('\n')
      if (value && !fields[b.field]) fields[b.field] = value
    }
    const firstLine =
      text
        .split(/\r?\n/)
        .map(l => l.trim())
        .find(Boolean) ?? ''
    const heading = matchField(firstLine) ? undefined : firstLine
    return { fields, free: free.join('\n').trim(), title: titleOf(heading, fields, fieldNames) }
  }

  const amend = (old: string, amendment: string): string => {
    const lines = amendment.split(/\r?\n/).filter(l => l.trim())
    if (!lines.length || !lines.every(l => matchField(l))) return amendment.trim()
    const current = blocks(old)
    for (const b of blocks(amendment).filter(x => x.field)) {
      const at = current.findIndex(x => x.field === b.field)
      if (at >= 0) current[at] = b
      else current.push(b)
    }
    return current
      .flatMap(b => b.lines)
      .join('\n')
      .trim()
  }

  return { parse, amend }
}

/** Split text into blocks: a field line with its continuation lines, or a run of free lines. */
function splitBlocks(text: string, matchField: (line: string) => { field: string } | undefined): Block[] {
  const out: Block[] = []
  for (const l of text.split(/\r?\n/)) {
    const f = matchField(l)
    const last = out[out.length - 1]
    if (f) out.push({ field: f.field, lines: [l] })
    else if (last?.field && l.trim()) last.lines.push(l)
    else if (last && !last.field) last.lines.push(l)
    else out.push({ lines: [l] })
  }
  return out
}

function titleOf(heading: string | undefined, fields: Record<string, string>, order: string[]): string {
  const named = order.slice(0, TITLE_FIELDS).filter(f => fields[f])
  const composed = (named.length ? named : order.filter(f => fields[f]).slice(0, 1))
    .map(f => clip(fields[f].split('\n')[0], 14))
    .join(' · ')
  return clip(heading ?? composed, TITLE_MAX)
}

/** Cut `s` to `max` characters with an ellipsis. */
export function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
