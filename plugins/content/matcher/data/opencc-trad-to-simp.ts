import { Converter } from 'opencc-js/t2cn'

/** Ranges of BMP ideographs that may have a traditional form (CJK Extension A and the Unified block). */
const IDEOGRAPH_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
]

/**
 * Computes the per-character traditional -> simplified pairs with OpenCC (opencc-js, Apache 2.0 data)
 * for generate.ts, which ships them as trad-to-simp-pairs.ts: the bot never loads OpenCC itself.
 * Characters are converted one by one (joined by newlines, which no OpenCC phrase spans), so
 * phrase-level conversions are deliberately not applied: every character folds the same way everywhere.
 * Taiwan variants are tried first, then Hong Kong variants for characters the Taiwan table leaves alone,
 * then Japanese shinjitai (転 -> 转, 黒 -> 黑).
 */
export function openccTradToSimp(): Map<number, number> {
  const chars: string[] = []
  for (const [from, to] of IDEOGRAPH_RANGES) {
    for (let cp = from; cp <= to; cp++) chars.push(String.fromCodePoint(cp))
  }
  const joined = chars.join('\n')
  const fromTaiwan = Converter({ from: 'tw', to: 'cn' })(joined).split('\n')
  const fromHongKong = Converter({ from: 'hk', to: 'cn' })(joined).split('\n')
  const fromJapanese = Converter({ from: 'jp', to: 'cn' })(joined).split('\n')
  const map = new Map<number, number>()
  if ([fromTaiwan, fromHongKong, fromJapanese].some(converted => converted.length !== chars.length)) return map
  for (let i = 0; i < chars.length; i++) {
    const original = chars[i]
    const simplified = [fromTaiwan[i], fromHongKong[i], fromJapanese[i]].find(c => c !== original) ?? original
    if (simplified === original) continue
    const cp = simplified.codePointAt(0)!
    if (simplified.length === String.fromCodePoint(cp).length) map.set(original.codePointAt(0)!, cp)
  }
  return map
}
