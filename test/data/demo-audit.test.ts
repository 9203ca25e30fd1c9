import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { archiveCommand } from '../../bot/cli/archive.js'
import { runReplay } from '../../bot/replay/run-replay.js'

let out = ''
let printed = ''

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'demo-audit-'))
  const sink = new Writable({
    write(chunk, _enc, done) {
      printed += chunk
      done()
    },
  })
  await runReplay({
    transcript: 'data/demo/audit-days.jsonl',
    configFile: 'data/demo/audit-days.config.yaml',
    worldFile: 'data/demo/world.yaml',
    outDir: out,
    live: true,
    out: sink,
    logLevel: 'silent',
  })
}, 120_000)

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

/** `group-guard archive …` as the auditor types it after the demo: its exit code and what it printed. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith('data/demo/audit-days.config.yaml', ...argv)
}

/** The same with another config file in BOT_CONFIG (an auditor's `.env` pointing at the real bot's config). */
async function cliWith(config: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  vi.stubEnv('BOT_CONFIG', config)
  let stdout = ''
  let stderr = ''
  const capture = (add: (s: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      add(String(chunk))
      const done = rest.find(r => typeof r === 'function') as ((e?: Error) => void) | undefined
      done?.()
      return true
    }) as typeof process.stdout.write
  vi.spyOn(process.stdout, 'write').mockImplementation(capture(s => (stdout += s)))
  vi.spyOn(process.stderr, 'write').mockImplementation(capture(s => (stderr += s)))
  const code = await archiveCommand(argv)
  vi.restoreAllMocks()
  return { code, stdout, stderr }
}

/** The check code the replay printed as sent privately to 吴审计 for `day`. */
function codeSentFor(day: string): string {
  const sent = new RegExp(`→ 私聊 吴审计 · archive/archive\\.check-code\\n {6}🔐 存档校验码 ${day}：([0-9A-Z-]+)`).exec(
    printed,
  )
  if (!sent) throw new Error(`no check code for ${day} in the demo output`)
  return sent[1]
}

const CUSTOMER_MONDAY = 'chats/c_r-cust-zhangsan@chatroom/2026-11-30.jsonl'

