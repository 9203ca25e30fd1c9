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
 * One YAML syntax error as `check-config` prints it: Chinese first, the parser's English in brackets
 * (`引号没有闭合…（Missing closing "quote）`), without the parser's position (the caller prints `file:line`).
 */
export function yamlErrorText(e: Pick<YAMLError, 'code' | 'message'>): string {
  const en = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  const zh = CHINESE.find(c => c.code === e.code && (!c.message || c.message.test(en)))?.zh ?? 'YAML 语法错误'
  return `${zh}（${en}）`
}
