/**
 * The words of a way to reach someone, one vocabulary for the rules that read them: what keeps a hit a pitch
 * (pitch-guard.ts) and the offers and contact details a report or a rule reminder never clears
 * (talked-about-offers.ts). The words are regular expressions' sources, built into the rules' own patterns; CONTACT_WORDS
 * is the guard's test of them.
 */

/**
 * Labels a document's number follows (`订单号`, `工单`, `工号`, `型号`, `发票号`, `SKU`, `ref`, `批次`): letters and
 * digits after one name the document, not an account.
 */
const DOCUMENT_LABEL = '单号?|工号|型号|货号|编号|票号|SKU|sku|ref|REF|批次|批号|单据'

/**
 * An account's id as a WeChat id is written, which the rule that reads it bounds: a letter, then letters, digits, `_`
 * or `-`, six to twenty in all with a digit among them (`abc12345`, `lily_888`); not a document's number after its
 * label, maybe past 是 or a colon (`型号：SD2023A`, `型号是 CC388A`, `工单 CS123456`, `订单号：ORD20231201`, `ref TK2023001`).
 */
export const ACCOUNT_ID = `(?<!(?:${DOCUMENT_LABEL})(?:是|为)?\\s*[:：]?\\s*)[A-Za-z](?=[A-Za-z0-9_-]*[0-9])[A-Za-z0-9_-]{5,19}`

/** A WeChat id said to be the phone number too: `wx同号`, `VX同号`. */
export const SAME_NUMBER = '[vVwW][xX]同号'
/** A messaging service in a spammer's spelling, which names an account by itself: `V信`, `威信`, `薇信`, `扣扣`. */
export const SERVICE_SPELLINGS = '[vV]信|威信|薇信|扣扣'
/**
 * A messaging service by its own name, which names an account only with `号` or an id after it (`微信号`, `企鹅号`,
 * `微信：shui_66`): `微信支付`, `企鹅` name none.
 */
export const SERVICE_NAMES = '微信|企鹅'
/** A page of the speaker's that a reader is pointed to: `看主页`, `主页有`, `简介见`. */
export const OWN_PAGES = '主页|简介'
/** A private message: `私聊`, `私信`. */
export const PRIVATE_MESSAGE = '私聊|私信'

/**
 * Contact words only pitch-guard.ts reads alone, beyond the vocabulary above: being added on WeChat
 * (`加微信`, `加V`), `QQ` in capitals, a way of contact named (`联系电话`, `联系方式`, `联系我`), a number to call
 * (`电话：138…`) or a friend request's note asked for (`备注来意`, `备注暗号`). talked-about-offers.ts reads them in its own shapes (`加微`, `联系我`, `QQ 123456`).
 */
const GUARD_ONLY_WORDS = '加微信|加[vV](?![a-z])|QQ|联系(?:电话|方式|我)|电话\\s*[:：]?\\s*[0-9]|备注(?:来意|暗号)'
/**
 * Contact words anywhere in a message, which keep a hit a pitch (pitch-guard.ts) where the offers of
 * talked-about-offers.ts leave it to a report: an account's service named (`V信`, `微信号`, `扣扣`, `wx同号`), a page
 * of the speaker's pointed to (`看主页`, `主页有`, `简介见`; not `公司简介`), a private message; and GUARD_ONLY_WORDS.
 */
export const CONTACT_WORDS = new RegExp(
  [
    SAME_NUMBER,
    SERVICE_SPELLINGS,
    `(?:${SERVICE_NAMES})号`,
    `(?:看|见|点|进)我?的?(?:${OWN_PAGES})`,
    `(?:${OWN_PAGES})[有见里]`,
    PRIVATE_MESSAGE,
    GUARD_ONLY_WORDS,
  ].join('|'),
  'u',
)
