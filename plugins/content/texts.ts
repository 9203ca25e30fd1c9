import type { GroupKind } from '../../bot/core/event.js'
import { formatDuration } from '../../bot/config/duration.js'
import { botAccountText } from '../../bot/fleet/account-name.js'
import type { ContentConfig } from './config.js'
import type { StrikePlan } from './decide-escalation.js'
import { excerpt } from './assess/excerpt.js'
import type { Evidence, Finding } from './assess/findings.js'
import {
  describeMatchKind,
  type DictionaryProblem,
  type DictionaryWarning,
  type Match,
  problemText,
  warningText,
} from './matcher/index.js'
import { REVIEW_LIMIT, type Review } from './state.js'
import type { AllowOutcome, AllowProblem, Suggestion } from './assess/allow-phrase.js'
import type { DictionaryEdit } from './matcher/dictionary-edit.js'

/**
 * Group rule quoted in warnings, per category key (overridable with `rules`). Never a dictionary word: the
 * start-up self-check (`dictionary/self-check.ts`) refuses a warning that its own dictionary would flag.
 */
export const DEFAULT_RULES: Record<string, string> = {
  porn: '禁止发布低俗不雅内容',
  gambling: '禁止发布涉赌内容',
  ad: '禁止发布与工作无关的商业广告',
  contact: '禁止私下引流、索要或发布联系方式',
  insult: '禁止辱骂、人身攻击',
  defamation: '禁止诋毁公司和同事',
  confidential: '禁止泄露公司机密（价格、客户资料等）',
  false_ad: '禁止虚假宣传和绝对化用语',
  private_deal: '所有交易须走公司流程，禁止私自收款',
  politics_religion: '禁止讨论政治和宗教话题',
  malware: '禁止发布病毒、恶意软件和可疑链接',
  link: '禁止发布未经许可的外部链接',
  card: '禁止在群内推送名片',
  miniprogram: '禁止推送与工作无关的小程序',
  file: '禁止发送安装包和可执行文件',
  flood: '禁止刷屏和跨群重复发送',
  offtopic: '公告群只用于发布通知，请勿在群内发言',
}

/** Chinese names of group kinds. */
export const KIND_LABEL: Record<GroupKind, string> = { internal: '内部群', customer: '客户群', broadcast: '公告群' }
/** Chinese names of the decided steps. */
export const STEP_LABEL: Record<string, string> = {
  record: '仅记录',
  warn: '群内警告',
  warnPrivately: '私聊警告（员工，客户看不到）',
  report: '报告管理员',
  strike: '记违规',
  remove: '移出群',
  ask: '请管理员处理',
  escalate: '报告管理员（已达违规上限）',
  review: '请管理员确认',
}
/** A decided step's Chinese name; an unknown step as stored. */
function stepLabel(step: string): string {
  return STEP_LABEL[step] ?? step
}
/**
 * The steps decided for an incident, as the admin report, `#违规` and the dictionary scan all show them (one list,
 * the report to admins included); no step reads `仅记录`.
 */
export function stepsText(steps: readonly string[]): string {
  return steps.map(stepLabel).join('、') || STEP_LABEL.record
}
const SOURCE_LABEL = { text: '', title: '卡片标题', description: '卡片描述', url: '链接', fileName: '文件名' } as const
/** Chinese names of severities. */
export const SEVERITY_LABEL = { low: '轻', medium: '中', high: '重' } as const

/** The rules quoted for these findings, most serious first, without repeats. */
export function ruleText(cfg: ContentConfig, findings: Finding[]): string {
  const rules = findings.map(f => cfg.rules[f.category] ?? DEFAULT_RULES[f.category] ?? '禁止发布违规内容')
  return [...new Set(rules)].join('；')
}

/** Who the warning speaks to: a customer (addressed as 您) or staff (你), and whether this offence is reported to admins now. */
export interface WarnAudience {
  customer: boolean
  reported: boolean
}

/**
 * What happens next, for the warning (never names the offending words): what the config really does, so no
 * "will report at the limit" when the admins are told at once.
 */
