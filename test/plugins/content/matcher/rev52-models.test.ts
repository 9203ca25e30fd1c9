import { describe, it } from 'vitest'
import { cleanInBoth, flaggedInBoth } from './eval-helpers.js'

/**
 * The leak rev52 closed on f52's branch (issue #22): a site's bare host written like a product's model (namesModel of
 * link-named.ts). Sentences of our own, by shape.
 */
describe('sites written like models (issue #22, rev52)', () => {
  it('reads a model-shaped host as a site without talk of goods, or after an address word or a visit', () => {
    flaggedInBoth('link', [
      'Av99.Pro',
      '最新地址 Av99.Pro',
      '网址：Av99.Pro',
      '换域名了 Bjl88.Pro',
      '收藏 Hg88.Pro 不迷路',
      '复制 Av99.Pro 到浏览器',
      '在 Av99.Pro 看',
    ])
    cleanInBoth(['客户要的是 K20.Pro 还是 K20.Max？', 'Mate60.Pro 到货了，先给老客户留两台', 'X9.PRO 今天降价了'])
  })
})
