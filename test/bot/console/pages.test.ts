import { describe, expect, it } from 'vitest'
import { violationsPage } from '../../../bot/console/pages.js'
import { AUDIT_TYPE_NAMES, type AuditEntry } from '../../../bot/runtime/records/audit.js'

describe('the console pages', () => {
  it('names every kind of audit entry in Chinese in the 违规记录 page (a private warning is 提醒, not remind)', () => {
    // AUDIT_TYPE_NAMES is typed by every audit entry type: a new action type fails to compile until it is named.
    for (const type of Object.keys(AUDIT_TYPE_NAMES) as AuditEntry['type'][]) {
      const entry: AuditEntry = { id: 'A1', at: 0, plugin: 'content', rule: 'content', type, dryRun: false }
      const page = String(
        violationsPage([{ entry, categories: [], incident: 'V1', undoable: false }], {
          days: 7,
          tz: 'Asia/Shanghai',
          csrf: 'x',
        }),
      )
      const cell = /<td class="nw">A1<\/td>\s*<td class="nw">[^<]*<\/td>\s*<td class="nw">([^<]*)<\/td>/.exec(page)?.[1]
      expect(cell, type).toBe(AUDIT_TYPE_NAMES[type])
      expect(cell, type).toMatch(/^[\u4e00-\u9fff]+$/)
    }
  })
})
