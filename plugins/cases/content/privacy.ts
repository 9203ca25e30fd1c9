import type { CasesConfig, PrivacyConfig } from '../config.js'

/** Replaces contact details in text; the identity function when masking is off. */
export type Masker = (text: string) => string

const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g
const LANDLINE = /(?<!\d)(0\d{2,3})[\s-](\d{7,8})(?!\d)/g
const WXID = /wxid_[A-Za-z0-9_-]+/gi
const LABELLED_WECHAT =
  /((?<![A-Za-z])(?:微信号?|[Vv][Xx]|[Ww][Xx]|[Vv]信|薇信|威信|weixin|wechat)\s*(?:号)?\s*[:：]?\s*)([A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])/g

/**
 * Build the masker for a privacy config: mobiles keep their first three and
 * last four digits (`138****8001`), landlines keep the area code, WeChat ids
 * become `***`, extra patterns are replaced whole. Throws on an invalid regex.
 */
export function compileMasker(cfg: PrivacyConfig): Masker {
  const extra = cfg.extraPatterns.map((p, i) => {
    try {
      return new RegExp(p, 'gu')
    } catch (e) {
      throw new Error(
        `cases.privacy.extraPatterns[${i}] 不是有效的正则 (invalid regex "${p}"): ${(e as Error).message}`,
      )
    }
  })
  return text => {
    let out = text
    if (cfg.maskWechatIds) out = out.replace(WXID, 'wxid_***').replace(LABELLED_WECHAT, '$1***')
    if (cfg.maskPhones) out = out.replace(MOBILE, '$1****$3').replace(LANDLINE, '$1-****')
    for (const re of extra) out = out.replace(re, '***')
    return out
  }
}

/** A masker cache keyed by config section object (compiled once per section). */
export function maskerCache(): (cfg: CasesConfig) => Masker {
  const cache = new WeakMap<CasesConfig, Masker>()
  return cfg => {
    let m = cache.get(cfg)
    if (!m) {
      m = compileMasker(cfg.privacy)
      cache.set(cfg, m)
    }
    return m
  }
}
