import { CASES_SHARD_DOC, type CaseRecord } from '../state.js'
import type { CaseSearch } from '../search/case-search.js'

/**
 * Cases other bot accounts of the fleet captured (read from their `cases-YYYY-MM` documents, which each
 * account writes alone): searchable and viewable here, changed only through the account that holds them.
 * Their ids carry the account (`C3@sales2`), so they never clash with this account's `C3`.
 */
export class ForeignCases {
  private byShard = new Map<string, CaseRecord[]>()
  private byId = new Map<string, CaseRecord>()

  constructor(private search: CaseSearch) {}

  /** Another account's copy of one month document, as it stands now (replaces the previous copy). */
  update(account: string, doc: string, data: unknown): void {
    const parsed = CASES_SHARD_DOC.schema.safeParse(data)
    if (!parsed.success) return
    const key = `${account}/${doc}`
    for (const old of this.byShard.get(key) ?? []) {
      this.search.remove(old.id)
      this.byId.delete(old.id)
    }
    const cases = (parsed.data as { cases: CaseRecord[] }).cases.map(c => ({ ...c, id: foreignId(c.id, account) }))
    this.byShard.set(key, cases)
    for (const c of cases) {
      this.byId.set(c.id, c)
      if (!c.status) this.search.upsert(c)
    }
  }

  /** A case of another account by its fleet id (`C3@sales2`, any letter case). */
  get(id: string | undefined): CaseRecord | undefined {
    const m = /^[cC](\d{1,9})@(.+)$/.exec((id ?? '').normalize('NFKC').trim())
    return m ? this.byId.get(foreignId(`C${Number(m[1])}`, m[2])) : undefined
  }

  /** Live cases of the other accounts. */
  live(): CaseRecord[] {
    return [...this.byId.values()].filter(c => !c.status)
  }
}

function foreignId(id: string, account: string): string {
  return `${id}@${account}`
}
