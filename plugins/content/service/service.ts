import { asRehearsal, emit, type Action } from '../../../bot/core/actions.js'
import type { GroupRef, MessageEvent } from '../../../bot/core/event.js'
import type { PluginContext } from '../../../bot/core/plugin.js'
import type { Doc, Journal } from '../../../bot/ports/store/store.js'
import { assessMessage, isExempt, severityOf, splitDryRun } from '../assess/assess.js'
import type { ContentConfig } from '../config.js'
import { decideIncident, decideRepeat, decideSpread, type HeldReport, type IncidentInput } from '../decide.js'
import { DictionaryHolder } from '../dictionary/holder.js'
import { selfCheckProblems } from '../dictionary/self-check.js'
import { contentStrikeCount } from '../decide-escalation.js'
import '../facts.js'
import type { Finding } from '../assess/findings.js'
import { FloodTracker } from '../assess/flood.js'
import { limitReachedIn, newIncident, openIncidentFor, reached, type IncidentLog } from '../incidents/incident.js'
import { INCIDENTS_JOURNAL, type IncidentRecord } from '../incidents/incident-journal.js'
import { openForeignIncident, withFleetRepeats } from '../incidents/fleet-incidents.js'
import {
  answeredElsewhere,
  carriedElsewhere,
  carriedKey,
  fleetReviewId,
  foreignAnswers,
  HANDOVER_MS,
  type Handover,
  handedHere,
  leftMessages,
} from '../fleet-reviews.js'
import {
  decideAlong,
  decideAllow,
  decideClosed,
  decideConfirmedAgain,
  decideConfirmedReport,
  decideHandedOver,
  decideIgnore,
  decideIgnoredAgain,
  decideLeft,
  decideReview,
  decideReviewRepeat,
  decideUnserved,
  alongNote,
  HANDOVER_TIMER,
  dueSuggestion,
  splitReview,
} from '../decide-review.js'
import {
  addRepeat,
  addReview,
  answeredReviewFor,
  decidedAlong,
  findReview,
  forgetLearned,
  markLearned,
  openReviewFor,
  REVIEWS_DOC,
  type Review,
  type ReviewedMessage,
  type ReviewLog,
  REVIEW_LIMIT,
  reviewedMessages,
} from '../state.js'
import { type AllowOutcome, allowHints, allowProblem, learnedPhraseProblem } from '../assess/allow-phrase.js'
import { scopedFindings } from '../assess/message-policy.js'
import { type ImageSource, receivedImages } from '../qr/image-source.js'
import { QrImageError } from '../qr/qr-limits.js'
import { qrContentFindings } from '../qr/qr-policy.js'
import { QrReader } from '../qr/qr-reader.js'
import { DEFAULT_DICTIONARY } from '../config.js'
import type { Matcher } from '../matcher/index.js'
import { MatcherCache, matcherCacheDir } from '../matcher/matcher-cache.js'
import {
  type DictionaryEdit,
  editDictionaryFile,
  editProblem,
  newWarnings,
  categoryByLabel,
  planEdit,
  undoEdits,
} from '../matcher/dictionary-edit.js'
import {
  allowedText,
  alongText,
  confirmedAgainText,
  dictionaryEditText,
  evasionText,
  ignoredText,
  qrTimerReason,
  leftText,
  reviewAnswerText,
} from '../texts.js'

/** Timer keys of QR answers: `qr:<message id>`. */
export const QR_TIMER = 'qr:'
/** When the answer of a QR check is collected: the reader's time cap and its grace are over by then. */
const QR_ANSWER_MS = 5000

/**
 * The plugin's state and per-message flow: the compiled dictionary, flood
 * windows (memory) and the incident log (store journal `content-incidents`).
 */
export class ContentService {
  readonly holder: DictionaryHolder
  readonly flood = new FloodTracker()
  readonly incidents: Journal<IncidentLog, IncidentRecord>
  readonly reviews: Doc<ReviewLog>
  /** The other accounts' incident logs (fleet mode), by account. */
  readonly foreignIncidents = new Map<string, IncidentLog>()
  /** The other accounts' review questions and answers (fleet mode), by account. */
  readonly foreignReviews = new Map<string, ReviewLog>()
  /** Another account's reviews changed since this account last looked for answers deciding its own questions. */
  private foreignAnswersDue = false
  private readonly qr: QrReader
  /** The matcher's cache folder (compiled dictionaries, remembered self-checks). */
  private readonly cacheDir: string
  private readonly pendingQr = new Map<
    string,
    { ev: MessageEvent & { group: GroupRef }; read: Promise<string[] | QrImageError> }
  >()

