import { definePlugin } from '../../bot/core/plugin.js'
import { compileCron } from '../../bot/time/cron.js'
import { attachImage } from './capture.js'
import { CaseStore } from './case-store.js'
import { casesCommands } from './commands.js'
import { casesConfigSchema } from './config.js'
import { maskerCache, type CasesDeps } from './deps.js'
import { casesIn, weeklyDigestActions } from './digest-job.js'
import { lastDays } from './period.js'
import { buildCaseSearch } from './search/case-search.js'
import { caseTerms, TERMS_VERSION } from './search/case-terms.js'
import { TermsCache } from './search/terms-cache.js'
import { compileTemplate } from './template.js'
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
    const d: CasesDeps = { ctx, cases, search, terms, template: compileTemplate(cfg.fields), maskerFor }
    return {
      commands: casesCommands(d),
      views: casesViews(d),
      onEvent: ev => (ev.type === 'message' && !ev.command ? attachImage(d, ev) : []),
      jobs: cfg.digest.enabled
        ? [
            {
              name: 'weekly-digest',
              cron: cfg.digest.cron,
              workdaysOnly: cfg.digest.workdaysOnly,
              run: now => weeklyDigestActions(d, now),
            },
          ]
        : [],
      status: () =>
        `案例库 ${search.size} 条，最近 7 天新增 ${casesIn(d, lastDays(7, ctx.clock.now(), ctx.timezone)).length} 条`,
    }
  },
})
