import { defineCli, UsageError } from '../../../bot/cli/args.js'
import { UserFileError, userFile } from '../../../bot/config/user-file.js'
import { DICTIONARY_FILE, missingDefaultHint } from './check-command.js'
import {
  type DictionaryEditOp,
  editDictionaryFile,
  editProblem,
  fileHasWord,
  newWarnings,
  undoEdit,
} from '../matcher/dictionary-edit.js'
import { allowProblem } from '../assess/allow-phrase.js'
import { compileMatcher, loadDictionaryFiles } from '../matcher/index.js'
import { dictionaryEditText } from '../texts.js'

const CLI = defineCli({
  usage:
    'usage: dictionary add|remove|allow --dictionary FILE [--dictionary FILE2 ...] <category> <word>\n' +
    '  add and allow write into the last FILE; remove takes the word out of every FILE that lists it',
  options: { dictionary: { type: 'string', multiple: true } },
  positionals: { min: 1, max: 100, name: 'add|remove|allow' },
})
const OPS: Record<string, DictionaryEditOp> = { add: 'add', remove: 'remove', allow: 'allow' }

/**
 * `dictionary add|remove|allow --dictionary F... <category> <word>`: the chat command `#词库 添加|删除|允许`
 * for the command line. The files keep their comments; when the edited files no longer load, they are
 * put back and the problems printed. A running bot picks the change up by its file watcher.
 */
export async function runDictionaryEdit(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const parsed = CLI.parse(argv)
  if (parsed instanceof UsageError) return parsed.report(err)
  const [opName, category, ...words] = parsed.positionals
  const op = OPS[opName]
  const files = parsed.values.dictionary ?? []
  if (!op) return CLI.error(`unknown edit ${opName}`).report(err)
  if (category === undefined || words.length === 0)
    return CLI.error(`missing ${category === undefined ? '<category> <word>' : '<word>'}`).report(err)
  if (files.length === 0) return CLI.error('--dictionary is required').report(err)
  try {
    for (const file of files) userFile(file, DICTIONARY_FILE)
  } catch (e) {
    if (e instanceof UserFileError) return e.report(err)
    throw e
  }
  const word = words.join(' ')
  const problem = editProblem({ op, category, word })
  if (problem) {
    err.write(`${problem}\n`)
    return 1
  }
  // The category must exist before anything is written: the same refusal as `#词库 添加` in chat.
  let loaded: ReturnType<typeof loadDictionaryFiles>
  try {
    loaded = loadDictionaryFiles(files)
  } catch (error) {
    const message = (error as Error).message
    err.write(`not changed, the dictionary does not load:\n${message}\n${missingDefaultHint(files, message)}`)
    return 1
  }
  const categories = Object.keys(loaded.dictionary.categories)
  if (!categories.includes(category)) {
    const known = Object.entries(loaded.dictionary.categories).map(([id, c]) => ({ id, label: c.label }))
    err.write(`${dictionaryEditText.unknownCategory(category, known)}\n`)
    return 1
  }
  // The same refusal as `#词库 允许`: an allowed phrase that would switch a term off.
  const refused = op === 'allow' ? allowProblem(word.trim(), category, compileMatcher(loaded.dictionary)) : undefined
  if (refused) {
    err.write(`${dictionaryEditText.notAllowed({ op, category, word }, refused, '#')}\n`)
    return 1
  }
  const targets = op === 'remove' ? files.filter(f => fileHasWord(f, category, word)) : files.slice(-1)
  if (targets.length === 0) {
    err.write(`"${word}" is not listed in category ${category}\n`)
    return 1
  }
  const edits = targets.map(f => editDictionaryFile(f, { op, category, word }))
  let warnings: string[]
  try {
    const edited = loadDictionaryFiles(files)
    compileMatcher(edited.dictionary)
    warnings = newWarnings(loaded.warnings, edited.warnings)
  } catch (error) {
    for (const e of edits) undoEdit(e)
    const message = (error as Error).message
    err.write(`not changed, the edited dictionary does not load:\n${message}\n${missingDefaultHint(files, message)}`)
    return 1
  }
  const changed = edits.filter(e => e.changed).map(e => e.file)
  out.write(changed.length ? `${op} ${category} ${word}: written to ${changed.join(', ')}\n` : 'nothing to change\n')
  for (const w of warnings) out.write(`warning: ${w}\n`)
  return 0
}