  constructor(
    readonly ctx: PluginContext<ContentConfig>,
    private readonly images: ImageSource = receivedImages(ctx.outputDir),
  ) {
    // A reloaded dictionary that would flag the bot's own warnings is refused like a broken file.
    this.cacheDir = matcherCacheDir(ctx.outputDir)
    this.holder = new DictionaryHolder(
      ctx.configFor().dictionaries,
      () => ctx.clock.now(),
      m => this.selfCheck(m),
      new MatcherCache(this.cacheDir, line => ctx.log.warn(line)),
    )
    this.qr = new QrReader({ clock: ctx.clock })
    this.incidents = ctx.store.journal('content-incidents', INCIDENTS_JOURNAL)
    this.reviews = ctx.store.doc('content-reviews', REVIEWS_DOC)
    // Fleet: the other accounts' incidents, listed by `#违规` here too (each account writes only its own).
    ctx.fleet.follow('content-incidents', (account, data) => {
      const parsed = INCIDENTS_JOURNAL.schema.safeParse(data)
      if (parsed.success) this.foreignIncidents.set(account, parsed.data as IncidentLog)
    })
    // Fleet: an answer given through another account decides this account's questions about the same thing.
    ctx.fleet.follow('content-reviews', (account, data) => {
      const parsed = REVIEWS_DOC.schema.safeParse(data)
      if (!parsed.success) return
      this.foreignReviews.set(account, parsed.data as ReviewLog)
      this.foreignAnswersDue = true
    })
  }

  /** What the warning self-check finds wrong with `matcher` (a pass is remembered in the matcher's cache folder). */
  selfCheck(matcher: Matcher): string[] {
    return selfCheckProblems(this.ctx.configFor(), matcher, this.cacheDir)
  }

  /** Stops the QR worker thread. */
  close(): void {
    this.qr.close()
  }

  /**
   * An admin's dictionary edit (`#词库 添加|删除|允许`): written into the dictionary files (comments kept),
   * then hot-reloaded; when the edited files do not load (or the warnings would match), every file is put
   * back and the reason returned. Which file gets what is {@link planEdit}'s: a word of the shipped default
   * dictionary is removed by switching it off in the company file (`disable`), as the shipped file is never
   * written, nor is any file in the sandbox or a replay (`ctx.sandboxed`).
   */
  editDictionary(asked: DictionaryEdit): { ok: boolean; text: string } {
    const edit = { ...asked, category: categoryByLabel(asked.category, this.holder.matcher.dictionary.categories) }
    const problem = editProblem(edit)
    if (problem) return { ok: false, text: problem }
    // The sandbox and replays run on the real config: its dictionary files may be a running bot's.
    if (this.ctx.sandboxed) return { ok: false, text: dictionaryEditText.sandboxed }
    const dictionary = this.holder.matcher.dictionary
    if (!dictionary.categories[edit.category])
      return {
        ok: false,
        text: dictionaryEditText.unknownCategory(
          edit.category,
          Object.entries(dictionary.categories).map(([id, c]) => ({ id, label: c.label })),
        ),
      }
    const plan = planEdit(this.holder.files, f => f === DEFAULT_DICTIONARY, edit)
    if (typeof plan === 'string') return { ok: false, text: dictionaryEditText[plan](edit) }
    // An allowed phrase that would switch a term off is refused (the loader only warns about some of these).
    const notAllowed =
      edit.op === 'allow' ? allowProblem(edit.word.trim(), edit.category, this.holder.matcher) : undefined
    if (notAllowed) return { ok: false, text: dictionaryEditText.notAllowed(edit, notAllowed, this.ctx.commandPrefix) }
    const warned = this.holder.warnings
    const edits = plan.map(c => editDictionaryFile(c.file, edit, c.op))
    if (!edits.some(e => e.changed)) return { ok: true, text: dictionaryEditText.unchanged(edit) }
    const outcome = this.reload(false)
    if (!outcome.ok) {
      undoEdits(edits)
      this.reload(false)
      return { ok: false, text: dictionaryEditText.refused(edit, outcome.problems) }
    }
    // A phrase taken out is a false hit again: it may be suggested again (`learned` no longer holds it).
    if (edit.op === 'remove' && forgetLearned(this.reviews.data, { category: edit.category, phrase: edit.word.trim() }))
      this.reviews.changed()
    // The warnings this edit brought (a term now in two categories...) are shown, not only logged.
    const fresh = newWarnings(warned, this.holder.warnings)
    const files = [...new Set(edits.filter(e => e.changed).map(e => e.file))]
    const text = plan.some(c => c.op === 'disable')
      ? dictionaryEditText.disabled(edit, files, this.holder.version, fresh, this.ctx.commandPrefix)
      : dictionaryEditText.done(edit, files, this.holder.version, fresh)
    return { ok: true, text }
  }

