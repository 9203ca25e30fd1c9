import { MESSAGE_KIND_LABEL, type MessageKind } from '../../../bot/core/event.js'
import { formatDuration } from '../../../bot/config/duration.js'
import { dayKey, shortDateTime } from '../../../bot/time/zoned.js'
import { staffMembers, type GroupTotal, type MemberTotal, type PeriodSummary } from './aggregate.js'
import type { GroupWaiting, PendingMessage } from '../state.js'
import { responseStats } from './response-stats.js'
import type { SilentMember } from './silent.js'

/** Silent members of one group. */
export interface GroupSilent {
  topic: string
  members: SilentMember[]
}

/** Live facts a report adds to the period's counters. */
export interface ReportFacts {
  tz: string
  now: number
  topMembers: number
  silentDays: number
  silent: GroupSilent[]
  waiting: GroupWaiting[]
  /** Working time each waiting customer has waited. */
  waited: Waited
}

const MAX_GROUP_LINES = 10
const MAX_NAMES = 5

/** `中位 3分钟 / P90 25分钟（5 次）`, or undefined without answers. */
export function responseLine(values: number[]): string | undefined {
  const s = responseStats(values)
  return s && `中位 ${formatDuration(s.median)} / P90 ${formatDuration(s.p90)}（${s.count} 次）`
}

/** `5/6 人发言（83%）` when the size is known, else `5 人发言`. */
export function shareText(active: number, size?: number): string {
  return size ? `${active}/${size} 人发言（${Math.round((100 * active) / size)}%）` : `${active} 人发言`
}

/** The busiest hour, e.g. `高峰 10 点`. */
export function peakHour(hours: number[]): string | undefined {
  const max = Math.max(...hours)
  return max > 0 ? `高峰 ${hours.indexOf(max)} 点` : undefined
}

function names(list: string[], max = MAX_NAMES): string {
  return list.length > max ? `${list.slice(0, max).join('、')} 等 ${list.length} 人` : list.join('、')
}

/**
 * One line per group, busiest first, then the quiet ones by name. `days`: the period's length; a group with
 * records on fewer days says over how many its daily average is.
 */
export function groupLines(groups: GroupTotal[], days: number): string[] {
  const active = groups.filter(g => g.messages > 0)
  const quiet = groups.filter(g => g.messages === 0)
  const lines = active.slice(0, MAX_GROUP_LINES).map(g => {
    const over = g.recordedDays < days ? `（${g.recordedDays} 天有记录）` : ''
    const people =
      days === 1
        ? shareText(g.members.length, g.size)
        : `${g.members.length} 人发言，日均 ${g.dailyActive.toFixed(1)} 人${over}`
    const resp = g.kind === 'customer' ? responseLine(g.responses) : undefined
    return `· ${g.topic}${g.kind === 'customer' ? '（客户群）' : ''}：${g.messages} 条，${[people, peakHour(g.hours), resp && `响应${resp}`].filter(Boolean).join('，')}`
  })
  const rest = active.slice(MAX_GROUP_LINES)
  if (rest.length) lines.push(`· 另有 ${rest.length} 个群共 ${rest.reduce((a, g) => a + g.messages, 0)} 条`)
  if (quiet.length)
    lines.push(
      `· 无消息：${
        quiet.length > MAX_GROUP_LINES
          ? `${quiet
              .slice(0, MAX_GROUP_LINES)
              .map(g => g.topic)
              .join('、')} 等 ${quiet.length} 个群`
          : quiet.map(g => g.topic).join('、')
      }`,
    )
  return lines
}

/** `张三 20 条、李四 12 条`. */
export function topMembersText(members: MemberTotal[], n: number): string {
  return members
    .slice(0, n)
    .map(m => `${m.name} ${m.messages} 条`)
    .join('、')
}

/** Working time a customer of a group has waited since `at` until now (that group's working hours and holidays). */
export type Waited = (w: GroupWaiting, at: number) => number

/**
 * Customers waiting right now, per group, with how long in working time (what response times count): one entry per
 * customer, from their oldest unanswered message, with how many they wrote when more than one.
 */
