/** Longest accepted pattern source. */
const MAX_SOURCE_LENGTH = 500
/** Largest accepted repetition bound, e.g. {0,100}. */
const MAX_REPEAT_BOUND = 100
/** A repetition above this many times counts as heavy (alternation inside it may backtrack). */
const HEAVY_REPEAT = 10

/** What a quantifier applies to: nothing, a plain atom, or a group that just closed. */
interface Group {
  repeats: boolean
  alternates: boolean
}

/** Why a regex could be slow: in Chinese for the admin, and in English. */
export interface SlowReason {
  zh: string
  en: string
}

/**
 * A simple static check for regexes that could backtrack catastrophically. Rejects backreferences,
 * a repeated group that contains a repetition (`(a+)+`), a heavily repeated group with alternation
 * (`(a|ab)*`), bounds above 100, and more than one unbounded quantifier (`a*.*b`).
 * Returns the reason, or null when the pattern looks safe. Expects a syntactically valid source.
 */
export function slowRegexReason(source: string): SlowReason | null {
  if (source.length > MAX_SOURCE_LENGTH)
    return { zh: `超过 ${MAX_SOURCE_LENGTH} 个字符`, en: `longer than ${MAX_SOURCE_LENGTH} characters` }
  const stack: Group[] = [{ repeats: false, alternates: false }]
  let quantified: Group | 'atom' | null = null
  let unbounded = 0
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') {
      const next = source[i + 1] ?? ''
      if (/[1-9k]/.test(next)) return { zh: '用了反向引用 \\1 或 \\k<名>', en: 'uses a backreference' }
      i = source[i + 2] === '{' && /[pPu]/.test(next) ? source.indexOf('}', i) : i + 1
      quantified = 'atom'
    } else if (ch === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++
      quantified = 'atom'
    } else if (ch === '(') {
      stack.push({ repeats: false, alternates: false })
      quantified = null
    } else if (ch === ')') {
      const group = stack.pop()!
      stack[stack.length - 1].repeats ||= group.repeats
      quantified = group
    } else if (ch === '|') {
      stack[stack.length - 1].alternates = true
      quantified = null
    } else if ('*+?{'.includes(ch)) {
      const { max, length } = readQuantifier(source, i)
      i += length - 1
      if (source[i + 1] === '?') i++
      if (max === Infinity) unbounded++
      else if (max > MAX_REPEAT_BOUND)
        return {
          zh: `重复次数上限 ${max} 超过 ${MAX_REPEAT_BOUND}`,
          en: `repetition bound ${max} is above ${MAX_REPEAT_BOUND}`,
        }
      if (max > 1 && quantified !== null && quantified !== 'atom') {
        if (quantified.repeats)
          return {
            zh: '重复的组里又有重复，如 (a+)+',
            en: 'nested quantifier: a repeated group contains a repetition',
          }
        if (quantified.alternates && max > HEAVY_REPEAT)
          return { zh: '重复的组里有「|」分支，如 (a|ab)*', en: 'alternation inside a repeated group' }
      }
      if (max > 1) stack[stack.length - 1].repeats = true
      quantified = null
    } else {
      quantified = 'atom'
    }
  }
  if (unbounded > 1)
    return {
      zh: '不限次数的重复（*、+、{n,}）不止一个，请改用 {0,20} 这样的上限',
      en: 'more than one unbounded quantifier (*, +, {n,}); use bounds like {0,20}',
    }
  return null
}

/** Reads the quantifier at i: its maximum repetition and its length in characters. */
function readQuantifier(source: string, i: number): { max: number; length: number } {
  const ch = source[i]
  if (ch === '*' || ch === '+') return { max: Infinity, length: 1 }
  if (ch === '?') return { max: 1, length: 1 }
  const close = source.indexOf('}', i)
  const [min, max] = source.slice(i + 1, close).split(',')
  const upper = max === undefined ? Number(min) : max.trim() === '' ? Infinity : Number(max)
  return { max: upper, length: close - i + 1 }
}
