import type { YAMLError, YAMLWarning } from 'yaml'
import { yamlErrorText } from '../../../bot/config/yaml-errors.js'
import { problemAt } from './dictionary-draft.js'
import type { DictionaryProblem } from './dictionary-error.js'
import type { DictionaryWarning } from './dictionary-warning.js'
import type { YamlLocator } from './yaml-locator.js'

/** YAML syntax errors reported per file (the first ones; the rest usually follow from them). */
const SHOWN_SYNTAX_ERRORS = 3

/**
 * The problems of a file's YAML syntax errors, Chinese first as check-config says them: the first few at their
 * lines, then one line without a line number that stands for the rest (its `count`).
 */
export function syntaxProblems(errors: readonly YAMLError[], locator: YamlLocator): DictionaryProblem[] {
  const shown = errors.slice(0, SHOWN_SYNTAX_ERRORS).map(error => {
    const code = error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax'
    return problemAt(locator.placeAt(error.pos[0]), code, yamlErrorText(error))
  })
  const more = errors.length - shown.length
  if (more <= 0) return shown
  const message = `后面还有 ${more} 个语法错误，多半由第一个引起：改好第一个再检查（${more} more syntax errors, most likely caused by the first: fix it and check again）`
  return [...shown, { code: 'syntax', file: locator.file, count: more, message }]
}

/** The YAML parser's warnings of a file (an unknown tag), at their places, Chinese first. */
export function yamlWarnings(warnings: readonly YAMLWarning[], locator: YamlLocator): DictionaryWarning[] {
  return warnings.map(w => {
    const zh = w.code === 'TAG_RESOLVE_FAILED' ? '不认识的 YAML 标签（! 开头），这个值按普通文本读取' : 'YAML 提示'
    return { code: 'yaml', ...locator.placeAt(w.pos[0]), message: `${zh}（${w.message}）` }
  })
}
