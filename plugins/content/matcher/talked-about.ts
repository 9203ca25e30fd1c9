/**
 * A banned phrase talked about, not said: denied (`不是永久有效`, `是不是包治百病`), quoted as words not to
 * say (`别跟客户说“全网最低”`), or in a notice that warns of it (`财务提醒：任何人让你私下转账…`). These rules
 * read a few characters of the hit's clause; they run on candidates only.
 */

/** How a hit is talked about: `drop` (not said at all), `review` (a human should look), or said. */
export type TalkedAbout = 'drop' | 'review' | undefined

/** What ends a clause: the rules read the hit's clause, or its sentence. */
const CLAUSE_END = new Set('，,；;。！!？?\n')
/** What ends a sentence. */
const SENTENCE_END = new Set('。！!？?\n')

/** Negations written directly before a term deny it: `不是永久有效`, `别说全网最低`. */
const NEGATED = /(?:不是|并非|绝非|并不是|别说|不要说|不能说|不敢说|没敢说|不算)$/u
/** Who asks 是不是 reports a question (`客户问是不是包治百病`); `你是不是脑残` says it. */
const ASKED = /问|咨询|打听|想知道/u
/** After a denied term, a condition or a promise says it after all: `不是全网最低就退差价`. */
const CONDITION = /^[^，,；;。！!？?\n]*?(?:就|便|的话|退|赔)/u

/** Quotation marks, opening to closing. */
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', "'": "'" }
/** Closing marks that are no opening ones: a quotation that closes before the hit does not hold it. */
const CLOSING = new Set('”’」』')
/** At most this many characters between the quotes around a hit. */
const QUOTED_MAX = 12
/** A prohibition, then a verb of saying, in a clause: `别跟客户说`, `这种话别在群里说`. */
const NOT_TO_SAY =
  /(?:别|不要|不能|不许|不准|不得|禁止|严禁|切勿|避免)[^，,；;。！!？?\n]{0,8}?(?:说|讲|提|写|用|喊|宣传|承诺)/u
/** Words after a quotation that name it as words: `“老板是骗子”这种话`, `“第一”等极限词`. */
const NAMED_AS_WORDS = /^(?:这种话|这类话|这句话|这种词|这类词|这个词|这些词|等词|等字眼|字眼|违禁词|极限词|敏感词)/u
/** A warning before the hit in its sentence: `警方提醒：“裸聊”敲诈高发`. */
const WARNING = /提醒|提示|警惕|谨防|注意|小心|当心|警示|反诈|防骗/u
/** A verb of saying anywhere in the clause: a quotation that may be reported speech. */
const SAYING = /说|讲|提到|写|喊|称|问/u

/** Someone who asks you to do the hit's thing, in a warning: `任何人让你私下转账`. */
const ASKER =
  /(?:任何人|有人|陌生人|对方|别人|谁)[^，,；;。！!？?\n]{0,6}?(?:让|叫|要|要求|请|找)你[^，,；;。！!？?\n]{0,4}$/u
/** An impostor before the hit: what follows is the impostor's doing, not the speaker's claim. */
const IMPOSTOR = /冒充|假冒|假扮|冒用|伪装成/u
/** A warning or what to trust instead, anywhere in an impostor's sentence. */
const IMPOSTOR_WARNING = /提醒|注意|警惕|谨防|小心|当心|报警|只认|核实|以官方/u

/** How far before a hit its cue may stand (the rules read no further back than this for a quick test). */
const CUE_REACH = 24
/** A table of UTF-16 codes: 1 for a first character of a cue (see QUOTES, WARNING, IMPOSTOR), 2 for a sentence end. */
const CUE_CODES = new Uint8Array(0x10000)
for (const char of '“‘「『"\'提警谨注小当反防冒假伪') CUE_CODES[char.charCodeAt(0)] = 1
for (const char of SENTENCE_END) CUE_CODES[char.charCodeAt(0)] = 2

/**
 * True if the hit at `start` may be talked about: a negation's last character just before it, or a cue's
 * first character at most CUE_REACH characters before it in its sentence. Most hits stop here.
 */
