import type { Action } from '../../bot/core/actions.js'
import type { CommandInvocation, CommandSpec } from '../../bot/core/plugin.js'
import { capture } from './capture.js'
import { parseCaseId } from './case-store.js'
import { refusal, replyMasker, seesRaw, type CasesDeps } from './deps.js'
import { buildDigest } from './digest-job.js'
import { noHitsReply, searchReply, viewReply } from './format.js'
import { lastDays, periodFromWord } from './period.js'
import { parseSearchArgs } from './search/query.js'
import type { CaseRecord } from './types.js'

type Sub = 'search' | 'view' | 'amend' | 'withdraw' | 'delete' | 'digest'
type Handler = (inv: CommandInvocation, rest: string) => Action[] | Promise<Action[]>

const SUBCOMMANDS: Record<string, Sub> = {
  搜索: 'search',
  search: 'search',
  查看: 'view',
  view: 'view',
  修改: 'amend',
  edit: 'amend',
  撤回: 'withdraw',
  withdraw: 'withdraw',
  删除: 'delete',
  delete: 'delete',
  周报: 'digest',
  digest: 'digest',
}
const RULE = 'command.案例'
/** Longest `#案例 搜索` arguments (characters) worth segmenting. */
export const MAX_QUERY = 100

/** `#案例` (with its subcommands) and one capture command per configured tag. */
export function casesCommands(d: CasesDeps): CommandSpec[] {
  const p = d.ctx.commandPrefix
  const h = handlers(d)
  const role = d.ctx.configFor().staffOnly ? 'staff' : 'member' // so #帮助 shows them only to those who may use them
  const main: CommandSpec = {
    name: '案例',
    aliases: ['case'],
    role,
    usage: `${p}案例 <内容> ｜ ${p}案例 搜索 关键词 [标签:成交] [作者:张三] [产品:净水器] [本周/本月/2026-11-01~2026-11-30] ｜ 查看/修改/撤回/删除 编号 ｜ 周报`,
    description: '分享销售案例；搜索、查看案例库；培训师看周报',
    run: inv => {
      const word = inv.argv[0]?.toLowerCase() ?? ''
      const sub = Object.hasOwn(SUBCOMMANDS, word) ? SUBCOMMANDS[word] : undefined
      if (!sub) return capture(d, inv, '案例')
      const why = refusal(inv.event, d.ctx.configFor(inv.event.group))
      if (why) return [inv.whisper(why, RULE)]
      return h[sub](inv, inv.args.replace(/^\S+\s*/, ''))
    },
  }
  const tags = d.ctx
    .configFor()
    .tags.filter(t => t !== '案例')
    .map(
      (tag): CommandSpec => ({
        name: tag,
        role,
        usage: `${p}${tag} <内容>`,
        description: `分享一个「${tag}」案例，存入案例库`,
        run: inv => capture(d, inv, tag),
      }),
    )
  return [main, ...tags]
}

