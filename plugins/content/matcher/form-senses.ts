/**
 * Readings of a sound-alike form as the everyday word it also is, in a message about what that word names: a
 * run arranged, the spring's stock, the weather, teachers sent to help. They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'

/** Kinds that write the term by sound with other characters. */
const SOUND_KINDS = new Set(['homophone', 'toneless'])

/**
 * Forms by sound that are everyday words, each with the words of a message about what it names (`words`), or
 * the word that follows the form when it is one (`next`): 约跑 (a run arranged: 约炮's form), 春货 (the spring's
 * stock: 蠢货's), 一夜晴 (clear by the morning: 一夜情's), 援教 (teaching sent as aid: 援交's), 日转 before 夜 (from
 * day into night, as stored power is used: 日赚's).
 */
const EVERYDAY_SENSES: ReadonlyMap<string, { words?: RegExp; next?: RegExp }> = new Map([
  ['约跑', { words: /跑步|晨跑|夜跑|跑团|公里|配速|马拉松|半马|全马|操场|绿道|接龙|集合|打卡/u }],
  [
    '春货',
    {
      words:
        /上新|上架|[到发补备进订囤退验]货|货[单品架款源]|到仓|到店|新品|新款|现货|陈列|选购|样品|一批|批发|清仓|春装|春季/u,
    },
  ],
  ['一夜晴', { words: /下雨|雨天|雨后|大雨|小雨|暴雨|阵雨|雨停|台风|天气|阴天|放晴|晴天|多云|降温|下雪|雾霾|出太阳/u }],
  ['援教', { words: /老师|教师|支教|学校|课程|教学|任教|山区|西部|乡村|援疆|援藏/u }],
  ['日转', { next: /^[夜晚]/u }],
])

/**
 * Words of an offer of company or of a contact: then the form is the term, whatever else the message is about
 * (`下雨天寂寞，一夜晴了解下`, `约跑打卡，可包夜`).
 */
const OFFER_WORDS =
  /同城|寂寞|懂的|私聊|私我|私信|私发|包夜|上门|可约|约吗|了解一?下|加我|加微|颜值|妹子|小妹|美女|帅哥|兼职|日结|[\d一二两三四五六七八九十百千万][百千万]?[块元]/u

/** Someone the form is said of, just before it: `你个`, `真是`, `他就是`. */
const SAID_OF = /(?:[你他她个]|真是|就是)$/u

/**
 * True for a homophone or toneless form that is an everyday word (see EVERYDAY_SENSES) in a message with the
 * words of what that word names, said of no one, and no offer of company or contact: `周六早上约跑的在群里接龙`,
 * `春货上新，连衣裙到了一批`, `昨晚下了一夜雨，今早一夜晴`, `她去山区援教半年`, `光伏板白天充电，日转夜用`.
 * `同城约跑，颜值高`, `你个春货`, `真是个春货，发货都能发错`, `寂寞吗，一夜晴了解下`, `援教妹子可上门` and
 * `在家日转三百` stay hits.
 */
export function namesEverydayThing(text: string, c: Candidate): boolean {
  if (!SOUND_KINDS.has(c.kind) || c.form === undefined) return false
  const sense = EVERYDAY_SENSES.get(c.form)
  if (sense === undefined || OFFER_WORDS.test(text) || SAID_OF.test(text.slice(Math.max(0, c.start - 2), c.start)))
    return false
  return (sense.words?.test(text) ?? true) && (sense.next?.test(text.slice(c.end)) ?? true)
}
