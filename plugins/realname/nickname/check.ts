import type { RosterEntry } from '../../../bot/roster/roster.js'
import { splitNickname, type CompiledFormat, type NicknameParts } from './format.js'

/** Why a nickname fails. `not-on-roster` and `taken` are identity problems renaming cannot fix. */
export type NicknameProblem =
  | 'empty'
  | 'invisible'
  | 'emoji'
  | 'fullwidth'
  | 'decoration'
  | 'too-long'
  | 'format'
  | 'not-on-roster'
  | 'taken'
  | 'name-mismatch'
  | 'unit-mismatch'
  | 'phone-mismatch'

/** The outcome of checking one nickname. */
export type NicknameVerdict =
  | { ok: true; parts: NicknameParts; format: CompiledFormat; entry?: RosterEntry }
  | { ok: false; problem: NicknameProblem; detail: string; parts?: NicknameParts }

/** The part of the roster the check reads (the runtime's `Roster` fits). */
export interface RosterView {
  readonly enabled: boolean
  byContact(contactId: string): RosterEntry | undefined
  named(name: string): RosterEntry[]
}

/** What a check needs besides the nickname. */
export interface CheckOptions {
  roster?: RosterView
  contactId?: string
  maxLength: number
}

/** Problems renaming cannot fix: the person is not (or not this) roster entry. */
export const IDENTITY_PROBLEMS: ReadonlySet<NicknameProblem> = new Set(['not-on-roster', 'taken'])

const CHAR_RULES: { problem: NicknameProblem; re: RegExp; detail: (c: string) => string }[] = [
  {
    problem: 'invisible',
    re: /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u,
    detail: () => '含有不可见字符（零宽字符等）',
  },
  {
    problem: 'emoji',
    re: /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u20E3]/u,
    detail: c => `含有表情符号「${c}」`,
  },
  {
    problem: 'fullwidth',
    re: /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/u,
    detail: c => `含有全角字母或数字「${c}」，请改用半角`,
  },
]
/** Characters no template produces; named in the failure when no format matched (a regex format may allow them). */
const DECORATION = /[^\p{Script=Han}A-Za-z0-9\-－—–_·\s\u3000]/u

/**
 * Check a group nickname against the group's formats and, when a roster is
 * configured, against the staff list (name, department/region, phone, and the
 * contact id a roster entry is bound to). Pure: no clock, no I/O.
 */
export function checkNickname(raw: string, formats: CompiledFormat[], opts: CheckOptions): NicknameVerdict {
  for (const rule of CHAR_RULES) {
    const hit = rule.re.exec(raw)
    if (hit) return { ok: false, problem: rule.problem, detail: rule.detail(hit[0]) }
  }
  const nickname = raw.trim()
  if (!nickname) return { ok: false, problem: 'empty', detail: '群昵称为空' }
  const length = [...nickname].length
  if (length > opts.maxLength)
    return { ok: false, problem: 'too-long', detail: `过长（${length} 个字，最多 ${opts.maxLength} 个）` }
  let firstFailure: NicknameVerdict | undefined
  for (const format of formats) {
    const parts = splitNickname(nickname, format)
    if (!parts) continue
    const roster = rosterVerdict(parts, opts)
    if (roster.ok) return { ok: true, parts, format, entry: roster.entry }
    firstFailure ??= { ...roster, parts }
  }
  if (firstFailure) return firstFailure
  const decoration = DECORATION.exec(nickname)
  if (decoration) return { ok: false, problem: 'decoration', detail: `含有装饰符号「${decoration[0]}」` }
  return { ok: false, problem: 'format', detail: `格式不符，应为 ${formats.map(f => f.label).join(' 或 ')}` }
}

type RosterResult = { ok: true; entry?: RosterEntry } | { ok: false; problem: NicknameProblem; detail: string }

function rosterVerdict(parts: NicknameParts, { roster, contactId }: CheckOptions): RosterResult {
  if (!roster?.enabled || !parts.name) return { ok: true, entry: contactId ? roster?.byContact(contactId) : undefined }
  const bound = contactId ? roster.byContact(contactId) : undefined
  if (bound && bound.name !== parts.name)
    return { ok: false, problem: 'name-mismatch', detail: `花名册登记的姓名是「${bound.name}」` }
  let candidates = bound ? [bound] : roster.named(parts.name)
  if (!candidates.length) return { ok: false, problem: 'not-on-roster', detail: `姓名「${parts.name}」不在花名册上` }
  candidates = candidates.filter(e => !e.contactId || e.contactId === contactId)
  if (!candidates.length) return { ok: false, problem: 'taken', detail: `花名册上的「${parts.name}」已绑定其他微信号` }
  for (const unit of [parts.dept, parts.region]) {
    if (!unit) continue
    const fit = candidates.filter(e => (!e.dept && !e.region) || e.dept === unit || e.region === unit)
    if (!fit.length)
      return { ok: false, problem: 'unit-mismatch', detail: `「${unit}」与花名册登记的${unitOf(candidates[0])}不符` }
    candidates = fit
  }
  if (parts.phone) {
    const fit = candidates.filter(e => !e.phone || e.phone === parts.phone)
    if (!fit.length) return { ok: false, problem: 'phone-mismatch', detail: '手机号与花名册登记的不一致' }
    candidates = fit
  }
  return { ok: true, entry: candidates[0] }
}

function unitOf(e: RosterEntry): string {
  return [e.dept && `部门「${e.dept}」`, e.region && `地区「${e.region}」`].filter(Boolean).join('、')
}