describe('npm run demo:audit: three archived days an auditor can check', () => {
  it('replays every line; the daily job sends 吴审计 the check codes of Monday and Tuesday at 03:30', () => {
    expect(printed).not.toMatch(/⚠️ .*audit-days\.jsonl:\d+/)
    expect(printed).toMatch(/■ 完成 done: 15 条事件/)
    expect(printed).toMatch(/── 2026-12-01 ──\n03:30 记录（链头锚定 /)
    expect(codeSentFor('2026-11-30')).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)
    expect(codeSentFor('2026-12-01')).not.toBe(codeSentFor('2026-11-30'))
    expect(printed).toContain(`信息记录存档 message archive：${join(out, 'archive')}`)
  })

  it('in the chat: 吴审计 finds the quoted price, is told yesterday’s code is unchanged, gets the export', () => {
    expect(printed).toContain('🔎 记录搜索 「7200」')
    expect(printed).toMatch(/撤回了一条消息（\d\d-\d\d \d\d:\d\d 的「[^」]+」）/)
    expect(printed).not.toContain('wrong-price')
    expect(printed).toContain(
      `🔐 存档校验码 2026-12-01：${codeSentFor('2026-12-01')}（共 3 个会话文件，按现存记录重新计算）`,
    )
    expect(printed).toMatch(/✅ 与 12-02 03:30 发出的校验码一致/)
    expect(printed).toMatch(/📦 已导出 2026-11-30 至 2026-12-02 · 张三交流群 · csv：共 8 条/)
  })

  it('archive verify --data <out>: every day of the group chats and the private chats ✅, exit 0', async () => {
    const r = await cli('verify', '--data', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('✅ 示例科技张三交流群 · 2026-11-30：4 条')
    expect(r.stdout).toContain('✅ 刘总（私聊） · 2026-11-30：1 条')
    expect(r.stdout).toContain('结果：✅ 未发现问题')
    expect(r.stdout).not.toContain('⚠️')
  })

  it('--data names the folder even when BOT_CONFIG sets plugins.archive.dir (the real archive is not checked instead)', async () => {
    const config = join(out, 'real-bot.config.yaml')
    const real = readFileSync('data/demo/audit-days.config.yaml', 'utf8').replace(
      '  archive:\n',
      `  archive:\n    dir: ${join(out, 'no-such-archive')}\n`,
    )
    writeFileSync(config, real)
    const r = await cliWith(config, 'verify', '--data', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('✅ 示例科技张三交流群 · 2026-11-30：4 条')
  })

  it('archive verify --code <the code sent to 吴审计>: the archive still gives it, exit 0', async () => {
    const r = await cli('verify', '--code', codeSentFor('2026-11-30'), '--data', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`✅ 存档仍给出校验码 ${codeSentFor('2026-11-30')}`)
  })

  it('archive export: the customer group over the three days, the recalled price marked', async () => {
    const r = await cli(
      'export',
      '--from',
      '2026-11-30',
      '--to',
      '2026-12-02',
      '--group',
      '张三交流群',
      '--format',
      'md',
      '--data',
      out,
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('刘总，12 台每台 6800 元（已撤回）')
    expect(r.stdout).toContain('> 引用 刘总：请问商用净水器 12 台一起买，价格能优惠多少？')
    expect(r.stdout.match(/^### 2026-/gm)).toHaveLength(3)
  })

  it('one line edited afterwards: verify exit 3 naming the file and line, the code sent no longer matches', async () => {
    const file = join(out, 'archive', CUSTOMER_MONDAY)
    writeFileSync(file, readFileSync(file, 'utf8').replace('能优惠多少', '能便宜多少'))
    const r = await cli('verify', '--data', out)
    expect(r.code).toBe(3)
    expect(r.stdout).toContain(`⚠️ 示例科技张三交流群 · 2026-11-30`)
    expect(r.stdout).toContain(`链断开 chain broken：${CUSTOMER_MONDAY} 第 2 行`)
    const c = await cli('verify', '--code', codeSentFor('2026-11-30'), '--data', out)
    expect(c.code).toBe(3)
    expect(c.stdout).toContain(CUSTOMER_MONDAY)
  })

  it('the demo run again into the same folder (same process) starts it again: verify ✅ and the same code', async () => {
    const first = codeSentFor('2026-11-30')
    printed = ''
    const sink = new Writable({
      write(chunk, _enc, done) {
        printed += chunk
        done()
      },
    })
    const again = {
      transcript: 'data/demo/audit-days.jsonl',
      configFile: 'data/demo/audit-days.config.yaml',
      worldFile: 'data/demo/world.yaml',
    }
    await runReplay({ ...again, outDir: out, live: true, out: sink, logLevel: 'silent' })
    expect(codeSentFor('2026-11-30')).toBe(first)
    const r = await cli('verify', '--data', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('4 个会话，21 条消息')
  }, 120_000)

  it('after the run again: a line deleted mid-file is named at its line, no cut tail; its last line edited is named', async () => {
    const file = join(out, 'archive', CUSTOMER_MONDAY)
    const written = readFileSync(file, 'utf8')
    const all = written.split('\n').filter(Boolean)
    writeFileSync(file, `${[all[0], ...all.slice(2)].join('\n')}\n`)
    const r = await cli('verify', '--data', out)
    expect(r.code).toBe(3)
    expect(r.stdout).toContain(`链断开 chain broken：${CUSTOMER_MONDAY} 第 2 行`)
    expect(r.stdout).toContain('源于第 2 行处的删改（见链断开）')
    expect(r.stdout).toContain('缺号 seq gap：缺 2（1 条）')
    expect(r.stdout).not.toContain('截尾')
    // As written again, then only its last line changed: no link shows it, the anchor names that line.
    const last = all.length
    writeFileSync(file, `${[...all.slice(0, -1), all[last - 1].replace('"text":"', '"text":"改')].join('\n')}\n`)
    const e = await cli('verify', '--data', out)
    expect(e.code).toBe(3)
    expect(e.stdout).toContain(`末行与锚点不符 last line changed：${CUSTOMER_MONDAY} 第 ${last} 行（末行）`)
    expect(e.stdout).not.toContain('链断开')
    expect(e.stdout).not.toContain('与锚点不符 anchor mismatch')
  })
})
