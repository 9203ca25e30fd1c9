import type { PluginContext } from '../../../bot/core/plugin.js'
import { allowProblem } from '../assess/allow-phrase.js'
import { type ContentConfig, DEFAULT_DICTIONARY } from '../config.js'
import type { DictionaryHolder } from '../dictionary/holder.js'
import {
  type DictionaryEdit,
  editDictionaryFile,
  editProblem,
  categoryByLabel,
  planEdit,
  undoEdits,
} from '../matcher/dictionary-edit.js'
import { newWarnings, problemText } from '../matcher/index.js'
import { forgetLearned } from '../state.js'
import { dictionaryEditText } from '../texts.js'
import type { ServiceParts } from './parts.js'

/**
 * An admin's dictionary edit (`#词库 添加|删除|允许`): written into the dictionary files (comments kept),
 * then hot-reloaded; when the edited files do not load (or the warnings would match), every file is put
 * back and the reason returned. Which file gets what is {@link planEdit}'s: a word of the shipped default
 * dictionary is removed by switching it off in the company file (`disable`), as the shipped file is never
 * written, nor is any file in the sandbox or a replay (`ctx.sandboxed`).
 */
export function editDictionary(s: ServiceParts, asked: DictionaryEdit): { ok: boolean; text: string } {
  const edit = { ...asked, category: categoryByLabel(asked.category, s.holder.matcher.dictionary.categories) }
  const problem = editProblem(edit)
  if (problem) return { ok: false, text: problem }
  // The sandbox and replays run on the real config: its dictionary files may be a running bot's.
  if (s.ctx.sandboxed) return { ok: false, text: dictionaryEditText.sandboxed }
  const dictionary = s.holder.matcher.dictionary
  if (!dictionary.categories[edit.category])
    return {
      ok: false,
      text: dictionaryEditText.unknownCategory(
        edit.category,
        Object.entries(dictionary.categories).map(([id, c]) => ({ id, label: c.label })),
      ),
    }
  const plan = planEdit(s.holder.files, f => f === DEFAULT_DICTIONARY, edit)
  if (typeof plan === 'string') return { ok: false, text: dictionaryEditText[plan](edit) }
  // An allowed phrase that would switch a term off is refused (the loader only warns about some of these).
  const notAllowed = edit.op === 'allow' ? allowProblem(edit.word.trim(), edit.category, s.holder.matcher) : undefined
  if (notAllowed) return { ok: false, text: dictionaryEditText.notAllowed(edit, notAllowed, s.ctx.commandPrefix) }
  const warned = s.holder.warnings
  const edits = plan.map(c => editDictionaryFile(c.file, edit, c.op))
  if (!edits.some(e => e.changed)) return { ok: true, text: dictionaryEditText.unchanged(edit) }
  const outcome = reloadDictionary(s.ctx, s.holder, false)
  if (!outcome.ok) {
    undoEdits(edits)
    reloadDictionary(s.ctx, s.holder, false)
    return { ok: false, text: dictionaryEditText.refused(edit, outcome.problems) }
  }
  // A phrase taken out is a false hit again: it may be suggested again (`learned` no longer holds it).
  if (edit.op === 'remove' && forgetLearned(s.reviews.data, { category: edit.category, phrase: edit.word.trim() }))
    s.reviews.changed()
  // The warnings this edit brought (a term now in two categories...) are shown, not only logged.
  const fresh = newWarnings(warned, s.holder.warnings)
  const files = [...new Set(edits.filter(e => e.changed).map(e => e.file))]
  const text = plan.some(c => c.op === 'disable')
    ? dictionaryEditText.disabled(edit, files, s.holder.version, fresh, s.ctx.commandPrefix)
    : dictionaryEditText.done(edit, files, s.holder.version, fresh)
  return { ok: true, text }
}

/** Reload the dictionaries (file watcher, `#词库 重载`); logs the outcome. */
export function reloadDictionary(
  ctx: PluginContext<ContentConfig>,
  holder: DictionaryHolder,
  notify: boolean,
): ReturnType<DictionaryHolder['reload']> {
  const outcome = holder.reload(notify)
  if (outcome.ok) ctx.log.info(`dictionary reloaded (version ${holder.version})`)
  else
    ctx.log.warn(
      `dictionary reload failed, keeping version ${holder.version}: ${outcome.problems.map(problemText).join('; ')}`,
    )
  return outcome
}
