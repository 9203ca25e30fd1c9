import { describe, expect, it } from 'vitest'
import { cachedCollectionEncode } from '../../../bot/ports/store/cached-encode.js'
import { encodeDoc, encodeDocBytes } from '../../../bot/ports/store/doc-codec.js'
import {
  addIncident,
  INCIDENTS_DOC,
  type IncidentLog,
  mergeRepeat,
} from '../../../plugins/content/incidents/incident.js'

const bytes = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8')

function incidentFields(n: number) {
  return {
    memberId: `wxid_${n % 7}`,
    memberName: `销售部-成员${n}`,
    groupId: `room_${n % 3}`,
    groupTopic: '示例科技销售部工作群',
    groupKind: 'internal' as const,
    categories: ['政治'],
    labels: ['敏感词"引号"\n换行'],
    severity: 'high' as const,
    startedAt: 1_700_000_000_000 + n * 60_000,
    messageId: `msg_${n}`,
    steps: [],
    dryRun: n % 2 === 0,
  }
}

describe('the content-incidents document as written', () => {
  it('is byte for byte what encoding the whole document gives, after every kind of change', () => {
    const log: IncidentLog = INCIDENTS_DOC.defaults()
    const written = () => String(encodeDocBytes(log, INCIDENTS_DOC))
    expect(written()).toBe(encodeDoc(log, INCIDENTS_DOC))
    for (let n = 0; n < 1_050; n++) {
      const inc = addIncident(log, incidentFields(n)) // past 1,000 the oldest are dropped
      inc.steps = n % 5 ? ['warn'] : ['warn', 'strike']
      if (n % 10 === 0) expect(written()).toBe(encodeDoc(log, INCIDENTS_DOC))
    }
    expect(log.incidents).toHaveLength(1_000)
    // A repeat merged in place, an array changed in place, a field added and one removed, one replaced.
    mergeRepeat(log.incidents[500], log.incidents[500].startedAt + 5_000)
    expect(written()).toBe(encodeDoc(log, INCIDENTS_DOC))
    log.incidents[10].steps.push('remove')
    expect(written()).toBe(encodeDoc(log, INCIDENTS_DOC))
    Object.assign(log.incidents[20], { extra: { note: '旧版本写的字段' } })
    expect(written()).toBe(encodeDoc(log, INCIDENTS_DOC))
    delete (log.incidents[20] as { extra?: unknown }).extra
    expect(written()).toBe(encodeDoc(log, INCIDENTS_DOC))
    log.incidents[30] = { ...log.incidents[30], memberName: '改名后' }
    expect(written()).toBe(encodeDoc(log, INCIDENTS_DOC))
    log.repeats = [{ account: 'bot2', id: 'V3', messageId: 'm3', count: 2, lastAt: 5 }]
    expect(written()).toBe(encodeDoc(log, INCIDENTS_DOC))
  })

  it('encodes a collection of records by id, other fields in order, and what JSON leaves out, as JSON.stringify', () => {
    const encode = cachedCollectionEncode<{ a?: number; items: Record<string, unknown>; z?: unknown }>('items')
    const data = {
      a: 1,
      items: { x: { at: 1, tags: ['甲'] }, y: undefined, z: { at: NaN } } as Record<string, unknown>,
    }
    const check = () => expect(bytes(encode(data))).toBe(JSON.stringify(data))
    check()
    check()
    ;(data.items.x as { tags: string[] }).tags[0] = '乙'
    check()
    data.items.w = { when: new Date(0) }
    check()
    Object.assign(data, { z: [undefined, () => 1] })
    check()
    const empty = { items: [] as unknown[] }
    expect(bytes(cachedCollectionEncode<typeof empty>('items')(empty))).toBe('{"items":[]}')
    expect(bytes(cachedCollectionEncode<{ items?: unknown[] }>('items')({}))).toBe('{}')
  })
})
