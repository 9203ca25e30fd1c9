import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
import { populateWorld, readWorld } from '../../../bot/world/load-world.js'
import { casesPlugin } from '../../../plugins/cases/index.js'

/** The demo config with only this plugin's section (roster path made absolute), written into `dir`. */
function demoConfig(dir: string): string {
  const base = readFileSync('data/demo/demo.config.base.yaml', 'utf8').replace(/^roster: .*$/m, `roster: ${resolve('data/demo/roster.csv')}`)
  const part = readFileSync('data/demo/parts/cases.config.yaml', 'utf8').split('\n').map(l => `  ${l}`).join('\n')
  const file = join(dir, 'config.yaml')
  writeFileSync(file, `${base}\nplugins:\n${part}\n`)
  return file
}

describe('cases demo transcript on the Wechaty sandbox', () => {
  it('captures three cases with the screenshot, answers 刘老师\'s search masked and sends the digest file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cases-demo-'))
    const events = readTranscript('data/demo/parts/cases.jsonl')
    const world = readWorld('data/demo/world.yaml')
    const clock = new FakeClock(events[0].at - 60_000)
    const sandbox = createSandbox({ now: () => clock.now() })
    populateWorld(sandbox.world, world)
    const store = new MemoryStore()
    const app = createApp({ configFile: demoConfig(dir), dataDir: dir, log: createLogger('silent'), puppet: sandbox.puppet, clock, store, dryRun: true, printQr: false, plugins: [casesPlugin] })
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
    await app.stop()
    const replies = audit.filter(e => e.rule.startsWith('command.') && e.type === 'say').map(e => e.text ?? '')
    expect(replies.filter(t => t.startsWith('✅ 已记录'))).toEqual([
      expect.stringContaining('已记录成交案例 C1「刘总（南宁某连锁餐饮，12… · 餐饮 · 商用净水器'),
      expect.stringContaining('已记录问题案例 C2'),
      expect.stringContaining('已记录经验案例 C3「老客户复购的三个小技巧：」'),
    ])
    expect(audit.find(e => e.rule === 'cases.image-attached')?.text).toMatch(/attached to C1$/)
    const search = replies.find(t => t.startsWith('🔍'))!
    expect(search).toMatch(/「价格异议」找到 2 条：\n1\. C2【问题】[\s\S]*\n2\. C1【成交】/)
    expect(search).toContain('139****5678')
    expect(search).not.toContain('zhoujie_nn')
    const digest = replies.find(t => t.startsWith('📚'))!
    expect(digest).toMatch(/共 3 条新案例\n按标签：成交 1 · 问题 1 · 经验 1\n按作者：张三 1 · 李四 1 · 杜艳霞 1/)
    const file = audit.find(e => e.type === 'sendFile')
    expect(file).toMatchObject({ memberId: 'wxid_trainer', dryRun: false })
    const md = join(dir, 'output', 'cases', '案例周报_2026-11-24_2026-11-30.md')
    expect(existsSync(md)).toBe(true)
    expect(readFileSync(md, 'utf8')).toContain('附图：1 张')
    rmSync(dir, { recursive: true, force: true })
  }, 30_000)
})
