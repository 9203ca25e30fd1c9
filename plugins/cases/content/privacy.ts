import type { CasesConfig, PrivacyConfig } from '../config.js'

/** Replaces contact details in text; the identity function when masking is off. */
export type Masker = (text: string) => string

const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g
const LANDLINE = /(?<!\d)(0\d{2,3})[\s-](\d{7,8})(?!\d)/g
const WXID = /wxid_[A-Za-z0-9_-]+/gi
const LABELLED_WECHAT =
  /((?<![A-Za-z])(?:微信号?|[Vv][Xx]|[Ww][Xx]|[Vv]信|薇信|威信|weixin|wechat)\s*(?:号)?\s*[:：]?\s*)([A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])/g
/** An 18-digit resident ID: region, a 19xx/20xx birth date, sequence and check digit (15-digit ones read as order numbers). */
const ID_NUMBER =
  /(?<![\dA-Za-z])(\d{3})\d{3}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d(\d{2}[\dXx])(?![\dA-Za-z])/g
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![A-Za-z0-9-])/g

/**
 * Build the masker for a privacy config: mobiles keep their first three and
 * last four digits (`138****8001`), landlines keep the area code, ID numbers
 * their first and last three (`110************23X`), emails their domain
 * (`***@example.com`), WeChat ids become `***`, extra patterns are replaced whole. Throws on an invalid regex.
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
    if (cfg.maskEmails) out = out.replace(EMAIL, '***@$1')
    if (cfg.maskIdNumbers) out = out.replace(ID_NUMBER, '$1************$2')
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
