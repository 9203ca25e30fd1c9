import { describe, expect, it } from 'vitest'
import type { MessageEvent } from '../../../bot/core/event.js'
import { type ArchiveRecord, CHAINED_VERSION, recordOf } from '../../../plugins/archive/capture/record.js'
import { chainStart } from '../../../plugins/archive/store/chain.js'
import { ENCODED_FIELDS, encodeRecordLine, recordLineBound } from '../../../plugins/archive/store/record-line.js'
import { group, member, text } from '../../helpers/harness.js'

/** The line as the encoder writes it, or undefined when it leaves the record to JSON.stringify. */
function encoded(r: ArchiveRecord): string | undefined {
  const buf = Buffer.alloc(recordLineBound(r) + 8)
  const end = encodeRecordLine(r, buf, 3) // not at the buffer's start, as in a file's buffer
  return end < 0 ? undefined : buf.subarray(3, end).toString('utf8')
}

const g = group('r1@chatroom', '示例科技交流群', 'customer', '客户交流群')
const alice = member('wxid_alice', 'Alice', '小艾')

describe('an archived record written without its JSON text', () => {
  it('is byte for byte the JSON line of every kind of text a member writes, or left to JSON.stringify', () => {
    const texts = [
      '',
      'ok',
      '今天的活动几点开始？',
      '好的👍👍',
      'emoji at the end 😀',
      '混合 mixed 文本 123',
      'a "quoted" word',
      'back\\slash',
      'two\nlines',
      'tab\there',
      'lone \ud83d surrogate',
      'lone low \ude00 surrogate',
      'ends high \ud83d',
      '\u2028line separator\u2029',
      'x'.repeat(5000),
      '长'.repeat(3000),
    ]
    let fast = 0
    for (const [i, body] of texts.entries()) {
      for (const ev of [
        text(alice, body, 1_764_900_000_000 + i, g, { mentions: ['wxid_bob', 'wxid_小明'] }),
        text(member('wxid_"odd"', body), body, 5, undefined, { mentionsAll: true }),
        text(alice, body, 1_764_900_000_123, g, { kind: 'recalled', text: `  msg-${i} ` }),
        // A kind the archive has no type for: kept as `rawKind`.
        text(alice, body, 9, g, { kind: 'location' as unknown as MessageEvent['kind'] }),
      ]) {
        const r = recordOf(ev, ev.sender.groupAlias || body, 1 + i * 1_000_003)
        const line = encoded(r)
        if (line !== undefined) fast++
        expect(line ?? JSON.stringify(r)).toBe(JSON.stringify(r))
        // As the file archive writes it: version 2 with its link, the last field.
        const chained: ArchiveRecord = { ...r, v: CHAINED_VERSION, prev: chainStart(r.chat, '2026-12-07') }
        expect(encoded(chained) ?? JSON.stringify(chained)).toBe(JSON.stringify(chained))
      }
    }
    expect(fast).toBeGreaterThan(texts.length) // most texts take the encoder
  })

  it('leaves quotes, attachments and the bot’s own records to JSON.stringify', () => {
    const quoted = recordOf(text(alice, '同意', 1, g, { quote: { id: 'm0', text: '开会吗' } }), 'Alice', 1)
    const image = recordOf(text(alice, '', 1, g, { kind: 'image', attachment: { fileName: 'a.jpg' } }), 'Alice', 2)
    const own: ArchiveRecord = { ...recordOf(text(alice, 'hi', 1, g), 'bot', 3), fromBot: true }
    for (const r of [quoted, image, own]) expect(encoded(r)).toBeUndefined()
  })

  it('knows every field recordOf writes, in its order', () => {
    const ev = text(alice, 'x', 1, g, { mentionsAll: true, quote: { id: 'q', text: 'y' }, attachment: { url: 'u' } })
    expect(Object.keys(recordOf(ev, 'Alice', 1))).toEqual(ENCODED_FIELDS)
  })
})
