/**
 * What a speaker offers of their own beside a rule or a report that would clear a hit (issue #22, rev45): their own
 * trade or goods, an invitation to who wants it, a secret's value told. Asked by secret-guard.ts,
 * talked-about-verdicts.ts and talked-about-examples.ts, whose clean shapes warn of what someone else posts.
 */

/**
 * The speaker's own trade or goods (`我这边代充八折`, `我这资源更多`, `我有更好的`, `我做代理的`, `价格优惠`), an
 * invitation to who wants it (`有需要的来拿`, `想知道的私下问`, `出价高的可以聊`, `出钱就能看`, `来领`) or a secret's
 * value told (`进价就二十五`), its stash or its trade (`我那有高清的`, `最新名单在我这`, `我认识几个妹子`,
 * `按25拿货`) or a discount (`代充八折`). Not `不需要的直接删`.
 */
const OWN_OFFER = new RegExp(
  [
    '我(?:这边|这里|这儿|这)(?:也|还)?有?(?:代[充购练办开]|资源|平台|渠道|货源|内部|更好|更全|更多|更便宜|便宜|优惠|正规|靠谱)',
    '我(?:这)?(?:也|还)?有更(?:好|全|多|便宜|靠谱|正规)',
    '我那(?:边|里|儿)?(?:也|还)?有',
    '在我(?:这|那|手上|手里|手头)',
    '我认识(?:几个|一些|很多|不少)?(?:妹子|美女|小姐姐|学生|渠道|代理)',
    '拿货',
    '[0-9一二三四五六七八九](?:\\.[0-9])?折(?![扣叠腾])',
    '我(?:是)?(?:做|当)(?:代理|代充|代购|上线)',
    '(?:价格|价钱)(?:优惠|美丽|好说|可谈|实惠)',
    '(?<!不)(?:有?需要|想要|要|想看|想知道|想玩|想买|想做)的(?:话)?(?:来|私下|可以|找|进来|跟|直接)',
    '出(?:价|钱)(?:高|就|的)',
    '来(?:领|拿|要)(?![了过])',
    '都有份',
    '(?:进价|进货价|成本价?|底价|出厂价)(?:就|才|只有|只要|是|为)?[0-9零一二两三四五六七八九十百千]+',
  ].join('|'),
  'u',
)

/**
 * True if the message offers something of the speaker's own (see OWN_OFFER) before or after the hit, or its list, from
 * `from` to `to`, left out (`我这有正规平台，对方发的那个，是个网赌平台，千万别点`).
 */
export function offersOwn(text: string, from: number, to: number): boolean {
  return OWN_OFFER.test(`${text.slice(0, from)}　${text.slice(to)}`)
}
