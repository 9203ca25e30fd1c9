import { isMap, isSeq, LineCounter, parseDocument } from 'yaml'
import { Roster, type RosterEntry } from './roster.js'
import { type FileRole, readUserBytes } from '../config/user-file.js'
import { READ_AS_GBK, rosterText } from './roster-text.js'

/** A roster file the config names, for messages about it. */
export const ROSTER_FILE: FileRole = {
  zh: '花名册文件',
  en: 'roster file',
  hint: "相对路径从配置文件所在的文件夹算起 a relative path starts at the config file's folder",
}

/** A roster file that could not be read, with every problem as `file:line: message`. */
export class RosterError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

const HEADERS: Record<string, keyof RosterEntry> = {
  name: 'name',
  姓名: 'name',
  dept: 'dept',
  department: 'dept',
  部门: 'dept',
  region: 'region',
  地区: 'region',
  phone: 'phone',
  电话: 'phone',
  手机: 'phone',
  contactid: 'contactId',
  contact_id: 'contactId',
  wxid: 'contactId',
  微信id: 'contactId',
  status: 'status',
  状态: 'status',
  lefton: 'leftOn',
  left_on: 'leftOn',
  离职日期: 'leftOn',
  successor: 'successor',
  接替人: 'successor',
  交接人: 'successor',
}
const PHONE = /^1[3-9]\d{9}$/

/**
 * Load a roster from CSV (header row: name,dept,region,phone,contactId; Chinese headers work) or YAML (a list),
 * in UTF-8 or GBK (Excel's "CSV" on Chinese Windows).
 */
export function loadRoster(file: string): Roster {
  const read = rosterText(readUserBytes(file, ROSTER_FILE))
  if ('problem' in read) throw new RosterError([`${file}:1: ${read.problem}`])
  const rows = /\.ya?ml$/i.test(file) ? yamlRows(read.text) : csvRows(read.text, file, read.encoding)
  return validated(rows, file)
}

/**
 * A roster written inline in the config (`roster:` as a list of `{ name, dept, region, phone, contactId }`);
 * `lineOf(i)` gives the config line of entry `i` for messages. Throws RosterError listing every problem.
 */
export function rosterFromList(list: Record<string, unknown>[], file: string, lineOf: (i: number) => number): Roster {
  const problems: string[] = []
  const rows = list.map((item, i) => {
    const row: RosterEntry = { name: '', line: lineOf(i) }
    for (const [k, v] of Object.entries(item ?? {})) {
      const key = HEADERS[k.toLowerCase()]
      if (!key || key === 'line')
        problems.push(`${file}:${row.line}: roster[${i}].${k}: 未知的设置项，拼写错了？（unknown key）`)
      else if (v !== null && v !== undefined && String(v).trim()) row[key] = String(v).trim()
    }
    return row
  })
  let roster: Roster | undefined
  try {
    roster = validated(rows, file)
  } catch (e) {
    problems.push(...(e as RosterError).problems)
  }
  if (problems.length || !roster) throw new RosterError(problems)
  return roster
}

/** Columns whose values repeat on thousands of lines (one string each, not one per line). */
const REPEATING = new Set<keyof RosterEntry>(['dept', 'region', 'status', 'leftOn', 'successor'])

function csvRows(text: string, file: string, encoding: 'utf-8' | 'gbk'): RosterEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = lines[0].split(',').map(h => HEADERS[h.trim().toLowerCase()])
  if (!header.includes('name'))
    throw new RosterError([
      `${file}:1: header must name a "name" (姓名) column${encoding === 'gbk' ? `（${READ_AS_GBK}）` : ''}`,
    ])
  const rows: RosterEntry[] = []
  const shared = new Map<string, string>()
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (!line.trim() || line.startsWith('#')) continue
    const row: RosterEntry = { name: '', line: i + 1 }
    const cells = line.split(',')
    for (let c = 0; c < cells.length; c++) {
      const key = header[c]
      let value = cells[c].trim()
      if (!key || key === 'line' || !value) continue
      if (REPEATING.has(key)) {
        const one = shared.get(value)
        if (one === undefined) shared.set(value, value)
        else value = one
      }
      row[key] = value
    }
    rows.push(row)
  }
  return rows
}

function yamlRows(text: string): RosterEntry[] {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines })
  const root = doc.contents
  const seq = isSeq(root) ? root : isMap(root) ? root.get('staff', true) : undefined
  if (!isSeq(seq)) return []
  return seq.items.map(item => {
    const r = ((item as { toJSON?: () => unknown }).toJSON?.() ?? {}) as Record<string, unknown>
    const line = lines.linePos((item as unknown as { range?: [number] }).range?.[0] ?? 0).line
    return {
      ...r,
      name: String(r.name ?? ''),
      phone: r.phone === undefined ? undefined : String(r.phone),
      line,
    } as RosterEntry
  })
}

/** The roster of these rows, or a RosterError listing every problem (`file:line: …`). */
function validated(rows: RosterEntry[], file: string): Roster {
  const problems: string[] = []
  const seen = new Map<string, number>()
  for (const r of rows) {
    if (!r.name) problems.push(`${file}:${r.line}: name (姓名) is empty`)
    if (r.phone && !PHONE.test(r.phone.replace(/[\s-]/g, '')))
      problems.push(`${file}:${r.line}: phone "${r.phone}" is not an 11-digit mobile number`)
    if (r.phone) r.phone = r.phone.replace(/[\s-]/g, '')
    if (r.leftOn !== undefined) r.leftOn = String(r.leftOn)
    if (r.leftOn && !isDay(r.leftOn))
      problems.push(`${file}:${r.line}: leftOn (离职日期) "${r.leftOn}" is not a date like 2026-12-02`)
    const key = `${r.name}|${r.dept ?? ''}|${r.region ?? ''}`
    const prev = seen.get(key)
    if (prev)
      problems.push(
        `${file}:${r.line}: duplicate of line ${prev} (${r.name}); give namesakes different departments or regions`,
      )
    seen.set(key, r.line)
  }
  const roster = new Roster(rows, file)
  for (const r of rows) {
    if (!r.successor) continue
    const to = roster.successorOf(r)
    if (!to)
      problems.push(
        `${file}:${r.line}: successor (接替人) "${r.successor}" is not ${roster.named(r.successor).length > 1 ? 'one person (namesakes: give the contact id)' : 'on the roster'}`,
      )
    else if (to === r) problems.push(`${file}:${r.line}: successor (接替人) is the person themselves`)
  }
  if (problems.length) throw new RosterError(problems)
  return roster
}

/** A real calendar day written `YYYY-MM-DD`. */
function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}