export function consequenceText(plan: StrikePlan | undefined, ttlMs: number, to: WarnAudience): string {
  const you = to.customer ? '您' : '你'
  if (!plan) return to.reported ? '已报告管理员。' : '请勿再发。'
  const within = formatDuration(ttlMs)
  if (plan.escalate === 'remove') return `${within}内已累计 ${plan.count} 次违规，将被移出本群。`
  if (plan.escalate === 'ask') return `${within}内已累计 ${plan.count} 次违规，已报告管理员处理。`
  const nth = `这是${you}${within}内第 ${plan.count} 次违规`
  if (plan.removable) return `${nth}${to.reported ? '，已报告管理员' : ''}，累计 ${plan.limit} 次将被移出本群。`
  return to.reported ? `${nth}，已报告管理员。` : `${nth}，累计 ${plan.limit} 次将报告管理员处理。`
}

/** The group warning: labels and rules only, never the matched text. */
export function warnText(
  cfg: ContentConfig,
  name: string,
  findings: Finding[],
  plan: StrikePlan | undefined,
  to: WarnAudience,
): string {
  const values: Record<string, string> = {
    name,
    you: to.customer ? '您' : '你',
    labels: findings.map(f => f.label).join('、'),
    rule: ruleText(cfg, findings),
    consequence: consequenceText(plan, cfg.strikeTtl, to),
  }
  return cfg.warnText.replace(/\{([^{}]*)\}/g, (all, key: string) => values[key] ?? all)
}

/**
 * Why a link is a hit: its host is not on the allow-list; for a host imitating an allowed domain with
 * look-alike letters, which domain, and the letters that are not English ones (they look the same).
 */
