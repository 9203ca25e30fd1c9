import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../bot/app.js'
import { BackupError, copyOrder, restoreBackup, writeBackup } from '../../../bot/cli/backup.js'
import { BACKUP_MARKER } from '../../../bot/process/backup-marker.js'
import { keepHealthFile } from '../../../bot/process/health-file.js'
import { FakeClock, flushMicrotasks } from '../../../bot/ports/clock.js'
import { createLogger } from '../../../bot/process/logger.js'
import { createSandbox } from '../../../bot/sandbox/index.js'
import { populateWorld, readWorld } from '../../../bot/sandbox/load-world.js'
import { MONDAY_9AM } from '../../helpers/harness.js'
import { demoConfig } from '../../helpers/sandbox-app.js'
import type { ArchiveRecord } from '../../../plugins/archive/capture/record.js'
import { ANCHOR_LOG, type AnchorEntry, type ChainHead } from '../../../plugins/archive/store/chain.js'
import { FileArchive, folderName } from '../../../plugins/archive/store/file-backend.js'
import { readAnchorLog } from '../../../plugins/archive/verify/anchor-book.js'
import { runCli } from '../../plugins/archive/setup.js'

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

  it('the first start on a backup of a running bot says it was restored, not that the bot crashed', async () => {
    const dataA = temp('backup-live')
    const a = await startBot(dataA)
    // What `start` holds while it runs: the lock with its pid, and the health file it rewrites.
    writeFileSync(join(dataA, '.lock'), `${process.pid}\n`)
    const stopHealth = keepHealthFile(a.app, dataA)
    stops.push(async () => stopHealth('test over'))
    await a.say('wxid_zhangsan', SALES, '备份之前的消息')
    const file = join(temp('backup-file'), 'bot.backup')
    const counted = (data: string) => {
      const f = join(data, 'state', 'activity-current.jsonl')
      return existsSync(f) && readFileSync(f, 'utf8').includes('wxid_zhangsan')
    }
    expect(counted(dataA)).toBe(false) // the message's counters wait for the next periodic flush
    // The running bot is asked to write its state first, and does (the counters of the last seconds included).
    expect(await writeBackup(dataA, file)).toMatchObject({ running: true, flushed: true })
    const notes = async (data: string) => {
      const b = await startBot(data, a.clock.now())
      await b.say('wxid_zhangsan', SALES, '恢复以后')
      return b.world.sent
        .filter(x => x.toContactId === ADMIN)
        .map(x => x.text ?? '')
        .join('\n')
    }
    const dataB = join(temp('backup-live-b'), 'restored')
    await restoreBackup(file, dataB)
    expect(existsSync(join(dataB, 'health.json'))).toBe(false) // no process of the restored folder wrote it
    expect(existsSync(join(dataB, BACKUP_MARKER))).toBe(true)
    expect(counted(dataB)).toBe(true) // written when the backup asked, so in the copy
    const said = await notes(dataB)
    expect(said).toMatch(
      /机器人已在恢复的数据上启动：数据来自 \d\d-\d\d \d\d:\d\d 的备份（备份时机器人正在运行，并非异常退出）/,
    )
    expect(said).not.toContain('异常退出（进程被终止或崩溃）')
    expect(existsSync(join(dataB, BACKUP_MARKER))).toBe(false) // read once, at the first start
    // Without the marker (a copy of the folder made by hand), the same state reads as a crash.
    const dataC = join(temp('backup-live-c'), 'restored')
    await restoreBackup(file, dataC)
    rmSync(join(dataC, BACKUP_MARKER))
    expect(await notes(dataC)).toContain('⚠️ 机器人上次异常退出')
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

describe('backup while the retention purge runs', () => {
  const chat = 'r-cust'
  const record = (seq: number, day: string): ArchiveRecord => ({
    v: 1,
    seq,
    id: `m${seq}`,
    at: Date.parse(`${day}T01:00:00Z`),
    chat,
    topic: '张三交流群',
    sender: { id: 'c1', name: '刘总' },
    type: 'text',
    text: `第${seq}条`,
    mentions: [],
  })

  it('the anchor log is copied first and again last; everything else between', () => {
    const paths = [
      'archive/chats.json',
      'archive/chats/c_r-cust/2026-11-30.jsonl',
      'logs/archive-anchors/2026-12-01.jsonl',
      'archive/index/docs.bin',
    ]
    expect(copyOrder(paths)).toEqual([
      'logs/archive-anchors/2026-12-01.jsonl',
      'archive/index/docs.bin',
      'archive/chats/c_r-cust/2026-11-30.jsonl',
      'archive/chats.json',
    ])
  })

  it('a day file the purge deletes during the copy: the restored copy has its purge record, so verify misses nothing', async () => {
    const data = temp('backup-purge')
    const archive = new FileArchive(join(data, 'archive'))
    await archive.saveChat({ chat, kind: 'customer', title: '张三交流群', configName: '客户群' })
    await archive.append(record(1, '2026-11-30'), '2026-11-30')
    await archive.append(record(2, '2026-12-01'), '2026-12-01')
    await archive.close()
    const anchors = join(data, 'logs', ANCHOR_LOG)
    mkdirSync(anchors, { recursive: true })
    const at = Date.parse('2026-12-01T19:30:00Z')
    const heads = new FileArchive(join(data, 'archive')).heads({ from: '0000-00-00', to: '9999-12-31' })
    const line = (kind: AnchorEntry['kind'], h: ChainHead) => `${JSON.stringify({ v: 1, kind, ...h, at })}\n`
    writeFileSync(join(anchors, '2026-12-01.jsonl'), heads.map(h => line('head', h)).join(''))
    // The backup has listed the folder (the copy starts); then the 03:30 purge records the 11-30 file in a log file
    // of a new day, and deletes the file, before the copy reaches either.
    const file = join(temp('backup-file'), 'b.backup')
    const copying = writeBackup(data, file)
    appendFileSync(join(anchors, '2026-12-02.jsonl'), line('purged', heads[0]))
    rmSync(join(data, 'archive', 'chats', folderName(chat), '2026-11-30.jsonl'))
    expect(await copying).toEqual({ files: expect.any(Number), bytes: expect.any(Number) })
    const into = join(temp('backup-into'), 'r')
    await restoreBackup(file, into)
    const r = await runCli(['verify'], {
      backend: new FileArchive(join(into, 'archive')),
      dir: join(into, 'archive'),
      anchors: () => readAnchorLog(join(into, 'logs', ANCHOR_LOG)),
    })
    expect(r.out).not.toContain('文件缺失')
    expect(r.out).toContain('张三交流群：1 个日记录文件按保留期删除（2026-11-30，有清理记录）')
    expect(r.code).toBe(0)
  })

  it('a log file copied twice restores once, at its later size, and is counted once', async () => {
    const data = temp('backup-twice')
    mkdirSync(join(data, 'logs', ANCHOR_LOG), { recursive: true })
    const log = join(data, 'logs', ANCHOR_LOG, '2026-12-01.jsonl')
    writeFileSync(log, '{"a":1}\n')
    writeFileSync(join(data, 'doc.json'), '{}')
    const file = join(temp('backup-file'), 'b.backup')
    const copying = writeBackup(data, file)
    appendFileSync(log, '{"a":2}\n') // before the copy reaches it: both passes see it
    const wrote = await copying
    const into = join(temp('backup-into'), 'r')
    expect(await restoreBackup(file, into)).toEqual(wrote)
    expect(wrote).toEqual({ files: 2, bytes: 18 })
    expect(readFileSync(join(into, 'logs', ANCHOR_LOG, '2026-12-01.jsonl'), 'utf8')).toBe('{"a":1}\n{"a":2}\n')
  })
})
