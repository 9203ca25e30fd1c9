import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { UserFileError } from '../../../bot/config/user-file.js'
import { OutputFolderError } from '../../../bot/replay/output-folder.js'
import { runReplay } from '../../../bot/replay/run-replay.js'

// A short day: a case shared, the admin asks for help (a long answer), the trainer for the weekly digest (a file).
const DAY = [
  {
    t: '2026-11-30T14:25:00+08:00',
    type: 'message',
    group: '示例科技南宁区域群',
    from: '杜艳霞',
    text: '#经验 老客户复购的小技巧：换芯提醒提前一周发，附上上次的水质检测数据',
  },
  { t: '2026-11-30T16:05:00+08:00', type: 'message', group: '示例科技销售部工作群', from: '陈管理', text: '#帮助' },
  { t: '2026-11-30T16:30:00+08:00', type: 'message', from: '刘老师', text: '#案例 周报' },
]

async function replay(
  outDir: string,
  lines: object[] | string = DAY,
  configFile = 'data/bot.config.example.yaml',
): Promise<{ printed: string; texts: string[]; skipped: number }> {
  const transcript = typeof lines === 'string' ? lines : join(mkdtempSync(join(tmpdir(), 'replay-')), 'day.jsonl')
  if (typeof lines !== 'string') writeFileSync(transcript, `${lines.map(l => JSON.stringify(l)).join('\n')}\n`)
  let printed = ''
  const out = new Writable({
    write(chunk, _enc, done) {
      printed += chunk
      done()
    },
  })
  const { actions, skipped } = await runReplay({
    transcript,
    configFile,
    worldFile: 'data/demo/world.yaml',
    outDir,
    live: true,
    out,
    logLevel: 'silent',
  })
  return { printed, texts: actions.flatMap(a => (a.text ? [a.text] : [])), skipped }
}

describe('a transcript naming someone the world file does not have', () => {
  it('skips that line with a warning in Chinese and English, counts it, and replays the rest', async () => {
    const stranger = { ...DAY[1], from: '不存在的人' }
    const { printed, skipped } = await replay(mkdtempSync(join(tmpdir(), 'replay-out-')), [stranger, DAY[1]])
    expect(skipped).toBe(1)
    expect(printed).toMatch(
      /day\.jsonl:1: 已跳过 skipped: .*（人和群须在世界文件中 people and groups must be in the world file）/,
    )
    expect(printed).toMatch(/^16:05 发言 群「示例科技销售部工作群」 @陈管理/m)
    expect(printed).toContain('（跳过 1 条）')
  })
})

describe('replay output a manager can read', () => {
  it('names actions in Chinese and prints every line of every text, none cut', async () => {
    const { printed, texts } = await replay(mkdtempSync(join(tmpdir(), 'replay-out-')))
    expect(printed).toMatch(/^16:05 发言 群「示例科技销售部工作群」 @陈管理/m)
    expect(printed).toMatch(/^16:30 发送文件 → 私聊 刘老师/m)
    expect(printed).not.toMatch(/^\d\d:\d\d (say|sendFile|schedule) /m)
    const help = texts.find(t => t.includes('#帮助')) as string
    expect(help.length).toBeGreaterThan(160)
    for (const line of help.split('\n')) expect(printed).toContain(`      ${line}\n`)
  })

  it('says who undid a penalty and which entry, in words, as #审计 does (not the stored `undo A5 by wxid_…`)', async () => {
    const group = '示例科技销售部工作群'
    const { printed } = await replay(mkdtempSync(join(tmpdir(), 'replay-out-')), [
      { t: '2026-12-07T10:00:00+08:00', type: 'message', group, from: '王五', text: '内部价格表我晚点私发给客户' },
      { t: '2026-12-07T10:05:00+08:00', type: 'message', group, from: '陈管理', text: '#撤销 @王五' },
    ])
    expect(printed).toMatch(/^10:05 撤销处罚 群「示例科技销售部工作群」 @王五（撤销 A\d+，陈管理） · runtime\/undo$/m)
    expect(printed).not.toContain('undo A')
  })

  it('lists only this run’s files: an earlier replay’s output is cleared first', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'replay-out-'))
    await replay(outDir)
    const stale = join(outDir, 'output', 'activity', 'daily-2026-11-01.png')
    mkdirSync(join(outDir, 'output', 'activity'), { recursive: true })
    writeFileSync(stale, 'old chart')
    const { printed } = await replay(outDir)
    expect(existsSync(stale)).toBe(false)
    expect(printed).not.toContain('daily-2026-11-01')
    // The files, then where the run's message archive is (its own too, not the earlier run's: kept in the folder).
    expect(printed).toMatch(
      /生成的文件 files in .*\n {4}output\/cases\/案例周报_2026-11-24_2026-11-30\.md\n {2}信息记录存档 message archive：.*archive（核对 check: archive verify --data .*）\n$/,
    )
  })

  it('leaves a folder it did not write alone', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'replay-out-'))
    writeFileSync(join(outDir, '报表.xlsx'), 'someone’s work')
    await expect(replay(outDir)).rejects.toBeInstanceOf(OutputFolderError)
    expect(readdirSync(outDir)).toEqual(['报表.xlsx'])
  })

  it('says in one line that --out names a file, not a folder', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'replay-out-')), 'notes.txt')
    writeFileSync(file, 'notes')
    await expect(replay(file)).rejects.toThrow(
      new UserFileError(
        `--out 指定的位置不是文件夹 the --out path is not a folder: ${file}（请给出文件夹的路径 name a folder）`,
      ),
    )
  })
})

