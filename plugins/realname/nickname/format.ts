/**
 * Nickname formats: templates such as `{dept}-{name}` or `/regex/` compiled
 * once into anchored regexes with named groups, plus their human label and a
 * filled-in example for reminders.
 */

/** Forgiving separators: - － — – _ · and spaces (ASCII and ideographic). */
export const SEPARATOR_CHARS = '-－—–_· \u3000'
const SEP = '[\\-－—–_·\\s\\u3000]'
const PLACEHOLDERS = ['dept', 'region', 'name', 'phone', 'company'] as const
type Placeholder = (typeof PLACEHOLDERS)[number]

/** Values a template is compiled against: the company and the allowed departments/regions (empty = any). */
export interface FormatVocab {
  company: string
  departments: string[]
  regions: string[]
}

/** The parts a nickname was split into by a format. */
export interface NicknameParts {
  name?: string
  dept?: string
  region?: string
  phone?: string
}

/** A compiled nickname format. */
export interface CompiledFormat {
  /** The format as written in config. */
  source: string
  /** Human label such as `部门-姓名`. */
  label: string
  regex: RegExp
  /** Template tokens (undefined for regex formats), used to render examples. */
  tokens?: string[]
}

const LABELS: Record<Placeholder, string> = { dept: '部门', region: '地区', name: '姓名', phone: '手机号', company: '' }
const NAME = '(?<name>\\p{Script=Han}{2,6}(?:·\\p{Script=Han}{2,8})?|[A-Za-z]{2,20})'

/** Compile a format (template or `/regex/flags`); throws a clear error when it is invalid. */
export function compileFormat(source: string, vocab: FormatVocab): CompiledFormat {
  const re = /^\/(.+)\/([a-z]*)$/s.exec(source)
  if (re) {
    try {
      return { source, label: source, regex: new RegExp(re[1], re[2].includes('u') ? re[2] : `${re[2]}u`) }
    } catch (e) {
      throw new Error(`invalid nickname regex ${source}: ${(e as Error).message}`)
    }
  }
  const tokens = source.split(/(\{[^}]*\})/).filter(t => t !== '')
  const keys = tokens.filter(t => t.startsWith('{')).map(t => t.slice(1, -1))
  const unknown = keys.find(k => !(PLACEHOLDERS as readonly string[]).includes(k))
  if (unknown !== undefined)
    throw new Error(
      `nickname format "${source}": unknown placeholder {${unknown}} (use ${PLACEHOLDERS.map(p => `{${p}}`).join(' ')})`,
    )
  if (!keys.includes('name')) throw new Error(`nickname format "${source}": must contain {name}`)
  if (new Set(keys).size !== keys.length) throw new Error(`nickname format "${source}": a placeholder appears twice`)
  let pattern = ''
  tokens.forEach((t, i) => {
    const prevIsSlot = i > 0 && tokens[i - 1].startsWith('{')
    if (t.startsWith('{')) pattern += (prevIsSlot ? `${SEP}*` : '') + slot(t.slice(1, -1) as Placeholder, vocab)
    else pattern += isSeparators(t) ? `${SEP}+` : `${SEP}*${escapeRegExp(t)}${SEP}*`
  })
  const label = tokens
    .map(t => (t.startsWith('{') ? LABELS[t.slice(1, -1) as Placeholder] || vocab.company : t))
    .join('')
  return { source, label, regex: new RegExp(`^${pattern}$`, 'u'), tokens }
}

/** Split a nickname with one format; undefined when it does not match. */
export function splitNickname(nickname: string, format: CompiledFormat): NicknameParts | undefined {
  const m = format.regex.exec(nickname)
  if (!m) return undefined
  const g = m.groups ?? {}
  return { name: g.name, dept: g.dept, region: g.region, phone: g.phone }
}

/** Render a format with real values (`销售部-张三`); regex formats render as their label. */
export function renderExample(format: CompiledFormat, values: NicknameParts & { company: string }): string {
  if (!format.tokens) return format.label
  return format.tokens
    .map(t =>
      t.startsWith('{') ? (values[t.slice(1, -1) as Placeholder] ?? LABELS[t.slice(1, -1) as Placeholder]) : t,
    )
    .join('')
}

/** Placeholders a format needs that `values` lacks (e.g. a region format for someone without a region). */
export function missingValues(format: CompiledFormat, values: NicknameParts & { company: string }): string[] {
  return (format.tokens ?? []).filter(t => t.startsWith('{') && !values[t.slice(1, -1) as Placeholder])
}

function slot(key: Placeholder, v: FormatVocab): string {
  switch (key) {
    case 'name':
      return NAME
    case 'phone':
      return '(?<phone>1[3-9]\\d{9})'
    case 'company':
      return escapeRegExp(v.company)
    case 'dept':
      return `(?<dept>${oneOf(v.departments) ?? '\\p{Script=Han}{2,10}'})`
    case 'region':
      return `(?<region>${oneOf(v.regions) ?? '\\p{Script=Han}{2,10}'})`
  }
}

function oneOf(list: string[]): string | undefined {
  return list.length
    ? [...list]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|')
    : undefined
}

function isSeparators(text: string): boolean {
  return [...text].every(c => SEPARATOR_CHARS.includes(c))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
