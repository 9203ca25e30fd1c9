import { dayKey, nearDateTime } from '../../time/zoned.js'
import type { CampaignViews, PostView } from '../../../plugins/campaign/views.js'
import { csrfField, h, type Html } from '../html.js'

/** Campaigns and the daily post queue; pending posts can be approved or rejected (as `#排期 通过/驳回`). */
export function campaignsPage(views: CampaignViews | undefined, now: number, tz: string, csrf: string): Html {
  if (!views) return h`<p class="muted">分享活动与排期（campaign 插件）没有启用。</p>`
  const posts = views.posts(dayKey(now, tz), 60)
  const campaigns = views.campaigns(30)
  return h`<h2>每日排期</h2>
<p class="muted">待审核的排在最前，其余为今天及以后的排期。通过或驳回与在微信里发送「#排期 通过/驳回」相同：需要「排期审核」角色，写入审计日志，并通知编辑。</p>
${posts.length ? postTable(posts, csrf) : h`<p class="muted">没有待审核或待发布的排期。</p>`}
<h2>分享活动</h2>
${
  campaigns.length
    ? h`<table><thead><tr><th>编号</th><th>标题</th><th>状态</th><th>开始</th><th>截止</th><th>公告的群</th><th>已登记</th></tr></thead><tbody>
${campaigns.map(
  c => h`<tr><td>${c.id}</td><td><strong>${c.title}</strong><div class="evidence">${c.text}</div></td>
<td class="nw">${c.statusLabel}${c.observed ? h` <span class="tag on">观察</span>` : ''}${c.note ? h`<div class="muted">${c.note}</div>` : ''}</td>
<td class="nw">${c.startDay}</td><td class="nw">${nearDateTime(c.deadline, now, tz)}</td><td>${c.groups.join('、') || '—'}</td><td>${c.participants} 人</td></tr>`,
)}
</tbody></table>`
    : h`<p class="muted">还没有分享活动。</p>`
}`
}

function postTable(posts: PostView[], csrf: string): Html {
  return h`<table><thead><tr><th>编号</th><th>发布时间</th><th>内容</th><th>编辑</th><th>状态</th><th>审核</th></tr></thead><tbody>
${posts.map(
  p => h`<tr><td>${p.id}</td><td class="nw">${p.day} ${p.time}</td>
<td><div class="evidence">${p.text}</div>${p.image ? h`<span class="tag">图片</span>` : ''}${p.link ? h` <span class="muted">${p.link}</span>` : ''}</td>
<td class="nw">${p.editorName}</td><td class="nw">${p.statusLabel}${p.reason ? h`<div class="muted">${p.reason}</div>` : ''}</td>
<td>${
    p.status === 'pending'
      ? h`<form class="inline" method="post" action="/campaigns/decide">${csrfField(csrf)}<input type="hidden" name="id" value="${p.id}">
<button name="decision" value="approve" aria-label="通过排期 ${p.id}">通过</button></form>
<form class="inline" method="post" action="/campaigns/decide">${csrfField(csrf)}<input type="hidden" name="id" value="${p.id}">
<input type="text" name="reason" placeholder="驳回原因" required maxlength="200" aria-label="驳回排期 ${p.id} 的原因">
<button class="danger" name="decision" value="reject" aria-label="驳回排期 ${p.id}">驳回</button></form>`
      : ''
  }</td></tr>`,
)}
</tbody></table>`
}
