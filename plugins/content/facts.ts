/** Facts the content plugin tells the other plugins (see `bot/core/facts.ts`). */
declare module '../../bot/core/facts.js' {
  interface Facts {
    /** The content plugin acted on a group message (incident, repeat, or a rehearsal of one): it is not a question to answer. */
    'message.moderated': { groupId: string; messageId: string; memberId: string; categories: string[] }
  }
}

export {}
