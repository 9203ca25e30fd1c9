import { describe, expect, it } from 'vitest'
import { runtimeSource, WebConsole } from '../../../bot/console/index.js'
import { createConsoleApp } from '../../../bot/console/server.js'
import { createLogger } from '../../../bot/process/logger.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { group, member } from '../../helpers/harness.js'
import { fleetOfTwo, url } from './two-accounts.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1], staff: [zhang] }
groups:
  - { name: 销售一群, topic: 销售一群, kind: customer }
  - { name: 销售二群, topic: 销售二群, kind: customer }
`
const one = group('r1', '销售一群', 'customer', '销售一群')
const two = group('r2', '销售二群', 'customer', '销售二群')

function cookie(res: Response, name: string): string {
  const line = res.headers.getSetCookie().find(c => c.startsWith(`${name}=`)) ?? ''
  return line.slice(name.length + 1).split(';')[0]
}

/** The console of one account's runtime, signed in with the environment token; GET a page as text. */
async function consoleOf(h: Awaited<ReturnType<typeof fleetOfTwo>>[number]) {
  const log = createLogger('silent')
  const settings = { host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1:8080', token: 'fleet-secret' }
  const web = new WebConsole(settings, log, () => h.clock.now())
  const app = createConsoleApp({ source: runtimeSource(h.rt), auth: web.auth, log })
  const pre = cookie(await app.request('/login'), 'gg_console_pre')
  const res = await app.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ pre, token: 'fleet-secret' }),
    headers: { Cookie: `gg_console_pre=${pre}`, 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  const sid = cookie(res, 'gg_console')
  return async (path: string) => (await app.request(path, { headers: { Cookie: `gg_console=${sid}` } })).text()
}

describe.skipIf(!url)('the console’s group activity is fleet-wide', () => {
  it('shows in account B’s console the group account A counts, beside B’s own, and today’s messages of both', async () => {
    const [a, b] = await fleetOfTwo(CONFIG, [activityPlugin])
    b.wechat.addGroup(two, [member('zhang', '张三'), member('c2', '赵总')])
    await a.say(member('zhang', '张三'), '早上好，今天的报价发群里了', one)
    await a.say(member('c1', '刘总'), '收到，谢谢', one)
    await b.say(member('zhang', '张三'), '下午三点开会', two)
    await a.store.flush() // A's open day (its activity-current document)

    const get = await consoleOf(b)
    const page = await get('/groups?days=1')
    expect(page).toContain('共 3 条消息')
    // A's group with its figures; who did not speak there is A's to know (B is not in the group).
    expect(page).toMatch(/<td>销售一群<\/td><td>2<\/td><td>2<\/td>[\s\S]*?<td>—<\/td><\/tr>/)
    // B's own group, with its silent member.
    expect(page).toMatch(/<td>销售二群<\/td><td>1<\/td><td>1<\/td>[\s\S]*?1 人<\/summary>赵总/)
    expect(await get('/')).toContain('今天的群消息</div><div class="v ">3 条')
  })
})
