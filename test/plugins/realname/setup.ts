import type { GroupRef, Member } from '../../../bot/core/event.js'
import type { Store } from '../../../bot/ports/store/store.js'
import { realnamePlugin } from '../../../plugins/realname/index.js'
import { group, makeRuntime, member } from '../../helpers/harness.js'

/** Minutes and hours in ms. */
export const MIN = 60_000
export const H = 60 * MIN

/** The sales group (internal) and one customer group, as the runtime resolves them. */
export const sales = group('r-sales', '示例科技销售部工作群', 'internal', '销售部工作群')
export const cust = group('r-cust', '示例科技张三交流群', 'customer', '客户交流群')

/** Config for the tests; `extra` is YAML merged under `plugins.realname`. */
export function config(extra = ''): string {
  return `
company: 示例科技
roles: { admin: [wxid_admin], leader: [wxid_boss] }
roster: roster.csv
groups:
  - { name: 销售部工作群, topic: 示例科技销售部工作群, kind: internal }
  - { name: 客户交流群, topicPattern: "^示例科技.+交流群$", kind: customer }
plugins:
  realname:
    departments: [销售部, 行政部, 培训部]
    regions: [南宁]
    welcome: { rules: [工作时间请勿刷屏] }
${extra
  .split('\n')
  .map(l => `    ${l}`)
  .join('\n')}
`
}

/** A runtime with the realname plugin and both groups populated (`fleet`: wxid_bot2 is a fleet peer). */
export async function start(extra = '', opts: { start?: number; fleet?: boolean; store?: Store } = {}) {
  const yaml = opts.fleet
    ? config(extra).replace('company: 示例科技', 'company: 示例科技\nfleet: { peers: [wxid_bot2] }')
    : config(extra)
  const h = await makeRuntime(yaml, [realnamePlugin], {
    file: 'test/plugins/realname/fixtures/test.yaml',
    ...opts,
  })
  h.wechat.addGroup(sales, [
    member('wxid_admin', '陈管理', '行政部-陈静'),
    member('wxid_zhangsan', '张三', '销售部-张三'),
    member('wxid_wangwu', '王五', '销售部-王五'),
  ])
  h.wechat.addGroup(cust, [member('wxid_zhangsan', '张三', '示例科技张三13800138001'), member('wxid_c1', '刘总')])
  /** Members join (added to the directory and announced by a join event). */
  const join = async (g: GroupRef, members: Member[], inviter?: Member) => {
    h.wechat.addMembers(
      g.id,
      members.map(m => ({ ...m })),
    )
    await h.rt.handle({ type: 'join', at: h.clock.now(), group: g, members: members.map(m => ({ ...m })), inviter })
  }
  return { ...h, join }
}
