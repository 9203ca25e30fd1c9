import type { GroupKind } from '../../../bot/core/event.js'
import type { Finding } from '../assess/findings.js'
import type { Matcher } from '../matcher/index.js'

/** What a QR code in a group image means for the content policy. */
export interface QrFinding {
  /** Dictionary category: `ad` for a group invite, the links category for another URL, else a term's. */
  category: string
  /** The decoded payload, kept as evidence. */
  payload: string
  /** Why: a WeChat group/contact invite, a URL whose host is not allowed, or a banned term in its text. */
  reason: 'invite' | 'link' | 'term'
  /** The host of a URL payload. */
  host?: string
  /** The dictionary term, for `term` findings. */
  term?: string
}

/**
 * Hosts and paths of WeChat and WeCom invitations (group QR codes, contact cards). These are what
 * "扫码进群" posts carry; mp.weixin.qq.com articles are not invitations.
 */
const INVITE = [
  /^weixin\.qq\.com\/(g|q|r)\//,
  /^u\.wechat\.com\//,
  /^work\.weixin\.qq\.com\/(gm|ca|u)\//,
  /^wxaurl\.cn\//,
]

/** Options of qrFindings. */
export interface QrPolicyOptions {
  /** Category for group and contact invitations (default `ad`). */
  inviteCategory?: string
}

/**
 * The findings for the payloads of the QR codes in one image: a WeChat invitation is an `ad` finding
 * (the invite is the advert, whatever its host); another URL is a links finding when its host is not on
 * the dictionary's allow list; any payload is also scanned for banned terms (`加我微信 ...` as text).
 */
export function qrFindings(payloads: string[], matcher: Matcher, options: QrPolicyOptions = {}): QrFinding[] {
  const findings: QrFinding[] = []
  for (const payload of payloads) {
    const url = parseUrl(payload)
    if (url && INVITE.some(re => re.test(`${url.hostname}${url.pathname}`))) {
      findings.push({ category: options.inviteCategory ?? 'ad', payload, reason: 'invite', host: url.hostname })
      continue
    }
    const link = url ? matcher.checkUrl(payload) : null
    if (link && url) findings.push({ category: link.category, payload, reason: 'link', host: url.hostname })
    for (const m of matcher.scan(payload)) {
      if (m.kind === 'link') continue
      if (findings.some(f => f.payload === payload && f.category === m.category)) continue
      findings.push({ category: m.category, payload, reason: 'term', term: m.term })
    }
  }
  return findings
}

/** The payload as an http(s) URL, or null. */
function parseUrl(payload: string): URL | null {
  const text = payload.trim()
  if (!/^https?:\/\//i.test(text)) return null
  try {
    return new URL(text)
  } catch {
    return null
  }
}

/**
 * The content findings for the QR codes of one group image: each category once, with every payload as
 * evidence (`二维码：<payload>`). In customer groups a code that gives no other finding and is not a URL
 * on the allow-list is an `ad` too: a customer group is no place for anyone's QR code.
 */
export function qrContentFindings(payloads: string[], matcher: Matcher, groupKind: GroupKind): Finding[] {
  const found = qrFindings(payloads, matcher)
  if (groupKind === 'customer') {
    for (const payload of payloads) {
      if (found.some(f => f.payload === payload)) continue
      const url = parseUrl(payload)
      const allowed = url !== null && matcher.dictionary.links !== null && matcher.checkUrl(payload) === null
      if (!allowed) found.push({ category: 'ad', payload, reason: 'invite' })
    }
  }
  const byCategory = new Map<string, Finding>()
  const d = matcher.dictionary
  for (const f of found) {
    const rule = d.categories[f.category] ?? (d.links?.category === f.category ? d.links : undefined)
    const finding = byCategory.get(f.category) ?? {
      category: f.category,
      label: rule?.label ?? f.category,
      severity: rule?.severity ?? 'medium',
      evidence: [],
    }
    finding.evidence.push({ source: 'policy', note: `图片中的二维码：${f.payload.slice(0, 200)}` })
    byCategory.set(f.category, finding)
  }
  return [...byCategory.values()]
}
