import { readFileSync } from 'node:fs'
import { PLUGINS } from '../../plugins/index.js'
import { group, makeRuntime, member, type RuntimeOptions } from './harness.js'

/** The example config's internal sales group and one customer group its topic pattern takes. */
export const sales = group('r-sales@chatroom', '示例科技销售部工作群', 'internal', '销售部工作群')
export const cust = group('r-cust@chatroom', '示例科技张三交流群', 'customer', '客户交流群')
/** An admin (`roles.admin` of the example) and a salesperson of the demo roster. */
export const admin = member('wxid_admin', '陈管理', '行政部-陈静')
export const zhangsan = member('wxid_zhangsan', '张三', '销售部-张三')

/**
 * A runtime on the shipped example config (`data/bot.config.example.yaml`, every plugin, the demo roster), no group
 * populated yet; `edit` changes the config text first, `opts` the runtime (e.g. its start instant).
 */
export async function exampleRuntime(edit: (yaml: string) => string = yaml => yaml, opts: RuntimeOptions = {}) {
  const yaml = edit(
    readFileSync('data/bot.config.example.yaml', 'utf8').replace(
      'roster: demo/roster.csv',
      `roster: ${process.cwd()}/data/demo/roster.csv`,
    ),
  )
  return makeRuntime(yaml, PLUGINS, { file: 'data/bot.config.example.yaml', ...opts })
}
