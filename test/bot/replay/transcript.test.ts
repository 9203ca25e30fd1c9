import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserFileError } from '../../../bot/config/user-file.js'
import { readTranscript, TranscriptError } from '../../../bot/replay/transcript.js'

function transcript(lines: (string | object)[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'transcript-')), 'day.jsonl')
  writeFileSync(file, `${lines.map(l => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`)
  return file
}

function problemsOf(file: string): string[] {
  try {
    readTranscript(file)
  } catch (e) {
    if (e instanceof TranscriptError) return e.problems
    throw e
  }
  throw new Error('expected the transcript to be rejected')
}

describe('readTranscript', () => {
  it('reads a good transcript with defaults, times and line numbers, skipping comments and blank lines', () => {
    const file = transcript([
      '// 周一上午',
      {
        t: '2026-11-30T09:00:00+08:00',
        type: 'message',
        group: '销售部工作群',
        from: '王经理',
        text: '【通知】下午三点开会',
      },
      '',
      { t: '2026-11-30T09:03:00+08:00', type: 'join', group: '销售部工作群', members: ['小赵'], inviter: '张三' },
      { t: '2026-11-30T09:03:00+08:00', type: 'rename', group: '销售部工作群', member: '小赵', alias: '销售部-赵六' },
      { t: '2026-11-30T10:00:00+08:00', type: 'advance' },
    ])
    const events = readTranscript(file)
    expect(events.map(e => [e.type, e.line, e.at])).toEqual([
      ['message', 2, Date.parse('2026-11-30T01:00:00Z')],
      ['join', 4, Date.parse('2026-11-30T01:03:00Z')],
      ['rename', 5, Date.parse('2026-11-30T01:03:00Z')],
      ['advance', 6, Date.parse('2026-11-30T02:00:00Z')],
    ])
    expect(events[0]).toMatchObject({ kind: 'text', mentions: [], mentionAll: false, from: '王经理' })
  })

  it('reports every bad line at once, each as file:line', () => {
    const file = transcript([
      { t: '2026-11-30T09:00:00+08:00', type: 'message', group: 'g', from: '张三', text: '早' },
      '{"t":"2026-11-30T09:01:00+08:00","type":"message","from":"张三"',
      { t: '2026-11-30T09:02:00+08:00', type: 'shout', group: 'g' },
      { t: '2026-11-30T09:03:00+08:00', type: 'join', group: 'g' },
      { t: '2026-11-30T09:04:00+08:00', type: 'leave', group: 'g', member: 'a', colour: 'red' },
      { t: '2026-11-30T08:00:00+08:00', type: 'advance' },
      { t: 'yesterday', type: 'advance' },
      { t: '2026-11-30T09:05:00+08:00', type: 'message', group: 'g', from: '张三', kind: 'sticker' },
    ])
    const problems = problemsOf(file)
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${file}:2: 不是一行 JSON，每行应为一个 \\{…\\} 对象（not valid JSON`)),
      expect.stringMatching(new RegExp(`^${file}:3: type: `)),
      expect.stringMatching(new RegExp(`^${file}:4: members: `)),
      expect.stringMatching(new RegExp(`^${file}:5: .*colour`)),
      `${file}:6: t: 比第 1 行早，各行要按时间先后排列（earlier than line 1: lines must be in time order）`,
      `${file}:7: t: 时间写的是 "yesterday"：应为带时区的 ISO 时间，如 2026-11-30T09:00:00+08:00（expected an ISO time with an offset, such as 2026-11-30T09:00:00+08:00）`,
      expect.stringMatching(new RegExp(`^${file}:8: kind: `)),
    ])
  })

  it('echoes a bad type or kind with every allowed value, and names a missing type', () => {
    const file = transcript([
      { t: '2026-11-30T09:00:00+08:00', type: 'msg', group: 'g', from: '张三', text: '早' },
      { t: '2026-11-30T09:01:00+08:00', group: 'g', from: '张三', text: '早' },
      { t: '2026-11-30T09:02:00+08:00', type: 'message', group: 'g', from: '张三', kind: 'sticker' },
    ])
    const types = '可用 allowed: "message", "join", "leave", "rename", "topic", "advance"'
    expect(problemsOf(file)).toEqual([
      `${file}:1: type: 未知的行类型 unknown line type "msg"; ${types}`,
      `${file}:2: type: 缺少行类型 missing "type"; ${types}`,
      `${file}:3: kind: 不允许的值 not allowed: "sticker"; 可用 allowed: "text", "image", "file", "link", "miniprogram", "contact", "redpacket", "transfer", "voice", "video", "emoticon", "recalled"`,
    ])
  })

  it('points a "time" field to "t"', () => {
    const file = transcript([{ time: '2026-11-30T09:00:00+08:00', type: 'message', group: 'g', from: '张三' }])
    expect(problemsOf(file)).toContain(`${file}:1: (root): Unrecognized key: "time"; 时间字段是 "t" did you mean "t"?`)
  })

  it('names a transcript that is not there, or a folder, in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcript-'))
    expect(() => readTranscript(join(dir, 'missing.jsonl'))).toThrow(
      new UserFileError(
        `找不到回放记录文件 transcript file not found: ${join(dir, 'missing.jsonl')}（请检查路径 check the path）`,
      ),
    )
    expect(() => readTranscript(dir)).toThrow(
      `回放记录文件是一个文件夹，不是文件 transcript file is a folder, not a file: ${dir}（请给出文件的路径 name a file）`,
    )
  })

  it('puts all problems in the error message too', () => {
    const file = transcript(['not json', '{"t":"2026-11-30T09:00:00+08:00","type":"nope"}'])
    expect(() => readTranscript(file)).toThrow(/day\.jsonl:1: 不是一行 JSON[\s\S]*day\.jsonl:2: type: /)
  })

  it("reads an image's fileName as a file beside the transcript, a bare name with none as a name only", () => {
    const file = transcript([
      { t: '2026-11-30T09:00:00+08:00', type: 'message', from: '张三', kind: 'image', fileName: 'day.jsonl' },
      { t: '2026-11-30T09:01:00+08:00', type: 'message', from: '张三', kind: 'image', fileName: '朋友圈截图.jpg' },
    ])
    const [named, bare] = readTranscript(file)
    expect(named.file).toBe(file)
    expect(bare.file).toBeUndefined()
  })

  it('names a fileName path with no file behind it, relative to the transcript', () => {
    const file = transcript([
      { t: '2026-11-30T09:00:00+08:00', type: 'message', from: '张三', kind: 'image', fileName: 'qr/join.png' },
    ])
    expect(problemsOf(file)).toEqual([
      `${file}:1: fileName: 找不到文件 no such file: ${join(file, '..', 'qr', 'join.png')}（相对回放文件所在的文件夹 relative to the transcript's folder）`,
    ])
  })
})
