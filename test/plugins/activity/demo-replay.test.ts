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
import { clockTime } from '../../../bot/time/zoned.js'
import { populateWorld, readWorld } from '../../../bot/world/load-world.js'
import { activityPlugin } from '../../../plugins/activity/index.js'
import { decodePng } from './png.js'

/** The demo config with only this plugin's section (roster path made absolute), written into `dir`. */
function demoConfig(dir: string): string {
  const base = readFileSync('data/demo/demo.config.base.yaml', 'utf8').replace(/^roster: .*$/m, `roster: ${resolve('data/demo/roster.csv')}`)
  const part = readFileSync('data/demo/parts/activity.config.yaml', 'utf8').split('\n').map(l => `  ${l}`).join('\n')
  const file = join(dir, 'config.yaml')
  writeFileSync(file, `${base}\nplugins:\n${part}\n`)
  return file
}

describe('demo transcript on the Wechaty sandbox', () => {
  it('reminds 张三 about 周姐 and ends the day with the daily report and its chart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'activity-demo-'))
    const events = readTranscript('data/demo/parts/activity.jsonl')
    const world = readWorld('data/demo/world.yaml')
    const clock = new FakeClock(events[0].at - 60_000)
    const sandbox = createSandbox({ now: () => clock.now() })
    populateWorld(sandbox.world, world)
    const app = createApp({ configFile: demoConfig(dir), dataDir: dir, log: createLogger('silent'), puppet: sandbox.puppet, clock, store: new MemoryStore(), dryRun: true, printQr: false, plugins: [activityPlugin] })
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
    const at = (e: AuditEntry) => clockTime(e.at, 'Asia/Shanghai')
    const remind = audit.filter(e => e.type === 'remind')
    expect(remind.map(e => [at(e), e.memberId])).toEqual([['14:08', 'wxid_zhangsan']])
    expect(remind[0].text).toContain('周姐 已等待 10分钟')
    const report = audit.filter(e => e.rule === 'activity.daily-report')
    expect(report.map(e => [at(e), e.type])).toEqual([['18:00', 'notifyAdmins'], ['18:00', 'sendFile']])
    expect(report[0].text).toMatch(/示例科技张三交流群（客户群）：\d+ 条.*响应中位 3分钟 \/ P90 28分钟（2 次）/)
    const png = /\S+\.png/.exec(report[1].text ?? '')?.[0] ?? ''
    expect(existsSync(png) && png.startsWith(join(dir, 'output', 'activity'))).toBe(true)
    expect(decodePng(readFileSync(png)).width).toBe(900)
    rmSync(dir, { recursive: true, force: true })
  }, 30_000)
})
