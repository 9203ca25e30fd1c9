import { readFileSync, writeFileSync } from 'node:fs'
import { isSeq, parseDocument, type Document } from 'yaml'

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

/** Why an edit cannot be made at all (before any file is read), or null. */
export function editProblem(edit: DictionaryEdit): string | null {
  if (!CATEGORY_KEY.test(edit.category)) return `类别名「${edit.category}」只能用字母、数字、_ 和 -`
  if (edit.word.trim() === '') return '词不能为空'
  if (edit.word.length > 100) return '词太长（最多 100 个字符）'
  return null
}

/**
 * Applies an edit to a dictionary file in place, keeping its comments and layout (YAML document API):
 * `add` appends to `categories.<c>.terms`, `allow` to `categories.<c>.allow` (creating the list or the
 * category when missing), `remove` deletes the word from both lists. Returns the previous text.
 */
export function editDictionaryFile(file: string, edit: DictionaryEdit): FileEdit {
  const before = readFileSync(file, 'utf8')
  const doc = parseDocument(before)
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`)
  const word = edit.word.trim()
  const changed = edit.op === 'remove' ? removeWord(doc, edit.category, word) : addWord(doc, edit, word)
  if (changed) writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }))
  return { file, before, changed }
}

/** Puts a file back as it was (when the edited dictionary does not load). */
export function undoEdit(edit: FileEdit): void {
  if (edit.changed) writeFileSync(edit.file, edit.before)
}

/** True if a dictionary file lists the word as a term or allowed phrase of the category. */
export function fileHasWord(file: string, category: string, word: string): boolean {
  const doc = parseDocument(readFileSync(file, 'utf8'))
  return ['terms', 'allow'].some(list => listOf(doc, category, list).includes(word.trim()))
}

function addWord(doc: Document, edit: DictionaryEdit, word: string): boolean {
  const list = edit.op === 'add' ? 'terms' : 'allow'
  if (listOf(doc, edit.category, list).includes(word)) return false
  const path = ['categories', edit.category, list]
  if (isSeq(doc.getIn(path))) doc.addIn(path, word)
  else doc.setIn(path, doc.createNode([word], { flow: true }))
  return true
}

function removeWord(doc: Document, category: string, word: string): boolean {
  let changed = false
  for (const list of ['terms', 'allow']) {
    const index = listOf(doc, category, list).indexOf(word)
    if (index < 0) continue
    doc.deleteIn(['categories', category, list, index])
    changed = true
  }
  return changed
}

/** The strings of `categories.<category>.<list>` (empty when absent). */
function listOf(doc: Document, category: string, list: string): string[] {
  const node = doc.getIn(['categories', category, list])
  return isSeq(node) ? node.items.map(item => String((item as { value?: unknown }).value ?? item)) : []
}

/**
 * The warnings of the edited dictionary that it did not have before the edit (a term now in two categories):
 * compared without their `file:line` places, which an edit moves.
 */
export function newWarnings(before: string[], after: string[]): string[] {
  const unplaced = (warning: string): string => warning.replace(/:\d+\b/g, ':')
  const known = new Set(before.map(unplaced))
  return after.filter(w => !known.has(unplaced(w)))
}
