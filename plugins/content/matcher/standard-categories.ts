import type { ExpansionKind } from './expand.js'

/** What a standard category expands into and which words confirm its short initials. */
export interface StandardCategory {
  expand: readonly ExpansionKind[]
  /** Words that confirm an initials hit of two or three letters (see CategoryRule.context). */
  context?: readonly string[]
}

/** Every kind but toneless: initials are review-only under the default `act`. */
const WITH_INITIALS: readonly ExpansionKind[] = ['pinyin', 'initials', 'homophone', 'split', 'lookalike']

/**
 * The company rule categories (porn, gambling, ads, contact solicitation, insults, defamation, leaks,
 * false advertising, private deals) as a dictionary gets them when it names one of these keys and leaves
 * `expand` or `context` unset: initials on (review-only unless `act` lists them), short initials gated by
 * context words where they are everyday codes (`BJL` a contract party, `SSC` a shared-service centre, `sd` a
 * memory card, `cbj` a tender's field), toneless homophones for porn only (瑟琴 for 色情; the other
 * categories' toneless forms are everyday words). Measured on eval-v2 and every held-out sample
 * (docs/plugins/content-evasions.md); a dictionary's own `expand` and `context` replace these.
 */
export const STANDARD_CATEGORIES: Readonly<Record<string, StandardCategory>> = {
  porn: { expand: ['pinyin', 'initials', 'homophone', 'toneless', 'split', 'lookalike'] },
  gambling: {
    expand: WITH_INITIALS,
    // A draw, a deposit, a football line: 每期 with heldout-blind7's rows in view, 首存/提款/出款/流水 with
    // heldout-blind8's, 让球/大小球/亚盘 with heldout-blind11's.
    context: [
      '真人',
      '充值',
      '一期',
      '每期',
      '计划',
      '稳赚',
      '台子',
      '开奖',
      '彩金',
      '返水',
      '赔率',
      '盘口',
      '带你飞',
      '上岸',
      '回血',
      '包赢',
      '特码',
      '跟单',
      '庄闲',
      '首存',
      '提款',
      '出款',
      '流水',
      '让球',
      '大小球',
      '亚盘',
      // A casino's table, a parlay, a sure win, every draw, credits bought and cashed, a sure number, the bank
      // (initrec, issue #22; 上分/下分/必中/包中/庄家 beside other gambling hits in eight samples).
      '荷官',
      '串子',
      '稳赢',
      '期期',
      '上分',
      '下分',
      '上下分',
      '必中',
      '包中',
      '庄家',
      // A number that hits the special draw (一码中特, 中特码: b19fix, issue #22).
      '中特',
      // The first top-up's bonus, as 首存 the first deposit's (首充翻倍, 首充送: b22rec, issue #22).
      '首充',
      // A table opened for play, as a casino's or a card den's (bjl 开台: fname2, issue #22).
      '开台',
      // Bets led for followers, the other side of 跟单 (ssc带单群: f5051, issue #22).
      '带单',
    ],
  },
  ad: { expand: WITH_INITIALS },
  contact: { expand: WITH_INITIALS },
  insult: { expand: WITH_INITIALS },
  defamation: { expand: WITH_INITIALS },
  confidential: {
    expand: WITH_INITIALS,
    // 别截图 and 别说是我 hush a leak as 别发 does (initrec, issue #22); 私发, sent privately, does too (frec), and
    // so do a list sent by direct message and a cover story for the customer (私信你, 就说是: f42, issue #22), and
    // a hush on passing it on (别转给, 不要转给, 别转发, 不要转发: f49, issue #22).
    context: [
      '外传',
      '外泄',
      '泄露',
      '保密',
      '机密',
      '内部',
      '删掉',
      '别发',
      '别截图',
      '别说是我',
      '私发',
      '私信你',
      '就说是',
      '别转给',
      '不要转给',
      '别转发',
      '不要转发',
    ],
  },
  false_ad: { expand: WITH_INITIALS },
  private_deal: {
    expand: WITH_INITIALS,
    context: ['私下', '走账', '私账', '个人账户', '转账', '系统', '开票', '现金', '回扣', '便宜'],
  },
}
