import type { Match, MatchKind } from './types.js'

/** The Chinese name of each way a match was found, as admins read it in `#词库 测试`. */
export const MATCH_KIND_LABEL: Record<MatchKind, string> = {
  exact: '原词',
  normalised: '规范化',
  pinyin: '拼音',
  initials: '首字母',
  homophone: '谐音',
  toneless: '异调谐音',
  split: '拆字',
  lookalike: '形近字',
  pattern: '正则',
  link: '链接',
}

/** How a term match was found, for the dictionary author: "拼音 shabi → 傻逼", "原词 傻逼". */
export function describeMatchKind(m: Pick<Match, 'kind' | 'term' | 'form'>): string {
  const label = MATCH_KIND_LABEL[m.kind]
  return m.form !== undefined ? `${label} ${m.form} → ${m.term}` : `${label} ${m.term}`
}
