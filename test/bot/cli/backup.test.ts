import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../bot/app.js'
import { BackupError, restoreBackup, writeBackup } from '../../../bot/cli/backup.js'
import { FakeClock, flushMicrotasks } from '../../../bot/ports/clock.js'
import { createLogger } from '../../../bot/process/logger.js'
import { createSandbox } from '../../../bot/sandbox/index.js'
import { populateWorld, readWorld } from '../../../bot/sandbox/load-world.js'
import { MONDAY_9AM } from '../../helpers/harness.js'
import { demoConfig } from '../../helpers/sandbox-app.js'

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

const temp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`))

/** The whole bot on the sandbox puppet with its file store and archive in `dataDir` (what `npm start` runs). */
async function startBot(dataDir: string, start = MONDAY_9AM) {
  const configFile = join(temp('backup-config'), 'bot.config.yaml')
  writeFileSync(configFile, demoConfig())
  const clock = new FakeClock(start)
  const sandbox = createSandbox({ now: () => clock.now() })
  const spec = readWorld('data/demo/world.yaml')
  populateWorld(sandbox.world, spec)
  const app = createApp({
    configFile,
    dataDir,
    log: createLogger('silent'),
    puppet: sandbox.puppet,
    clock,
    printQr: false,
  })
  await app.bot.start()
  sandbox.world.login(spec.bot.id)
  await app.ready
  stops.push(() => app.stop())
  const world = sandbox.world
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await flushMicrotasks()
      await app.idle()
    }
  }
  /** A message, then time for the outbox; returns what the bot sent to `to` meanwhile. */
  const say = async (from: string, where: { room?: string; to?: string }, text: string) => {
    const before = world.sent.length
    world.say(from, where, text)
    await settle()
    await clock.advance(15_000)
    await settle()
    return world.sent
      .slice(before)
      .map(s => s.text ?? '')
      .join('\n')
  }
  return { app, world, clock, say }
}

const ADMIN = 'wxid_admin'
const SALES = { room: 'r-sales@chatroom' }

describe('backup and restore', () => {
  it('a backup taken while the bot runs restores into a fresh folder that starts a working bot', async () => {
    const dataA = temp('backup-a')
    const a = await startBot(dataA)
    await a.say('wxid_zhangsan', SALES, '今天的退款单已提交')
    expect(await a.say(ADMIN, { to: ADMIN }, '#记录 保全 销售部工作群')).toContain(
      '已对「示例科技销售部工作群」设置法律保全',
    )
    const file = join(temp('backup-file'), 'bot.backup')
    const summary = await writeBackup(dataA, file) // the bot keeps running
    expect(summary.files).toBeGreaterThan(5)
    await a.say('wxid_lisi', SALES, '备份之后的退款消息')

    const dataB = join(temp('backup-b'), 'restored')
    const restored = await restoreBackup(file, dataB)
    expect(restored).toEqual(summary)
    expect(existsSync(join(dataB, 'archive', 'index', 'docs.bin'))).toBe(true)
    expect(statSync(dataB).mode & 0o777).toBe(0o700)

    const b = await startBot(dataB, a.clock.now())
    const found = await b.say(ADMIN, { to: ADMIN }, '#记录 搜索 退款')
    expect(found).toContain('今天的退款单已提交')
    expect(found).not.toContain('备份之后')
    expect(await b.say(ADMIN, { to: ADMIN }, '#记录 保全')).toContain('示例科技销售部工作群')
    // Still working: it archives and finds a new message.
    await b.say('wxid_wangwu', SALES, '恢复以后的退款')
    expect(await b.say(ADMIN, { to: ADMIN }, '#记录 搜索 退款')).toContain('恢复以后的退款')
  })

  it('refuses a damaged backup and a folder that is not empty, leaving nothing half restored', async () => {
    const data = temp('backup-src')
    mkdtempSync(join(data, 'state-'))
    writeFileSync(join(data, 'one.json'), '{"a":1}')
    appendFileSync(join(data, 'two.jsonl'), 'x'.repeat(100_000))
    const file = join(temp('backup-file'), 'b.backup')
    await writeBackup(data, file)
    const busy = temp('backup-busy')
    writeFileSync(join(busy, 'x'), '')
    await expect(restoreBackup(file, busy)).rejects.toThrow(BackupError)
    truncateSync(file, statSync(file).size - 40)
    const into = join(temp('backup-into'), 'r')
    await expect(restoreBackup(file, into)).rejects.toThrow(/已损坏|不完整/)
    expect(existsSync(into)).toBe(false)
    writeFileSync(file, 'not a backup')
    await expect(restoreBackup(file, into)).rejects.toThrow(BackupError)
    expect(readdirSync(busy)).toEqual(['x'])
    expect(readFileSync(join(busy, 'x'), 'utf8')).toBe('')
  })
})