  /** Reload the dictionaries (file watcher, `#词库 重载`); logs the outcome. */
  reload(notify = true): ReturnType<DictionaryHolder['reload']> {
    const outcome = this.holder.reload(notify)
    if (outcome.ok) this.ctx.log.info(`dictionary reloaded (version ${this.holder.version})`)
    else
      this.ctx.log.warn(
        `dictionary reload failed, keeping version ${this.holder.version}: ${outcome.problems.join('; ')}`,
      )
    return outcome
  }

  /** Decide on one message: nothing for private chats, commands, recall notices and exempt senders. */
  onMessage(ev: MessageEvent): Action[] {
    if (!ev.group || ev.command || ev.kind === 'recalled') return []
    const cfg = this.ctx.configFor(ev.group)
    if (isExempt(ev.sender, cfg)) return []
    const inGroup = ev as MessageEvent & { group: GroupRef }
    // A command the sender may not use (a customer's refused `#状态`) reaches here as their words: not off-topic
    // talk. An unknown `#…` from a customer is ordinary talk.
    const toBot = ev.isCommand === true || ev.refusedCommand === true
    const all = assessMessage(inGroup, this.holder.matcher, cfg, this.flood, () => this.answersStaff(ev), toBot)
    const qr = ev.kind === 'image' && cfg.qrCodes ? this.startQr(inGroup) : []
    if (!all.length) return qr
    return [...qr, ...this.act(inGroup, all, cfg)]
  }

  /** What the findings of one message lead to: review questions, incidents (live or dry-run), the fact. */
  private act(inGroup: MessageEvent & { group: GroupRef }, all: Finding[], cfg: ContentConfig): Action[] {
    const ev = inGroup
    // Hits of kinds their category does not let act (fuzzy ones by default) only go to the admins.
    const split = splitReview(all)
    const { review } = split
    // Unless the admins already answered about the same evasion of this member: confirmed, it acts; ignored, it rests.
    const answered = review.length ? this.answeredFor(inGroup, review) : undefined
    if (answered?.status === 'confirmed') return this.actAgain(inGroup, split.acting, review, answered, cfg)
    const findings = split.acting
    const asked = answered
      ? decideIgnoredAgain(answered, messageOf(inGroup, review), ev.sender.id, this.ctx.configFor().ignoredQuiet)
      : review.length
        ? this.askAdmins(inGroup, review)
        : []
    if (answered && !findings.length) return asked
    if (!findings.length)
      return asked.length && holds(inGroup, review, this.ctx.observing(ev.group)) ? [...asked, held(inGroup)] : asked
    // In observe mode every finding is a rehearsal: its incident is kept apart from real ones and its steps are records.
    if (this.ctx.observing(ev.group))
      return [...this.offence(inGroup, findings, cfg, true), ...asked, moderated(inGroup, findings)]
    const { live, dry } = splitDryRun(findings, cfg)
    return [
      ...this.offence(inGroup, live, cfg, false),
      ...this.offence(inGroup, dry, cfg, true),
      ...asked,
      moderated(inGroup, findings),
    ]
  }

  /**
   * The member's answered review that decides on these review-only hits (`answeredReviewFor`), if any; one made in
   * observe mode (never asked) decides nothing live, nor the other way round.
   */
  private answeredFor(ev: MessageEvent & { group: GroupRef }, findings: Finding[]): Review | undefined {
    const windowMs = this.ctx.configFor(ev.group).incidentWindow
    const quietMs = this.ctx.configFor().ignoredQuiet
    const q = { memberId: ev.sender.id, text: ev.text, findings, now: ev.at, windowMs, quietMs }
    const answered = answeredReviewFor(this.reviews.data, q) ?? this.answeredElsewhere(q)
    return answered && this.ctx.observing(groupOf(answered)) === this.ctx.observing(ev.group) ? answered : undefined
  }

  /**
   * Fleet: another account's answer deciding a new message (`answeredElsewhere`), named by its fleet id (`R3@sales1`);
   * a copy, so a repeat acted on here does not move that account's window on (only it writes its reviews).
   */
  private answeredElsewhere(q: Parameters<typeof answeredElsewhere>[1]): Review | undefined {
    const found = this.foreignReviews.size ? answeredElsewhere(this.foreignReviews, q) : undefined
    return found && { ...found.review, id: fleetReviewId(found.review, found.account) }
  }

