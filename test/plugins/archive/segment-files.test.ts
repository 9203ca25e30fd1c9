import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LineFiles } from '../../../plugins/archive/store/segment-files.js'

describe('LineFiles', () => {
  it('keeps every line whole and findable when more chats write than files stay open (closed and reopened)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-files-'))
    // A day file a crash left with a torn last line: the first write closes that line.
    mkdirSync(join(dir, 'c0'))
    writeFileSync(join(dir, 'c0', 'day.jsonl'), '{"n":"old"}\n{"n":"to')
    const files = new LineFiles()
    const chats = 1_100 // more than the files kept open
    const written: { file: string; offset: number; length: number; line: string }[] = []
    for (let round = 0; round < 2; round++) {
      for (let c = 0; c < chats; c++) {
        const file = join(dir, `c${c}`, 'day.jsonl')
        const line = JSON.stringify({ n: `${c}-${round}`, text: '今天的活动' })
        written.push({ file, line, ...files.append(file, line) })
        files.flush()
      }
    }
    for (const w of written) expect(files.read(w.file, w.offset, w.length)?.toString()).toBe(`${w.line}\n`)
    files.closeAll()
    expect(readFileSync(join(dir, 'c0', 'day.jsonl'), 'utf8').split('\n')).toEqual([
      '{"n":"old"}',
      '{"n":"to',
      JSON.stringify({ n: '0-0', text: '今天的活动' }),
      JSON.stringify({ n: '0-1', text: '今天的活动' }),
      '',
    ])
    const last = join(dir, `c${chats - 1}`, 'day.jsonl')
    expect(readFileSync(last, 'utf8').trim().split('\n')).toHaveLength(2)
  })
  it('counts each line in UTF-8 bytes, so offsets after Chinese text and emoji still find the next line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-files-'))
    const file = join(dir, 'chat', 'day.jsonl')
    const files = new LineFiles()
    const lines = ['{"text":"今天的活动"}', '{"text":"好的👍"}', '{"text":"ok"}'].map(line => ({
      line,
      ...files.append(file, line),
    }))
    expect(lines.map(l => [l.offset, l.length])).toEqual([
      [0, 27],
      [27, 22],
      [49, 14],
    ])
    files.flush()
    expect(readFileSync(file, 'utf8')).toBe(`${lines.map(l => l.line).join('\n')}\n`)
    for (const l of lines) expect(files.read(file, l.offset, l.length)?.toString()).toBe(`${l.line}\n`)
    files.closeAll()
  })
  it('keeps lines whole when one turn buffers more than a buffer holds, and after a very long line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-files-'))
    const files = new LineFiles()
    const [a, b] = [join(dir, 'a', 'day.jsonl'), join(dir, 'b', 'day.jsonl')]
    const lines: { file: string; line: string; offset: number; length: number }[] = []
    const add = (file: string, line: string) => lines.push({ file, line, ...files.append(file, line) })
    for (let turn = 0; turn < 3; turn++) {
      // 300 lines of about 60 bytes each into a, a 100,000-character line into b between them.
      for (let i = 0; i < 300; i++) {
        add(a, JSON.stringify({ turn, i, text: '今天的客户拜访记录' }))
        if (i === 150) add(b, JSON.stringify({ turn, text: '长'.repeat(100_000) }))
      }
      files.flush()
    }
    for (const l of lines) expect(files.read(l.file, l.offset, l.length)?.toString()).toBe(`${l.line}\n`)
    files.closeAll()
    for (const file of [a, b])
      expect(readFileSync(file, 'utf8')).toBe(
        lines
          .filter(l => l.file === file)
          .map(l => `${l.line}\n`)
          .join(''),
      )
  })

  it('reads a file’s last line back for the next link: one longer than a read back, lines still buffered, a torn one closed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-files-'))
    const long = JSON.stringify({ text: '长'.repeat(60_000) }) // 180 KB: three reads back
    writeFileSync(join(dir, 'a.jsonl'), `{"n":1}\n${long}\n\n`)
    writeFileSync(join(dir, 'b.jsonl'), '{"n":1}\n{"n":2,"te')
    const files = new LineFiles()
    expect(files.lastLine(join(dir, 'a.jsonl'))?.line.toString()).toBe(long)
    const torn = files.lastLine(join(dir, 'b.jsonl'))
    expect(torn?.line.toString()).toBe('{"n":2,"te')
    expect(torn?.size).toBe(readFileSync(join(dir, 'b.jsonl')).length) // the newline that closed it counted
    const at = files.append(join(dir, 'b.jsonl'), '{"n":3}')
    expect(files.lineJustBuffered(join(dir, 'b.jsonl'), at).toString()).toBe('{"n":3}')
    expect(files.lastLine(join(dir, 'b.jsonl'))?.line.toString()).toBe('{"n":3}')
    expect(files.lastLine(join(dir, 'none.jsonl'))).toBeUndefined()
    files.closeAll()
  })

  it('a last line ending at, before or after the edge of each read back (4, 12, 28 KB from the end) is read whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-files-'))
    const files = new LineFiles()
    for (const edge of [4096, 12_288, 28_672])
      for (const length of [edge - 2, edge - 1, edge, edge + 1]) {
        const file = join(dir, `${length}.jsonl`)
        const last = 'x'.repeat(length)
        writeFileSync(file, `${'y'.repeat(edge)}\n${last}\n`)
        expect(files.lastLine(file)?.line.toString()).toBe(last)
        writeFileSync(join(dir, `${length}-nl.jsonl`), `${'y'.repeat(length)}\n\n`)
        expect(files.lastLine(join(dir, `${length}-nl.jsonl`))?.line.toString()).toBe('y'.repeat(length))
      }
    files.closeAll()
  })
})
