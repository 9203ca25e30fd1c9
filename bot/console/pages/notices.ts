import { shortDateTime } from '../../time/zoned.js'
import type { AckViews, FineView, NoticeView } from '../../../plugins/ack/views.js'
import { csrfField, h, type Html } from '../html.js'

const STATE: Record<NoticeView['state'], string> = {
  open: '进行中',
  reported: '已截止',
  closed: '已关闭',
  recalled: '已撤回',
}
const TIMING = { prompt: '按时', reminded: '提醒后', late: '逾期' } as const
const FINE_STATE: Record<FineView['state'], Html> = {
  open: h`<span class="tag on">未缴</span>`,
  settled: h`<span class="tag off">已缴</span>`,
  waived: h`<span class="tag">已免除</span>`,
}

/**
 * Notices page: each notice with who acknowledged and who has not; with `withFines` (admins) the fines and their
 * settlement (confirm one paid, or waive it with a reason).
 */
export function noticesPage(views: AckViews | undefined, tz: string, csrf: string, withFines: boolean): Html {
  if (!views) return h`<p class="muted">通知回复跟踪（ack 插件）没有启用。</p>`
  const notices = views.notices(30)
  const list = h`<h2>通知（最新 ${notices.length} 条）</h2>
${notices.length ? notices.map(n => noticeBlock(n, tz)) : h`<p class="muted">还没有跟踪的通知。</p>`}`
  if (!withFines) return h`${list}<p class="muted">罚款的结清与免除由管理员处理。</p>`
  const fines = views.fines(100)
  return h`${list}
<h2>罚款</h2>
<p class="muted">未缴 ${fines.open} 笔，现共应缴 ${fines.owed} 元。结清（核对红包或转账金额后按现在应缴的金额确认）与在微信里发送「#罚款 结清 编号」相同，免除与「#罚款 免除 编号 原因」相同，都会写入审计日志。</p>
${fines.rows.length ? fineTable(fines.rows, tz, csrf) : h`<p class="muted">没有罚款记录。</p>`}`
}

function noticeBlock(n: NoticeView, tz: string): Html {
  const total = n.answered.length + n.silent.length + n.excused.length
  return h`<section class="notice-card">
<div class="row"><strong>${n.id}</strong> <span>${n.groupTopic}</span> <span class="muted">${n.authorName} 发于 ${shortDateTime(n.at, tz)}，截止 ${shortDateTime(n.deadline, tz)}</span>
<span class="tag ${n.state === 'open' ? 'on' : ''}">${STATE[n.state]}</span>${n.observed ? h` <span class="tag on">观察</span>` : ''}</div>
<div class="evidence">${n.text}</div>
<div class="row"><span class="ok">已回复 ${n.answered.length}/${total}</span>：${n.answered.map(a => h`<span class="person">${a.name}<small>${shortDateTime(a.at, tz)} ${TIMING[a.timing]}</small></span>`)}</div>
<div class="row"><span class="bad">未回复 ${n.silent.length}</span>：${n.silent.map(s => h`<span class="person">${s.name}${s.excuse ? h`<small>说明：${s.excuse}（未接受）</small>` : ''}</span>`)}</div>
${n.excused.length ? h`<div class="row">已接受说明：${n.excused.map(s => h`<span class="person">${s.name}<small>${s.excuse}</small></span>`)}</div>` : ''}
</section>`
}

function fineTable(rows: FineView[], tz: string, csrf: string): Html {
  return h`<table><thead><tr><th>编号</th><th>时间</th><th>成员</th><th>原因</th><th>状态</th><th>金额</th><th>结清或免除</th></tr></thead><tbody>
${rows.map(
  f => h`<tr><td class="nw">${f.id}</td><td class="nw">${shortDateTime(f.at, tz)}</td><td class="nw">${f.name}</td><td>${f.violation}</td>
<td class="nw">${FINE_STATE[f.state]}${f.closedAt ? h` <small class="muted">${shortDateTime(f.closedAt, tz)}</small>` : ''}${f.waived ? h`<div class="muted">${f.waived.reason}</div>` : ''}</td>
<td class="nw">${f.state === 'open' ? `应缴 ${f.owed} 元` : f.settledAmount !== undefined ? `已缴 ${f.settledAmount} 元` : '—'}</td>
<td>${
    f.state === 'open'
      ? h`<form class="inline" method="post" action="/notices/settle">${csrfField(csrf)}<input type="hidden" name="id" value="${f.id}">
<button aria-label="结清罚款 ${f.id}">结清 ${f.owed} 元</button></form>
<form class="inline" method="post" action="/notices/waive">${csrfField(csrf)}<input type="hidden" name="id" value="${f.id}">
<input type="text" name="reason" placeholder="免除原因" required maxlength="200" aria-label="免除 ${f.id} 的原因"><button>免除</button></form>`
      : ''
  }</td></tr>`,
)}
</tbody></table>`
}
