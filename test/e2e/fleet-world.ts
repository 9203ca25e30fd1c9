import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import type { PuppetService } from './puppet-service.js'

/** The fleet e2e's company: three bot accounts, 30 customer groups (6 of them with two bot accounts) and a sales group. */
export const ACCOUNTS = ['acct1', 'acct2', 'acct3'] as const
export const BOT_IDS = ['wxid_fleet1', 'wxid_fleet2', 'wxid_fleet3']
export const SALES = 'r-sales@chatroom'
/** Customer group `n` (1…30). */
export const groupId = (n: number) => `r-fleet-${String(n).padStart(2, '0')}@chatroom`
/** The topic of group `n`: groups 1…6 (two bot accounts each) are internal work groups, the others customer groups. */
export const topicOf = (n: number) =>
  n <= 6 ? `示例科技共享${String(n).padStart(2, '0')}工作群` : `示例科技客户${String(n).padStart(2, '0')}交流群`
/** The config entry that manages the shared work groups (the example config already matches the customer groups). */
export const SHARED_GROUPS_CONFIG = { name: '共享工作群', topicPattern: '^示例科技共享\\d+工作群$', kind: 'internal' }
/** The accounts (indexes) in group `n`: its home account, and the next one too for groups 1…6. */
export const accountsIn = (n: number) => (n <= 6 ? [(n - 1) % 3, n % 3] : [(n - 1) % 3])
export const SHARED = [1, 2, 3, 4, 5, 6].map(groupId)

const PEOPLE = [
  { id: 'wxid_admin', name: '陈管理' },
  { id: 'wxid_trainer', name: '刘老师' },
  { id: 'wxid_boss', name: '王经理' },
  { id: 'wxid_zhangsan', name: '张三' },
  { id: 'wxid_wangwu', name: '王五' },
  { id: 'wxid_c1', name: '刘总' },
  { id: 'wxid_c3', name: '优惠多多' },
]

/** Write one world file per account (what that WeChat account sees) into `dir`; returns their paths. */
export function writeFleetWorlds(dir: string): string[] {
  return ACCOUNTS.map((_, a) => {
    const groups = []
    for (let n = 1; n <= 30; n++) {
      const inside = accountsIn(n)
      if (!inside.includes(a)) continue
      const members: Record<string, string | null> =
        n <= 6
          ? {
              wxid_boss: '销售部-王强',
              wxid_zhangsan: '销售部-张三',
              wxid_wangwu: '销售部-王五',
              wxid_c1: null,
              wxid_c3: null,
            }
          : { wxid_zhangsan: '示例科技张三13800138001', wxid_c1: null, wxid_c3: null }
      for (const other of inside) if (other !== a) members[BOT_IDS[other]] = null
      groups.push({
        id: groupId(n),
        topic: topicOf(n),
        owner: 'wxid_zhangsan',
        members,
      })
    }
    if (a === 0)
      groups.push({
        id: SALES,
        topic: '示例科技销售部工作群',
        owner: 'wxid_admin',
        members: { wxid_admin: '行政部-陈静', wxid_trainer: '培训部-刘芳', wxid_zhangsan: '销售部-张三' },
      })
    const contacts = [
      ...PEOPLE,
      ...BOT_IDS.filter((_, i) => i !== a).map((id, i) => ({ id, name: `群管家${i + 1}号` })),
    ]
    const file = join(dir, `world-${ACCOUNTS[a]}.yaml`)
    writeFileSync(file, stringify({ bot: { id: BOT_IDS[a], name: `群管家${a + 1}号` }, contacts, groups }))
    return file
  })
}

/** A member posts in a group: every account in that group receives it (each through its own WeChat). */
export function sayInGroup(services: PuppetService[], n: number | 'sales', from: string, text: string): void {
  const room = n === 'sales' ? SALES : groupId(n)
  const inside = n === 'sales' ? [0] : accountsIn(n)
  // WeChat stamps a message once, on its server, in whole seconds: every account's copy has the same time (the
  // fleet finds the old holder's answer to a message by it). Two `say`s a millisecond apart would not.
  const timestamp = Math.floor(Date.now() / 1000)
  for (const a of inside) services[a].world.say(from, { room }, text, { timestamp })
}
