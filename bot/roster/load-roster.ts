import { isMap, isSeq, LineCounter, parseDocument } from 'yaml'
import { Roster, type RosterEntry } from './roster.js'
import { csvCells } from './csv-line.js'
import { type FileRole, readUserBytes } from '../config/user-file.js'
import { READ_AS_GBK, rosterText } from './roster-text.js'
import { nearestKey } from '../config/suggest-key.js'

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
 * The headings as messages name them: the English one, then the Chinese ones (any case, any of them works). No
 * slash: chat hides a message that could name a server folder.
 */
const HEADINGS_NAMED =
  'name（姓名）、dept（部门）、region（地区）、phone（手机、电话）、contactId（微信id）、status（状态）、leftOn（离职日期）、successor（接替人）'

/**
 * A heading (CSV column or YAML key) the roster does not know: refused, since its column would be dropped and
 * every row lack it (a `contactId` column renamed `微信号` would make everyone a leaver on reload). Says which
 * headings work, and the nearest one (a Chinese heading of three characters is two edits from its neighbour).
 */
function unknownHeading(heading: string): string {
  const chinese = /[\u4e00-\u9fff]/.test(heading)
  const near = nearestKey(heading, Object.keys(HEADERS), chinese ? Math.min(2, heading.length - 1) : undefined)
  const shown = near && (SHOWN[near] ?? near)
  return (
    `不认识的表头「${heading}」${shown ? `，是不是「${shown}」？` : '；'}可用的表头：${HEADINGS_NAMED}` +
    `（unknown heading "${heading}"${shown ? `; did you mean "${shown}"?` : ''}）`
  )
}

/** Headings as people write them where the lookup key is lower-cased. */
const SHOWN: Record<string, string> = { contactid: 'contactId', lefton: 'leftOn' }

/**
 * Load a roster from CSV (header row: name,dept,region,phone,contactId; Chinese headers work) or YAML (a list),
 * in UTF-8 or GBK (Excel's "CSV" on Chinese Windows).
 */
export function loadRoster(file: string): Roster {
  const read = rosterText(readUserBytes(file, ROSTER_FILE))
  if ('problem' in read) throw new RosterError([`${file}:1: ${read.problem}`])
  if (/\.ya?ml$/i.test(file)) return yamlRoster(read.text, file)
  const { rows, problems } = csvRows(read.text, file, read.encoding)
  if (!problems.length) return validated(rows, file)
  try {
    validated(rows, file)
  } catch (e) {
    problems.push(...(e as RosterError).problems)
  }
  throw new RosterError(problems.sort(byLine))
}

/** `file:line: …` problems in the order of their lines. */
function byLine(a: string, b: string): number {
  const line = (p: string) => Number(/:(\d+): /.exec(p)?.[1] ?? 0)
  return line(a) - line(b)
}

/**
 * A roster written inline in the config (`roster:` as a list of `{ name, dept, region, phone, contactId }`);
 * `lineOf(i)` gives the config line of entry `i` for messages. Throws RosterError listing every problem.
 */
export function rosterFromList(list: Record<string, unknown>[], file: string, lineOf: (i: number) => number): Roster {
  return rosterOfItems(list, file, lineOf, i => `roster[${i}].`)
}

