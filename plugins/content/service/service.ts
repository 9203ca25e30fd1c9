import type { Action } from '../../../bot/core/actions.js'
import type { MessageEvent } from '../../../bot/core/event.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import type { AdoptSource } from '../../../bot/fleet/gate.js'
import type { Doc, Journal } from '../../../bot/ports/store/store.js'
import { FloodTracker } from '../assess/flood.js'
import type { ContentConfig } from '../config.js'
import { DictionaryHolder } from '../dictionary/holder.js'
import { selfCheckProblems } from '../dictionary/self-check.js'
import '../facts.js'
import type { IncidentLog } from '../incidents/incident.js'
import { INCIDENTS_JOURNAL, type IncidentRecord } from '../incidents/incident-journal.js'
import type { DictionaryEdit } from '../matcher/dictionary-edit.js'
import type { DictionaryProblem, Matcher } from '../matcher/index.js'
import { MatcherCache, matcherCacheDir } from '../matcher/matcher-cache.js'
import { type ImageSource, receivedImages } from '../qr/image-source.js'
import { REVIEWS_DOC, REVIEWS_NAME, type Review, type ReviewLog } from '../state.js'
import { moveReviews } from '../review-move.js'
import { editDictionary, reloadDictionary } from './dictionary.js'
import { carryOut, decideForeignAnswers, handover, overdue } from './fleet-answers.js'
import { finishQr, onMessage } from './message-path.js'
import { incidentLogs } from './offences.js'
import type { ServiceParts } from './parts.js'
import { QrCheck } from './qr-check.js'
import { confirmReview, ignoreReview } from './review-answers.js'

export { QR_TIMER } from './qr-check.js'

/**
 * The plugin's state and per-message flow: the compiled dictionary, flood
 * windows (memory) and the incident log (store journal `content-incidents`).
 * The flow itself is in this folder's modules: the message path (`message-path.ts`), offences and incidents
 * (`offences.ts`), review answers (`review-answers.ts`, `confirmed.ts`), the fleet's answers and hand-over
 * (`fleet-answers.ts`), QR checks (`qr-check.ts`) and dictionary edits (`dictionary.ts`).
 */
export class ContentService implements ServiceParts {
  readonly holder: DictionaryHolder
  readonly flood = new FloodTracker()
  readonly incidents: Journal<IncidentLog, IncidentRecord>
  readonly reviews: Doc<ReviewLog>
  /** The other accounts' incident logs (fleet mode), by account. */
  readonly foreignIncidents = new Map<string, IncidentLog>()
  /** The other accounts' review questions and answers (fleet mode), by account. */
  readonly foreignReviews = new Map<string, ReviewLog>()
  readonly released = new Set<string>()
  readonly checking = new Set<string>()
  /** Another account's reviews changed since this account last looked for answers deciding its own questions. */
  private foreignAnswersDue = false
  private readonly qr: QrCheck
  /** The matcher's cache folder (compiled dictionaries, remembered self-checks). */
  private readonly cacheDir: string

  constructor(
    readonly ctx: PluginContext<ContentConfig>,
    images: ImageSource = receivedImages(ctx.outputDir),
  ) {
    // A reloaded dictionary that would flag the bot's own warnings is refused like a broken file.
    this.cacheDir = matcherCacheDir(ctx.outputDir)
    this.holder = new DictionaryHolder(
      ctx.configFor().dictionaries,
      () => ctx.clock.now(),
      m => this.selfCheck(m),
      new MatcherCache(this.cacheDir, line => ctx.log.warn(line)),
    )
    this.qr = new QrCheck(ctx, images)
    this.incidents = ctx.store.journal('content-incidents', INCIDENTS_JOURNAL)
    this.reviews = ctx.store.doc(REVIEWS_NAME, REVIEWS_DOC)
    // Fleet: the other accounts' incidents, listed by `#违规` here too (each account writes only its own).
    ctx.fleet.follow('content-incidents', (account, data) => {
      const parsed = INCIDENTS_JOURNAL.schema.safeParse(data)
      if (parsed.success) this.foreignIncidents.set(account, parsed.data as IncidentLog)
    })
    // Fleet: an answer given through another account decides this account's questions about the same thing.
    ctx.fleet.follow(REVIEWS_NAME, (account, data) => {
      const parsed = REVIEWS_DOC.schema.safeParse(data)
      if (!parsed.success) return
      this.foreignReviews.set(account, parsed.data as ReviewLog)
      this.foreignAnswersDue = true
    })
  }

