import { describe, expect, it } from 'vitest'
import { FileArchive } from '../../../plugins/archive/store/file-backend.js'
import { customer, customers, runCli, setup, tempArchiveDir, zhang } from './setup.js'

/** A customer group and a private chat with 张三 (titled with his name alone) in one file archive. */
async function withPrivateChat() {
  const dir = tempArchiveDir()
  const h = await setup({ dir })
  await h.say(customer, '你好，想了解净水器', customers)
  await h.say(zhang, '刘总那边我下午去拜访')
  return { dir, backend: h.backend }
}

describe('archive: a private chat is marked （私聊） where only its person’s name would show', () => {
  it('in the CSV export’s 会话 column, groups as before', async () => {
    const { backend } = await withPrivateChat()
    const r = await runCli(['export', '--from=2026-11-30', '--to=2026-11-30', '--format', 'csv'], { backend })
    const rows = r.out.slice(1).split('\r\n')
    expect(rows).toContainEqual(
      expect.stringMatching(/^2026-11-30 \d\d:\d\d,张三（私聊）,private:zhang,张三,zhang,文字,/),
    )
    expect(rows).toContainEqual(expect.stringMatching(/^2026-11-30 \d\d:\d\d,张三交流群,r-cust,刘总,c1,文字,/))
  })

  it('in archive verify’s lines, one per chat and day (the JSON keeps the title as stored)', async () => {
    const { dir } = await withPrivateChat()
    const verify = (json: string[] = []) => runCli(['verify', ...json], { backend: new FileArchive(dir), dir })
    const text = (await verify()).out
    expect(text).toMatch(/^✅ 张三（私聊） · 2026-11-30：\d+ 条（messages）$/m)
    expect(text).toMatch(/^✅ 张三交流群 · 2026-11-30：1 条（messages）$/m)
    const json = JSON.parse((await verify(['--json'])).out) as { days: { chat: string; title: string }[] }
    expect(json.days.find(d => d.chat === 'private:zhang')?.title).toBe('张三')
  })
})
