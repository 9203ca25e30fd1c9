/**
 * A synthetic company for the benchmarks: staff on a roster, internal work
 * groups, customer groups and one announcement group, with group nicknames
 * (a few of them not real-name compliant). Deterministic for a given seed.
 */
import type { GroupKind } from '../bot/core/event.js'
import type { WorldSpec } from '../bot/sandbox/load-world.js'
import { createRng, type Rng } from './prng.js'

/** One staff member on the roster. */
export interface StaffRow {
  name: string
  dept: string
  region: string
  phone: string
  contactId: string
}

/** One group with its kind, members (contact id -> group nickname or null) and the staff among them. */
export interface BenchGroup {
  id: string
  topic: string
  kind: GroupKind
  members: Record<string, string | null>
  staff: string[]
}

/** The world: what the sandbox is populated with and what the roster file lists. */
export interface BenchWorld {
  botId: string
  contacts: { id: string; name: string }[]
  groups: BenchGroup[]
  roster: StaffRow[]
}

/** Ids of the people the example config gives roles to. */
export const ROLE_PEOPLE: StaffRow[] = [
  { name: '陈静', dept: '行政部', region: '南宁', phone: '13800138000', contactId: 'wxid_admin' },
  { name: '王强', dept: '销售部', region: '南宁', phone: '13800138009', contactId: 'wxid_boss' },
  { name: '刘芳', dept: '培训部', region: '南宁', phone: '13800138008', contactId: 'wxid_trainer' },
]

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志海燕雪梅琳晨宇浩然子轩梓涵欣怡思远俊杰文博',
]
const DEPTS = ['销售部', '市场部', '培训部', '行政部', '财务部']
const REGIONS = ['南宁', '柳州', '桂林']
const CUSTOMER_SUFFIX = ['总', '姐', '哥', '老师', '经理', '女士', '先生']
const COMPANY = '示例科技'

/** Build a world of `groups` groups with `membersPerGroup` members each (plus the bot). */
export function syntheticWorld({
  groups,
  membersPerGroup,
  seed = 20261130,
}: {
  groups: number
  membersPerGroup: number
  seed?: number
}): BenchWorld {
  const rng = createRng(seed)
  const customerGroups = Math.round(groups * 0.4)
  const internalGroups = groups - customerGroups - 1
  const staffCount = Math.max(membersPerGroup + 10, Math.ceil((internalGroups * membersPerGroup) / 3))
  const staff = [...ROLE_PEOPLE, ...makeStaff(rng, staffCount)]
  const botId = 'wxid_bot'
  const contacts = [
    { id: botId, name: '小助手' },
    ...staff.map(s => ({
      id: s.contactId,
      name: rng.chance(0.7) ? s.name : `${s.name.slice(1)}${rng.pick(['', '哥', '姐', '同学'])}`,
    })),
  ]
  const out: BenchGroup[] = []
  for (let i = 0; i < internalGroups; i++) {
    const region = REGIONS[i % REGIONS.length]
    const dept = DEPTS[i % DEPTS.length]
    const picked = sample(rng, staff.slice(ROLE_PEOPLE.length), membersPerGroup - ROLE_PEOPLE.length)
    const people = [...ROLE_PEOPLE, ...picked]
    out.push({
      id: `bench-int-${i}@chatroom`,
      topic: `${COMPANY}${region}${dept}${i + 1}组工作群`,
      kind: 'internal',
      members: nicknames(rng, people, internalAlias),
      staff: people.map(s => s.contactId),
    })
  }
  for (let i = 0; i < customerGroups; i++) {
    const team = sample(rng, staff.slice(ROLE_PEOPLE.length), 5)
    const customers = Array.from({ length: membersPerGroup - team.length }, (_, k) => ({
      id: `wxid_c${i}_${k}`,
      name: `${rng.pick(SURNAMES)}${rng.pick(CUSTOMER_SUFFIX)}`,
    }))
    contacts.push(...customers)
    const members = nicknames(rng, team, customerAlias)
    for (const c of customers) members[c.id] = rng.chance(0.3) ? `${c.name}${rng.int(1, 99)}` : null
    out.push({
      id: `bench-cus-${i}@chatroom`,
      topic: `${COMPANY}${team[0].name}${i + 1}交流群`,
      kind: 'customer',
      members,
      staff: team.map(s => s.contactId),
    })
  }
  const announcers = staff.slice(0, membersPerGroup)
  out.push({
    id: 'bench-broadcast@chatroom',
    topic: `${COMPANY}公告群`,
    kind: 'broadcast',
    members: nicknames(rng, announcers, internalAlias),
    staff: announcers.map(s => s.contactId),
  })
  return { botId, contacts, groups: out, roster: staff }
}

/** The world as the sandbox's `populateWorld` takes it (the bot owns every group). */
export function toWorldSpec(world: BenchWorld): WorldSpec {
  return {
    bot: { id: world.botId, name: '小助手' },
    contacts: world.contacts.filter(c => c.id !== world.botId),
    groups: world.groups.map(g => ({ id: g.id, topic: g.topic, owner: world.botId, admins: [], members: g.members })),
  }
}

/** The roster as CSV (the format `roster:` in the config reads). */
export function rosterCsv(world: BenchWorld): string {
  return `${[
    'name,dept,region,phone,contactId',
    ...world.roster.map(s => `${s.name},${s.dept},${s.region},${s.phone},${s.contactId}`),
  ].join('\n')}\n`
}

function makeStaff(rng: Rng, n: number): StaffRow[] {
  const taken = new Set(ROLE_PEOPLE.map(p => p.name))
  const rows: StaffRow[] = []
  while (rows.length < n) {
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '')
    if (taken.has(name)) continue
    taken.add(name)
    const i = rows.length
    rows.push({
      name,
      dept: rng.pick(DEPTS),
      region: rng.pick(REGIONS),
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      contactId: `wxid_s${i}`,
    })
  }
  return rows
}

/** `k` distinct elements of `list` (partial Fisher-Yates on a copy). */
function sample<T>(rng: Rng, list: readonly T[], k: number): T[] {
  const copy = [...list]
  const n = Math.min(k, copy.length)
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, copy.length - 1)
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy.slice(0, n)
}

/** Group nicknames: 96% real-name compliant, the rest missing or informal. */
function nicknames(
  rng: Rng,
  people: StaffRow[],
  alias: (s: StaffRow, rng: Rng) => string,
): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  for (const s of people)
    out[s.contactId] = rng.chance(0.96) ? alias(s, rng) : rng.chance(0.5) ? null : `${s.name.slice(1)}🌸`
  return out
}

function internalAlias(s: StaffRow, rng: Rng): string {
  return rng.chance(0.7) ? `${s.dept}-${s.name}` : `${s.region}-${s.name}`
}

function customerAlias(s: StaffRow): string {
  return `${COMPANY}${s.name}${s.phone}`
}
