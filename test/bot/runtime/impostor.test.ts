import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PLUGINS } from '../../../plugins/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

const sales = group('r-sales@chatroom', '示例科技销售部工作群', 'internal', '销售部工作群')
const admin = member('wxid_admin', '陈管理', '行政部-陈静')
/** Someone with the admin's WeChat name and group nickname, but another contact id. */
const impostor = member('wxid_fake', '陈管理', '行政部-陈静')

describe('an impostor with an admin name and nickname', () => {
  it('is refused every admin command and subcommand, in the group and privately, each refusal audited, nothing changed', async () => {
    const yaml = readFileSync('data/bot.config.example.yaml', 'utf8')
    const h = await makeRuntime(yaml, PLUGINS, { file: `${process.cwd()}/data/bot.config.example.yaml` })
    const { rt, clock, wechat } = h
    wechat.addGroup(sales, [admin, impostor])
    const p = rt.loaded.config.commandPrefix
    const adminOnly = rt.router.all().flatMap(c => {
      const subs = Object.entries(c.spec.subcommandRoles ?? {})
        .filter(([, role]) => role === 'admin')
        .map(([sub]) => `${c.spec.name} ${sub}`)
      const names = c.spec.role === 'admin' ? [c.spec.name, ...subs] : subs
      return names.map(name => ({ name, where: c.spec.where ?? 'any' }))
    })
    expect(adminOnly.length).toBeGreaterThan(8) // #状态 #重载配置 #审计 #观察 #撤销 #违规 #词库 #活动 新建 …
    const modesBefore = rt.modes.describe(rt.plugins.map(x => x.name))
    // Each command where it may be used (a private-only command typed in a group is only told to go private).
    const attempts = adminOnly.flatMap(c =>
      [sales, undefined].filter(g => c.where === 'any' || (c.where === 'group') === !!g).map(g => ({ ...c, g })),
    )
    for (const { name, g } of attempts) {
      await rt.handle(text(impostor, `${p}${name} 全部 开`, clock.now(), g))
      await clock.advance(3_000)
    }
    const refused = rt.audit.query({ memberId: impostor.id, limit: 10_000 }).filter(e => e.rule === 'command-refused')
    expect(refused).toHaveLength(attempts.length)
    // No admin effect happened: observe modes unchanged, no undo, no reload, nothing told to the admin.
    expect(rt.modes.describe(rt.plugins.map(x => x.name))).toEqual(modesBefore)
    expect(rt.audit.query({ limit: 10_000 }).filter(e => e.type === 'undo')).toEqual([])
    expect(wechat.textsTo(impostor.id).join('\n')).not.toMatch(/健康|观察模式已|已撤销|已重新加载/)
    expect(rt.errors).toEqual([])
  }, 60_000)
})
