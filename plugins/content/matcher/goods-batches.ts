import type { Candidate } from './allow-filter.js'
import { SWAP_KINDS } from './expand.js'
import { pitchesOrAims } from './pitch-guard.js'

/**
 * A batch, a case or a kind of goods as the subject of its clause (`这批`, `那箱`, `这款`, `上一批`, `这单货`), maybe
 * with 货 or 茶 after it and an adverb, right before 是 or 都是: what follows says what the goods are.
 */
const GOODS_SUBJECT =
  /(?:这|那|此|上|下|新|整|头|第[一二三四五六七八九十\d])(?:一)?(?:批|箱|款|件|单|包|袋|罐|饼|盒|车|柜|次)(?:货|茶|料|件)?(?:[也都就还全]|真|确实|其实)?(?:都)?是$/u

/**
 * True for a swap form of a term ending in 货 (a name-calling of goods: 蠢货, 贱货) said of a batch of goods (see
 * GOODS_SUBJECT): the form names a grade of goods (`那箱是纯货`, `上一批茶都是纯货`), no one called names. `你就是个纯货`,
 * `那箱是纯货，@张三 你说是不是` and a message that still pitches stay hits (see pitchesOrAims).
 */
export function gradesGoods(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SWAP_KINDS.has(c.kind as never) || c.form === undefined) return false
  if (!c.term.endsWith('货') || !c.form.endsWith('货') || c.form === c.term) return false
  return GOODS_SUBJECT.test(text.slice(Math.max(0, c.start - 8), c.start)) && !pitchesOrAims(text, c, allowDomains)
}
