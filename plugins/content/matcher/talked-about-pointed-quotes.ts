/**
 * A quoted post pointed at by a classifier after the quotation, and taken down or handed to an admin: `刚才“X”那条我
 * 撤回不了，管理员处理下`, `群里“X”这条谁发的，已经删了`. The post is named to be removed, not sent. It runs on the
 * candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { stillPitches } from './pitch-guard.js'
import { reportedFrom } from './talked-about-reports.js'

/** Opening quotation marks and the marks that close them. */
const QUOTES: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"' }
/** QUOTES by the UTF-16 code of the opening mark (a code looked up allocates no one-character string). */
const QUOTE_CODES = new Map(Object.entries(QUOTES).map(([open, close]) => [open.charCodeAt(0), close]))
/** A classifier of a post right after the closing mark: `那条`, `这条`, `那则`, `那段`, `那个帖子`. */
const POINTED_AFTER = /^[那这](?:条|则|段|篇|个(?:帖子|消息|链接|广告))/u
/** A post taken down or to be, later: `撤回`, `撤不回`, `删了`, `删掉`, `删除`. */
const TAKEN_DOWN = /撤回|撤不回|撤销|删了|删掉|删除|删不掉/u

/**
 * True for a hit quoted alone (the marks right around it) and pointed at as a post after the quotation (see
 * POINTED_AFTER) in a message that takes it down or reports it later (see TAKEN_DOWN, reportedFrom): `刚才“X”那条我撤回不
 * 了，管理员处理下`. A quoted post pointed at and praised or passed on (`“X”那条大家多转发`) and a message that still
 * pitches (see stillPitches) stay hits.
 */
export function pointsQuotedPost(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  const close = QUOTE_CODES.get(text.charCodeAt(c.start - 1))
  if (close === undefined || text[c.end] !== close || !POINTED_AFTER.test(text.slice(c.end + 1, c.end + 8)))
    return false
  const later = text.slice(c.end + 1)
  return (TAKEN_DOWN.test(later) || reportedFrom(text, c.end + 1)) && !stillPitches(text, c, allowDomains)
}
