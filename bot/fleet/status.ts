import { type Kysely, sql } from 'kysely'
import type { Database } from '../ports/postgres/schema.js'

/** One account of the fleet as the database sees it. */
export interface FleetAccount {
  account: string
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
      'contact_id',
      'queue_depth',
      'groups',
      sql<number>`extract(epoch from now() - seen_at) * 1000`.as('ago'),
      sql<boolean>`seen_at = 'epoch'::timestamptz`.as('stopped'),
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
    contactId: a.contact_id,
    alive: Number(a.ago) < aliveMs && a.running,
    exited: Number(a.ago) < aliveMs && !a.running,
    stopped: a.stopped,
    seenAgoMs: Math.round(Number(a.ago)),
    queueDepth: a.queue_depth,
    groups: (a.groups as string[]) ?? [],
    holds: live.filter(l => l.account === a.account).map(l => l.group_id),
  }))
  const unheld = [...new Set(list.filter(a => a.alive).flatMap(a => a.groups))].filter(g => !held.has(g)).sort()
  return {
    accounts: list,
    leases: leases.map(l => ({ groupId: l.group_id, account: l.account, expiresInMs: Math.round(Number(l.left)) })),
    unheld,
  }
}

/** `#状态` lines (Chinese): each account, alive or not, its groups, leases and queue. */
export function fleetChatLines(s: FleetSnapshot, me: string, topicOf: (groupId: string) => string): string[] {
  const alive = s.accounts.filter(a => a.alive).length
  return [
    `机器人账号组（数据库）：${s.accounts.length} 个账号，${alive} 个在线；本账号 ${me}`,
    ...s.accounts.map(a => {
      const names = a.holds.slice(0, 6).map(topicOf).join('、')
      const holds = a.alive || a.holds.length ? `，${a.alive ? '负责' : '租约未到期'} ${a.holds.length} 个` : ''
      return `· ${a.account}${a.account === me ? '（本账号）' : ''} ${a.contactId || '未登录'}：${chatState(a)}，在 ${a.groups.length} 个群${holds}${names ? `（${names}${a.holds.length > 6 ? '…' : ''}）` : ''}，发送队列 ${a.queueDepth} 条`
    }),
    ...(s.unheld.length ? [`· 暂无账号负责的群 ${s.unheld.length} 个（接管中）`] : []),
  ]
}

/** An account's state in `#状态`: online, its process gone (leases not yet run out), stopped cleanly, or offline. */
function chatState(a: FleetAccount): string {
  if (a.alive) return '在线'
  if (a.exited) return `进程已退出（${Math.round(a.seenAgoMs / 1000)} 秒前最后续约，租约到期后由其他账号接管）`
  if (a.stopped) return '已停止（正常退出，群已交给其他账号）'
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
