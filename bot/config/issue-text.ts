import type { z } from 'zod'

/** Chinese names of the value types a config field expects. */
const TYPE: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值 true/false',
  array: '列表',
  object: '键值（映射）',
  date: '日期',
  bigint: '整数',
  record: '键值（映射）',
  map: '键值（映射）',
}

/** Chinese names of a too-small/too-big value's kind. */
const UNIT: Record<string, string> = { string: '个字符', array: '项', set: '项', file: '字节' }

/**
 * The message of one zod issue for the person fixing a config file: zod's own checks (type, allowed values,
 * bounds, formats) in Chinese with zod's English after it; messages the project wrote itself (durations, cron,
 * time zones…) as they are.
 */
export function issueText(issue: z.core.$ZodIssue): string {
  // A key of a record its key schema refuses: what the key schema says (zod's own "Invalid key in record" says less).
  if (issue.code === 'invalid_key') return `键名不对：${issue.issues.map(issueText).join('；')}`
  const zh = chinese(issue)
  return zh ? `${zh}（${issue.message}）` : issue.message
}

function chinese(issue: z.core.$ZodIssue): string | undefined {
  // A message a schema wrote itself (`.regex(re, 'expected …')`) is kept as written.
  if (!/^(Invalid|Too (small|big))/.test(issue.message)) return undefined
  switch (issue.code) {
    case 'invalid_type':
      // zod keeps no input by default; its message says what it received.
      return /received undefined$/.test(issue.message) ? '缺少必填项' : `应为${TYPE[issue.expected] ?? issue.expected}`
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(v => JSON.stringify(v)).join('、')}`
    case 'too_small':
      return bound(
        issue.origin,
        Number(issue.minimum),
        issue.inclusive !== false,
        issue.exact ? '应为' : '至少',
        '大于',
      )
    case 'too_big':
      return bound(
        issue.origin,
        Number(issue.maximum),
        issue.inclusive !== false,
        issue.exact ? '应为' : '最多',
        '小于',
      )
    case 'invalid_format':
      return issue.format === 'regex' ? '格式不符合要求' : `格式不对（应为 ${issue.format}）`
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`
    default:
      return undefined
  }
}

function bound(origin: string, n: number, inclusive: boolean, atLeast: string, beyond: string): string {
  const unit = UNIT[origin]
  if (unit) return `${atLeast} ${n} ${unit}`
  return inclusive ? `${atLeast}为 ${n}` : `应${beyond} ${n}`
}