function handlers(d: CasesDeps): Record<Sub, Handler> {
  const p = d.ctx.commandPrefix
  const tz = d.ctx.timezone
  /** The case named by the first word of `rest`, or a reply explaining why there is none. */
  const target = (inv: CommandInvocation, rest: string, verb: string): CaseRecord | Action[] => {
    const word = rest.split(/\s+/)[0]
    const other = d.foreign.get(word)
    if (other && !other.status)
      return verb === '查看' ? other : [inv.reply(`案例 ${other.id} 由机器人账号组的另一个账号记录，请在那里${verb}。`)]
    const id = parseCaseId(word)
    if (!id) return [inv.reply(`用法：${p}案例 ${verb} 编号（例如 C12）`)]
    const c = d.cases.get(id)
    if (!c) return [inv.reply(`没有找到案例 ${id}。`)]
    if (c.status) return [inv.reply(`案例 ${id} 已${c.status === 'withdrawn' ? '被作者撤回' : '被管理员删除'}。`)]
    return c
  }
  const options = (inv: CommandInvocation) => {
    const cfg = d.ctx.configFor(inv.event.group)
    return { mask: replyMasker(d, inv.event, cfg), tz, prefix: p, maxChars: cfg.maxReplyChars }
  }
  const remove = async (
    inv: CommandInvocation,
    c: CaseRecord,
    status: 'withdrawn' | 'deleted',
    reason: string,
  ): Promise<Action[]> => {
    try {
      await d.cases.update(c, x =>
        Object.assign(x, {
          status,
          removedAt: d.ctx.clock.now(),
          removedBy: inv.event.sender.id,
          text: '',
          title: '',
          fields: {},
          images: [],
        }),
      )
    } catch {
      return [inv.reply('⚠️ 存储写入出错，操作没有完成，请稍后再试。')]
    }
    d.search.remove(c.id)
    d.terms.drop(c)
    const verb = status === 'withdrawn' ? '撤回' : '删除'
    return [
      inv.reply(`🗑️ 已${verb}案例 ${c.id}，内容已从案例库清除。`),
      {
        type: 'record',
        text: `case ${c.id} ${status}${reason ? `: ${reason}` : ''}`,
        rule: `cases.${status}`,
        reason,
        memberId: inv.event.sender.id,
        groupId: inv.event.group?.id,
      },
    ]
  }

  return {
    search: (inv, rest) => {
      if (!rest.trim())
        return [
          inv.reply(
            `用法：${p}案例 搜索 关键词 [标签:成交] [作者:张三] [产品:净水器] [今天/本周/上周/本月/2026-11-01~2026-11-30]`,
          ),
        ]
      // Capped before any parsing: a 1 MB query would cost seconds and hundreds of MB to segment.
      if (rest.length > MAX_QUERY) return [inv.reply(`关键词太长（最多 ${MAX_QUERY} 个字），请换几个关键词再搜。`)]
      const cfg = d.ctx.configFor(inv.event.group)
      const q = parseSearchArgs(rest, d.ctx.clock.now(), tz)
      const out = d.search.search(q, cfg.searchResults)
      if (!out.total) return [inv.reply(noHitsReply(q, d.search.termCounts(out.terms), p, d.search.size))]
      return [inv.reply(searchReply(q, out, options(inv)))]
    },
    view: (inv, rest) => {
      const c = target(inv, rest, '查看')
      return Array.isArray(c) ? c : [inv.reply(viewReply(c, options(inv)))]
    },
    amend: async (inv, rest) => {
      const c = target(inv, rest, '修改')
      if (Array.isArray(c)) return c
      if (c.authorId !== inv.event.sender.id)
        return [inv.reply(`⛔ 只能修改自己分享的案例，${c.id} 的作者是 ${c.author}。`)]
      const amendment = rest.replace(/^\S+\s*/, '').trim()
      if (!amendment)
        return [inv.reply(`用法：${p}案例 修改 ${c.id} 新内容（只写「金额：9万」这样的字段行则只改这些字段）`)]
      const text = d.template.amend(c.text, amendment)
      const dup = d.cases.duplicateOf(text)
      if (dup && dup !== c) return [inv.reply(`修改后的内容与案例 ${dup.id} 相同，没有保存。`)]
      const parsed = d.template.parse(text)
      try {
        await d.cases.update(c, x =>
          Object.assign(x, { text, fields: parsed.fields, title: parsed.title || x.tag, editedAt: d.ctx.clock.now() }),
        )
      } catch {
        return [inv.reply('⚠️ 存储写入出错，修改没有保存，请稍后再试。')]
      }
      d.search.upsert(c, d.terms.refresh(c))
      return [inv.reply(`✏️ 已修改案例 ${c.id}「${c.title}」。`)]
    },
    withdraw: (inv, rest) => {
      const c = target(inv, rest, '撤回')
      if (Array.isArray(c)) return c
      if (c.authorId !== inv.event.sender.id) {
        const hint = inv.event.sender.roles.includes('admin') ? `管理员请用 ${p}案例 删除 ${c.id}。` : ''
        return [inv.reply(`⛔ 只能撤回自己分享的案例。${hint}`)]
      }
      return remove(inv, c, 'withdrawn', '')
    },
    delete: (inv, rest) => {
      if (!inv.event.sender.roles.includes('admin'))
        return [inv.reply(`⛔ 只有管理员可以删除案例；作者请用 ${p}案例 撤回 编号。`)]
      const c = target(inv, rest, '删除')
      return Array.isArray(c) ? c : remove(inv, c, 'deleted', rest.replace(/^\S+\s*/, '').trim())
    },
    digest: (inv, rest) => {
      const roles = inv.event.sender.roles
      if (!roles.includes('trainer') && !roles.includes('admin'))
        return [inv.reply('⛔ 案例周报仅限培训师和管理员查看。')]
      const cfg = d.ctx.configFor(inv.event.group)
      const now = d.ctx.clock.now()
      const word = rest.trim()
      const range = word ? periodFromWord(word, now, tz) : lastDays(cfg.digest.days, now, tz)
      if (!range)
        return [
          inv.reply(`用法：${p}案例 周报 [本周/上周/本月/2026-11-01~2026-11-30]，默认最近 ${cfg.digest.days} 天。`),
        ]
      const digest = buildDigest(d, range, replyMasker(d, inv.event, cfg), cfg.maxReplyChars, seesRaw(inv.event, cfg))
      return [inv.reply(digest.text), ...(digest.path ? [inv.replyFile(digest.path, `${RULE}.周报文件`)] : [])]
    },
  }
}
