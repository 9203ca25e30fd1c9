import type { Member } from '../../../bot/core/event.js'
import { ackPlugin } from '../../../plugins/ack/index.js'
import { group, makeRuntime, member, shanghai } from '../../helpers/harness.js'

/** Config of the integration tests: one internal and one customer group; `ack` section appended. */
export function config(ack = '{ fines: { enabled: true } }'): string {
  return `
company: 示例科技
roles: { admin: [admin1], leader: [boss] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 客户群, topic: 张三交流群, kind: customer }
plugins:
  ack: ${ack}
`
}

export const sales = group('r1', '销售部工作群', 'internal', '销售群')
export const customers = group('r2', '张三交流群', 'customer', '客户群')
export const boss = member('boss', '王经理', '销售部-王强')
export const admin = member('admin1', '陈管理', '行政部-陈静')
export const zhang = member('u1', '张三', '销售部-张三')
export const li = member('u2', '李四', '销售部-李四')
export const wang = member('u3', '王五', '销售部-王五')

/** Wall-clock instant on the demo Monday (or another day) in Asia/Shanghai. */
export function at(local: string, day = '2026-11-30'): number {
  return shanghai(`${day}T${local}`)
}

/** A runtime with the ack plugin and the sales group (boss, admin, 张三, 李四, 王五). */
export async function salesRuntime(ack?: string, members: Member[] = [boss, admin, zhang, li, wang]) {
  const env = await makeRuntime(config(ack), [ackPlugin], { start: at('08:55') })
  env.wechat.addGroup(sales, members)
  env.wechat.addGroup(customers, [zhang, member('c1', '刘总')])
  return env
}
