import { defineCli, UsageError } from '../../../bot/cli/args.js'
import { UserFileError, userFile } from '../../../bot/config/user-file.js'
import { DICTIONARY_FILE, WARNING_LEAD, dictionaryArgs, missingDefaultHint } from './check-command.js'
import { resolve } from 'node:path'
import { shipped } from '../../../bot/package-root.js'
import { BUILTIN_DEFAULT, DEFAULT_DICTIONARY, pathFrom } from '../config.js'
import {
  categoryByLabel,
  type DictionaryEdit,
  type DictionaryEditOp,
  editDictionaryFile,
  editProblem,
  type FileEditOp,
  planEdit,
  undoEdits,
} from '../matcher/dictionary-edit.js'
import { allowProblem } from '../assess/allow-phrase.js'
import {
  type DictionaryWarning,
  compileMatcher,
  loadDictionaryFiles,
  newWarnings,
  problemsOf,
  warningText,
} from '../matcher/index.js'
import { EDIT_VERB, dictionaryEditText } from '../texts.js'

const CLI = defineCli({
  usage:
    'usage: dictionary add|remove|allow --dictionary FILE [--dictionary FILE2 ...] <category> <word>\n' +
    '  builtin:default 是自带词库（the shipped dictionary）；add（添加词条）和 allow（添加允许短语）写入最后一个 FILE，\n' +
    '  从不写自带词库（into the last FILE, never the shipped one）；remove（删除）从列出这个词的每个 FILE 里删掉它，\n' +
    '  自带词库里的词在最后一个 FILE 里停用（disable）（out of every FILE that lists it; a shipped word is switched off）',
  options: { dictionary: { type: 'string', multiple: true } },
  positionals: { min: 1, max: 100, name: 'add|remove|allow' },
})
/** Only the shipped dictionary was named: on the command line the company file is a second `--dictionary`. */
const noCompanyFile = (): string =>
  `只给了自带词库，不能改它：再加一个 --dictionary 公司词库文件，如 --dictionary ${BUILTIN_DEFAULT} --dictionary company-words.yaml` +
  `（参考 ${pathFrom(process.cwd(), shipped('data/dictionaries/company-custom.example.yaml'))}）` +
  '(the shipped dictionary is never written: pass your company file as a second --dictionary)'
/**
 * What an edit did, Chinese first: the files it wrote (a shipped word switched off: the file whose disable list has
 * it), or that they already said so (chat's words).
 */
function outcomeText(edit: DictionaryEdit, written: { file: string; op: FileEditOp }[]): string {
  if (written.length === 0) return `${dictionaryEditText.unchanged(edit)}（nothing to change）`
  const what = `「${edit.word}」（${edit.category}）`
  const files = (ops: FileEditOp[]) => [...new Set(written.filter(w => ops.includes(w.op)).map(w => w.file))].join('、')
  const edited = files(['add', 'remove', 'allow'])
  const done = edited && `已${EDIT_VERB[edit.op]}${what}，写入 ${edited}`
  const disabled = files(['disable'])
  if (!disabled) return `${done}（${edit.op} ${edit.category}: written）`
  const off = `已停用自带词库的${what}：写入 ${disabled} 的 disable 列表，自带词库不改`
  return `${done ? `${done}；${off}` : off}（${edit.op} ${edit.category}: shipped term disabled）`
}
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
  const [opName, named, ...words] = parsed.positionals
  const op = OPS[opName]
  const files = dictionaryArgs(parsed.values.dictionary ?? [])
  if (!op) return CLI.error(`没有 ${opName} 这种修改，只能是 add、remove 或 allow（unknown edit）`).report(err)
  if (named === undefined || words.length === 0)
    return CLI.error(
      named === undefined ? '缺少类别和词（missing <category> <word>）' : '缺少词（missing <word>）',
    ).report(err)
  if (!Array.isArray(files)) return CLI.error(files.problem).report(err)
  if (files.length === 0) return CLI.error('缺少 --dictionary（--dictionary is required）').report(err)
  try {
    for (const file of files) userFile(file, DICTIONARY_FILE)
  } catch (e) {
    if (e instanceof UserFileError) return e.report(err)
    throw e
  }
  const word = words.join(' ')
  // The category must exist before anything is written: the same refusal as `#词库 添加` in chat.
  let loaded: ReturnType<typeof loadDictionaryFiles>
  try {
    loaded = loadDictionaryFiles(files)
  } catch (error) {
    const hint = missingDefaultHint(files, problemsOf(error))
    err.write(`未修改：词库不能加载（not changed, the dictionary does not load）\n${(error as Error).message}\n${hint}`)
    return 1
  }
  const categories = loaded.dictionary.categories
  // A Chinese label names its category as in chat (广告 → ad).
  const edit = { op, category: categoryByLabel(named, categories), word }
  if (!categories[edit.category]) {
    const known = Object.entries(categories).map(([id, c]) => ({ id, label: c.label }))
    err.write(`${dictionaryEditText.unknownCategory(named, known)}\n`)
    return 1
  }
  const problem = editProblem(edit)
  if (problem) {
    err.write(`${problem}\n`)
    return 1
  }
  // The same refusal as `#词库 允许`: an allowed phrase that would switch a term off.
  const refused =
    op === 'allow' ? allowProblem(word.trim(), edit.category, compileMatcher(loaded.dictionary)) : undefined
  if (refused) {
    err.write(`${dictionaryEditText.notAllowed(edit, refused, '#')}\n`)
    return 1
  }
  // The same files as chat: the shipped dictionary is never written (its words are switched off in the last file).
  const plan = planEdit(files, f => resolve(f) === DEFAULT_DICTIONARY, edit)
  if (typeof plan === 'string') {
    err.write(`${plan === 'noCompanyFile' ? noCompanyFile() : dictionaryEditText[plan](edit)}\n`)
    return 1
  }
  const edits = plan.map(c => editDictionaryFile(c.file, edit, c.op))
  let warnings: DictionaryWarning[]
  try {
    const edited = loadDictionaryFiles(files)
    compileMatcher(edited.dictionary)
    warnings = newWarnings(loaded.warnings, edited.warnings)
  } catch (error) {
    undoEdits(edits)
    const hint = missingDefaultHint(files, problemsOf(error))
    err.write(
      `未修改：改后的词库不能加载，已恢复原文件（not changed, the edited dictionary does not load）\n${(error as Error).message}\n${hint}`,
    )
    return 1
  }
  out.write(
    `${outcomeText(
      edit,
      plan.filter((_, i) => edits[i].changed),
    )}\n`,
  )
  for (const w of warnings) out.write(`${WARNING_LEAD}${warningText(w)}\n`)
  return 0
}
