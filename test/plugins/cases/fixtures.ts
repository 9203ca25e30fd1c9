import { compileTemplate } from '../../../plugins/cases/content/template.js'
import type { CaseRecord } from '../../../plugins/cases/state.js'

const template = compileTemplate(['客户', '行业', '产品', '金额', '难点', '做法', '结果', '心得'])
let seq = 0

/** A case as the plugin would have stored it (fields and title parsed from `text`). */
export function makeCase(text: string, over: Partial<CaseRecord> = {}): CaseRecord {
  const p = template.parse(text)
  seq++
  return {
    id: `C${seq}`,
    seq,
    tag: '案例',
    authorId: 'zhang',
    author: '张三',
    groupId: 'r1',
    groupTopic: '销售部工作群',
    at: Date.parse('2026-11-30T02:00:00Z'),
    text,
    fields: p.fields,
    title: p.title,
    images: [],
    ...over,
  }
}
