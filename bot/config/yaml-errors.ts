import type { YAMLError } from 'yaml'

/** Chinese for the YAML syntax errors people make most, by error code (and, where a code has several, its message). */
const CHINESE: { code: YAMLError['code']; message?: RegExp; zh: string }[] = [
  { code: 'DUPLICATE_KEY', zh: '同一层里有重复的键（同一个设置写了两次，删掉一个）' },
  { code: 'TAB_AS_INDENT', zh: '不能用 Tab 缩进，请改用空格' },
  { code: 'MISSING_CHAR', message: /quote/, zh: '引号没有闭合（缺少结尾的 " 或 \'），错误通常在上一行' },
  { code: 'BAD_INDENT', message: /^Flow sequence/, zh: '方括号 [ ] 没有闭合，或续行缩进不够' },
  { code: 'BAD_INDENT', message: /^Flow map/, zh: '花括号 { } 没有闭合，或续行缩进不够' },
  { code: 'BAD_INDENT', zh: '缩进不对：同一层的键要用相同数量的空格对齐' },
  { code: 'BLOCK_AS_IMPLICIT_KEY', zh: '一行里有两个「键: 值」（值里有「: 」时请给值加引号）' },
  { code: 'MULTILINE_IMPLICIT_KEY', zh: '这一行缺少「键: 值」的冒号（冒号后要有空格），或上一行没有写完' },
  { code: 'BAD_DQ_ESCAPE', zh: '双引号里的反斜杠 \\ 转义无效（路径请用单引号或 /）' },
  { code: 'UNEXPECTED_TOKEN', zh: '这里有多余或位置不对的字符' },
  { code: 'MISSING_CHAR', zh: '缺少字符（括号或引号没有闭合？）' },
]

/**
 * A config key (always written in ASCII) followed by a full-width colon, typed with a Chinese input method:
 * `timezone：Asia/Shanghai`, `{ admin：[wxid_a] }`. Quoted text is left out first (a value may hold `：`).
 */
const FULL_WIDTH_COLON = /(?:^|[\s{,[])[A-Za-z_][\w.-]*\s*：/
/** The key path a schema problem names after its line (`outbox: `, `(root): `): the fix goes after it. */
const KEY_PATH = /^(?:\(root\)|[A-Za-z_$][\w$]*(?:\[\d+\]|\.[\w$]+)*): /
const QUOTED = /"(?:[^"\\]|\\.)*"|'[^']*'/g

/**
 * Each problem at a line of `file` whose key is followed by a full-width colon `：` (the parser only knows `: `)
 * gets the fix, after its key path and before what the parser or the schema made of it (`缺少字符…`,
 * `应为键值（映射）`).
 */
export function withColonHints(problems: readonly string[], file: string, text: string): string[] {
  const lines = text.split('\n')
  return problems.map(problem => {
    if (!problem.startsWith(`${file}:`)) return problem
    const rest = problem.slice(file.length + 1)
    const at = /^(\d+): /.exec(rest)
    const line = at ? lines[Number(at[1]) - 1] : undefined
    if (!at || line === undefined || !FULL_WIDTH_COLON.test(line.replace(QUOTED, '""'))) return problem
    const head = at[0].length + (KEY_PATH.exec(rest.slice(at[0].length))?.[0].length ?? 0)
    return `${file}:${rest.slice(0, head)}${COLON_FIX}${rest.slice(head)}`
  })
}

const COLON_FIX = '这一行的键后面用了中文冒号「：」，请改成英文冒号加空格「: 」；'

/**
 * One YAML syntax error as `check-config` prints it: Chinese first, the parser's English in brackets
 * (`引号没有闭合…（Missing closing "quote）`), without the parser's position (the caller prints `file:line`).
 */
export function yamlErrorText(e: Pick<YAMLError, 'code' | 'message'>): string {
  const en = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  const zh = CHINESE.find(c => c.code === e.code && (!c.message || c.message.test(en)))?.zh ?? 'YAML 语法错误'
  return `${zh}（${en}）`
}
