import { definePlugin } from '../../bot/core/plugin.js'
import { contentCommands, weekCountText } from './commands.js'
import { contentConfigSchema } from './config.js'
import { contentConfigWarnings } from './config-warnings.js'
import { HANDOVER_TIMER, OVERDUE_TIMER } from './decide-review.js'
import { dictionarySummary, failureText } from './dictionary/holder.js'
import { watchDictionaries } from './dictionary/watch.js'
import type { ImageSource } from './qr/image-source.js'
import { ContentService, QR_TIMER } from './service/service.js'
import { REVIEWS_NAME } from './state.js'
import { readableRecordReason, readableReason } from './audit-text.js'
import { categoryLabel, contentViews } from './views.js'
import { problemText } from './matcher/index.js'

/** Ways to build the content plugin with other parts. */
export interface ContentOptions {
  /** Where the bytes of group images come from for QR checks; default: the images the adapter saved. */
  images?: ImageSource
}

/**
 * Banned content: matches messages (text, link cards, mini programs, file
 * names) against the dictionaries, checks message types, flood and off-topic
 * posts, and acts by severity and group kind — record, warn, report, strike,
 * and remove after repeated strikes. Dictionaries are hot-reloaded.
 */
export function createContentPlugin(options: ContentOptions = {}) {
  return definePlugin({
    name: 'content',
    description:
      '违规内容：词库匹配（防变体规避）、链接/名片/小程序/文件、刷屏、处罚升级 Banned content, links, cards, files, flood, escalation',
    configSchema: contentConfigSchema,
    configWarnings: contentConfigWarnings,
    create: ctx => {
      const s = new ContentService(ctx, options.images)
      const global = ctx.configFor()
      // The bot's own warnings must not match its own dictionary, or two bots of one fleet warn each other.
      const problems = s.selfCheck(s.holder.matcher)
      if (problems.length)
        throw new Error(
          `警告模板会被词库命中 warning templates match the dictionary:\n${problems.map(problemText).join('\n')}`,
        )
      // A file's new time stamp may be the bot's own edit (#词库 添加), already loaded: only new content reloads.
      const onChange = () => void (s.holder.changedSinceRead() && s.reload())
      const unwatch = global.watch ? watchDictionaries(global.dictionaries, onChange) : undefined
      return {
        stop: () => {
          unwatch?.()
          s.close()
        },
        onTimer: key =>
          key.startsWith(QR_TIMER)
            ? s.finishQr(key)
            : key.startsWith(HANDOVER_TIMER)
              ? s.handover(key)
              : key.startsWith(OVERDUE_TIMER)
                ? s.overdue(key)
                : [],
        onEvent: ev => {
          // Fleet: questions another account's answer decided are acted on at the next event (or the minute job).
          const notices = [...s.holder.takeNotices(), ...s.decideForeignAnswers()]
          if (ev.type !== 'message') return notices
          const actions = s.onMessage(ev)
          return notices.length ? [...notices, ...actions] : actions
        },
        // Fleet only (another account's records are readable): a quiet account decides them within a minute too, and
        // carries out what another account left to the holder of a group it serves now (the group may move here later).
        jobs: ctx.fleet.readLog ? [{ name: 'fleet-reviews', cron: '* * * * *', run: () => s.fleetReviews() }] : [],
        // Fleet takeover: the down account's open questions about the group move here (answered here, by either id).
        adopt: { docs: [REVIEWS_NAME], take: (groupId, from) => s.takeReviews(groupId, from) },
        commands: contentCommands(s),
        // `#审计` and a replay read `V1 ad,contact` as `V1 无关商业广告、联系方式` (the log keeps the keys).
        // Review and dictionary records read in Chinese too (`R3 已忽略，wxid_admin`).
        auditReason: e => {
          const labelOf = (key: string) => categoryLabel(s.holder.matcher.dictionary, ctx.configFor(), key)
          return readableRecordReason(e, labelOf) ?? readableReason(e.reason, labelOf)
        },
        views: contentViews({
          dictionary: () => s.holder.matcher.dictionary,
          config: () => ctx.configFor(),
          roster: () => ctx.roster,
          incidents: () => [s.incidents.state, ...s.foreignIncidents.values()],
        }),
        status: () => {
          const h = s.holder
          const failed = h.lastFailure
            ? `；⚠️ 词库重载失败（${failureText(h.lastFailure.problems)}），仍用版本 ${h.version}`
            : ''
          return `词库版本 ${h.version}：${dictionarySummary(h.matcher.dictionary)}；近 7 天违规 ${weekCountText(s, ctx.clock.now())}${failed}`
        },
        health: () => {
          const failed = s.holder.lastFailure
          if (!failed) return undefined
          return {
            label: '词库重载失败',
            detail: `词库重载失败（${failureText(failed.problems)}），仍用版本 ${s.holder.version}；改好后 ${ctx.commandPrefix}词库 重载`,
          }
        },
      }
    },
  })
}

/** The content plugin with its default parts. */
export const contentPlugin = createContentPlugin()
