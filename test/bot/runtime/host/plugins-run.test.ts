import { describe, expect, it } from 'vitest'
import { activityPlugin } from '../../../../plugins/activity/index.js'
import { casesPlugin } from '../../../../plugins/cases/index.js'
import { group, makeRuntime, member, text } from '../../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - name: 销售群
    topic: 销售部工作群
    kind: internal
    plugins: { cases: { maxReplyChars: 1500 } }
plugins:
  activity: { silentDays: 5 }
`
const sales = group('r1', '销售部工作群', 'internal', '销售群')
const admin = member('admin1', '陈管理')

describe('plugins that run only by default (the config names no section of theirs)', () => {
  it('are named at start in the log and in #状态; a plugin named only in a group counts as named', async () => {
    const logged: string[] = []
    const plugins = [activityPlugin, casesPlugin]
    const { rt, clock, wechat } = await makeRuntime(CONFIG.replace(/^ {4}plugins: .*\n/m, ''), plugins, {
      log: l => logged.push(l),
      logLevel: 'info',
      groups: [[sales, [admin]]],
    })
    const line =
      '其中配置里没写、按默认开启的：销售案例库（cases）（不需要的在配置 plugins 下写 cases: { enabled: false }）'
    expect(logged.join('\n')).toContain(`插件：群活跃度与客户响应统计（activity）、销售案例库（cases）；${line}`)
    await rt.handle(text(admin, '#状态', clock.now(), sales))
    await clock.advance(10_000)
    expect(wechat.textsTo('admin1').at(-1)).toContain(`\n${line}\n`)

    const named = await makeRuntime(CONFIG, plugins, { log: l => logged.push(l), logLevel: 'info' })
    await named.rt.handle(text(admin, '#状态', named.clock.now()))
    await named.clock.advance(10_000)
    expect(named.wechat.textsTo('admin1').at(-1)).not.toContain('按默认开启')
  })
})