  /** What the warning self-check finds wrong with `matcher` (a pass is remembered in the matcher's cache folder). */
  selfCheck(matcher: Matcher): DictionaryProblem[] {
    return selfCheckProblems(this.ctx.configFor(), matcher, this.cacheDir)
  }

  /** Stops the QR worker thread. */
  close(): void {
    this.qr.close()
  }

  /** An admin's dictionary edit (`#词库 添加|删除|允许`), written and hot-reloaded: see `editDictionary` in `dictionary.ts`. */
  editDictionary(asked: DictionaryEdit): { ok: boolean; text: string } {
    return editDictionary(this, asked)
  }

  /** Reload the dictionaries (file watcher, `#词库 重载`); logs the outcome. */
  reload(notify = true): ReturnType<DictionaryHolder['reload']> {
    return reloadDictionary(this.ctx, this.holder, notify)
  }

  /** Decide on one message: nothing for private chats, commands, recall notices and exempt senders. */
  onMessage(ev: MessageEvent): Action[] {
    return onMessage(this, this.qr, ev)
  }

  /** The QR codes of an image are read: findings as for a text hit (evidence: the decoded text). */
  finishQr(key: string): Promise<Action[]> {
    return finishQr(this, this.qr, key)
  }

  /**
   * Fleet: this account's open questions that an answer given through another account decides, decided as that
   * answer was (see `decideForeignAnswers` in `fleet-answers.ts`). Nothing unless another account's reviews changed
   * since the last look.
   */
  decideForeignAnswers(): Action[] {
    if (!this.foreignAnswersDue) return []
    this.foreignAnswersDue = false
    return decideForeignAnswers(this)
  }

  /**
   * Fleet, the minute job: the open questions other accounts' answers decide (when their reviews changed), and what
   * other accounts' answers left to this account as the one serving the group (`carryOut`), each looked at once.
   */
  fleetReviews(): Action[] {
    return this.foreignAnswersDue ? this.decideForeignAnswers() : carryOut(this)
  }

  /**
   * Fleet takeover of `groupId` from the down account `from`: its open questions about the group move here
   * (`moveReviews`), written in the takeover's commit. Returns how many moved.
   */
  takeReviews(groupId: string, from: AdoptSource): number {
    const theirs = from.doc(REVIEWS_NAME, REVIEWS_DOC)
    const to = this.ctx.fleet.account?.() ?? ''
    const moved = moveReviews(theirs.data, this.reviews.data, groupId, { from: from.account, to })
    if (!moved.length) return 0
    theirs.changed()
    this.reviews.changed()
    // Another account's answer may already decide a question that moved here.
    this.foreignAnswersDue = true
    return moved.length
  }

  /** Fleet: the timer after a confirmed message was left to its group's holder (see `handover` in `fleet-answers.ts`). */
  handover(key: string): Action[] {
    return handover(this, key)
  }

  /** Fleet: this account's turn to check another account's confirmed messages (see `overdue` in `fleet-answers.ts`). */
  overdue(key: string): Action[] {
    return overdue(this, key)
  }

  /** `#确认 R3`: the message is handled as an offence now, with the member's other open questions decided along. */
  confirmReview(review: Review, admin: { id: string; name: string }): { actions: Action[]; text: string } {
    return confirmReview(this, review, admin)
  }

  /** `#忽略 R3` (`#忽略 R3 允许` adds the review's phrases as allowed phrases): see `ignoreReview` in `review-answers.ts`. */
  ignoreReview(
    review: Review,
    admin: { id: string; name: string },
    allow: boolean,
  ): { actions: Action[]; text: string } {
    return ignoreReview(this, review, admin, allow)
  }

  /** Every incident log this account knows: its own (under `undefined`) and the other accounts'. */
  logs(): Map<string | undefined, IncidentLog> {
    return incidentLogs(this)
  }
}
