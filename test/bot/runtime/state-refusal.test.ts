import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseConfig } from '../../../bot/config/load-config.js'
import { definePlugin, type PluginDefinition } from '../../../bot/core/plugin.js'
import { FakeClock } from '../../../bot/ports/clock.js'
import { FileStore, type StoreFs } from '../../../bot/ports/store/file-store.js'
import { recordingFs } from '../ports/recording-fs.js'
import { SimulatedWeChat } from '../../../bot/ports/simulated.js'
import { createLogger } from '../../../bot/process/logger.js'
import { BotRuntime } from '../../../bot/runtime/host/runtime.js'
import { NOTICES_DOC } from '../../../plugins/ack/state.js'
import { group, MONDAY_9AM, member, text } from '../../helpers/harness.js'

const CONFIG = `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
`
const sales = group('r1', '销售部工作群', 'internal', '销售群')

/** A plugin that keeps durable notices, like the ack plugin. */
const keeper = definePlugin({
  name: 'keeper',
  description: 'test plugin',
  configSchema: z.object({}).strict(),
  create: ctx => {
    ctx.store.doc('ack-notices', NOTICES_DOC)
    return {}
  },
})

function runtimeOn(
  dir: string,
  plugins: PluginDefinition[],
  acceptStateLoss = false,
  extra: { fs?: StoreFs; onFatal?: (e: Error) => void } = {},
) {
  const clock = new FakeClock(MONDAY_9AM)
  const wechat = new SimulatedWeChat(clock)
  const store = new FileStore(dir, { acceptStateLoss, fs: extra.fs })
  const rt = new BotRuntime({
    loaded: parseConfig(CONFIG, 'test.yaml', plugins),
    plugins,
    clock,
    store,
    directory: wechat,
    roomAdmin: wechat,
    sender: wechat,
    log: createLogger('silent'),
    outputDir: join(dir, 'output'),
    random: () => 0.5,
    onFatal: extra.onFatal,
  })
  return { rt, clock, wechat }
}

function seed(dir: string, name: string, text: string): void {
  mkdirSync(join(dir, 'state'), { recursive: true })
  writeFileSync(join(dir, 'state', `${name}.json`), text)
}

describe('damaged durable state stops the start', () => {
  it("refuses to start when a plugin's durable document is wrong-shaped, naming the file and how to restore", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refusal-'))
    seed(dir, 'ack-notices', JSON.stringify({ next: 1, notices: [] }))
    const fatal: Error[] = []
    const { rt } = runtimeOn(dir, [keeper], false, { onFatal: e => fatal.push(e) })
    await expect(rt.start()).rejects.toThrow(
      /拒绝启动.*state\/ack-notices\.json: wrong shape: notices.*--accept-state-loss/,
    )
    expect(fatal).toHaveLength(1) // the app stops the process (it does not wait for a login that never comes)
  })

  it('refuses to build the runtime when the ledger is wrong-shaped (no longer "strikes is not iterable")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refusal-'))
    seed(dir, 'ledger', JSON.stringify({ strikes: {}, fines: [], next: 1 }))
    expect(() => runtimeOn(dir, [])).toThrow(/state\/ledger\.json: wrong shape: strikes/)
  })

  it('with --accept-state-loss starts empty and #状态 turns ⚠️ with the warning on top', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refusal-'))
    seed(dir, 'ack-notices', '{"next": 1, "notices": {')
    const { rt, clock, wechat } = runtimeOn(dir, [keeper], true)
    await rt.start()
    await rt.handle(text(member('admin1'), '#状态', clock.now(), sales))
    await clock.advance(3_000) // the outbox sends after its durable flush, as in the other runtime tests
    const reply = wechat.textsTo('admin1').join('\n')
    expect(reply).toContain('健康：⚠️ 存储警告')
    expect(reply).toContain('state/ack-notices.json: corrupt: not valid JSON')
  })
})

describe('a disk that stops taking writes', () => {
  it('tells the admins directly, sends nothing it could not record, and stops the bot (no silent zombie)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'disk-full-'))
    let full = false
    const noSpace = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    const { recorded } = recordingFs(op => (full && op === 'write' ? noSpace : undefined))
    const fatal: Error[] = []
    const { rt, clock, wechat } = runtimeOn(dir, [], false, { fs: recorded, onFatal: e => fatal.push(e) })
    await rt.start()
    full = true
    await rt.handle(text(member('admin1'), '#状态', clock.now(), sales))
    await clock.advance(1000)
    expect(wechat.textsTo('admin1').join('\n')).toContain('⚠️ 机器人无法写入状态文件（磁盘只读或已满？）')
    expect(wechat.textsTo('r1')).toEqual([])
    expect(fatal.map(e => e.message)).toEqual([
      expect.stringMatching(/^无法写入状态文件 \(cannot write state\) .*: ENOSPC: no space left on device$/),
    ])
  })
})
