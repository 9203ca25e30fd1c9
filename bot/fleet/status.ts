import { type Kysely, sql } from 'kysely'
import type { Database } from '../ports/postgres/schema.js'

/** One account of the fleet as the database sees it. */
export interface FleetAccount {
  account: string
  contactId: string
  /** Renewed within the lease time: its process lives. */
  alive: boolean
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
export async function fleetSnapshot(db: Kysely<Database>, aliveMs: number): Promise<FleetSnapshot> {
  const accounts = await db
    .selectFrom('fleet_accounts')
    .select([
      'account',
      'contact_id',
      'queue_depth',
      'groups',
      sql<number>`extract(epoch from now() - seen_at) * 1000`.as('ago'),
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
    alive: Number(a.ago) < aliveMs,
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
      const state = a.alive ? '在线' : `离线 ${Math.round(a.seenAgoMs / 1000)} 秒`
      const names = a.holds.slice(0, 6).map(topicOf).join('、')
      return `· ${a.account}${a.account === me ? '（本账号）' : ''} ${a.contactId || '未登录'}：${state}，在 ${a.groups.length} 个群，负责 ${a.holds.length} 个${names ? `（${names}${a.holds.length > 6 ? '…' : ''}）` : ''}，发送队列 ${a.queueDepth} 条`
    }),
    ...(s.unheld.length ? [`· 暂无账号负责的群 ${s.unheld.length} 个（接管中）`] : []),
  ]
}
