import { type Kysely, sql } from 'kysely'
import type { Database } from '../ports/postgres/schema.js'
import { botAccountText } from './account-name.js'
import { RETIRED } from './renew.js'

/** One account of the fleet as the database sees it. */
export interface FleetAccount {
  account: string
  /** Its WeChat name as it wrote it (`''` until it has: not logged in since the upgrade). */
  name: string
  contactId: string
  /** Renewed within the lease time and its process holds the account lock: it acts in the groups it holds. */
  alive: boolean
  /**
   * Its process is gone though its row is recent: the account lock is free (a killed or crashed process closes
   * its sessions at once). Its leases run out unrenewed, then other accounts take its groups.
   */
  exited: boolean
  /** Left the fleet at a clean stop (its leases given back at once). */
  stopped: boolean
  /** Not renewed for `RETIRED_MS` (7 days): out of the roster the overdue checks take turns in. */
  retired: boolean
  seenAgoMs: number
  queueDepth: number
  /** Managed groups it is in. */
  groups: string[]
  /** Groups it holds the lease of (acts in). */
  holds: string[]
}

/** The fleet now: accounts, and groups nobody holds. */
export interface FleetSnapshot {
  accounts: FleetAccount[]
  leases: { groupId: string; account: string; expiresInMs: number }[]
  /** Groups some account is in but nobody holds (their holder died; taken over at the next renewal). */
  unheld: string[]
  /**
   * Groups only accounts that are not online are in (exited, down or stopped): nobody acts there, and nobody can
   * take them over until another account joins the group or one of those comes back. With the accounts in them.
   */
  stranded: { groupId: string; accounts: string[] }[]
  /** The groups' topics as the accounts in them wrote them (`{ id: topic }`), for groups this account is not in. */
  topics: Record<string, string>
}

/** Read the fleet's state (`fleet status`, `#状态`); `aliveMs`: how recent a renewal must be to count as alive. */
export async function fleetSnapshot(
  db: Kysely<Database>,
  aliveMs: number,
  /** The schema the accounts opened (BOT_DATABASE_SCHEMA), as their account locks name it; default `public`. */
  schema?: string,
): Promise<FleetSnapshot> {
  const accounts = await db
    .selectFrom('fleet_accounts')
    .select([
      'account',
      'name',
      'contact_id',
      'queue_depth',
      'groups',
      'topics',
      sql<number>`extract(epoch from now() - seen_at) * 1000`.as('ago'),
      sql<boolean>`seen_at = 'epoch'::timestamptz`.as('stopped'),
      RETIRED.as('retired'),
      sql<boolean>`exists (select 1 from pg_locks l, lateral (select hashtext('bot_account:' || ${schema || 'public'} || ':' || account)::bigint as k) h
        where l.locktype = 'advisory' and l.granted and l.objsubid = 1
        and l.database = (select oid from pg_database where datname = current_database())
        and l.classid::bigint = ((h.k >> 32) & 4294967295) and l.objid::bigint = (h.k & 4294967295))`.as('running'),
    ])
    .orderBy('account')
    .execute()
  const leases = await db
    .selectFrom('fleet_leases')
    .select(['group_id', 'account', sql<number>`extract(epoch from expires_at - now()) * 1000`.as('left')])
    .orderBy('group_id')
    .execute()
  const live = leases.filter(l => Number(l.left) > 0)
  const held = new Set(live.map(l => l.group_id))
  const list = accounts.map(a => ({
    account: a.account,
    name: a.name,
    contactId: a.contact_id,
    alive: Number(a.ago) < aliveMs && a.running,
    exited: Number(a.ago) < aliveMs && !a.running,
    stopped: a.stopped,
    retired: a.retired,
    seenAgoMs: Math.round(Number(a.ago)),
    queueDepth: a.queue_depth,
    groups: (a.groups as string[]) ?? [],
    holds: live.filter(l => l.account === a.account).map(l => l.group_id),
  }))
  const reached = new Set(list.filter(a => a.alive).flatMap(a => a.groups))
  const unheld = [...reached].filter(g => !held.has(g)).sort()
  return {
    accounts: list,
    leases: leases.map(l => ({ groupId: l.group_id, account: l.account, expiresInMs: Math.round(Number(l.left)) })),
    unheld,
    stranded: strandedGroups(list, reached),
    topics: Object.assign({}, ...accounts.map(a => (a.topics as Record<string, string>) ?? {})),
  }
}

/** The groups of accounts that are not online that no online account is in, each with the accounts in it. */
function strandedGroups(accounts: FleetAccount[], reached: Set<string>): FleetSnapshot['stranded'] {
  const byGroup = new Map<string, string[]>()
  for (const a of accounts.filter(a => !a.alive))
    for (const g of a.groups.filter(g => !reached.has(g))) byGroup.set(g, [...(byGroup.get(g) ?? []), a.account])
  return [...byGroup].sort(([a], [b]) => a.localeCompare(b)).map(([groupId, accounts]) => ({ groupId, accounts }))
}