export function linkReason(m: Pick<Match, 'term' | 'imitates'>): string {
  const base = `域名 ${m.term} 不在白名单`
  if (m.imitates === undefined) return base
  const foreign = [...new Set([...m.term].filter(ch => ch.charCodeAt(0) > 0x7f))]
  const named = foreign.map(ch => `${ch} U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
  return `${base}，用形近字母冒充白名单域名 ${m.imitates}${named.length > 0 ? `（非英文字母：${named.join('、')}）` : ''}`
}

/** Before a warning sent when an admin confirms a review (`#确认`), maybe hours later: which message it is about. */
export const confirmedWarnPrefix = (when: string): string => `（${when} 的消息，管理员已确认）`

/** One evidence line for admins: the quoted original text with its offsets and the dictionary term. */
export function evidenceLine(label: string, e: Evidence): string {
  if (e.source === 'policy') return `${label}：${e.note}`
  const m = e.match
  const where = SOURCE_LABEL[e.source] ? `${SOURCE_LABEL[e.source]}中` : ''
  const why = m.kind === 'link' ? linkReason(m) : `词条「${excerpt(m.term, 30)}」`
  return `${label}：${where}「${excerpt(m.matched, 40)}」位置 ${m.start}–${m.end} → ${why}`
}

/** How the first review-only hit of `findings` was written, as the question said it (`拼音 shabi → 傻逼`). */
export function evasionText(findings: readonly Finding[]): string {
  for (const f of findings) for (const e of f.evidence) if (e.source !== 'policy') return describeMatchKind(e.match)
  return findings.map(f => f.label).join('、')
}

/** The report's line (and the audit record) on a repeat acted on because the admins confirmed the same evasion before. */
export const confirmedAgainText = (id: string, how: string): string =>
  `${id} 已确认过同一变体（${how}），这次直接处理，未再询问`

/** The audit record of the same message again after `#忽略`: nothing done, no question. */
export const ignoredAgainText = (id: string, how: string, quietMs: number): string =>
  `同样的消息 ${id} 已忽略（${how}），${quietText(quietMs)}内不再询问`

/** The quiet after `#忽略` in words: whole hours as hours (`24 小时`), else `formatDuration`'s (`1小时30分钟`). */
const quietText = (ms: number): string => (ms % 3_600_000 === 0 ? `${ms / 3_600_000} 小时` : formatDuration(ms))

/** The admins' short note on a repeat acted on as confirmed when no report went to them (the matrix has none). */
export function confirmedAgainNote(id: string, member: string, topic: string, how: string, steps: string): string {
  return `🔁 ${member} 在「${topic}」又发了 ${id} 已确认过的同一变体（${how}），已直接处理：${steps}`
}

/** One report for the groups a confirmed question (`#确认 R3`) was posted in: each group's steps on its own line. */
export function confirmedReportText(reviewIds: readonly string[], reports: readonly ReportFacts[]): string {
  const [first] = reports
  const many = reports.length > 1
  const ids = [...new Set(reports.map(f => f.incidentId))].join('、')
  const findings = new Map(reports.flatMap(f => f.findings).map(x => [x.category, x]))
  const severity = [...findings.values()].map(x => `${x.label}（${SEVERITY_LABEL[x.severity]}）`).join('、')
  const lines = [
    ...new Set(reports.flatMap(f => f.findings.flatMap(x => x.evidence.map(e => `· ${evidenceLine(x.label, e)}`)))),
  ]
  const shown = lines.length > 8 ? [...lines.slice(0, 8), `· …另 ${lines.length - 8} 处`] : lines
  const groups = [...new Set(reports.map(f => `${f.group}（${KIND_LABEL[f.kind]}）`))].join('、')
  const steps = reports.flatMap(f => {
    const count = f.plan ? `${formatDuration(f.ttlMs)}内第 ${f.plan.count}/${f.plan.limit} 次` : ''
    const notes = [...(f.firstIn ? ['同一事件，违规只记一次'] : []), ...(count ? [count] : [])].join('；')
    return [
      `· 「${f.group}」${f.when} 消息 ${f.messageId}：${stepsText(f.steps)}${notes ? `（${notes}）` : ''}`,
      ...escalationLines(f.plan).map(l => (many ? `  ${l}` : l)),
    ]
  })
  return [
    `🚨 违规内容 ${ids}：${severity}`,
    `群：${groups}`,
    `成员：${first.member}（${first.memberId}）`,
    `管理员已确认 ${reviewIds.join('、')}（共 ${reports.length} 条）`,
    '证据：',
    ...shown,
    `原文：${excerpt(first.original, 80)}`,
    '处理：',
    ...steps,
    `查看与撤销：私聊机器人${first.account ? `账号 ${first.account} 发送 ` : ' '}${first.prefix}违规 ${first.memberId}，再用 ${first.prefix}撤销 <审计编号> 撤销记违规`,
  ].join('\n')
}

/** Everything the admin report needs about one new incident. */
export interface ReportFacts {
  incidentId: string
  group: string
  kind: GroupKind
  member: string
  memberId: string
  when: string
  messageId: string
  original: string
  findings: Finding[]
  steps: string[]
  plan?: StrikePlan
  ttlMs: number
  prefix: string
  /** This bot account, when the fleet has several: the admin is told which one to message (its records are undone there). */
  account?: string
  /** A repeat in another group: where the incident began (its strike was counted there). */
  firstIn?: string
  /** A line after the original text: why the admins were not asked first (`confirmedAgainText`). */
  note?: string
}

/** The private report to admins, with evidence and what the bot did. */
export function reportText(f: ReportFacts): string {
  const lines = f.findings.flatMap(x => x.evidence.map(e => `· ${evidenceLine(x.label, e)}`))
  const shown = lines.length > 8 ? [...lines.slice(0, 8), `· …另 ${lines.length - 8} 处`] : lines
  const severity = f.findings.map(x => `${x.label}（${SEVERITY_LABEL[x.severity]}）`).join('、')
  return [
    `🚨 违规内容 ${f.incidentId}：${severity}`,
    `群：${f.group}（${KIND_LABEL[f.kind]}）`,
    `成员：${f.member}（${f.memberId}）`,
    `时间：${f.when}　消息：${f.messageId}`,
    '证据：',
    ...shown,
    ...(f.original ? [`原文：${excerpt(f.original, 80)}`] : []),
    ...(f.note ? [f.note] : []),
    ...(f.firstIn ? [`同一事件：${f.incidentId} 首次在「${f.firstIn}」，违规只记一次`] : []),
    `处理：${stepsText(f.steps)}${f.plan ? `（${formatDuration(f.ttlMs)}内第 ${f.plan.count}/${f.plan.limit} 次）` : ''}`,
    ...escalationLines(f.plan),
    `查看与撤销：私聊机器人${f.account ? `账号 ${f.account} 发送 ` : ' '}${f.prefix}违规 ${f.memberId}，再用 ${f.prefix}撤销 <审计编号> 撤销记违规`,
  ].join('\n')
}

function escalationLines(plan: StrikePlan | undefined): string[] {
  if (plan?.escalate === 'remove')
    return ['⚠️ 已达违规上限：已尝试将其移出本群（机器人不是群主或管理员时会失败，届时另行通知）。']
  if (plan?.escalate === 'ask' && plan.botCannot)
    return ['⚠️ 已达违规上限：机器人不是本群的群主或管理员，不能移出。请群主手动移出，或把机器人设为群管理员。']
  if (plan?.escalate === 'ask') return ['⚠️ 已达违规上限：本群不自动移出，请管理员处理。']
  return []
}

/** To the staff responsible for a group where the bot cannot remove a member who reached the strike limit. */
export function askOwnerText(topic: string, member: string, incidentId: string): string {
  return (
    `⚠️ 「${topic}」的 ${member} 已达违规上限（${incidentId}），机器人不是本群的群主或管理员，不能移出。` +
    '你是本群的负责人：如果你是群主，请在群里把他移出（群聊右上角「…」→ 删除成员），或把机器人设为群管理员。'
  )
}

/** The admins' question about a message whose hits are only for review (`#确认` / `#忽略`). */
export function reviewText(r: Review, when: string, prefix: string): string {
  const lines = r.findings.flatMap(f =>
    f.evidence.map(
      e => `· ${evidenceLine(f.label, e)}${e.source === 'policy' ? '' : `（${describeMatchKind(e.match)}）`}`,
    ),
  )
  return [
    `🔎 待确认 ${r.id}：疑似${r.findings.map(f => f.label).join('、')}（${r.findings.some(f => f.reviewOnly) ? '非员工发的，' : '变体写法，'}未自动处理）`,
    `群：${r.groupTopic}（${KIND_LABEL[r.groupKind]}）`,
    `成员：${r.memberName}（${r.memberId}）`,
    `时间：${when}　消息：${r.messageId}`,
    '证据：',
    ...lines,
    `原文：${excerpt(r.text, 200)}`,
    `按违规处理：${prefix}确认 ${r.id}　不处理：${prefix}忽略 ${r.id}`,
  ].join('\n')
}

/** The reply to `#确认` / `#忽略`; a review of several messages names them and their groups. */
export function reviewAnswerText(r: Review, answer: 'confirmed' | 'ignored'): string {
  const what = `${r.id}（${r.memberName}：${r.findings.map(f => f.label).join('、')}${reviewGroupsText(r)}）`
  return answer === 'ignored' ? `已忽略 ${what}，不做处理。` : `已确认 ${what}，按违规处理。`
}

/** `；共 3 条，发在「A」「B」`: how many messages a review answers and where, when it is more than one. */
function reviewGroupsText(r: Review): string {
  if (!r.repeats?.length) return ''
  const topics = [...new Set([r.groupTopic, ...r.repeats.map(m => m.groupTopic)])]
  return `；共 ${r.repeats.length + 1} 条，发在${topics.map(t => `「${t}」`).join('')}`
}

/** The audit record of a message that joined an open review. */
export function reviewRepeatText(r: Review, m: Pick<Review, 'groupTopic'>): string {
  return `同样的内容又发在「${m.groupTopic}」，已并入待确认 ${r.id}（第 ${(r.repeats?.length ?? 0) + 1} 条），不再单独询问`
}

/** The first review-only hit of a review, for the words of a hint: category and the text matched. */
function firstHit(r: Review): { category: string; matched: string } | undefined {
  for (const f of r.findings)
    for (const e of f.evidence)
      if (e.source !== 'policy' && e.match.reviewOnly) return { category: f.category, matched: e.match.matched }
  return undefined
}

/** How to stop this kind of hit: `#忽略 R3 允许` with the phrases it allows, or `#词库 允许` when no phrase qualifies. */
function stopHintText(r: Review, prefix: string): string {
  if (r.hints?.length) return `以后不再提示${r.hints.map(h => `「${h.phrase}」`).join('')}：${prefix}忽略 ${r.id} 允许`
  const hit = firstHit(r)
  return hit
    ? `要以后不再提示：${prefix}词库 允许 ${hit.category} <包含「${excerpt(hit.matched, 20)}」的短语>（不能只允许词条本身）`
    : ''
}

/** The reply to `#忽略 R3`: ignored, and what it would take to stop this kind of hit. */
export function ignoredText(r: Review, prefix: string): string {
  return [reviewAnswerText(r, 'ignored'), stopHintText(r, prefix)].filter(Boolean).join('\n')
}

/** The reply to `#忽略 R3 允许`: ignored (when it was open), each phrase allowed or why not, and how to undo. */
export function allowedText(r: Review, wasOpen: boolean, outcomes: AllowOutcome[], prefix: string): string {
  const lines = wasOpen ? [reviewAnswerText(r, 'ignored')] : []
  if (!outcomes.length) return [...lines, `${r.id} 找不到可允许的短语。${stopHintText(r, prefix)}`].join('\n')
  for (const o of outcomes) {
    lines.push(o.text)
    if (o.ok)
      lines.push(
        `以后「${o.hint.phrase}」里的${o.hint.label}命中不再提示，其他地方照常检查；撤回：${prefix}词库 删除 ${o.hint.category} ${o.hint.phrase}`,
      )
  }
  // A refusal that is not about the phrase (sandbox, only the shipped dictionary) is said once, not once a phrase.
  return [...new Set(lines)].join('\n')
}

/** The admins' one suggestion about a false hit they keep ignoring. */
export function suggestAllowText(s: Suggestion, prefix: string): string {
  const last = s.ids[s.ids.length - 1]
  const ids = s.ids.length > 5 ? `${s.ids.slice(-5).join('、')} 等` : s.ids.join('、')
  return [
    `💡 「${s.hint.phrase}」里的${s.hint.label}命中已被忽略 ${s.ids.length} 次（${ids}），每次仍会提示。`,
    `以后不再提示：${prefix}忽略 ${last} 允许（加为允许短语，只对这个短语生效；撤回：${prefix}词库 删除 ${s.hint.category} ${s.hint.phrase}）`,
    '这条建议只发一次。',
  ].join('\n')
}

/** Why `#确认` / `#忽略` cannot answer, with the usage. */
export function reviewUsageText(prefix: string, id: string | undefined, r?: Review): string {
  const usage = `用法：${prefix}确认 <编号> 或 ${prefix}忽略 <编号> [允许]（编号如 R3，见「待确认」私聊；加「允许」以后不再提示同样的命中）`
  if (!id) return usage
  if (!r) return `没有找到待确认的 ${id}。${usage}`
  const answer = r.status === 'confirmed' ? '确认' : '忽略'
  return r.answeredWith
    ? `${r.id} 已随 ${r.answeredWith} 一并${answer}过，不再处理。`
    : `${r.id} 已${answer}过，不再处理。`
}

/**
 * `#确认 R3` when the id may mean several questions (this account's own `R3`, open or answered, and one moved here
 * open with its group, `R3@sales1`): each listed with what it is about (and 已确认/已忽略 when answered), and how to
 * name one; `self` (this account) by its WeChat name `selfName` when it wrote one, as the admins know the bots.
 */
export function whichReviewText(
  typed: string,
  reviews: readonly Review[],
  answer: string,
  self?: string,
  selfName?: string,
): string {
  const done = { open: '', confirmed: '，已确认', ignored: '，已忽略' }
  const list = reviews.map(
    r =>
      `${r.id}（${r.memberName}：${r.findings.map(f => f.label).join('、')}，群「${r.groupTopic}」${done[r.status]}）`,
  )
  const mine = reviews.find(r => !r.id.includes('@'))
  const named = self && selfName ? botAccountText(self, selfName) : ''
  const own = mine && self ? `；本账号${named}自己的 ${mine.id} 也可写 ${mine.id}@${self}` : ''
  const moved = reviews.find(r => r.id.includes('@'))
  const heading = reviews.every(r => r.status === 'open') ? '条待确认' : '条'
  return `「${typed}」对应 ${reviews.length} ${heading}：${list.join('、')}。请写完整编号，例如 ${answer} ${moved?.id ?? reviews[0].id}${own}。`
}

/**
 * `#确认 R3` through the account that asked R3, after R3 moved with its group to another account (this one was down):
 * answered there, by the id it has there (`R3@sales1`) or the one the admin has. `moved.movedTo` is the account that
 * keeps it now; `onward`: it moved on from the account that first took it (that one went down too).
 */
export function movedReviewText(
  typed: string,
  moved: { movedTo: string; fleetId: string; groupTopic: string },
  command: string,
  /** The other account's WeChat name, when the fleet knows it: the admins know the bots by it. */
  wechatName?: string,
  onward = false,
): string {
  const bot = wechatName ? `「${wechatName}」(${moved.movedTo})` : ` ${moved.movedTo}`
  const to = wechatName ? `「${wechatName}」` : ` ${moved.movedTo} `
  const why = onward ? '本账号离线时该群被接管，现由它负责' : '本账号离线时由它接管该群'
  return `${typed} 已随群「${moved.groupTopic}」转给机器人账号${bot}（${why}），请私聊${to}发送：${command.replace(typed, moved.fleetId)}`
}

/**
 * `#确认 R3` through the account that asked R3, after R3 moved with its group and was answered (or no longer kept)
 * where it went: nothing to send there. `answered`: the question as that account keeps it; none: dropped as old.
 */
export function movedClosedText(
  typed: string,
  moved: { movedTo: string; groupTopic: string },
  answered?: Review,
  wechatName?: string,
): string {
  const bot = wechatName ? `「${wechatName}」(${moved.movedTo})` : ` ${moved.movedTo}`
  const went = `${typed} 已随群「${moved.groupTopic}」转给机器人账号${bot}`
  if (!answered || answered.status === 'open')
    return `${went}，那里已不再保存这条待确认（只保存最近 ${REVIEW_LIMIT} 条），不再处理。`
  const how = answered.status === 'confirmed' ? '确认，按违规处理' : '忽略，不做处理'
  const by = answered.answeredWith
    ? `随 ${answered.answeredWith} 一并${answered.status === 'confirmed' ? '确认' : '忽略'}`
    : `${answered.decidedByName ? `由 ${answered.decidedByName} ` : ''}${how}`
  return `${went}，已在那里${by}，不再处理。`
}

/**
 * The answer's one line on the other open questions it decided (`decidedAlong`): `R4 与 R3 是同一人的同一变体（拼音
 * shabi → 傻逼），一并确认，不必再答复。`; for `#忽略`, the same message.
 */
export function alongText(ids: readonly string[], answered: Review, by?: string): string {
  const same = answered.status === 'confirmed' ? `同一变体（${evasionText(answered.findings)}）` : '同一条消息'
  const what = answered.status === 'confirmed' ? '一并确认，按违规处理' : '一并忽略'
  return `${ids.join('、')} 与 ${answered.id} 是同一人的${same}，${by ? `已由 ${by} ` : ''}${what}，不必再答复。`
}

/**
 * The other admins' note that a question is closed, by whom and how, with the questions closed along:
 * `✅ 待确认 R3（优惠多多：辱骂）已由 陈管理 确认，按违规处理；R4 一并确认。不必再答复。`
 */
export function closedText(answered: Review, along: readonly string[], by: string): string {
  const confirmed = answered.status === 'confirmed'
  const how = confirmed ? '确认，按违规处理' : '忽略，不做处理'
  const more = along.length ? `；${along.join('、')} 一并${confirmed ? '确认' : '忽略'}` : ''
  const what = `${answered.memberName}：${answered.findings.map(f => f.label).join('、')}`
  return `✅ 待确认 ${answered.id}（${what}）已由 ${by} ${how}${more}。不必再答复。`
}

/** Groups named for the admins: `「A」「B」`. */
const topicsText = (messages: readonly Pick<Review, 'groupTopic'>[]): string =>
  [...new Set(messages.map(m => `「${m.groupTopic}」`))].join('')

/**
 * The answer's line when a confirmed message's group is now served by another bot account of the fleet: that one
 * acts on it, and the admins hear if none does within `waitMs`.
 */
export function leftText(id: string, messages: readonly Pick<Review, 'groupTopic'>[], waitMs: number): string {
  return `群${topicsText(messages)}现由其他机器人账号服务：${id} 在该群的处理（警告、记违规等）交给它执行；${formatDuration(waitMs)}内没有账号执行会告诉管理员。`
}

/** The admins' line from the account that carried out a confirmed message another account left to it. */
export function handedOverText(id: string, member: string, messages: readonly Pick<Review, 'groupTopic'>[]): string {
  return `${id} 已确认：群${topicsText(messages)}现由本机器人账号服务，对 ${member} 的处理由本账号执行。`
}

/**
 * The admins' warning that a confirmed message was not acted on: no bot account serves its group. `checkedFor`: the
 * account that answered it did not check (it went down), this one did.
 */
export function unservedText(
  id: string,
  member: string,
  messages: readonly Pick<Review, 'groupTopic'>[],
  checkedFor?: string,
): string {
  const who = checkedFor ? `（确认它的机器人账号 ${checkedFor} 没有按时核对，可能已离线，由本账号提醒）` : ''
  return `⚠️ ${id} 已确认，但群${topicsText(messages)}现在没有机器人账号服务，对 ${member} 的处理（警告、记违规等）没有执行，已记入审计；请在群里手动处理。${who}`
}

/** The audit record of a question decided along with another: `R4 随 R3 一并确认`. */
export const alongRecordText = (id: string, answeredId: string, confirmed: boolean): string =>
  `${id} 随 ${answeredId} 一并${confirmed ? '确认' : '忽略'}`

/** What each dictionary edit does, as its answers say it (`已添加词条「代购」`). */
export const EDIT_VERB = { add: '添加词条', remove: '删除', allow: '添加允许短语' } as const

const editUsage = (prefix: string): string =>
  `${prefix}词库 添加 <类别> <词>｜${prefix}词库 删除 <类别> <词>｜${prefix}词库 允许 <类别> <短语>`

/** The last line of `#词库`: every form of the command. */
export const dictionaryUsageText = (prefix: string): string =>
  `用法：${prefix}词库 测试 <文本>｜${prefix}词库 重载｜${editUsage(prefix)}（类别用上面括号里的英文名，如 ad）`

/** Every form of `#词库`, for an answer without the status above it (a mistyped subcommand). */
export const dictionaryFormsText = (prefix: string): string =>
  `${prefix}词库 测试 <文本>｜${prefix}词库 重载｜${editUsage(prefix)}（类别用英文名，如 ad；状态和类别见 ${prefix}词库）`

/** Replies to `#词库 添加|删除|允许`. */
export const dictionaryEditText = {
  usage: (prefix: string): string => `用法：${editUsage(prefix)}（类别用英文名，如 ad；见 ${prefix}词库）`,
  unknownCategory: (category: string, known: { id: string; label: string }[]): string => {
    const near = known.filter(k => k.label.includes(category))
    const list = (ks: typeof known) => ks.map(k => `${k.id}（${k.label}）`).join('、')
    return `没有「${category}」这个类别。${near.length ? `您是不是要找 ${list(near)}？请写类别的英文名。` : ''}现有类别：${list(known)}`
  },
  sandboxed:
    '沙盒和回放不修改词库文件（它们可能正被正式运行的机器人使用）：请在正式运行时修改，或直接编辑词库文件后 #词库 重载。',
  noCompanyFile: (_e: DictionaryEdit): string =>
    '配置里只有自带词库，不能改它：请在 plugins.content.dictionaries 里加一个公司词库文件，如 dictionaries: [builtin:default, company-words.yaml]（参考 data/dictionaries/company-custom.example.yaml）。',
  notListed: (e: DictionaryEdit): string => `「${e.word}」不在类别 ${e.category} 的词条或允许短语里。`,
  unchanged: (e: DictionaryEdit): string =>
    e.op === 'remove' ? `「${e.word}」不在类别 ${e.category} 里。` : `「${e.word}」已在类别 ${e.category} 里，未改动。`,
  refused: (e: DictionaryEdit, problems: readonly DictionaryProblem[]): string =>
    [
      `未${EDIT_VERB[e.op]}「${e.word}」（${e.category}）：改后的词库不能使用，已恢复原文件：`,
      ...problems.slice(0, 5).map(problemText),
    ].join('\n'),
  done: (e: DictionaryEdit, files: string[], version: number, warnings: readonly DictionaryWarning[] = []): string =>
    [
      `✅ 已${EDIT_VERB[e.op]}「${e.word}」（${e.category}），写入 ${files.join('、')}，词库已重新加载（版本 ${version}）。`,
      ...editWarningLines(warnings),
    ].join('\n'),
  /** A word of the shipped dictionary switched off for this company (`disable` in the company file), and the undo. */
  disabled: (
    e: DictionaryEdit,
    files: string[],
    version: number,
    warnings: readonly DictionaryWarning[],
    prefix: string,
  ): string =>
    [
      `✅ 已停用自带词库的「${e.word}」（${e.category}）：写入 ${files.join('、')} 的 disable 列表（自带词库不改），词库已重新加载（版本 ${version}）。恢复：${prefix}词库 添加 ${e.category} ${e.word}`,
      ...editWarningLines(warnings),
    ].join('\n'),
  /** An allowed phrase refused: why it would switch a term off, and what to do instead. */
  notAllowed: (e: DictionaryEdit, p: AllowProblem, prefix: string): string =>
    `未添加允许短语「${e.word}」（${e.category}）：${allowProblemText(p, prefix, e.category)}`,
}

/** The warnings an edit brought, after its answer: the first five, each at its file:line. */
function editWarningLines(warnings: readonly DictionaryWarning[]): string[] {
  return warnings.length ? ['⚠️ 改后词库的提示（请检查）：', ...warnings.slice(0, 5).map(warningText)] : []
}

/** Why a phrase may not be allowed (see allowProblem), and what to do instead. */
function allowProblemText(p: AllowProblem, prefix: string, category: string): string {
  const example = '允许短语要比词条长、把词条整个包含在内（如「以下注意」之于「下注」）'
  if (p.why === 'oneCharacter') return `只有一个字，含这个字的命中都会不算。${example}。`
  if (p.why === 'term')
    return `它就是词条「${p.term}」，允许它这个词条就再也不会命中（要停用词条请用 ${prefix}词库 删除 ${category} ${p.term}）。`
  if (p.why === 'insideTerm') return `它是词条「${p.term}」的一部分，挡不住任何命中。${example}。`
  if (p.why === 'termForm')
    return `它本身就是词条「${p.term}」的一种写法（${p.how}），允许它这样写的违规就不再命中。${example}。`
  if (p.why === 'acting') return `其中的「${p.matched}」会直接处理（${p.how}），允许这个短语它就不再处理。`
  return `其中原样写着词条「${p.term}」，同样的说法也可能是违规（如「本产品保证绝对安全」）。确实无害时请自己写一个更准确的短语：${prefix}词库 允许 ${category} <短语>。`
}

/** The timer of an image whose QR codes are being read, as the audit log (#审计, replay) names it. */
export const qrTimerReason = '图片二维码识别：等待识别结果'