function mayTalkAbout(text: string, start: number): boolean {
  if (endsNegation(text.charCodeAt(start - 1))) return true
  for (let at = start - 1; at >= 0 && at >= start - CUE_REACH; at--) {
    const cue = CUE_CODES[text.charCodeAt(at)]
    if (cue === 1) return true
    if (cue === 2) return false
  }
  return false
}

/** True for the code of a last character of the negations of NEGATED (是, 非, 说, 算). */
function endsNegation(code: number): boolean {
  return code === 0x662f || code === 0x975e || code === 0x8bf4 || code === 0x7b97
}

/**
 * How the hit text[start, end) is talked about (a cue at most CUE_REACH characters before it):
 * - `drop` when negated directly before (不是, 并非, 别说…; not with a condition after: `不是全网最低就退差价`;
 *   是不是 only in a reported question: `客户问是不是包治百病`, not `你是不是脑残`);
 *   when quoted with a prohibition of saying in its clause (`别跟客户说“全网最低”`) or named as words
 *   (`“老板是骗子”这种话`), or quoted after a warning in its sentence (`警方提醒：“裸聊”敲诈高发`); when a
 *   warning in its sentence reports who asks you to do it (`提醒：任何人让你私下转账`); or when it follows an
 *   impostor in a sentence that warns (`有人冒充我们公司骗人，请提醒客户`);
 * - `review` when quoted in a clause with a verb of saying and nothing more (`他说“第一品牌”`);
 * - undefined otherwise: the term is said (`不是骗子就加我vx` still finds 加我vx).
 */
export function talkedAbout(text: string, start: number, end: number): TalkedAbout {
  if (!mayTalkAbout(text, start)) return undefined
  const clauseFrom = edgeBefore(text, start, CLAUSE_END)
  const clauseTo = edgeAfter(text, end, CLAUSE_END)
  const before = text.slice(clauseFrom, start)
  const after = text.slice(end, clauseTo)
  if (NEGATED.test(before) && !CONDITION.test(after) && (!before.endsWith('是不是') || ASKED.test(before)))
    return 'drop'
  const sentenceBefore = text.slice(edgeBefore(text, start, SENTENCE_END), start)
  const quoteEnd = quotedTo(text, clauseFrom, start, end, clauseTo)
  if (quoteEnd >= 0) {
    const clause = text.slice(clauseFrom, clauseTo)
    if (NOT_TO_SAY.test(clause) || NAMED_AS_WORDS.test(text.slice(quoteEnd + 1)) || WARNING.test(sentenceBefore))
      return 'drop'
    if (SAYING.test(clause)) return 'review'
  }
  if (WARNING.test(sentenceBefore) && ASKER.test(before)) return 'drop'
  if (IMPOSTOR.test(sentenceBefore)) {
    const sentence = text.slice(edgeBefore(text, start, SENTENCE_END), edgeAfter(text, end, SENTENCE_END))
    if (IMPOSTOR_WARNING.test(sentence)) return 'drop'
  }
  return undefined
}

/**
 * The index of the closing quotation mark of a quotation in the clause that holds the hit (at most
 * QUOTED_MAX characters between the marks), or -1.
 */
function quotedTo(text: string, clauseFrom: number, start: number, end: number, clauseTo: number): number {
  for (let open = start - 1; open >= clauseFrom && start - open <= QUOTED_MAX; open--) {
    if (CLOSING.has(text[open])) return -1
    const close = QUOTES[text[open]]
    if (close === undefined) continue
    const at = text.indexOf(close, end)
    return at >= 0 && at < clauseTo && at - open - 1 <= QUOTED_MAX ? at : -1
  }
  return -1
}

/** The index where the clause or sentence holding `at` starts (just after its end mark before `at`). */
function edgeBefore(text: string, at: number, ends: ReadonlySet<string>): number {
  let from = at
  while (from > 0 && !ends.has(text[from - 1])) from--
  return from
}

/** The index of the end mark of the clause or sentence holding `at`, or the text's length. */
function edgeAfter(text: string, at: number, ends: ReadonlySet<string>): number {
  let to = at
  while (to < text.length && !ends.has(text[to])) to++
  return to
}
