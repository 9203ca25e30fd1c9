/**
 * What someone else did and was punished for in the same clause (`听说隔壁车行有人接私单被开了`): the speaker passes on
 * a deed already dealt with, for talkedAbout (talked-about.ts).
 */

import { ADDRESSED, OWN_OFFER } from './talked-about-handled.js'
import { invitedAfter } from './talked-about-offers.js'
import { type TermAt, unoffered } from './talked-about-term.js'

/** A clause's characters, not its end: `[^，,；;。！!？?\n]`. */
const C = '[^，,；;。！!？?\\n]'
/**
 * Someone else who did it, earlier in the term's clause, maybe with a verb of doing right before the term: `有人接`,
 * `同事搞`, `隔壁店那个销售`, `他之前做`; not the speaker nor the reader.
 */
const DOER_BEFORE = new RegExp(
  `(?:有人|有个人|有个|有位|同事|前同事|员工|司机|师傅|销售|店员|业务员|客服|[他她]们?|那个人|那人|某人)${C}{0,6}$`,
  'u',
)
/**
 * A punishment of the doer after the term in its clause, told done: `被开了`, `被公司开除了`, `被老板炒了`, `被抓`, `被罚了
 * 五千`, `被封号`.
 */
const PUNISHED_AFTER = new RegExp(
  `^${C}{0,6}?被${C}{0,6}?(?:开了|开掉|开除|炒了|炒掉|炒鱿鱼|辞退|辞了|抓|罚|处分|封|拘|判|踢|拉黑|追责|查了|处理了)`,
  'u',
)
/**
 * The deed carried on after it: the speaker undeterred or doing it still (`也值`, `没事`, `照接`, `我这还接`), or a new
 * account or where it waits (`新号在签名`, `小号`, `看头像`), or (rev46) the speaker's side doing it cheap or taking
 * it on (`我们这边便宜接`, `接单加v`).
 */
const CARRIED_ON =
  /也值|值了|没事|无所谓|不怕|照[接做干开玩卖发]|照样|我(?:这|那)?(?:里|边)?(?:也|还|一直|继续)(?:在|能|可以)?(?:接|做|搞|有|收|卖|玩|开|发)|我们?(?:这|那)(?:里|边)?[^，,；;。！!？?\n]{0,4}(?:接|做|搞|收|卖|玩|开|发)|便宜|优惠|接单|加[vV微我]|新号|小号|换号|签名|头像|相册|置顶/u

/**
 * True for a term someone else did (see DOER_BEFORE) and was punished for in its clause (see PUNISHED_AFTER), not
 * said to the reader, with no offer or invitation after it and the deed not carried on (see CARRIED_ON): `听说隔壁车行有人接私单被开
 * 了`, `同事搞网赌被抓了`. `你接私单被开了活该` (the reader), `有人接私单被开了，私单找我`, `有人接私单被开了也值，加我`,
 * `有人接私单被开了，我这还接` and `她卖成人视频被封号了，新号在签名` stay hits.
 */
export function punishedDeed(term: TermAt): boolean {
  const { text, end, before } = term
  if (!DOER_BEFORE.test(before) || ADDRESSED.test(before) || /[你您]/u.test(before)) return false
  const rest = text.slice(end)
  if (!PUNISHED_AFTER.test(rest) || OWN_OFFER.test(rest) || CARRIED_ON.test(rest) || invitedAfter(text, end))
    return false
  return unoffered(term)
}
