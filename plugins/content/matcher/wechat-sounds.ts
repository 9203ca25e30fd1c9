import { ACCOUNT_ID } from './contact-words.js'

/**
 * 微 written in another tone after 加 (`加维详聊`): the characters the toneless kind takes for 微 (wei1) beyond its
 * homophones, the most frequent of the syllable wei in other tones (see tonelessAlternatives; the test checks the
 * list against the tables). Code, not the tables: a scan reads them, and a matcher read from the cache has none.
 */
export const WEI_IN_OTHER_TONES = '为位未维'

/**
 * Characters read wei in any tone that 加 and 信 around them make 加微信 (`加围信详聊`, `加伟信`): 信 right after
 * leaves no other reading of the pair, unless it goes on into a word of its own (信息, 信用, 信号, 信任).
 */
const WEI_BEFORE_XIN = '围伟卫尾委唯韦危违惟玮纬威味喂魏为位未维'

/** Every character textWithWeiSounds may read as 微 (the start scan marks them, see start-scan.ts). */
export const WEI_SOUNDS = `${WEI_IN_OTHER_TONES}${WEI_BEFORE_XIN}`

/** An account's id right after 加 and its wei, maybe past a space or a colon (see ACCOUNT_ID of contact-words.ts). */
const ACCOUNT_AFTER = `[ \\t]?[:：]?[ \\t]?${ACCOUNT_ID}(?![A-Za-z0-9_])`

/**
 * 加 and a character of WEI_IN_OTHER_TONES asked to be added as an account: a chat still to come, a private send or
 * an enquiry right after it (聊, 详谈, 私发, 发你, 领; 咨询 and 了解 not after 位: `可以加位咨询前台` asks for a seat), or,
 * as a clause of its own or after whoever it invites (`想要实拍的加维，私发视频`, `感兴趣的加为`), the end of its clause;
 * or any character of WEI_BEFORE_XIN with 信 right after it (`加围信`), unless 加 ends a verb (增加威信, 参加) or 信
 * starts a word (加为信任设备); or any of WEI_BEFORE_XIN before an account's id or a friend request's note (`加伟 abc12345`,
 * `加卫，备注来意`), and 伟 or 卫 before a private chat or send (`加伟详聊`, `加卫私发`). A word going on (加维修, 加维生素, 加为好友), a name (加维维进群) or a seat added at the
 * end of a longer clause (`记得加位。`, `可以加位，`) stay words, and so does a name going on (`加伟明天到`).
 */
const ADDED_AS_ACCOUNT = new RegExp(
  `(?<![增参追添附施])加([${WEI_BEFORE_XIN}])(?=信(?![息用号任封箱心誉贷托仰念赖服件函徒])(?![a-zA-Z]))|加([${WEI_IN_OTHER_TONES}])(?=[ \\t]?(?:[详细私]?[聊谈](?![了过着])|私发|私信|发你|领))|加([为未维])(?=[ \\t]?(?:咨询|了解))|(?<=的|^|[，,。！!？?；;\\s])加([${WEI_IN_OTHER_TONES}])(?=[，,。.！!？?；;～~…\\n]|$)|(?<![增参追添附施])加([${WEI_BEFORE_XIN}])(?=${ACCOUNT_AFTER}|[，,]?[ \\t]?备注)|(?<![增参追添附施])加([伟卫])(?=[ \\t]?(?:[详细私][聊谈](?![了过着])|私发|私信|发你))`,
  'gu',
)

/**
 * The text with 微 written in another tone after 加 and asked to be added (see ADDED_AS_ACCOUNT) read as 微
 * (`加维详聊` 加微详聊), or before 信 as 薇, the dictionaries' own homophone of 微信 (`加围信` 加薇信: 加微信 read plainly
 * is an everyday word the matcher leaves alone, a homophone of it is not), or null when it has none. The same length as the text, so offsets stay; the matcher scans
 * it too, as it does textWithCommonLookalikes, and reports what it finds there as toneless homophones, review-only.
 */
export function textWithWeiSounds(text: string): string | null {
  if (typeof text !== 'string') return null
  let at = text.indexOf('加')
  while (at >= 0 && !WEI_SOUNDS.includes(text[at + 1] ?? '加')) at = text.indexOf('加', at + 1)
  if (at < 0) return null
  ADDED_AS_ACCOUNT.lastIndex = at
  if (!ADDED_AS_ACCOUNT.test(text)) return null
  ADDED_AS_ACCOUNT.lastIndex = 0
  return text.replace(ADDED_AS_ACCOUNT, (_, beforeXin: string | undefined) => (beforeXin ? '加薇' : '加微'))
}
