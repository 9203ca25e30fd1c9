import { join } from 'node:path'
import { definePlugin } from '../../bot/core/plugin.js'
import { compileCron } from '../../bot/time/cron.js'
import { casesCommands } from './commands.js'
import type { CasesDeps } from './subcommands/deps.js'
import { casesConfigSchema } from './config.js'
import { maskerCache } from './content/privacy.js'
import { compileTemplate } from './content/template.js'
import { decideAttach } from './decide-capture.js'
import { digestActions } from './decide-digest.js'
import { buildDigest } from './digest/build.js'
import { lastDays, rangeInstants } from './digest/period.js'
import { buildCaseSearch } from './search/case-search.js'
import { caseTerms, TERMS_VERSION } from './search/case-terms.js'
import { TermsCache } from './search/terms-cache.js'
import { chatOf, CaseStore } from './store/case-store.js'
import { T } from './texts.js'
import { casesViews } from './views.js'

/**
 * Sales case knowledge store: `#成交` / `#问题` / `#经验` / `#案例` posts
 * become searchable cases (with the author's screenshots), trainers get a
 * weekly digest. Cases live in monthly store documents; the search index is
 * rebuilt from them at start.
 */
export const casesPlugin = definePlugin({
  name: 'cases',
  description: '销售案例库：分享、搜索、培训师周报 Sales case knowledge store',
  configSchema: casesConfigSchema,
  create: ctx => {
    const cfg = ctx.configFor()
    if (cfg.digest.enabled) compileCron(cfg.digest.cron, ctx.timezone)
    const maskerFor = maskerCache()
    maskerFor(cfg)
    const cases = new CaseStore(ctx.store, ctx.timezone)
    const terms = new TermsCache(
      ctx.store,
      `${TERMS_VERSION}:${cfg.rankFields.join(',')}`,
      c => cases.monthOf(c),
      c => caseTerms(c, cfg.rankFields),
    )
    const search = buildCaseSearch(cases.live(), { rankFields: cfg.rankFields, termsOf: c => terms.get(c) })
    const digest = {
      live: () => cases.live(),
      tz: ctx.timezone,
      prefix: ctx.commandPrefix,
      fieldNames: cfg.fields,
      dir: join(ctx.outputDir, 'cases'),
    }
    const d: CasesDeps = { ctx, cases, search, terms, template: compileTemplate(cfg.fields), maskerFor, digest }
    return {
      commands: casesCommands(d),
      views: casesViews(d),
      onEvent: ev => {
        if (ev.type !== 'message' || ev.command || ev.kind !== 'image') return []
        const since = ev.at - ctx.configFor(ev.group).imageWindow
        const latest = cases.latestBy(ev.sender.id, chatOf({ groupId: ev.group?.id, authorId: ev.sender.id }), since)
        const { attach, actions } = decideAttach(ev, latest)
        if (attach) cases.attachImage(attach.to, attach.image)
        return actions
      },
      jobs: cfg.digest.enabled
        ? [
            {
              name: 'weekly-digest',
              cron: cfg.digest.cron,
              workdaysOnly: cfg.digest.workdaysOnly,
              run: now => {
                const recipients = [...new Set([...ctx.membersWithRole('trainer'), ...cfg.digest.extraRecipients])]
                if (!recipients.length) {
                  ctx.log.warn('cases: weekly digest has no recipients (no trainer in roles)')
                  return digestActions({ text: '', cases: [] }, [])
                }
                const range = lastDays(cfg.digest.days, now, ctx.timezone)
                return digestActions(buildDigest(digest, range, maskerFor(cfg), cfg.maxReplyChars), recipients)
              },
            },
          ]
        : [],
      status: () =>
        T.status(
          search.size,
          cases.countSince(rangeInstants(lastDays(7, ctx.clock.now(), ctx.timezone), ctx.timezone).from),
        ),
    }
  },
})
