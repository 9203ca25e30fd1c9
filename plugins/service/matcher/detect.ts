import type { ServiceConfig } from '../config.js'

/** Compiled complaint detection of one config. */
export interface Detector {
  /** The phrase or pattern that makes `text` a complaint, or undefined (none, or an allow-listed phrase). */
  match(text: string): string | undefined
}

/** Text inside quotation marks (“…”, "…", 「…」, 『…』): someone else's words, not the customer's complaint. */
const INLINE_QUOTE = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』/g

/** Build a detector from `phrases`, `patterns` and `allow` (case-insensitive); words in quotation marks do not count. */
export function detector(cfg: Pick<ServiceConfig, 'phrases' | 'patterns' | 'allow'>): Detector {
  const phrases = cfg.phrases.map(p => p.toLowerCase())
  const allow = cfg.allow.map(p => p.toLowerCase())
  const patterns = cfg.patterns.map(p => new RegExp(p, 'iu'))
  return {
    match(text) {
      const own = text.replace(INLINE_QUOTE, ' ')
      const t = own.toLowerCase()
      if (allow.some(a => t.includes(a))) return undefined
      return phrases.find(p => t.includes(p)) ?? patterns.find(r => r.test(own))?.source
    },
  }
}
