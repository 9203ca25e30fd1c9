/**
 * Readings of a sound-alike form as the everyday word it also is, in a message about what that word names: a
 * run arranged, the spring's stock, the weather, teachers sent to help; and of a term ending in a medium's noun as
 * that medium in a lesson or a film made. They run on the candidates of a scan only.
 */

import type { Candidate } from './allow-filter.js'
import { SOUND_KINDS } from './expand.js'
import { stillPitches } from './pitch-guard.js'

/**
 * Forms by sound that are everyday words, each with the words of a message about what it names (`words`), or
 * the word that follows the form when it is one (`next`), and what comes right before it (`before`): 约跑 (a run arranged: 约炮's form), 春货 (the spring's
 * stock: 蠢货's), 一夜晴 (clear by the morning: 一夜情's, with the weather or what it lets a farmer or a walker do,
 * within `near` characters of the form), 原胶 (raw glue or rubber, with glue, binding or the brand used: 援交's), 援教
 * (teaching sent as aid: 援交's), 月抛 (contact lenses worn a month: 约炮's, with
 * lenses, their wear, wearing them (`戴`, not `戴套`) or the eyes), 日转 before 夜 (from day into night,
 * as stored power is used: 日赚's), 色清 near a dish or a drink tasted and going on as a tasting note (its colour
 * clear, 色 ending the dish's or drink's 汤色, 茶色, 酒色: `汤色清味醇`, not `色清视频`; 色情's).
 */
const EVERYDAY_SENSES: ReadonlyMap<string, { words?: RegExp; next?: RegExp; before?: RegExp; near?: number }> = new Map(
  [
    ['约跑', { words: /跑步|晨跑|夜跑|跑团|公里|配速|马拉松|半马|全马|操场|绿道|接龙|集合|打卡/u }],
    [
      '春货',
      {
        words:
          /上新|上架|[到发补备进订囤退验]货|货[单品架款源]|到仓|到店|新品|新款|现货|陈列|选购|样品|一批|批发|清仓|春装|春季/u,
      },
    ],
    [
      '一夜晴',
      {
        words:
          /(?<!云)雨|雪(?!白)|霜|台风|天气|阴天|放晴|晴天|多云|降温|升温|气温|雾霾|出太阳|太阳|阳光|下种|播种|插秧|育苗|施肥|打药|收割|晒(?:谷|粮|被|衣|场)|晾晒|晾衣|菜地|庄稼|地里|田里|出游|踏青|郊游|露营|星空|月亮/u,
        near: 8,
      },
    ],
    [
      '原胶',
      {
        words:
          /胶装|胶水|胶[辊层]|粘|黏|涂胶|热熔|橡胶|乳胶|天然胶|装订|印刷|包装|牌子|用量|配方|固化|[涨降]价|[到进备囤缺]货|采购|每吨|一吨/u,
      },
    ],
    ['援教', { words: /老师|教师|支教|学校|课程|教学|任教|山区|西部|乡村|援疆|援藏/u }],
    ['月抛', { words: /眼镜|隐形|美瞳|镜片|[日周季年]抛|半年抛|护理液|度数|近视|散光|验光|视力|眼睛|眼干|戴(?!套)/u }],
    ['日转', { next: /^[夜晚]/u }],
    [
      '色清',
      {
        words: /汤|茶|酒|菜|粥|羹|醋|酱|口感|入口|味|香|醇|鲜|甘|喝|尝/u,
        next: /^(?:[味香气亮澈透而且]|[，,。！!；;、\s]|$)/u,
        before: /[汤茶酒菜粥羹醋酱油水汁]$/u,
        near: 6,
      },
    ],
  ],
)

/**
 * Words of an offer of company or of a contact: then the form is the term, whatever else the message is about
 * (`下雨天寂寞，一夜晴了解下`, `约跑打卡，可包夜`, `一夜晴，月亮很圆，来开房`).
 */
const OFFER_WORDS =
  /同城|寂寞|懂的|私聊|私我|私信|私发|包夜|上门|可约|约吗|了解一?下|加我|加微|颜值|妹子|小妹|美女|帅哥|兼职|日结|开房|陪玩|空降|酒店|[\d一二两三四五六七八九十百千万][百千万]?[块元]/u

/**
 * A person or a service of the trade right after the form: `原胶少妇`, `原胶服务`, `约跑妹子` (not `春货女装`); rev2.
 */
const SERVED_AFTER = /^(?:服务|妹|女(?![装鞋款式包])|少妇|人妻|学生|学妹|小姐|美女|萝莉|嫩模|外围|包夜|上门)/u

/** Someone the form is said of, just before it: `你个`, `真是`, `他就是`. */
const SAID_OF = /(?:[你他她个]|真是|就是)$/u