  /**
   * Fleet: this account's open questions that an answer given through another account decides (`foreignAnswers`),
   * decided as that answer was: `#确认` handles their messages as offences (one report), `#忽略` releases them; the
   * admins are told in one line each. Nothing unless another account's reviews changed since the last look.
   */
  decideForeignAnswers(): Action[] {
    if (!this.foreignAnswersDue) return []
    this.foreignAnswersDue = false
    const windowMs = this.ctx.configFor().incidentWindow
    const hold = { windowMs, quietMs: this.ctx.configFor().ignoredQuiet }
    const answers = foreignAnswers(this.reviews.data, this.foreignReviews, hold).flatMap(
      ({ account, answered, along }) => {
        const id = fleetReviewId(answered, account)
        const named = { ...answered, id }
        const by = answered.decidedBy ?? account
        const decided = this.markAlong(along, named, by, id, answered.decidedByName)
        if (!decided.length) return []
        // One line for the questions one answer decided: who answered, so no admin answers them again.
        const told = [...decided.map(r => decideAlong(r, named, by)), alongNote(decided, named, answered.decidedByName)]
        const done =
          answered.status === 'confirmed'
            ? this.confirmedMessages(decided, id)
            : decided.flatMap(r => reviewedMessages(r).map(m => released(r, m)))
        return [...told, ...done]
      },
    )
    return [...answers, ...this.carryOut()]
  }

  /**
   * Fleet: the confirmed messages left to the holder of a group this account serves now (`handedHere`): another
   * account's (its answer came after the group moved here) or its own (the group came back), carried out here once.
   */
  carryOut(): Action[] {
    const holds = this.ctx.fleet.holds
    return holds ? handedHere(this.reviews.data, this.foreignReviews, holds).flatMap(h => this.carry(h)) : []
  }

  /** Handles confirmed messages left to this account as offences, as the account that left them would have. */
  private carry({ account, review, messages }: Handover): Action[] {
    const log = this.reviews.data
    const id = account ? fleetReviewId(review, account) : review.id
    const [first, ...rest] = messages
    if (account) {
      const carried = (log.carried ??= [])
      carried.push(...messages.map(m => carriedKey(id, m.messageId)))
      if (carried.length > REVIEW_LIMIT) carried.splice(0, carried.length - REVIEW_LIMIT)
    } else review.leftToHolder = review.leftToHolder?.filter(x => !messages.some(m => m.messageId === x))
    this.reviews.changed()
    // A copy with only these messages, named as the admins know it (`R3@sales1`): the other account's is not written.
    const copy: Review = { ...review, ...first, id, repeats: rest, leftToHolder: undefined }
    return [...decideHandedOver(id, review, messages), ...this.confirmedMessages([copy], id)]
  }

  /**
   * Fleet: the timer after a confirmed message was left to its group's holder (`HANDOVER_MS`): carried out by another
   * account (its `carried`), it is done; in a group this account serves again, carried out here; else the admins are
   * told to act by hand (audited), never dropped silently.
   */
  handover(key: string): Action[] {
    const review = findReview(this.reviews.data, key.slice(HANDOVER_TIMER.length))
    if (!review?.leftToHolder?.length) return []
    const account = this.ctx.fleet.account?.()
    const done = account ? carriedElsewhere(review, account, this.foreignReviews) : new Set<string>()
    review.leftToHolder = review.leftToHolder.filter(id => !done.has(id))
    const holds = this.ctx.fleet.holds ?? (() => true)
    const here = leftMessages(review).filter(m => holds(m.groupId))
    const carried = here.length ? this.carry({ review, messages: here }) : []
    const unserved = leftMessages(review)
    review.leftToHolder = undefined
    this.reviews.changed()
    return unserved.length ? [...carried, ...decideUnserved(review, unserved)] : carried
  }

  /**
   * The same evasion again after `#确认`: handled as an offence at once with the message's other findings (the
   * admins confirmed it), the report saying so; the confirmation then holds the window after this message.
   */
  private actAgain(
    ev: MessageEvent & { group: GroupRef },
    acting: Finding[],
    review: Finding[],
    answered: Review,
    cfg: ContentConfig,
  ): Action[] {
    const findings = [...acting, ...review]
    const note = confirmedAgainText(answered.id, evasionText(review))
    const observing = this.ctx.observing(ev.group)
    const { live, dry } = observing ? { live: [], dry: findings } : splitDryRun(findings, cfg)
    const acted = [...this.offence(ev, live, cfg, false, { note }), ...this.offence(ev, dry, cfg, true, { note })]
    answered.actedAgainAt = ev.at
    this.reviews.changed()
    const member = { id: ev.sender.id, name: this.ctx.displayName(ev.sender) }
    const told = decideConfirmedAgain(answered, messageOf(ev, review), member, acted)
    return [...acted, ...(observing ? asRehearsal(told) : told), moderated(ev, findings)]
  }

