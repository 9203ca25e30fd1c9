import type { Action } from '../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../bot/core/event.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import type { Ledger } from '../../bot/runtime/records/ledger.js'
import type { GroupRules } from './compile.js'
import { splitDeadline, type DeadlineSpec } from './deadline.js'
import { trackingActions, violationFor } from './deadline-rules.js'
import type { Notice } from './notice.js'
import { stopTimers } from './replies.js'
import { periodStats } from './stats.js'
import { detailText, listLine, when } from './texts.js'
import { quoted } from '../../bot/commands/quote.js'

/** What `#通知` needs from the plugin adapter. */
export interface NoticeDeps {
  tz: string
  prefix: string
  ledger: Ledger
  now(): number
  notices(): Notice[]
  changed(): void
  rulesFor(group?: GroupRef): GroupRules
  /** Track a notice posted by `e` with `text`; a Chinese reason when it cannot be tracked. */
  track(e: MessageEvent, text: string, spec?: DeadlineSpec): Promise<Notice | string>
}

/** `#通知 <内容> [截止 30分钟]` and its subcommands 列表, 详情, 关闭, 接受, 统计. */
export function noticeCommand(d: NoticeDeps): CommandSpec {
  const usage = `${d.prefix}通知 <内容> [截止 30分钟|15:00] | 列表 | 详情 <编号> | 关闭 <编号> | 接受 <编号> @成员 | 统计 [天数]`
  const help = (why: string) => `${why}\n用法：${usage}\n例如：${d.prefix}通知 今天下班前更新客户跟进记录 截止 2小时`
  return {
    name: '通知',
    aliases: ['notice'],
    role: 'leader',
    usage,
    description: '发布需要回复「收到」的通知，查看回复情况',
    run: async inv => {
      const [sub, arg] = inv.argv
      const max = d.rulesFor(inv.event.group).cfg.maxListed
      switch (sub) {
        case undefined:
          return [inv.reply(help('请写上通知内容。'))]
        case '列表':
        case 'list':
          return [inv.reply(listText(d, inv.event.group, max))]
        case '详情':
        case 'detail':
          return withNotice(d, inv, arg, n => [inv.reply(detailText(n, d.tz, max))])
        case '关闭':
        case 'close':
          return withNotice(d, inv, arg, n => close(d, inv, n))
        case '接受':
        case 'accept':
          return withNotice(d, inv, arg, n => accept(d, inv, n))
        case '统计':
        case 'stats':
          return [inv.reply(stats(d, inv.event.group, Number(arg), max))]
      }
      return publish(d, inv, help)
    },
  }
}

async function publish(d: NoticeDeps, inv: CommandInvocation, help: (why: string) => string): Promise<Action[]> {
  const g = inv.event.group
  if (g?.kind !== 'internal') return [inv.reply('请在内部工作群里发送通知。')]
  const split = splitDeadline(inv.args)
  if (split.bad) return [inv.reply(help(`无法识别截止时间「${quoted(split.bad)}」。`))]
  if (!split.content) return [inv.reply(help('请写上通知内容。'))]
  const n = await d.track(inv.event, split.content, split.spec)
  if (typeof n === 'string') return [inv.reply(help(`${n}。`))]
  const post = `【通知】${split.content}\n（${n.authorName}发布，编号 ${n.id}；请 ${Object.keys(n.required).length} 位同事在 ${when(n.deadline, n.at, d.tz)} 前回复「收到」）`
  // A post to the group, not an answer to the asker: in observe mode it is only recorded, and the asker is told.
  const observed = n.observed
    ? [inv.whisper(`观察模式：通知 ${n.id} 没有发到群里，只记录了将要做的事（${d.prefix}审计 ack 查看）。`)]
    : []
  return [
    { type: 'say', to: { room: g.id }, text: post, rule: 'ack.notice', groupId: g.id, memberId: inv.event.sender.id },
    ...trackingActions(n, d.tz, false),
    ...observed,
  ]
}

function withNotice(
  d: NoticeDeps,
  inv: CommandInvocation,
  arg: string | undefined,
  fn: (n: Notice) => Action[],
): Action[] {
  const n = arg ? d.notices().find(x => x.id === arg.toUpperCase()) : undefined
  if (!n) return [inv.reply(`找不到通知「${quoted(arg ?? '')}」。发送 ${d.prefix}通知 列表 查看编号。`)]
  return fn(n)
}

function close(d: NoticeDeps, inv: CommandInvocation, n: Notice): Action[] {
  if (n.state !== 'open') return [inv.reply(`通知 ${n.id} 已不在进行中。`)]
  n.state = 'closed'
  d.changed()
  return [
    inv.reply(
      `已关闭通知 ${n.id}：已回复 ${Object.keys(n.answers).length}/${Object.keys(n.required).length}，不再提醒和统计。`,
    ),
    ...stopTimers(n),
  ]
}

/** Accept the excuses of the @-mentioned members; fines already recorded for this notice are waived. */
function accept(d: NoticeDeps, inv: CommandInvocation, n: Notice): Action[] {
  const ids = inv.event.mentions.filter(id => n.excuses[id] && !n.excuses[id].acceptedBy)
  if (!ids.length) return [inv.reply(`请 @ 在通知 ${n.id} 下提交了说明的成员，例如 ${d.prefix}通知 接受 ${n.id} @张三`)]
  const waived: string[] = []
  for (const id of ids) {
    n.excuses[id].acceptedBy = inv.event.sender.id
    for (const f of d.ledger.openFines(id).filter(f => f.violation === violationFor(n.id))) {
      if (d.ledger.waive(f.id, inv.event.sender.id, `已接受说明：${n.excuses[id].text}`, d.now())) waived.push(f.id)
    }
  }
  d.changed()
  const names = ids.map(id => n.required[id]).join('、')
  return [
    inv.reply(`已接受 ${names} 对通知 ${n.id} 的说明${waived.length ? `，并免除罚款 ${waived.join('、')}` : ''}。`),
    {
      type: 'record',
      text: `通知 ${n.id} 接受说明：${names}`,
      rule: 'ack.excuse-accepted',
      groupId: n.groupId,
      reason: `by ${inv.event.sender.id}`,
    },
  ]
}

function listText(d: NoticeDeps, group: GroupRef | undefined, max: number): string {
  const open = d
    .notices()
    .filter(n => n.state === 'open' && (!group || n.groupId === group.id))
    .sort((a, b) => a.at - b.at)
  if (!open.length) return '目前没有进行中的通知。'
  const rest = open.length > max ? [`…另有 ${open.length - max} 条`] : []
  return [`进行中的通知（${open.length}）：`, ...open.slice(0, max).map(n => listLine(n, d.tz)), ...rest].join('\n')
}

function stats(d: NoticeDeps, group: GroupRef | undefined, days: number, max: number): string {
  const period = days > 0 ? Math.min(days, 366) : d.rulesFor(group).cfg.statsReport.days
  const pool = d.notices().filter(n => !group || n.groupId === group.id)
  return periodStats(pool, group?.topic ?? '全部群', period, d.now(), max)
}
