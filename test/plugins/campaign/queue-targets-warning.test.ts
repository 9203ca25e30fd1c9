import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { configWarnings } from '../../../bot/config/config-warnings.js'
import { parseConfig } from '../../../bot/config/load-config.js'
import { PLUGINS } from '../../../plugins/index.js'
import { admin, exampleRuntime, sales, zhangsan } from '../../helpers/example-world.js'
import { text } from '../../helpers/harness.js'

const EXAMPLE = readFileSync('data/bot.config.example.yaml', 'utf8').replace(
  'roster: demo/roster.csv',
  `roster: ${process.cwd()}/data/demo/roster.csv`,
)
/** The example without its broadcast group (a new user's config with internal and customer groups only). */
const withoutBroadcast = (yaml: string) => yaml.replace(/ {2}- name: 公告群\n(?: {4}.*\n)+/, '')

const warnings = (yaml: string) => configWarnings(parseConfig(yaml, 'bot.config.yaml', PLUGINS), PLUGINS)

describe('daily posts whose targets match no configured group', () => {
  it('check-config warns, naming the full key and what #排期 添加 would do', () => {
    expect(warnings(EXAMPLE)).toEqual([])
    expect(withoutBroadcast(EXAMPLE)).not.toContain('kind: broadcast')
    expect(warnings(withoutBroadcast(EXAMPLE))).toEqual([
      '⚠️ plugins.campaign.queue.targets（kind: broadcast）不对应 groups 里的任何群：#排期 添加 会被拒绝；' +
        '在 groups 里加上要发布的群，或修改 targets (the daily posts target no configured group: #排期 添加 would be refused)',
    ])
  })

  it('says nothing when the campaign plugin is off', () => {
    const off = withoutBroadcast(EXAMPLE).replace('  campaign:\n', '  campaign:\n    enabled: false\n')
    expect(warnings(off)).toEqual([])
  })

  it('#排期 添加 names the full key in its refusal', async () => {
    const { rt, clock, wechat } = await exampleRuntime(withoutBroadcast)
    wechat.addGroup(sales, [admin, zhangsan])
    await rt.handle(text(admin, '#排期 添加 明天 新品上市', clock.now()))
    await clock.advance(3_000)
    expect(wechat.textsTo(admin.id)).toEqual([
      '❌ 没有可发布的目标群（配置 plugins.campaign.queue.targets）。\n用法：#排期 添加 <日期> [时间] [节假日照发] <内容>',
    ])
  })
})
