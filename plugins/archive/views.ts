import { addDays } from '../../bot/time/zoned.js'
import { type ArchiveDeps, commandTalkOf, logAccess } from './access/deps.js'
import { browseChat, type BrowsePage, type BrowseQuery } from './export/browse.js'
import { type ExportFormat, exportArchive, hitRecords, type RecallLookup, recalledOriginals } from './export/export.js'
import { type ArchiveQuery, type CommandTalk, type Hit, WITH_COMMANDS } from './search/query.js'
import type { ChatInfo } from './capture/record.js'
import { codeOfDay } from './retention/daily-code.js'
import type { CodeCheck } from './verify/check-code.js'

/** What the archive shows in the web console. Searches and exports are written to the archive's access log. */
export interface ArchiveViews {
  /** Every chat the archive holds. */
  chats(): Promise<ChatInfo[]>
  /** What a default search or browse leaves out now (`skipCommands` of a query unless 含命令 is ticked). */
  commandTalk(): Promise<CommandTalk>
  /**
   * The newest hits of `q` (at most the configured search limit), read day by day from `q.to` backwards and
   * stopping once the limit is reached, so a common word costs a day or two, not the whole range. Logged as
   * a search by `who`.
   */
  search(q: ArchiveQuery, who: string): Promise<ArchiveSearch>
  /**
   * Stream the records of `q` to `write` as `format`; logged as an export by `who` when it starts and when it
   * ends (with the count) or breaks off. Returns the count.
   */
  exportTo(q: ArchiveQuery, format: ExportFormat, who: string, write: (chunk: string) => Promise<void>): Promise<number>
  /**
   * One page of one chat's messages over some days ({@link browseChat}, {@link BROWSE_PAGE} a page); logged as a
   * search by `who` (which chat, days and page, how many records shown), as reading it is.
   */
  browse(q: BrowseQuery, who: string): Promise<BrowsePage & { recall: RecallLookup }>
  /**
   * `day`'s check code as the archive gives it now, with the code sent then (`#记录 校验码`'s answer); undefined where
   * the archive keeps no chain. Logged as a check-code question by `who`.
   */
  checkCode(day: string, who: string): Promise<CodeCheck | undefined>
  /** The longest range (days) one console request may read. */
  maxDays(): number
}

/** Records a page of {@link ArchiveViews.browse}. */
const BROWSE_PAGE = 50

/** What a console search found: the newest hits, how many matched in the days read, and which days were read. */
export interface ArchiveSearch {
  hits: Hit[]
  /** Matches in the days read (`searchedFrom` to `q.to`). */
  total: number
  /** The earliest day read; before `q.from` was reached the search stopped because it had enough hits. */
  searchedFrom: string
  complete: boolean
  /** Nothing found with commands left out: how many commands and bot messages `含命令` would find (else 0). */
  hiddenCommands: number
  /** The messages the recalls shown took back, to say which (`describeRecord`). */
  recall: RecallLookup
}

declare module '../../bot/core/views.js' {
  interface Views {
    archive: ArchiveViews
  }
}

/** The archive views over the plugin's back end. */
export function archiveViews(d: ArchiveDeps): ArchiveViews {
  const detail = (q: ArchiveQuery) =>
    [q.words?.join(' '), q.member && `成员 ${q.member}`, `${q.from} 至 ${q.to}`, q.chats?.join('、')]
      .filter(Boolean)
      .join(' · ')
  return {
    chats: () => d.backend.chats(),
    commandTalk: () => commandTalkOf(d),
    search: async (q, who) => {
      const limit = d.ctx.configFor().search.limit
      const hits: Hit[] = []
      let total = 0
      let day = q.to
      for (;;) {
        const found = await d.backend.search({ ...q, from: day, to: day }, limit)
        hits.push(...found.hits)
        total += found.total
        if (day <= q.from || hits.length >= limit) break
        day = addDays(day, -1)
      }
      const hiddenCommands =
        total || q.skipCommands === undefined ? 0 : (await d.backend.search({ ...q, skipCommands: undefined }, 1)).total
      const shown = hits.slice(0, limit)
      const recall = await recalledOriginals(d.backend, hitRecords(shown), d.ctx.timezone)
      const result = { hits: shown, total, searchedFrom: day, complete: day <= q.from, hiddenCommands, recall }
      const what = `${detail({ ...q, from: day })}${q.skipCommands === undefined ? ` · ${WITH_COMMANDS}` : ''}`
      await logAccess(d, { who, action: 'search', detail: `${what}（网页后台）`, count: total })
      return result
    },
    exportTo: async (q, format, who, write) => {
      // Logged when it starts: a download cancelled half-way has read records too.
      const what = `${detail(q)} · ${format}（网页后台`
      await logAccess(d, { who, action: 'export', detail: `${what}，开始）` })
      const count = await exportArchive(d.backend, q, format, d.ctx.timezone, write).catch(async e => {
        await logAccess(d, { who, action: 'export', detail: `${what}，中断：${(e as Error).message ?? e}）` })
        throw e
      })
      await logAccess(d, { who, action: 'export', detail: `${what}）`, count })
      return count
    },
    browse: async (q, who) => {
      const page = await browseChat(d.backend, q, BROWSE_PAGE)
      const order = q.order === 'oldest' ? '最早在前' : '最新在前'
      const all = q.skipCommands === undefined ? ` · ${WITH_COMMANDS}` : ''
      const detail = `浏览 ${q.chat} · ${q.from} 至 ${q.to} · ${order} · 第 ${page.page}/${page.pages} 页${all}（网页后台）`
      await logAccess(d, { who, action: 'search', detail, count: page.records.length })
      const recall = await recalledOriginals(
        d.backend,
        page.records.map(x => x.record),
        d.ctx.timezone,
      )
      return { ...page, recall }
    },
    checkCode: async (day, who) => {
      const check = await codeOfDay(d, day)
      await logAccess(d, { who, action: 'check-code', detail: `${day} ${check?.computed ?? '无链'}（网页后台）` })
      return check
    },
    maxDays: () => 31,
  }
}
