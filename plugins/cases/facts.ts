/** Facts the cases plugin tells the other plugins (see `bot/core/facts.ts`). */
declare module '../../bot/core/facts.js' {
  interface Facts {
    /** A case was stored (`#成交`, `#问题`, …): the service plugin schedules a follow-up for a closed deal. */
    'case.captured': CaseFact
    /** A case was amended (`#案例 修改`): its fields as they are now (the service plugin renames a deal's customer). */
    'case.amended': CaseFact
    /**
     * A case was withdrawn by its author or deleted by an admin: its content is erased, so the service plugin
     * drops the follow-up of a deal (and the customer's name with it).
     */
    'case.removed': { caseId: string; tag: string; status: 'withdrawn' | 'deleted'; at: number }
  }
}

/**
 * What the cases plugin tells about a stored case. `customer` is the template's 客户 field when given;
 * `groupId`/`groupTopic` the chat it was posted in; `at` when it was captured.
 */
export interface CaseFact {
  caseId: string
  tag: string
  authorId: string
  author: string
  groupId?: string
  groupTopic?: string
  customer?: string
  title: string
  at: number
}
