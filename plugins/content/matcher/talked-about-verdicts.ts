/**
 * A verdict on someone else's post, with a warning (issue #22, f45): `对方发的那个网址我点进去看了，是个网赌平台，千万别点`.
 * The hit says what the post turned out to be; nothing is offered. It runs on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { pitchesAround, pitchesBeside, stillPitches } from './pitch-guard.js'
import { CLAUSE_END, edgeBefore } from './talked-about-clauses.js'
import { invitedAfter } from './talked-about-offers.js'
import { offersOwn } from './own-offers.js'

/**
 * The hit's clause before it, a verdict: maybe what the speaker did to look (`我点进去`, `打开一看`), maybe a word of
 * finding (`原来`, `竟然`, `结果`), then the copula and a classifier: `是个`, `原来是一个`, `我点进去是个`, `就是那种`.
 */
const VERDICT_BEFORE =
  /^\s*(?:我?(?:点|打开|扫|看|查|试|搜)[^，,；;。！!？?\n]{0,5}?)?(?:原来|竟然|居然|其实|结果|发现|才知道)?(?:就|都)?是(?:个|一个|那种|这种|某个|什么)?$/u

/**
 * Someone else's post in a clause before the hit's: someone other than the speaker (`对方`, `有人`, `那个陌生号`), a
 * verb of posting or sending, then 的: `对方发的`, `有人推荐的`, `客户转来的`, `他私发给我的`.
 */
const OTHERS_POST =
  /(?:对方|有人|他|她|那人|陌生|群友|别人|骗子|客户|顾客|朋友|新人|某人|网友)[^，,；;。！!？?\n我]{0,5}?(?:发|推荐|推|介绍|转发|转|分享|私发|拉|传|贴)(?:来|过来|出来|进来)?(?:给我|给你|给大家|到群里|在群里)?的/u

/**
 * Categories a post may turn out to be (a gambling site, a porn group, an ad's scheme). An insult, a slur or a contact
 * in a verdict is said of someone (`是个傻逼写的`), never only named.
 */
const POST_KINDS = new Set(['gambling', 'porn', 'ad'])

/**
 * A warning or a report after the verdict: a ban on touching it (`千万别点`, `不要下载`, `别信`), a word of caution or
 * of a scam (`小心上当`, `大家注意`, `是骗人的`), the post taken down or reported (`已经删了`, `举报了`). Not an urging
 * (`别怕`, `不要错过`) nor a secret kept (`别告诉别人`).
 */
const WARNED_AFTER =
  /(?:别|不要|勿|切勿|不能)(?:再|乱|随便|轻易)?(?:点|扫|信|相信|下载|注册|充|玩|碰|上当|打开|进|加|理|登录|转账|付款|汇款)|小心|当心|注意|警惕|谨防|上当|受骗|骗|举报|删|拉黑|踢|报警/u

/** The speaker vouching for it after the verdict: `放心玩`, `靠谱`, `真香`, `我玩了三个月`, `赚了不少`. */
const VOUCHED_AFTER = /放心|靠谱|正规|真香|不错|挺好|好玩|冲|我(?:也|一直|都)?(?:在)?玩|赚了|赢了|推荐|错过/u

/**
 * True for a hit of a kind of post (see POST_KINDS) in a verdict clause (see VERDICT_BEFORE) after a clause that names someone else's post (see
 * OTHERS_POST) and before a warning (see WARNED_AFTER): `有人发的那个链接我点开看了，是个赌博网站，大家别点`. The
 * speaker's own post (`我发的那个网址…是个网赌平台`), the speaker vouching for it (`…，别怕，放心玩`, see VOUCHED_AFTER), an invitation or a handover after it (see invitedAfter), the speaker's own offer (`我这边代充八折`, see offersOwn; rev45) and a message
 * that still pitches (`…，注册就送`; see stillPitches, pitchesAround, pitchesBeside) keep the hit.
 */
export function judgesOthersPost(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!POST_KINDS.has(c.category)) return false
  const clauseFrom = edgeBefore(text, c.start, CLAUSE_END)
  if (clauseFrom === 0 || !VERDICT_BEFORE.test(text.slice(clauseFrom, c.start))) return false
  if (!OTHERS_POST.test(text.slice(0, clauseFrom)) || !WARNED_AFTER.test(text.slice(c.end))) return false
  const after = text.slice(c.end)
  if (VOUCHED_AFTER.test(after) || invitedAfter(text, c.end) || offersOwn(text, c.start, c.end)) return false
  const rest = `${text.slice(0, c.start)}${'　'.repeat(c.end - c.start)}${text.slice(c.end)}`
  return (
    !stillPitches(rest, c, allowDomains) && !pitchesAround(text, c.start, c.end) && !pitchesBeside(text, c.start, c.end)
  )
}