/**
 * `#状态` lines (Chinese): each account, alive or not, its groups, leases and queue, and the groups nobody can act
 * in. `topicOf` names this account's groups (the id when it does not know one); the others' topics come from `s`.
 */
export function fleetChatLines(s: FleetSnapshot, me: string, localTopic: (groupId: string) => string): string[] {
  const alive = s.accounts.filter(a => a.alive).length
  const topicOf = fleetTopics(s, localTopic)
  const named = accountNames(s)
  return [
    `机器人账号组（数据库）：${s.accounts.length} 个账号，${alive} 个在线；本账号 ${named(me)}`,
    ...s.accounts.map(a => {
      const names = a.holds.slice(0, 6).map(topicOf).join('、')
      const holds = a.alive || a.holds.length ? `，${a.alive ? '负责' : '租约未到期'} ${a.holds.length} 个` : ''
      const stranded = s.stranded.filter(x => x.accounts.includes(a.account)).length
      const retired = a.retired && !a.alive ? '（超过 7 天未续约，已退出轮流核对）' : ''
      return `· ${named(a.account)}${a.account === me ? '（本账号）' : ''} ${a.contactId || '未登录'}：${chatState(a, stranded)}${retired}，在 ${a.groups.length} 个群${holds}${names ? `（${names}${a.holds.length > 6 ? '…' : ''}）` : ''}，发送队列 ${a.queueDepth} 条`
    }),
    ...(s.unheld.length ? [`· 暂无账号负责的群 ${s.unheld.length} 个（接管中）`] : []),
    ...(s.stranded.length ? [strandedLine(s.stranded, topicOf, named)] : []),
  ]
}

/** An account as the fleet's texts name it: `「销售小助手」(sales1)` when it wrote its WeChat name, else `sales1`. */
export function accountNames(s: { accounts: Pick<FleetAccount, 'account' | 'name'>[] }) {
  const names = new Map(s.accounts.map(a => [a.account, a.name]))
  return (account: string): string => botAccountText(account, names.get(account))
}

/** A group's name for the fleet lines: this account's topic, else the one the account in it wrote, else its id. */
export function fleetTopics(s: Pick<FleetSnapshot, 'topics'>, local: (groupId: string) => string) {
  return (groupId: string): string => {
    const topic = local(groupId)
    return topic && topic !== groupId ? topic : (s.topics[groupId] ?? groupId)
  }
}

/** The most group names a stranded-groups line lists before "等". */
const STRANDED_SHOWN = 6

/**
 * Groups only offline accounts are in, as the admins read them (`#状态`, the takeover message): nobody acts there
 * and no account can take them over; someone has to bring another account into the group.
 */
export function strandedLine(
  stranded: FleetSnapshot['stranded'],
  topicOf: (groupId: string) => string,
  /** How an account is named (`「销售小助手」(sales1)`); default: by its account. */
  named: (account: string) => string = a => a,
): string {
  const names = stranded
    .slice(0, STRANDED_SHOWN)
    .map(x => `${topicOf(x.groupId)}（只有 ${x.accounts.map(named).join('、')} 在群里）`)
    .join('、')
  const more = stranded.length > STRANDED_SHOWN ? ' 等' : ''
  return `⚠️ ${stranded.length} 个群无人负责：${names}${more}，需要把另一个账号拉进群（或让离线的账号恢复）`
}

/**
 * An account's state in `#状态`: online, its process gone (leases not yet run out), stopped cleanly, or offline;
 * `stranded`: how many of its groups no online account is in (nobody takes those over).
 */
function chatState(a: FleetAccount, stranded: number): string {
  if (a.alive) return '在线'
  const left = stranded ? `，其中 ${stranded} 个群没有其他账号、无人接管` : ''
  if (a.exited)
    return stranded && stranded === a.groups.length
      ? `进程已退出（${Math.round(a.seenAgoMs / 1000)} 秒前最后续约，它的群没有其他账号、租约到期后无人接管）`
      : `进程已退出（${Math.round(a.seenAgoMs / 1000)} 秒前最后续约，租约到期后由其他账号接管${left}）`
  if (a.stopped)
    return stranded && stranded === a.groups.length
      ? '已停止（正常退出，它的群没有其他账号、无人接管）'
      : `已停止（正常退出，群已交给其他账号${left}）`
  return `离线 ${formatAgo(a.seenAgoMs)}`
}

/** How long ago, in seconds, minutes, hours or days (Chinese). */
function formatAgo(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 120) return `${s} 秒`
  if (s < 7200) return `${Math.round(s / 60)} 分钟`
  if (s < 172_800) return `${Math.round(s / 3600)} 小时`
  return `${Math.round(s / 86_400)} 天`
}