  /**
   * Starts reading the QR codes of a group image in the worker thread and sets a timer for the
   * answer: the event queue does not wait for the image.
   */
  private startQr(ev: MessageEvent & { group: GroupRef }): Action[] {
    const read = this.images
      .fetch(ev)
      .then(bytes => (bytes ? this.qr.read(bytes) : Promise.reject(new QrImageError('unsupported', 'no image bytes'))))
      .catch((e: unknown) => (e instanceof QrImageError ? e : new QrImageError('broken', String(e))))
    this.pendingQr.set(ev.id, { ev, read })
    const key = `${QR_TIMER}${ev.id}`
    return [
      {
        type: 'schedule',
        key,
        at: this.ctx.clock.now() + QR_ANSWER_MS,
        rule: 'content.qr',
        reason: qrTimerReason,
        groupId: ev.group.id,
      },
    ]
  }

  /** The QR codes of an image are read: findings as for a text hit (evidence: the decoded text). */
  async finishQr(key: string): Promise<Action[]> {
    const id = key.slice(QR_TIMER.length)
    const pending = this.pendingQr.get(id)
    this.pendingQr.delete(id)
    if (!pending) {
      this.ctx.log.warn(`QR check of image ${id} lost (restarted before it was read)`)
      return []
    }
    const result = await pending.read
    if (result instanceof QrImageError) {
      this.ctx.log.warn(`QR check skipped for image ${id}: ${result.reason} (${result.message})`)
      return []
    }
    const { ev } = pending
    const cfg = this.ctx.configFor(ev.group)
    const findings = qrContentFindings(result, this.holder.matcher, ev.group.kind)
    const kept = scopedFindings(cfg, findings, ev.group.kind, ev.sender.isStaff, () => this.answersStaff(ev))
    return kept.length ? this.act(ev, kept, cfg) : []
  }

  /**
   * True when a message answers staff: it quotes a message of someone the roster names (a quote carries the
   * sender's name only) who is staff. An @ alone is no answer: anyone can @ a staff member (`@王经理 加我微信`
   * draws customers away in front of them), so it is reviewed like any other.
   */
  private answersStaff(ev: MessageEvent): boolean {
    const isStaff = (id: string | undefined): boolean => id !== undefined && this.ctx.rolesOf(id).length > 0
    const quoted = ev.quote?.senderName
    return quoted !== undefined && this.ctx.roster.named(quoted).some(e => isStaff(e.contactId))
  }

  /**
   * Holds review-only findings for the admins (`#确认` / `#忽略`); observe mode only records them. The same hits
   * posted again within the incident window join the member's open review (one question, one answer for all).
   */
  private askAdmins(ev: MessageEvent & { group: GroupRef }, findings: Finding[]): Action[] {
    const observing = this.ctx.observing(ev.group)
    const message = messageOf(ev, findings)
    const hints = allowHints(ev, findings, this.holder.matcher)
    const q = {
      memberId: ev.sender.id,
      categories: findings.map(f => f.category),
      now: ev.at,
      windowMs: this.ctx.configFor(ev.group).incidentWindow,
    }
    const open = openReviewFor(this.reviews.data, q)
    let actions: Action[]
    // A rehearsed question (observe mode) was never asked: a live one is not merged into it, nor the other way.
    if (open && this.ctx.observing(groupOf(open)) === observing) {
      addRepeat(open, message, hints)
      actions = decideReviewRepeat(open, message, ev.sender.id)
    } else {
      const member = { memberId: ev.sender.id, memberName: this.ctx.displayName(ev.sender), isStaff: ev.sender.isStaff }
      const review = addReview(this.reviews.data, { ...message, ...member, hints })
      actions = decideReview(review, this.ctx.timezone, this.ctx.commandPrefix)
    }
    this.reviews.changed()
    return observing ? asRehearsal(actions) : actions
  }

  /**
   * `#确认 R3`: the message is handled as an offence now (the action matrix, strikes and escalation as for
   * any hit), with the review's evidence; the member's other open questions about the same evasion are decided
   * along (`decidedAlong`), their messages handled with R3's, oldest first (one incident within the window).
   */
  confirmReview(review: Review, admin: { id: string; name: string }): { actions: Action[]; text: string } {
    this.decide(review, 'confirmed', admin.id, admin.name)
    const along = this.decideAlong(review, admin)
    const actions = this.confirmedMessages([review, ...along], review.id)
    const reply = reviewAnswerText(review, 'confirmed')
    const alongLine = along.length
      ? [
          alongText(
            along.map(r => r.id),
            review,
          ),
        ]
      : []
    // Messages whose group another bot account serves now: that account acts on them (the answer says so).
    const left = [review, ...along].flatMap(r => {
      const messages = leftMessages(r)
      return messages.length ? [leftText(r.id, messages, HANDOVER_MS)] : []
    })
    return {
      actions: [...this.closed(review, along, admin), ...along.map(r => decideAlong(r, review, admin.id)), ...actions],
      text: [reply, ...alongLine, ...left].join('\n'),
    }
  }

