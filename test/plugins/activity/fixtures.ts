import { group, member } from '../../helpers/harness.js'

/** A company with one internal sales group and customer groups matched by topic; `activity` is its plugin section. */
export const activityConfig = (activity = '{}') => `
company: 示例科技
roles: { admin: [admin1], leader: [boss], staff: [zhang, li] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 客户群, topicPattern: "交流群$", kind: customer }
plugins:
  activity: ${activity}
`
export const sales = group('r1', '销售部工作群', 'internal', '销售群')
export const cust = group('c1', '示例科技张三交流群', 'customer', '客户群')
export const zhang = member('zhang', '张三')
export const li = member('li', '李四')
export const boss = member('boss', '王经理')
export const wang = member('wang', '王五')
export const liuzong = member('cust1', '刘总')
export const zhoujie = member('cust2', '周姐')
export const MIN = 60_000
