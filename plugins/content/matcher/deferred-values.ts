/**
 * A value given after all: a rule that defers a secret value to a source (`以我说的为准`, see KEPT_BACK of
 * talked-about-bans.ts) clears the hit only while the message gives no figure after it.
 */

/**
 * A later clause that is only a figure, maybe counted in a measure word or a currency: `，三十一箱`, `，45`,
 * `：二十八块`, `，68一瓶`, `，1200一平`, `，大概三千五左右`. A time (`，三点开会`) is more than a figure.
 */
const FIGURE_CLAUSE =
  /[，,；;。：:]\s*(?:大概|差不多|一般|就|是|就是)?(?:[0-9]+(?:\.[0-9]+)?|[零一二三四五六七八九十两百千万]{2,})\s*(?:块钱?|元|个点|折|箱|瓶|件|个|斤|套|台|包|盒|桶|袋|支|吨)?(?:一[单份个次张套篇件台瓶箱本条斤盒包袋桶平方米吨])?(?:左右)?\s*(?:[，,；;。！!～~]|$)/u

/** True if the text after a deferred value gives a figure in a clause of its own (see FIGURE_CLAUSE). */
export function givesFigureAfter(text: string, end: number): boolean {
  return FIGURE_CLAUSE.test(text.slice(end))
}
