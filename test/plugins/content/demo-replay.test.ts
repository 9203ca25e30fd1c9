import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../../bot/app.js'
import { FakeClock, flushMicrotasks } from '../../../bot/ports/clock.js'
import { MemoryStore } from '../../../bot/ports/memory-store.js'
import type { AuditEntry } from '../../../bot/runtime/audit.js'
import { createLogger } from '../../../bot/runtime/logger.js'
import { applyEvent } from '../../../bot/replay/apply-event.js'
import { readTranscript } from '../../../bot/replay/transcript.js'
import { createSandbox } from '../../../bot/sandbox/index.js'
import { clockTime } from '../../../bot/time/zoned.js'
import { populateWorld, readWorld } from '../../../bot/world/load-world.js'
import { contentPlugin } from '../../../plugins/content/index.js'

/** The demo config with only this plugin's section (roster path made absolute), written into `dir`. */
function demoConfig(dir: string): string {
  const base = readFileSync('data/demo/demo.config.base.yaml', 'utf8').replace(/^roster: .*$/m, `roster: ${resolve('data/demo/roster.csv')}`)
  const part = readFileSync('data/demo/parts/content.config.yaml', 'utf8').split('\n').map(l => `  ${l}`).join('\n')
  const file = join(dir, 'config.yaml')
  writeFileSync(file, `${base}\nplugins:\n${part}\n`)
  return file
}

describe('content demo transcript on the Wechaty sandbox', () => {
  it('shows a warning, an admin report, a merged repeat, an observed category, an escalation with a failed removal and an undo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-demo-'))
    const events = readTranscript('data/demo/parts/content.jsonl')
    const world = readWorld('data/demo/world.yaml')
    const clock = new FakeClock(events[0].at - 60_000)
    const sandbox = createSandbox({ now: () => clock.now() })
    populateWorld(sandbox.world, world)
    const app = createApp({ configFile: demoConfig(dir), dataDir: dir, log: createLogger('silent'), puppet: sandbox.puppet, clock, store: new MemoryStore(), printQr: false, plugins: [contentPlugin] })
    const audit: AuditEntry[] = []
    app.runtime.audit.subscribe(e => { audit.push(e) })
    await app.bot.start()
    sandbox.world.login(world.bot.id)
    await app.ready
    const settle = async () => { for (let i = 0; i < 3; i++) { await flushMicrotasks(); await app.idle() } }
    for (const ev of events) {
      await clock.advanceTo(ev.at)
      applyEvent(sandbox.world, ev)
      await settle()
    }
    await clock.advanceTo(clock.now() + 60_000)
    await settle()
    await app.stop()
    const at = (ms: number) => clockTime(ms, 'Asia/Shanghai')
    const sent = sandbox.world.sent.map(s => ({ at: at(s.at), to: s.roomId ?? s.toContactId, text: s.text ?? '' }))
    const inCustomerGroup = sent.filter(s => s.to === 'r-cust-zhangsan@chatroom').map(s => [s.at, s.text.startsWith('@优惠多多'), s.text.match(/涉及「(.+?)」/)?.[1]])
    expect(inCustomerGroup).toEqual([
      ['10:12', true, '无关商业广告、私加联系方式'],
      ['11:20', true, '无关商业广告、未经许可的链接'],
      ['15:30', true, '私加联系方式、无关商业广告'],
    ])
    const toAdmin = sent.filter(s => s.to === 'wxid_admin').map(s => s.text)
    expect(toAdmin.some(t => t.includes('「兼 职 刷 单」位置 0–7 → 词条「兼职刷单」'))).toBe(true)
    expect(toAdmin.some(t => t.includes('「内部·价格·表」位置 6–13 → 词条「内部价格表」'))).toBe(true)
    expect(toAdmin.some(t => t.includes('已达违规上限：已尝试将其移出本群'))).toBe(true)
    expect(toAdmin.some(t => t.includes('⚠️ 移除成员失败'))).toBe(true)
    const strike = audit.find(e => e.type === 'strike' && e.memberId === 'wxid_wangwu')!
    expect(toAdmin.find(t => t.startsWith('最近 7 天的违规事件，共 1 件'))).toContain(`审计 ${strike.id}（违规记录有效）`)
    expect(toAdmin).toContain(`已撤销 ${strike.id}：违规记录 1 条，罚款 0 笔。`)
    expect(sent.filter(s => s.to === 'wxid_wangwu').map(s => s.text)).toEqual([`管理员已撤销你的一次违规记录（${strike.id}），相关处罚已取消。`])
    expect(toAdmin.at(-1)).toMatch(/^最近 7 天的违规事件，共 5 件：\nV5 .*移出群（移出失败，请手动处理）/)
    expect(audit.filter(e => e.rule.startsWith('content.dry-run')).map(e => [at(e.at), e.memberId, e.rule])).toEqual([
      ['11:40', 'wxid_zhangsan', 'content.dry-run.warn'], ['11:40', 'wxid_zhangsan', 'content.dry-run.strike'], ['11:40', 'wxid_zhangsan', 'content.dry-run.report'],
    ])
    expect(app.runtime.errors).toEqual([])
    rmSync(dir, { recursive: true, force: true })
  }, 30_000)
})