export function waitingLines(waiting: GroupWaiting[], now: number, tz: string, waited: Waited): string[] {
  return waiting
    .filter(w => w.msgs.length)
    .map(w => {
      const people = new Map<string, { first: PendingMessage; n: number }>()
      for (const m of w.msgs) {
        const known = people.get(m.memberId)
        if (!known) people.set(m.memberId, { first: m, n: 1 })
        else {
          known.n++
          if (m.at < known.first.at) known.first = m
        }
      }
      const who = [...people.values()].slice(0, MAX_NAMES).map(({ first: m, n }) => {
        const since = dayKey(m.at, tz) === dayKey(now, tz) ? shortDateTime(m.at, tz).slice(6) : shortDateTime(m.at, tz)
        const ms = waited(w, m.at)
        const count = n > 1 ? `${n} 条，` : ''
        return `${m.name}（${since} 起，${count}${ms > 0 ? `工作时间已等 ${formatDuration(ms)}` : '非工作时间，尚未计时'}）`
      })
      const more = people.size > MAX_NAMES ? ` 等 ${people.size} 人（${w.msgs.length} 条）` : ''
      return `· ${w.group.topic}：${who.join('、')}${more}`
    })
}

/** Silent members per group, with when they last spoke. */
export function silentLines(silent: GroupSilent[], tz: string, max = MAX_NAMES): string[] {
  return silent
    .filter(g => g.members.length)
    .map(g => {
      const who = g.members
        .slice(0, max)
        .map(
          m =>
            `${m.name}（${m.last ? `最后发言 ${shortDateTime(m.last, tz).slice(0, 5)}` : `自 ${shortDateTime(m.since, tz).slice(0, 5)} 起未发言`}）`,
        )
      return `· ${g.topic}：${who.join('、')}${g.members.length > max ? ` 等 ${g.members.length} 人` : ''}`
    })
}

function memberChanges(groups: GroupTotal[]): string[] {
  return groups
    .filter(g => g.joined.length || g.left.length)
    .map(
      g =>
        `· ${g.topic}：${[g.joined.length && `新进 ${names(g.joined.map(p => p.name))}`, g.left.length && `退出 ${names(g.left.map(p => p.name))}`].filter(Boolean).join('；')}`,
    )
}

function staffLines(s: PeriodSummary, n: number): string[] {
  return s.staff
    .map(st => ({ st, stats: responseStats(st.samples)! }))
    .sort((a, b) => a.stats.median - b.stats.median)
    .slice(0, n)
    .map(({ st }) => `· ${st.name}：${responseLine(st.samples)}`)
}

function section(title: string, lines: string[]): string[] {
  return lines.length ? [title, ...lines] : []
}

/** The daily report text; `dayOver` (the scheduled report at day's end) says a quiet day had no messages, not "yet". */
export function dailyReportText(s: PeriodSummary, title: string, f: ReportFacts, dayOver = false): string {
  const waiting = waitingLines(f.waiting, f.now, f.tz, f.waited)
  if (!s.messages && !s.groups.some(g => g.joined.length || g.left.length))
    return `📊 ${title}\n${dayOver ? '今天没有群消息。' : '今天还没有任何群消息记录。'}${waiting.length ? `\n${['⏳ 等待回复：', ...waiting].join('\n')}` : ''}`
  const customer = s.groups.filter(g => g.kind === 'customer')
  const allResp = customer.flatMap(g => g.responses)
  const waitingCount = f.waiting.reduce((n, w) => n + w.msgs.length, 0)
  return [
    `📊 ${title}`,
    `${s.groups.length} 个群共 ${s.messages} 条消息，${s.members.length} 人发言。`,
    ...section('【各群】', groupLines(s.groups, 1)),
    ...section('【发言最多】', s.members.length ? [topMembersText(s.members, f.topMembers)] : []),
    ...section(
      '【客户响应】',
      allResp.length
        ? [`全部客户群：${responseLine(allResp)}`, ...staffLines(s, f.topMembers)]
        : waitingCount
          ? [`今天还没有已回复的客户消息；${waitingCount} 条正在等待回复（见【等待回复】）。`]
          : customer.length
            ? ['今天没有需要回复的客户消息。']
            : [],
    ),
    ...section('【等待回复】', waiting),
    ...section(`【沉默成员 · ${f.silentDays} 天未发言】`, silentLines(f.silent, f.tz)),
    ...section('【成员变动】', memberChanges(s.groups)),
  ].join('\n')
}