  /** Every other admin told once that the question is closed, by whom and how (`decideClosed`); none: nobody to tell. */
  private closed(review: Review, along: Review[], admin: { id: string; name: string }): Action[] {
    if (!this.ctx.membersWithRole('admin').some(id => id !== admin.id)) return []
    return [decideClosed(review, along, admin, this.ctx.observing(groupOf(review)))]
  }

  /**
   * The member's other open questions an answer decides too (`decidedAlong`), marked answered with it.
   */
  private decideAlong(answered: Review, admin: { id: string; name: string }): Review[] {
    return this.markAlong(decidedAlong(this.reviews.data, answered), answered, admin.id, answered.id, admin.name)
  }

  /**
   * Marks open questions answered with `answered` (as `answeredWith`), those of its mode only: a rehearsed one is
   * never decided by a live answer, nor the other way round. Returns those marked.
   */
  private markAlong(
    open: Review[],
    answered: Review,
    adminId: string,
    answeredWith: string,
    adminName?: string,
  ): Review[] {
    const observing = this.ctx.observing(groupOf(answered))
    const along = open.filter(r => this.ctx.observing(groupOf(r)) === observing)
    for (const r of along) {
      this.decide(r, answered.status as 'confirmed' | 'ignored', adminId, adminName)
      r.answeredWith = answeredWith
    }
    return along
  }

  /**
   * The messages of confirmed reviews handled as offences, oldest first: the first opens the incident, one in another
   * group spreads it there (no second strike); the admins get one report for them all (each group still warned).
   */
  private confirmedMessages(reviews: Review[], answeredId: string): Action[] {
    const held: HeldReport[] = []
    let decidedStrikes = 0
    const holds = this.ctx.fleet.holds ?? (() => true)
    const left = reviews.flatMap(r => this.leave(r, holds))
    const messages = reviews
      .flatMap(r => reviewedMessages(r).flatMap(m => (holds(m.groupId) ? [{ r, m }] : [])))
      .sort((a, b) => a.m.at - b.m.at)
    const actions = messages.flatMap(({ r, m }) => {
      const group = groupOf(m)
      const ev: MessageEvent & { group: GroupRef } = {
        type: 'message',
        id: m.messageId,
        at: m.at,
        group,
        sender: { id: r.memberId, name: r.memberName, roles: [], isStaff: r.isStaff },
        kind: 'text',
        text: m.text,
        mentions: [],
        mentionsAll: false,
      }
      const cfg = this.ctx.configFor(group)
      const { live, dry } = splitDryRun(m.findings, cfg)
      const acted = this.offence(ev, live, cfg, false, { confirmed: true, held, decidedStrikes })
      decidedStrikes += acted.filter(a => a.type === 'strike' && !a.rehearsal).length
      return [...acted, ...this.offence(ev, dry, cfg, true, { confirmed: true }), moderated(ev, m.findings)]
    })
    // Before any removal, so the report reaches the admins before the executor's note on a failed one.
    const ids = [answeredId, ...reviews.map(r => r.id).filter(id => id !== answeredId)]
    const report = decideConfirmedReport(ids, held)
    const at = actions.findIndex(a => a.type === 'remind' || a.type === 'remove')
    const done = at < 0 ? [...actions, ...report] : [...actions.slice(0, at), ...report, ...actions.slice(at)]
    return left.length ? [...left, ...done] : done
  }

  /**
   * Fleet: a confirmed review's messages in groups this account does not serve now (moved to another account since
   * the question): marked left to their holder (`leftToHolder`), audited, and a timer to see they were carried out.
   */
  private leave(r: Review, holds: (groupId: string) => boolean): Action[] {
    const away = reviewedMessages(r).filter(m => !holds(m.groupId))
    if (!away.length) return []
    r.leftToHolder = [...new Set([...(r.leftToHolder ?? []), ...away.map(m => m.messageId)])]
    this.reviews.changed()
    return decideLeft(r, away, this.ctx.clock.now(), HANDOVER_MS)
  }