describe('a payment in a transcript', () => {
  it("carries a transfer's receipt: the admin's acceptance settles the payer's fine, one short of it does not", async () => {
    const group = '示例科技销售部工作群'
    const { texts } = await replay(mkdtempSync(join(tmpdir(), 'replay-out-')), [
      { t: '2026-12-07T10:00:00+08:00', type: 'message', group, from: '王经理', text: '#通知 今天下班前把周报发我' },
      {
        t: '2026-12-07T11:30:00+08:00',
        type: 'message',
        group,
        from: '王五',
        kind: 'transfer',
        amount: 3,
        payee: '陈管理',
      },
      {
        t: '2026-12-07T11:30:30+08:00',
        type: 'message',
        group,
        from: '陈管理',
        kind: 'transfer',
        amount: 3,
        payer: '王五',
      },
      {
        t: '2026-12-07T11:31:00+08:00',
        type: 'message',
        group,
        from: '陈管理',
        kind: 'transfer',
        amount: 5,
        payer: '李四',
      },
      { t: '2026-12-07T11:32:00+08:00', type: 'message', group, from: '王五', kind: 'redpacket', amount: 5 },
    ])
    expect(texts).toContain(
      '转账 3 元不足：罚款 F4（未按时回复通知 N1）现应缴 5 元，还差 2 元，未结清。请按应缴金额重新转账（不足的这笔不抵扣）。',
    )
    expect(texts).toContain('✅ 已收到转账 5 元：罚款 F3（未按时回复通知 N1）5 元已结清。')
    // A red packet's amount is never taken (WeChat hides it): the fine waits for an admin.
    expect(texts.some(t => t.startsWith('✅ 已收到红包'))).toBe(false)
  })
})

// newuser9: the replay ignored an image line's fileName and sent placeholder bytes, so the QR check could not be
// tried without a real account ("QR check skipped … not a PNG or JPEG image").
describe('an image in a transcript', () => {
  const QR_TRIAL = 'data/demo/qr-trial.config.yaml'
  const out = () => mkdtempSync(join(tmpdir(), 'replay-out-'))

  it("sends the file its fileName names beside the transcript: its QR code is read, at the image's time", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-qr-'))
    mkdirSync(join(dir, 'pics'))
    writeFileSync(join(dir, 'pics', 'join.png'), await QRCode.toBuffer('https://weixin.qq.com/g/AbCdEfGh123'))
    const transcript = join(dir, 'day.jsonl')
    const line = {
      type: 'message',
      group: '示例科技张三交流群',
      from: '优惠多多',
      kind: 'image',
      fileName: 'pics/join.png',
    }
    writeFileSync(
      transcript,
      `${JSON.stringify({ t: '2026-11-30T09:04:00+08:00', ...line })}\n${JSON.stringify({ t: '2026-11-30T10:00:00+08:00', type: 'advance' })}\n`,
    )
    const { printed, texts } = await replay(out(), transcript, QR_TRIAL)
    expect(texts.find(t => t.startsWith('🚨'))).toContain(
      '· 无关商业广告：图片中的二维码：https://weixin.qq.com/g/AbCdEfGh123',
    )
    expect(printed).toMatch(/^09:04 警告 群「示例科技张三交流群」 @优惠多多/m)
  })

  it('runs the shipped QR trial: a group invitation is an ad, a link off the allow-list a link, the company article nothing', async () => {
    const { printed, texts } = await replay(out(), 'data/demo/qr-trial.jsonl', QR_TRIAL)
    const reports = texts.filter(t => t.startsWith('🚨'))
    expect(reports).toHaveLength(2)
    expect(reports[0]).toContain('成员：优惠多多（wxid_c3）')
    expect(reports[0]).toContain('图片中的二维码：https://weixin.qq.com/g/')
    expect(reports[1]).toContain('· 未经许可的链接：图片中的二维码：https://coupon-gift.top/get')
    expect(printed).not.toMatch(/@张三/)
  })
})
