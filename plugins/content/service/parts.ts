import type { PluginContext } from '../../../bot/core/plugin.js'
import type { Doc, Journal } from '../../../bot/ports/store/store.js'
import type { FloodTracker } from '../assess/flood.js'
import type { ContentConfig } from '../config.js'
import type { DictionaryHolder } from '../dictionary/holder.js'
import type { IncidentLog } from '../incidents/incident.js'
import type { IncidentRecord } from '../incidents/incident-journal.js'
import type { DictionaryEdit } from '../matcher/dictionary-edit.js'
import type { ReviewLog } from '../state.js'

/**
 * What the service's modules share (the `ContentService` is one): the plugin context, the compiled dictionary,
 * the flood windows, this account's incident and review stores and the other accounts' (fleet mode).
 */
export interface ServiceParts {
  readonly ctx: PluginContext<ContentConfig>
  readonly holder: DictionaryHolder
  readonly flood: FloodTracker
  readonly incidents: Journal<IncidentLog, IncidentRecord>
  readonly reviews: Doc<ReviewLog>
  /** The other accounts' incident logs (fleet mode), by account. */
  readonly foreignIncidents: Map<string, IncidentLog>
  /** The other accounts' review questions and answers (fleet mode), by account. */
  readonly foreignReviews: Map<string, ReviewLog>
  /**
   * Fleet: the other accounts' ignored messages released here by this process (`R3@sales1|<message id>`); past 500,
   * those no `#忽略` lists any more are forgotten (`forgetReleased`).
   */
  readonly released: Set<string>
  /** Fleet: the other accounts' overdue checks this process set a timer for (`overdue:<fleet id>`). */
  readonly checking: Set<string>
  /** An admin's dictionary edit, written and hot-reloaded (see `editDictionary` in `dictionary.ts`). */
  editDictionary(asked: DictionaryEdit): { ok: boolean; text: string }
}