  /**
   * `#忽略 R3`: recorded, nothing happens to the member; the reply says how to stop this kind of hit, and a
   * false hit ignored `suggestAllowAfter` times without `允许` is suggested to the admins once. With `allow`
   * (`#忽略 R3 允许`, also on a review already ignored) the review's phrases are added as allowed phrases, as
   * `#词库 允许` adds them (written back, reloaded, audited; undone with `#词库 删除`).
   */
  ignoreReview(
    review: Review,
    admin: { id: string; name: string },
    allow: boolean,
  ): { actions: Action[]; text: string } {
    const adminId = admin.id
    const p = this.ctx.commandPrefix
    const wasOpen = review.status === 'open'
    if (wasOpen) this.decide(review, 'ignored', adminId, admin.name)
    const log = this.reviews.data
    const suggestion =
      wasOpen && !allow ? dueSuggestion(log, review, this.ctx.configFor().suggestAllowAfter) : undefined
    if (suggestion) markLearned(log, [suggestion.hint])
    const along = wasOpen ? this.decideAlong(review, admin) : []
    const ignored = wasOpen
      ? [
          ...this.closed(review, along, admin),
          ...decideIgnore(review, adminId, suggestion, p),
          ...along.map(r => decideAlong(r, review, adminId)),
          ...[review, ...along].flatMap(r => reviewedMessages(r).map(m => released(r, m))),
        ]
      : []
    const alongLine = along.length
      ? [
          alongText(
            along.map(r => r.id),
            review,
          ),
        ]
      : []
    if (!allow) return { actions: ignored, text: [ignoredText(review, p), ...alongLine].join('\n') }
    const outcomes: AllowOutcome[] = (review.hints ?? []).map(hint => {
      const edit: DictionaryEdit = { op: 'allow', category: hint.category, word: hint.phrase }
      // Checked again now: the dictionary may have changed since the review was made.
      const problem = learnedPhraseProblem(hint.phrase, hint.category, this.holder.matcher)
      if (problem) return { hint, ok: false, text: dictionaryEditText.notAllowed(edit, problem, p) }
      return { hint, ...this.editDictionary(edit) }
    })
    const added = outcomes.filter(o => o.ok).map(o => o.hint)
    if (added.length) {
      review.allowed = true
      markLearned(log, added)
      this.reviews.changed()
    }
    return {
      actions: [...ignored, ...decideAllow(review, adminId, outcomes)],
      text: [allowedText(review, wasOpen, outcomes, p), ...alongLine].join('\n'),
    }
  }

  /** Marks a review answered. */
  private decide(review: Review, status: 'confirmed' | 'ignored', adminId: string, adminName?: string): void {
    review.status = status
    review.decidedBy = adminId
    if (adminName) review.decidedByName = adminName
    review.decidedAt = this.ctx.clock.now()
    this.reviews.changed()
  }

  /** Every incident log this account knows: its own (under `undefined`) and the other accounts'. */
  logs(): Map<string | undefined, IncidentLog> {
    return new Map<string | undefined, IncidentLog>([[undefined, this.incidents.state], ...this.foreignIncidents])
  }

  /** The member's open incident in another account's log, if the fleet has one (never for one process). */
  private foreignOpen(ev: MessageEvent, categories: string[], dryRun: boolean, cfg: ContentConfig) {
    if (!this.foreignIncidents.size) return undefined
    const q = { memberId: ev.sender.id, categories, dryRun, now: ev.at, windowMs: cfg.incidentWindow }
    return openForeignIncident(this.foreignIncidents, q)
  }

  /** What deciding on an offence in `ev`'s group needs: the member's name and active strikes, names, times. */
  private incidentInput(
    ev: MessageEvent & { group: GroupRef },
    findings: Finding[],
    cfg: ContentConfig,
    dryRun: boolean,
  ): IncidentInput {
    const since = ev.at - cfg.strikeTtl
    const reach = { memberId: ev.sender.id, groupId: ev.group.id, since, dryRun }
    return {
      cfg,
      ev,
      findings,
      memberName: this.ctx.displayName(ev.sender),
      activeStrikes: contentStrikeCount(this.ctx.ledger.activeStrikes(ev.sender.id, this.ctx.clock.now())),
      timezone: this.ctx.timezone,
      prefix: this.ctx.commandPrefix,
      account: this.ctx.fleet.account?.(),
      mayRemove: this.ctx.directory.mayRemove?.(ev.group.id),
      responsible: this.ctx.responsibleFor(ev.group),
      limitReachedHere: limitReachedIn(this.incidents.state, reach),
    }
  }

