import type { Member } from '../../../bot/core/event.js'
import type { Store } from '../../../bot/ports/store/store.js'
import { campaignPlugin } from '../../../plugins/campaign/index.js'
import { group, makeRuntime, member, shanghai, text } from '../../helpers/harness.js'

/** Wall-clock instant in Shanghai, e.g. `at('2026-11-30T08:30')`. */
export const at = (iso: string) => shanghai(iso)

/** Three groups: two internal work groups and an announcement-only group. */
export const sales = group('r-sales', '销售部工作群', 'internal', '销售群')
export const nanning = group('r-nanning', '南宁区域群', 'internal', '南宁群')
export const news = group('r-news', '公告群', 'broadcast', '公告群')

export const admin = member('admin', '陈管理')
export const editor = member('editor', '编辑小陈')
export const boss = member('boss', '王经理')
export const zs = member('zs', '张三')
export const ls = member('ls', '李四')
export const ww = member('ww', '王五')
export const du = member('du', '杜艳霞')
export const customer = member('c1', '刘总')

/** The company, roles and groups every campaign config of these tests shares. */
const COMPANY = `
company: 示例科技
roles: { admin: [admin], staff: [zs, ls, ww, du], editor: [editor], approver: [boss] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 南宁群, topic: 南宁区域群, kind: internal }
  - { name: 公告群, topic: 公告群, kind: broadcast }
`

/** Config with the demo campaign; `extra` is appended under `plugins.campaign`. */
export function config(extra = ''): string {
  return `${COMPANY}plugins:
  campaign:
    window: { postAt: '08:30' }
    campaigns:
      - id: double12
        title: 双十二净水器特惠
        text: 净水器双十二特惠，全场8折，转发海报到朋友圈
        link: { url: 'https://example.com/double12', title: 双十二净水器特惠 }
        start: '2026-11-30'
        deadline: '2026-11-30 18:00'
${extra.replace(/^/gm, '    ')}
`
}

/** Config without config campaigns: only the post queue (to the broadcast group) and chat campaigns. */
export const QUEUE_CONFIG = `${COMPANY}plugins:
  campaign: {}
`

/** Config with only a media folder (no config campaigns). */
export const mediaConfig = (folder: string) => `${COMPANY}plugins:
  campaign:
    media: { folder: '${folder}' }
`

/** Group members as the directory lists them. */
export const MEMBERS: [typeof sales, Member[]][] = [
  [sales, [admin, boss, zs, ls, ww]],
  [nanning, [admin, du, ls]],
  [news, [admin, zs, customer]],
]

/** A campaign runtime over `store` (a fresh one of the test back end by default) starting at `start`. */
export function start(startAt: number, yaml = config(), store?: Store) {
  return makeRuntime(yaml, [campaignPlugin], { store, start: startAt, groups: MEMBERS })
}

/** A screenshot image message. */
export function image(from: Member, now: number, g: typeof sales) {
  return text(from, '', now, g, { kind: 'image', attachment: { fileName: '朋友圈截图.jpg' } })
}