/** The roster of these items (a YAML roster file's or the config's list), refusing keys no heading names. */
function rosterOfItems(
  list: unknown[],
  file: string,
  lineOf: (i: number) => number,
  keyOf: (i: number) => string,
): Roster {
  const problems: string[] = []
  const rows = list.map((item, i) => {
    const row: RosterEntry = { name: '', line: lineOf(i) }
    for (const [k, v] of Object.entries(item && typeof item === 'object' ? item : {})) {
      const key = HEADERS[k.trim().toLowerCase()]
      if (!key || key === 'line') problems.push(`${file}:${row.line}: ${keyOf(i)}${k}: ${unknownHeading(k)}`)
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

/**
 * The rows of a CSV roster, and the lines whose cells cannot be placed: a quote left open, or more filled cells than
 * the header has columns (a comma inside an unquoted cell would move every later cell one column on: the phone
 * number into `contactId`).
 */
function csvRows(text: string, file: string, encoding: 'utf-8' | 'gbk'): { rows: RosterEntry[]; problems: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = csvHeader(lines[0], file, encoding === 'gbk' ? `（${READ_AS_GBK}）` : '')
  const rows: RosterEntry[] = []
  const problems: string[] = []
  const shared = new Map<string, string>()
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (!line.trim() || line.startsWith('#')) continue
    const row: RosterEntry = { name: '', line: i + 1 }
    const cells = csvCells(line)
    if (!cells) {
      problems.push(`${file}:${i + 1}: 引号没有闭合（a quote is not closed）`)
      continue
    }
    const extra = cells.slice(header.length).filter(cell => cell.trim())
    if (extra.length) {
      problems.push(
        `${file}:${i + 1}: 比表头多出 ${extra.length} 列（${extra.map(x => `「${x.trim()}」`).join('')}）：格子里有逗号时请用英文引号括起来，如 "销售部,二组"（${extra.length} more cell(s) than headings）`,
      )
      continue
    }
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
  return { rows, problems }
}

/**
 * The field of each column of a CSV header row. An unknown heading, one field named twice, or no name column is
 * refused (RosterError naming the headings that work): a dropped column would empty that field on every row.
 * Empty headings (Excel's trailing commas) are skipped.
 */
function csvHeader(line: string, file: string, gbk: string): (keyof RosterEntry | undefined)[] {
  const problems: string[] = []
  const seen = new Map<keyof RosterEntry, string>()
  const header = (csvCells(line) ?? line.split(',')).map(cell => {
    const heading = cell.trim()
    if (!heading) return undefined
    const key = HEADERS[heading.toLowerCase()]
    if (!key) problems.push(`${file}:1: ${unknownHeading(heading)}${gbk}`)
    else if (seen.has(key))
      problems.push(
        `${file}:1: 表头「${seen.get(key)}」和「${heading}」是同一列，请删去一列（headings "${seen.get(key)}" and "${heading}" name the same column）`,
      )
    else seen.set(key, heading)
    return key
  })
  if (!seen.has('name'))
    problems.push(
      `${file}:1: 表头缺少姓名列（name 或 姓名）；可用的表头：${HEADINGS_NAMED}（header must name a "name" (姓名) column）${gbk}`,
    )
  if (problems.length) throw new RosterError(problems)
  return header
}

/** A YAML roster file: a list, or a map with a `staff:` list, of `{ name, dept, … }` (the CSV headings as keys). */
function yamlRoster(text: string, file: string): Roster {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines })
  const root = doc.contents
  const seq = isSeq(root) ? root : isMap(root) ? root.get('staff', true) : undefined
  if (!isSeq(seq)) return validated([], file)
  const lineOf = (i: number) => lines.linePos((seq.items[i] as unknown as { range?: [number] }).range?.[0] ?? 0).line
  const items = seq.items.map(item => (item as { toJSON?: () => unknown }).toJSON?.() ?? {})
  return rosterOfItems(items, file, lineOf, () => '')
}

/** The roster of these rows, or a RosterError listing every problem (`file:line: …`). */
function validated(rows: RosterEntry[], file: string): Roster {
  const problems: string[] = []
  const seen = new Map<string, number>()
  for (const r of rows) {
    if (!r.name) problems.push(`${file}:${r.line}: 姓名为空（name (姓名) is empty）`)
    if (r.phone && !PHONE.test(r.phone.replace(/[\s-]/g, '')))
      problems.push(
        `${file}:${r.line}: 手机号「${r.phone}」不是 11 位手机号码（phone "${r.phone}" is not an 11-digit mobile number）`,
      )
    if (r.phone) r.phone = r.phone.replace(/[\s-]/g, '')
    if (r.leftOn !== undefined) r.leftOn = String(r.leftOn)
    if (r.leftOn && !isDay(r.leftOn))
      problems.push(
        `${file}:${r.line}: 离职日期「${r.leftOn}」应写成 2026-12-02 这样的日期（leftOn (离职日期) "${r.leftOn}" is not a date like 2026-12-02）`,
      )
    const key = `${r.name}|${r.dept ?? ''}|${r.region ?? ''}`
    const prev = seen.get(key)
    if (prev)
      problems.push(
        `${file}:${r.line}: 与第 ${prev} 行重复（${r.name}）；同名的人请填不同的部门或地区（duplicate of line ${prev} (${r.name}); give namesakes different departments or regions）`,
      )
    seen.set(key, r.line)
  }
  const roster = new Roster(rows, file)
  for (const r of rows) {
    if (!r.successor) continue
    const to = roster.successorOf(r)
    const namesakes = roster.named(r.successor).length > 1
    if (!to)
      problems.push(
        `${file}:${r.line}: 接替人「${r.successor}」${namesakes ? '有同名的人，请写其微信 ID' : '不在花名册上'}（successor (接替人) "${r.successor}" is not ${namesakes ? 'one person (namesakes: give the contact id)' : 'on the roster'}）`,
      )
    else if (to === r) problems.push(`${file}:${r.line}: 接替人是本人（successor (接替人) is the person themselves）`)
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