/**
 * True for a homophone or toneless form that is an everyday word (see EVERYDAY_SENSES) in a message with the
 * words of what that word names, said of no one, and no offer of company or contact: `周六早上约跑的在群里接龙`,
 * `春货上新，连衣裙到了一批`, `昨晚下了一夜雨，今早一夜晴`, `她去山区援教半年`, `隐形眼镜有日抛和月抛`, `光伏板白天充电，日转夜用`.
 * `同城约跑，颜值高`, `原胶少妇，黏人` (see SERVED_AFTER), `你个春货`, `真是个春货，发货都能发错`, `寂寞吗，一夜晴了解下`, `援教妹子可上门` and
 * `在家日转三百` stay hits, as does a message that still pitches (see stillPitches) or names the weather far from the
 * form (`一夜晴 出游 陪玩`).
 */
export function namesEverydayThing(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!SOUND_KINDS.has(c.kind) || c.form === undefined) return false
  const sense = EVERYDAY_SENSES.get(c.form)
  if (
    sense === undefined ||
    OFFER_WORDS.test(text) ||
    SERVED_AFTER.test(text.slice(c.end)) ||
    SAID_OF.test(text.slice(Math.max(0, c.start - 2), c.start))
  )
    return false
  const about = sense.near === undefined ? text : text.slice(Math.max(0, c.start - sense.near), c.end + sense.near)
  return (
    (sense.words?.test(about) ?? true) &&
    (sense.next?.test(text.slice(c.end)) ?? true) &&
    (sense.before?.test(text.slice(0, c.start)) ?? true) &&
    !stillPitches(text, c, allowDomains)
  )
}

/** A term that ends in a medium's noun: 成人视频, 小电影. */
const MEDIUM_TERM = /(?:视频|电影)$/u
/** A film's term (小电影): the making senses below may clear it; a video's (成人视频) only a lesson's noun. */
const FILM_TERM = /电影$/u
/** A lesson's noun after the medium: `视频课程`, `视频教程`, `视频讲座`. */
const LESSON_COMPOUND = /^(?:课程|课|教程|教学|讲座|培训)/u
/**
 * What else makes one noun of a film with what follows it: a making or a school's task (`电影配音`, `电影作业`), a
 * contest or a festival (`电影节`).
 */
const FILM_COMPOUND = /^(?:面试|会议|配音|剪辑|拍摄|制作|作业|比赛|大赛|展映|节)/u
/** Words of a lesson or of making a film in the message: the medium is the pupils' or the makers' work. */
const MAKING_WORDS = /作业|配音|课堂|上课|班会|班级|比赛|剪辑|剪好|剪完|拍摄|拍了|拍个|拍一|制作|毕业|字幕|剧本|台词/u
/** An occasion a film is made of, just before the term: `婚礼小电影`, `年会的小电影`. */
const OCCASION_BEFORE = /(?:婚礼|婚纱|年会|毕业|团建|宣传|旅行|生日|周年|开业)的?$/u
/**
 * Words that ask for the medium, hand it out, name where it is found, a contact, a price or a wink: then it is the
 * term (`小电影课程 全集`, `成人视频制作，主页有样片`).
 */
const ASKED_WORDS =
  /资源|链接|网站|网址|网盘|合集|种子|在线|免费|群|私|加我|发我|求|打包|看片|福利|有没有|谁有|懂的|懂得|联系|电话|微信|[vV]信|主页|简介|扣1|想看|全集|样片|价格|同城|约[吗我炮]/u

/**
 * True for a term that ends in a medium's noun (MEDIUM_TERM) before a lesson's noun (`成人视频课程`: adults' video
 * course), or a film's term (小电影) that makes one word with a making's noun (`小电影配音`), after an occasion it
 * films (`婚礼小电影`), or in a message about a lesson or the making of a film (MAKING_WORDS: `配音作业是一段英文
 * 小电影`), with nothing asked for or handed out and the message not pitching (see stillPitches): the everyday
 * medium, not the term. `成人视频课程资源加我`, `成人视频拍摄`, `小电影链接私我` and `婚礼小电影 同城约` stay hits.
 */
export function namesEverydayMedium(text: string, c: Candidate, allowDomains: readonly string[] = []): boolean {
  if (!MEDIUM_TERM.test(c.term) || ASKED_WORDS.test(text) || stillPitches(text, c, allowDomains)) return false
  const next = text.slice(c.end, c.end + 2)
  if (LESSON_COMPOUND.test(next)) return true
  return (
    FILM_TERM.test(c.term) &&
    (FILM_COMPOUND.test(next) ||
      OCCASION_BEFORE.test(text.slice(Math.max(0, c.start - 3), c.start)) ||
      MAKING_WORDS.test(text))
  )
}
