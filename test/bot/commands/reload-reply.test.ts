import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../bot/config/load-config.js'
import { createLogger } from '../../../bot/process/logger.js'
import { campaignPlugin } from '../../../plugins/campaign/index.js'
import { makeRuntime, member, text } from '../../helpers/harness.js'

const CONFIG = 'company: 示例科技\nroles: { admin: [admin1] }\n'

describe('#重载配置 and #花名册 重载 in chat', () => {
  it('answer in Chinese with the file name and line, never a server path; the log has the complete lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reload-reply-'))
    const file = join(dir, 'bot.config.yaml')
    writeFileSync(file, `${CONFIG}timezone: Mars/Olympus\nroster: staff.csv\n`)
    writeFileSync(join(dir, 'staff.csv'), '姓名,电话\n张三,123\n')
    const { rt, clock, wechat } = await makeRuntime(CONFIG)
    const logged: string[] = []
    Object.assign(rt.deps, {
      reloadConfig: () => loadConfig(file, []),
      log: createLogger('warn', 'bot', line => logged.push(line)),
    })
    await rt.handle(text(member('admin1'), '#重载配置', clock.now()))
    await clock.advance(10_000)
    const reply = wechat.textsTo('admin1').at(-1) ?? ''
    expect(reply).toMatch(/^❌ 新配置有 2 个问题，继续使用旧配置：/)
    expect(reply).toContain(
      '· bot.config.yaml 第 3 行：timezone：应为 IANA 时区，如 Asia/Shanghai，填的是 "Mars/Olympus"\n',
    )
    expect(reply).toContain('· staff.csv 第 2 行：手机号「123」不是 11 位手机号码\n')
    expect(reply).toContain('完整说明已写入机器人日志')
    expect(reply).not.toContain(dir)
    expect(reply).not.toMatch(/expected|phone/)
    expect(logged.join('\n')).toContain(`${file}:3: timezone:`)
    expect(logged.join('\n')).toContain(`${join(dir, 'staff.csv')}:2: 手机号「123」不是 11 位手机号码（phone "123"`)
  })
})

describe('#花名册 重载 of a roster with a renamed column', () => {
  it('is refused with the heading, the nearest one and the reason in Chinese (no one becomes a leaver)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reload-reply-'))
    const file = join(dir, 'bot.config.yaml')
    writeFileSync(file, `${CONFIG}roster: staff.csv\n`)
    writeFileSync(join(dir, 'staff.csv'), 'name,phone,contactId\n张三,13800138000,admin1\n')
    const loaded = loadConfig(file, [])
    const { rt, clock, wechat } = await makeRuntime(CONFIG)
    Object.assign(rt.deps, { reloadConfig: () => loaded, log: createLogger('silent') })
    await rt.applyConfig(loaded)
    writeFileSync(join(dir, 'staff.csv'), 'name,phone,微信号\n张三,1380013800,admin1\n')
    await rt.handle(text(member('admin1'), '#花名册 重载', clock.now()))
    await clock.advance(10_000)
    const reply = wechat.textsTo('admin1').at(-1) ?? ''
    expect(reply).toMatch(/^❌ 花名册有 1 个问题，继续使用旧花名册：/)
    expect(reply).toContain('· staff.csv 第 1 行：不认识的表头「微信号」，是不是「微信id」？可用的表头：name（姓名）、')
    expect(reply).not.toMatch(/unknown|did you mean/)
    expect(rt.loaded.roster.byContact('admin1')?.name).toBe('张三')
  })
})

describe('#花名册 重载 of a roster saved as an Excel workbook', () => {
  it('tells the admin in chat how to save it (the Chinese fix), still without the server folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reload-reply-'))
    const file = join(dir, 'bot.config.yaml')
    writeFileSync(file, `${CONFIG}roster: staff.csv\n`)
    writeFileSync(join(dir, 'staff.csv'), Buffer.from('PK\x03\x04 workbook bytes', 'latin1'))
    const { rt, clock, wechat } = await makeRuntime(CONFIG)
    Object.assign(rt.deps, { reloadConfig: () => loadConfig(file, []), log: createLogger('silent') })
    await rt.handle(text(member('admin1'), '#重载配置', clock.now()))
    await clock.advance(10_000)
    const reply = wechat.textsTo('admin1').at(-1) ?? ''
    expect(reply).toContain('· staff.csv 第 1 行：这是 Excel 工作簿，不是 CSV 文本')
    expect(reply).toContain('请在 Excel 里另存为「CSV UTF-8」')
    expect(reply).not.toContain(dir)
  })
})

describe('#审计 in chat', () => {
  it('reads the notes plugins record in Chinese (a refused #排期)', async () => {
    // u1 has a role (a refused subcommand, not a staff command unknown to a customer).
    const { rt, clock, wechat } = await makeRuntime('company: 示例科技\nroles: { admin: [admin1], leader: [u1] }\n', [
      campaignPlugin,
    ])
    await rt.handle(text(member('u1', '张三'), '#排期 通过 1', clock.now()))
    await rt.handle(text(member('admin1'), '#审计', clock.now()))
    await clock.advance(10_000)
    const reply = wechat.textsTo('admin1').at(-1) ?? ''
    expect(reply).toContain('无权使用 排期 通过，已拒绝')
    expect(reply).not.toContain('refused 排期')
  })
})