/** The weekly leaderboard text: the speakers' board ranks staff only (customers never appear on it). */
export function weeklyText(s: PeriodSummary, title: string, f: ReportFacts): string {
  if (!s.messages) return `🏆 ${title}\n本周还没有任何群消息记录。`
  const active = s.perDay.filter(n => n > 0).length || 1
  const rank = <T>(list: T[], fmt: (x: T) => string) => list.map((x, i) => `${i + 1}. ${fmt(x)}`)
  return [
    `🏆 ${title}`,
    `共 ${s.messages} 条消息，有消息的日子日均 ${Math.round(s.messages / active)} 条，${s.members.length} 人发言。`,
    ...section(
      '【员工发言榜】',
      rank(staffMembers(s).slice(0, f.topMembers), m => `${m.name} ${m.messages} 条（${m.activeDays} 天）`),
    ),
    ...section(
      '【群活跃榜】',
      rank(s.groups.filter(g => g.messages).slice(0, f.topMembers), g => `${g.topic} ${g.messages} 条`),
    ),
    ...section('【响应最快】', staffLines(s, f.topMembers)),
    ...section(
      '【最安静的群】',
      [...s.groups]
        .reverse()
        .slice(0, Math.min(3, s.groups.length))
        .map(g => `· ${g.topic} ${g.messages} 条`),
    ),
    ...section(`【沉默成员 · ${f.silentDays} 天未发言】`, silentLines(f.silent, f.tz, 3)),
  ].join('\n')
}

/** `#活跃度` for groups over a period. */
export function activityText(s: PeriodSummary, label: string, f: Pick<ReportFacts, 'topMembers'>): string {
  if (!s.messages) return `📈 活跃度 · ${label}\n这段时间没有消息记录。`
  const lines = [
    `📈 活跃度 · ${label}`,
    `${s.groups.filter(g => g.messages).length} 个群共 ${s.messages} 条消息，${s.members.length} 人发言。`,
    ...groupLines(s.groups, s.days.length),
  ]
  const [only] = s.groups
  if (s.groups.length === 1)
    lines.push(
      ...section('【成员】', [
        only.members
          .slice(0, 10)
          .map(m => `${m.name} ${m.messages} 条`)
          .join('、'),
      ]),
    )
  else lines.push(...section('【发言最多】', [topMembersText(s.members, f.topMembers)]))
  return [...lines, ...section('【成员变动】', memberChanges(s.groups))].join('\n')
}

/** `#活跃度 @成员`: one member over a period. */
export function memberText(s: PeriodSummary, name: string, label: string, tz: string): string {
  const m = s.members[0]
  if (!m) return `📈 ${name} · ${label}\n这段时间没有发言记录。`
  const kinds = Object.entries(m.kinds)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${MESSAGE_KIND_LABEL[k as MessageKind] ?? k} ${n}`)
    .join('、')
  const resp = responseLine(s.staff.find(x => x.id === m.id)?.samples ?? [])
  return [
    `📈 ${m.name} · ${label}`,
    `共 ${m.messages} 条消息（${kinds}），${m.chars} 字，发言 ${m.activeDays} 天，最后发言 ${shortDateTime(m.last, tz)}。`,
    ...s.groups.filter(g => g.messages).map(g => `· ${g.topic}：${g.messages} 条`),
    ...(resp ? [`客户响应：${resp}`] : []),
  ].join('\n')
}

/** `#响应`: responsiveness over a period. */
export function responseText(s: PeriodSummary, label: string, f: ReportFacts): string {
  const customer = s.groups.filter(g => g.kind === 'customer')
  const all = customer.flatMap(g => g.responses)
  const waiting = waitingLines(f.waiting, f.now, f.tz, f.waited)
  if (!all.length && !waiting.length && !customer.some(g => g.unanswered))
    return `⏱ 客户响应 · ${label}\n这段时间没有客户消息需要回复。`
  const unanswered = customer.reduce((a, g) => a + g.unanswered, 0)
  return [
    `⏱ 客户响应 · ${label}`,
    all.length
      ? `共回复 ${all.length} 次：${responseLine(all)}${unanswered ? `；当天未回复 ${unanswered} 条` : ''}`
      : `没有已回复的客户消息${unanswered ? `；当天未回复 ${unanswered} 条` : ''}`,
    ...section(
      '【按群】',
      customer
        .filter(g => g.responses.length || g.unanswered)
        .map(
          g =>
            `· ${g.topic}：${responseLine(g.responses) ?? '无回复'}${g.unanswered ? `，当天未回复 ${g.unanswered} 条` : ''}`,
        ),
    ),
    ...section('【按员工】', staffLines(s, 20)),
    ...section('【正在等待】', waiting),
  ].join('\n')
}

/** `#沉默成员`. */
export function silentText(silent: GroupSilent[], days: number, tz: string): string {
  const lines = silentLines(silent, tz, 20)
  return lines.length
    ? [`🔕 沉默成员（${days} 天以上未发言）`, ...lines].join('\n')
    : `✅ 没有连续 ${days} 天未发言的成员。`
}
