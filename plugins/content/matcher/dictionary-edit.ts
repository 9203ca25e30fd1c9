import { readFileSync, writeFileSync } from 'node:fs'
import { isSeq, parseDocument, type Document } from 'yaml'
import { yamlErrorText } from '../../../bot/config/yaml-errors.js'
import { type ListChange, spliceChanges } from './yaml-splice.js'

/** What an admin edit does: add a term, remove a term (or an allowed phrase), allow a phrase. */
export type DictionaryEditOp = 'add' | 'remove' | 'allow'

/** One edit of one dictionary file. */
export interface DictionaryEdit {
  op: DictionaryEditOp
  category: string
  word: string
}

/** The result of editing one file: the text before (to undo) and whether anything changed. */
export interface FileEdit {
  file: string
  before: string
  changed: boolean
}

const CATEGORY_KEY = /^[A-Za-z0-9_-]+$/

/**
 * The category id a word names: the id itself, or the one category whose Chinese label holds it (`广告` → `ad` when
 * only `无关商业广告` holds it); else the word unchanged (refused with the categories listed).
 */
export function categoryByLabel(word: string, categories: Record<string, { label: string }>): string {
  if (categories[word]) return word
  const named = Object.entries(categories).filter(([, c]) => c.label.includes(word))
  return named.length === 1 ? named[0][0] : word
}

/** Why an edit cannot be made at all (before any file is read), or null. */
export function editProblem(edit: DictionaryEdit): string | null {
  if (!CATEGORY_KEY.test(edit.category)) return `类别名「${edit.category}」只能用字母、数字、_ 和 -`
  if (edit.word.trim() === '') return '词不能为空'
  if (edit.word.length > 100) return '词太长（最多 100 个字符）'
  return null
}

/** What one file gets: a user's edit, or `disable` (a shipped word switched off in the company file). */
export type FileEditOp = DictionaryEditOp | 'disable'

/** One file's part of an edit. */
export interface FileChange {
  file: string
  op: FileEditOp
}

/**
 * Which file gets what for an edit of the merged `files` (the `shipped` one is never written): added terms and
 * allowed phrases go to the last other file; a removed word leaves every other file that lists it, and a word the
 * shipped file lists is switched off in the last other file (`disable`). A string when nothing can be written:
 * `notListed` (no file has the word) or `noCompanyFile` (only the shipped file).
 */
export function planEdit(
  files: string[],
  shipped: (file: string) => boolean,
  edit: DictionaryEdit,
): FileChange[] | 'notListed' | 'noCompanyFile' {
  const company = files.filter(f => !shipped(f))
  const last = company.at(-1)
  if (edit.op !== 'remove') return last ? [{ file: last, op: edit.op }] : 'noCompanyFile'
  const changes: FileChange[] = company
    .filter(f => fileHasWord(f, edit.category, edit.word))
    .map(file => ({ file, op: 'remove' }))
  const inShipped = files.some(f => shipped(f) && fileHasWord(f, edit.category, edit.word))
  if (inShipped && !last) return 'noCompanyFile'
  if (inShipped && last) changes.push({ file: last, op: 'disable' })
  return changes.length > 0 ? changes : 'notListed'
}

/**
 * Applies one file's part of an edit in place, keeping its comments and layout (YAML document API):
 * `add` appends to `categories.<c>.terms` (and takes the word out of the file's `slang` and `disable`: a word the
 * file disabled is only switched on again), `allow` to `categories.<c>.allow`, `disable` to
 * `categories.<c>.disable` (creating the list or the category when missing); `remove` deletes the word from the
 * file's terms, slang and allowed phrases. Returns the previous text.
 */
export function editDictionaryFile(file: string, edit: DictionaryEdit, op: FileEditOp = edit.op): FileEdit {
  const before = readFileSync(file, 'utf8')
  const doc = parseDocument(before)
  if (doc.errors.length > 0)
    throw new Error(`${file}:${doc.errors[0].linePos?.[0].line ?? '?'}: ${yamlErrorText(doc.errors[0])}`)
  const word = edit.word.trim()
  const changes =
    op === 'remove' ? removeWord(doc, edit.category, word, WORD_LISTS) : addWord(doc, edit.category, op, word)
  if (changes.length === 0) return { file, before, changed: false }
  // Only the edited lists change: the rest of the text stays as written (the whole document is rendered anew
  // only when a list had to be created).
  const spliced = spliceChanges(before, changes, doc.toJS())
  writeFileSync(file, spliced ?? doc.toString({ lineWidth: 0, flowCollectionPadding: false }))
  return { file, before, changed: true }
}

/** Puts the files back as they were (when the edited dictionary does not load), the last edit first. */
export function undoEdits(edits: FileEdit[]): void {
  for (const edit of [...edits].reverse()) if (edit.changed) writeFileSync(edit.file, edit.before)
}

/** The lists of a category that hold words an edit may take out. */
const WORD_LISTS = ['terms', 'slang', 'allow']

/** True if a dictionary file lists the word as a term, slang or allowed phrase of the category. */
export function fileHasWord(file: string, category: string, word: string): boolean {
  const doc = parseDocument(readFileSync(file, 'utf8'))
  return WORD_LISTS.some(list => listOf(doc, category, list).includes(word.trim()))
}

function addWord(doc: Document, category: string, op: Exclude<FileEditOp, 'remove'>, word: string): ListChange[] {
  const enabled = op === 'add' ? removeWord(doc, category, word, ['disable']) : []
  if (enabled.length > 0) return enabled
  const cleared = op === 'add' ? removeWord(doc, category, word, ['slang']) : []
  const list = op === 'add' ? 'terms' : op
  if (listOf(doc, category, list).includes(word)) return cleared
  const path = ['categories', category, list]
  if (isSeq(doc.getIn(path))) doc.addIn(path, word)
  else doc.setIn(path, doc.createNode([word], { flow: true }))
  return [...cleared, { path, word, add: true }]
}

function removeWord(doc: Document, category: string, word: string, lists: string[]): ListChange[] {
  const changes: ListChange[] = []
  for (const list of lists) {
    const index = listOf(doc, category, list).indexOf(word)
    if (index < 0) continue
    doc.deleteIn(['categories', category, list, index])
    changes.push({ path: ['categories', category, list], word, add: false })
  }
  return changes
}

/** The strings of `categories.<category>.<list>` (empty when absent). */
function listOf(doc: Document, category: string, list: string): string[] {
  const node = doc.getIn(['categories', category, list])
  return isSeq(node) ? node.items.map(item => String((item as { value?: unknown }).value ?? item)) : []
}
