import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { HEALTH_FILE, type HealthRecord, judgeHealth } from '../../../bot/process/health-file.js'

const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
const CLI = resolve('bot/cli.ts')
const NOW = Date.UTC(2026, 11, 7, 2, 0, 0)
const MAX_AGE = 120_000

function folderWith(record: Partial<HealthRecord>): string {
  const dir = mkdtempSync(join(tmpdir(), 'health-'))
  const full: HealthRecord = {
    pid: 4242,
    at: NOW - 10_000,
    startedAt: NOW - 3_600_000,
    loggedIn: true,
    sending: true,
    queued: 2,
    gaveUp: 0,
    errors: 0,
    health: '正常',
    ...record,
  }
  writeFileSync(join(dir, HEALTH_FILE), JSON.stringify(full))
  return dir
}

const judge = (record: Partial<HealthRecord>, alive = true) =>
  judgeHealth(folderWith(record), MAX_AGE, NOW, () => alive)

describe('judgeHealth: what `group-guard health` says of the health file', () => {
  it('alive, logged in and sending: ok, with the queue and the health word', () => {
    const v = judge({})
    expect(v.ok).toBe(true)
    expect(v.line).toBe(
      '✅ 运行中 alive: 已登录 logged in，发送正常 sending；pid 4242，在线 1小时，待发 2 条 (queued)，健康 正常；10秒前更新',
    )
  })

  it('each way a bot can be dead or deaf is not ok, and says which', () => {
    expect(judgeHealth(mkdtempSync(join(tmpdir(), 'health-')), MAX_AGE, NOW).line).toMatch(/没有健康文件/)
    // The BOT_DATA_DIR a sandbox ran with: its bot wrote in the sandbox folder inside, and the line says where.
    const sandboxed = mkdtempSync(join(tmpdir(), 'health-'))
    mkdirSync(join(sandboxed, 'sandbox'))
    writeFileSync(join(sandboxed, 'sandbox', HEALTH_FILE), '{}')
    expect(judgeHealth(sandboxed, MAX_AGE, NOW)).toEqual({
      ok: false,
      line: `❌ ${sandboxed} 没有健康文件；沙盒里的机器人写在 ${join(sandboxed, 'sandbox')}：health --data ${join(sandboxed, 'sandbox')} (no health.json here: the sandbox bot writes it in ${join(sandboxed, 'sandbox')})`,
    })
    // A monitor run as another user than the bot's (the data folder is 0700): it cannot read, and says so.
    const unreadable = mkdtempSync(join(tmpdir(), 'health-'))
    mkdirSync(join(unreadable, HEALTH_FILE)) // reading a folder fails (EISDIR) as a file the user may not read would
    expect(judgeHealth(unreadable, MAX_AGE, NOW).line).toMatch(/^❌ 读不了 .*（EISDIR）：请以运行机器人的用户执行/)
    expect(judge({ at: NOW - 25 * 60_000 }).line).toMatch(/^❌ 健康文件 25分钟 未更新 .*the process is alive but hung/)
    expect(judge({}, false).line).toMatch(/^❌ 进程 4242 已不在，未记录停止 \(process 4242 gone without a stop/)
    expect(judge({ stopped: 'SIGTERM', queued: 3 }).line).toBe(
      '❌ 已停止 stopped 10秒前 (10秒 ago): SIGTERM; 待发 3 条 queued',
    )
    expect(judge({ sending: false }).line).toMatch(/^❌ 未登录或暂停发送/)
    expect(judge({ loggedIn: false }).line).toMatch(/^❌ 未登录或暂停发送/)
    expect(judge({ gaveUp: 2, health: '有错误' }).line).toMatch(/^❌ 2 条消息发送失败已放弃 .*健康 有错误/)
    for (const r of [{ sending: false }, { gaveUp: 1 }, { stopped: 'SIGTERM' }]) expect(judge(r).ok).toBe(false)
  })
})

describe('group-guard health on a running bot', { timeout: 120_000 }, () => {
  let bot: ChildProcess | undefined
  afterEach(() => {
    bot?.kill('SIGKILL')
    bot = undefined
  })

  it('says alive while the bot runs (exit 0) and stopped after SIGTERM (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'health-run-'))
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'text' }
    for (const name of Object.keys(env)) if (/^(WECHATY_|BOT_)/.test(name)) delete env[name]
    Object.assign(env, { HOME: dir, BOT_DATA_DIR: join(dir, 'data'), BOT_CONFIG: 'data/bot.config.example.yaml' })
    const health = () => {
      const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'health'], { encoding: 'utf8', env })
      return { rc: r.status, out: r.stdout }
    }
    expect(health()).toEqual({ rc: 1, out: expect.stringMatching(/^❌ .*没有健康文件/) })

    const child = spawn(process.execPath, ['--import', TSX, CLI, 'start'], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    bot = child
    let output = ''
    child.stdout?.on('data', d => (output += d))
    child.stderr?.on('data', d => (output += d))
    const exited = new Promise<number | null>(done => child.on('exit', code => done(code)))
    for (let i = 0; i < 600 && !/就绪 ready/.test(output); i++) await new Promise(r => setTimeout(r, 100))
    expect(output).toMatch(/就绪 ready/)
    for (let i = 0; i < 50 && health().rc !== 0; i++) await new Promise(r => setTimeout(r, 100))

    const running = health()
    expect(running.rc).toBe(0)
    expect(running.out).toMatch(
      /^✅ 运行中 alive: 已登录 logged in，发送正常 sending；pid \d+，在线 \d+秒，待发 \d+ 条/,
    )

    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const stopped = health()
    expect(stopped.rc).toBe(1)
    expect(stopped.out).toMatch(/^❌ 已停止 stopped \d+秒前 \(\d+秒 ago\): SIGTERM; 待发 \d+ 条 queued/)
  })
})
