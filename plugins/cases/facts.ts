/** Facts the cases plugin tells the other plugins (see `bot/core/facts.ts`). */
declare module '../../bot/core/facts.js' {
  interface Facts {
    /**
     * A case was stored (`#成交`, `#问题`, …): the service plugin schedules a follow-up for a closed deal.
     * `customer` is the template's 客户 field when given; `groupId`/`groupTopic` the chat it was posted in.
     */
    'case.captured': {
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
  }
}

export {}
