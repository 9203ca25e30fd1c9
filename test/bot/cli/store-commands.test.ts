import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { npmBannerInStdout, overState } from '../../../bot/cli/store-commands.js'
import { runStats } from '../../../plugins/activity/cli/stats-command.js'
import { runCasesExport } from '../../../plugins/cases/cli/export-command.js'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { CaseStore } from '../../../plugins/cases/store/case-store.js'

const BOM = [0xef, 0xbb, 0xbf]

/** A data folder holding one case (an export of an empty store is refused: exit 1, nothing written). */
async function dataWithCase(): Promise<string> {
  const data = mkdtempSync(join(tmpdir(), 'cli-state-'))
  const store = new FileStore(data)
  await new CaseStore(store, 'Asia/Shanghai').add({
    tag: '成交',
    authorId: 'zhang',
    author: '张三',
    groupId: 'r1',
    groupTopic: '销售部工作群',
    at: Date.parse('2026-11-30T02:00:00Z'),
    text: '客户：刘总',
    fields: { 客户: '刘总' },
    title: '刘总',
    images: [],
  })
  await store.flush()
  return data
}

/** Captured stdout/stderr, as a redirected shell would see them. */
function io(env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const text = { out: '', err: '' }
  stdout.on('data', c => {
    text.out += c
  })
  stderr.on('data', c => {
    text.err += c
  })
  return { io: { stdout, stderr, env }, text }
}

describe('exports from the command line', () => {
  it('points at the sandbox folder when BOT_DATA_DIR holds only the sandbox state, creating nothing', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-state-'))
    await new FileStore(join(data, 'sandbox')).flush()
    const { io: streams, text } = io()
    const code = await overState(runStats, streams)(['--from', '2026-11-01', '--to', '2026-11-30', '--data', data])
    expect(code).toBe(1)
    expect(text.err).toContain(
      `沙盒（npm start）的状态在 ${join(data, 'sandbox')}，请用 --data ${join(data, 'sandbox')}`,
    )
    expect(existsSync(join(data, 'state'))).toBe(false)
  })

  it('writes --out FILE with the BOM at byte 0 and only data in it', async () => {
    const data = await dataWithCase()
    const file = join(data, 'cases.csv')
    const { io: streams, text } = io({ npm_lifecycle_event: 'cli' })
    const code = await overState(runCasesExport, streams)(['export', '--format', 'csv', '--data', data, '--out', file])
    expect(code).toBe(0)
    expect([...readFileSync(file).subarray(0, 3)]).toEqual(BOM)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(text.out).toBe('')
    writeFileSync(file, 'an older, readable copy', { mode: 0o644 })
    chmodSync(file, 0o644)
    await overState(
      runCasesExport,
      io({ npm_lifecycle_event: 'cli' }).io,
    )(['export', '--format', 'csv', '--data', data, '--out', file])
    expect(statSync(file).mode & 0o777, 'an overwritten file is private too').toBe(0o600)
    expect(text.err).toBe(
      `状态目录 state folder: ${data}\n已写入 ${file}（${readFileSync(file).length} 字节） wrote ${readFileSync(file).length} bytes\n`,
    )
  })

  it('says a folder holds no bot data, creating nothing in it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-state-'))
    const { io: streams, text } = io()
    expect(await overState(runCasesExport, streams)(['export', '--data', data])).toBe(1)
    expect(text.err).toContain(`${data} 里没有机器人数据`)
    expect(existsSync(join(data, 'state'))).toBe(false)
    expect(existsSync(join(data, 'logs'))).toBe(false)
  })

  it('writes no file and keeps messages on stderr when there is nothing to export', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-state-'))
    await new FileStore(data).flush()
    const file = join(data, 'stats.csv')
    const { io: streams, text } = io()
    const code = await overState(runStats, streams)(['--from', '2026-11-30', `--out=${file}`, '--data', data])
    expect(code).toBe(1)
    expect(existsSync(file)).toBe(false)
    expect(text.out).toBe('')
    expect(text.err).toContain('没有活跃度数据')
  })

  it('refuses an export of a period without cases: exit 1, no file, the reason on stderr (security.md)', async () => {
    const data = await dataWithCase()
    const file = join(data, 'cases.csv')
    const { io: streams, text } = io()
    const argv = ['export', '--from', '2026-12-01', '--format', 'csv', '--data', data, '--out', file]
    expect(await overState(runCasesExport, streams)(argv)).toBe(1)
    expect(existsSync(file)).toBe(false)
    expect(text.out).toBe('')
    expect(text.err).toContain('该时间段没有案例 (no cases from 2026-12-01 to …)')
  })

  it('warns on stderr when npm has already printed its banner into redirected output', async () => {
    expect(npmBannerInStdout({ ...io().io, env: { npm_lifecycle_event: 'cli' } })).toBe(true)
    expect(npmBannerInStdout({ ...io().io, env: { npm_lifecycle_event: 'cli', npm_config_loglevel: 'silent' } })).toBe(
      false,
    )
    expect(npmBannerInStdout({ ...io().io, env: {} })).toBe(false)
    const data = await dataWithCase()
    const { io: streams, text } = io({ npm_lifecycle_event: 'cli' })
    await overState(runCasesExport, streams)(['export', '--format', 'csv', '--data', data])
    expect([...Buffer.from(text.out).subarray(0, 3)]).toEqual(BOM)
    expect(text.err).toBe(
      `状态目录 state folder: ${data}\n` +
        '注意：npm 已把它的「> script」标题行写进了重定向的输出文件；请用 `npm run --silent cli -- …`、`npx group-guard …` 或 `--out FILE`（warning: npm printed its banner into the redirected output）\n',
    )
    const npx = io({ npm_lifecycle_event: 'npx' }) // npx group-guard … > file: no banner, no warning
    await overState(runCasesExport, npx.io)(['export', '--format', 'csv', '--data', data])
    expect(npx.text.err).toBe(`状态目录 state folder: ${data}\n`)
  })

  it('gives a clean CSV through `npm run --silent cli --` (as documented)', async () => {
    const data = await dataWithCase()
    const stdout = await new Promise<Buffer>((resolve, reject) =>
      execFile(
        'npm',
        ['run', '--silent', 'cli', '--', 'cases', 'export', '--format', 'csv', '--data', data],
        { encoding: 'buffer', env: { ...process.env, BOT_CONFIG: '' } },
        (error, out) => (error ? reject(error) : resolve(out)),
      ),
    )
    expect([...stdout.subarray(0, 3)]).toEqual(BOM)
  }, 30_000)
})
