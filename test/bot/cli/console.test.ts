import { describe, expect, it } from 'vitest'
import { joinNote } from '../../../bot/cli/console.js'
import { readFileSync } from 'node:fs'
import { loadConfig, parseConfig } from '../../../bot/config/load-config.js'
import { EXAMPLE_CONFIG } from '../../../bot/env.js'
import { PLUGINS } from '../../../plugins/index.js'

describe('the sandbox console on /join', () => {
  const loaded = loadConfig(EXAMPLE_CONFIG, PLUGINS)

  it('says who joined and that the welcome goes out merged after the batch window', () => {
    expect(joinNote(loaded, '新人甲', 'r1@chatroom', '示例科技销售部工作群')).toBe(
      '（新人甲 入群「示例科技销售部工作群」；欢迎语在 1分钟 后发出，期间入群的人合并成一条 welcome in 1分钟, joins merged）',
    )
  })

  it('says when no welcome will come', () => {
    expect(joinNote(loaded, '新人甲', 'r2@chatroom', '别的群')).toBe(
      '（新人甲 入群「别的群」；该群不受管理，不发欢迎）',
    )
    const text = readFileSync(EXAMPLE_CONFIG, 'utf8').replace('    welcome:\n', '    welcome:\n      enabled: false\n')
    const off = parseConfig(text, EXAMPLE_CONFIG, PLUGINS)
    expect(joinNote(off, '新人甲', 'r1@chatroom', '示例科技销售部工作群')).toBe(
      '（新人甲 入群「示例科技销售部工作群」；该群的欢迎语已关闭）',
    )
  })
})