  /** An offence in `ev`: a new incident, or a repeat merged into the member's open one; `confirmed`: by `#确认`. */
  private offence(
    ev: MessageEvent & { group: GroupRef },
    findings: Finding[],
    cfg: ContentConfig,
    dryRun: boolean,
    how: OffenceOptions = {},
  ): Action[] {
    if (!findings.length) return []
    const { decidedStrikes = 0, ...told } = how
    // The strikes decided earlier in the same answer are not in the ledger yet: the warning and the limit count them.
    const input = (): IncidentInput => {
      const x = this.incidentInput(ev, findings, cfg, dryRun)
      return { ...x, ...told, activeStrikes: x.activeStrikes + decidedStrikes }
    }
    const log = this.incidents.state
    const categories = findings.map(f => f.category)
    const open = openIncidentFor(log, ev.sender.id, categories, dryRun, ev.at, cfg.incidentWindow)
    const far = open ? undefined : this.foreignOpen(ev, categories, dryRun, cfg)
    let actions: Action[]
    if (open && !reached(open, ev.group.id)) {
      // The same offence in another group: handled there too, counted once.
      actions = decideSpread(open, input())
      this.incidents.append({ op: 'repeat', id: open.id, at: ev.at, group: ev.group.id })
    } else if (open) {
      this.incidents.append({ op: 'repeat', id: open.id, at: ev.at })
      actions = decideRepeat(open, ev, findings)
    } else if (far) {
      const { id, messageId } = far.incident
      this.incidents.append({ op: 'foreign', account: far.account, id, messageId, at: ev.at })
      actions = decideRepeat(withFleetRepeats(far.incident, far.account, this.logs()), ev, findings)
    } else {
      const memberName = this.ctx.displayName(ev.sender)
      const incident = newIncident(log, {
        memberId: ev.sender.id,
        memberName,
        groupId: ev.group.id,
        groupTopic: ev.group.topic,
        groupKind: ev.group.kind,
        categories,
        labels: findings.map(f => f.label),
        severity: severityOf(findings),
        startedAt: ev.at,
        messageId: ev.id,
        steps: [],
        dryRun,
      })
      actions = decideIncident(incident, input())
      // Recorded once its steps are decided (the record is the incident as `#违规` lists it).
      this.incidents.append({ op: 'open', incident })
    }
    return dryRun ? asRehearsal(actions) : actions
  }
}

/** How an offence is decided besides its message: `#确认`'s (`IncidentInput`), and the strikes decided before it in the same answer. */
type OffenceOptions = Pick<IncidentInput, 'confirmed' | 'note' | 'held'> & { decidedStrikes?: number }

/**
 * Categories whose hits in a customer group are a complaint to answer (see `scope` in `config.ts`): asked about,
 * but the customer still waits for staff.
 */
const COMPLAINTS: ReadonlySet<string> = new Set(['defamation', 'insult'])

/**
 * Whether a message only asked about is held from the others (not a question to answer until released): spam
 * such as contact solicitation, not a complaint; and not in observe mode, where the admins are not asked.
 */
function holds(ev: MessageEvent & { group: GroupRef }, review: Finding[], observing: boolean): boolean {
  return !observing && ev.group.kind === 'customer' && !review.some(f => COMPLAINTS.has(f.category))
}

/** Tell the other plugins this message is held for the admins (activity does not wait for an answer to it meanwhile). */
function held(ev: MessageEvent & { group: GroupRef }): Action {
  const meta = { rule: 'content.held', groupId: ev.group.id, memberId: ev.sender.id }
  return emit('message.held', { groupId: ev.group.id, messageId: ev.id, memberId: ev.sender.id }, meta)
}

/** Tell the other plugins the admins released a held message (`#忽略`): it is an ordinary message again. */
function released(review: Review, m: ReviewedMessage): Action {
  const meta = { rule: 'content.released', groupId: m.groupId, memberId: review.memberId }
  return emit('message.released', { groupId: m.groupId, messageId: m.messageId, memberId: review.memberId }, meta)
}

/** A message as a review keeps it: where and when, what it said and its review-only findings. */
function messageOf(ev: MessageEvent & { group: GroupRef }, findings: Finding[]): ReviewedMessage {
  return {
    groupId: ev.group.id,
    groupTopic: ev.group.topic,
    groupKind: ev.group.kind,
    groupConfigName: ev.group.configName,
    messageId: ev.id,
    text: ev.text,
    at: ev.at,
    findings,
  }
}

/** The group a reviewed message was posted in. */
function groupOf(m: ReviewedMessage): GroupRef {
  return { id: m.groupId, topic: m.groupTopic, kind: m.groupKind, configName: m.groupConfigName }
}

/** Tell the other plugins this message was moderated (activity then does not wait for an answer to it). */
function moderated(ev: MessageEvent & { group: GroupRef }, findings: Finding[]): Action {
  const categories = [...new Set(findings.map(f => f.category))]
  return emit(
    'message.moderated',
    { groupId: ev.group.id, messageId: ev.id, memberId: ev.sender.id, categories },
    { rule: 'content.moderated', groupId: ev.group.id, memberId: ev.sender.id },
  )
}
