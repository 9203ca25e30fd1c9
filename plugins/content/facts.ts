/** Facts the content plugin tells the other plugins (see `bot/core/facts.ts`). */
declare module '../../bot/core/facts.js' {
  interface Facts {
    /** The content plugin acted on a group message (incident, repeat, or a rehearsal of one): it is not a question to answer. */
    'message.moderated': { groupId: string; messageId: string; memberId: string; categories: string[] }
    /**
     * A group message held for the admins (`#确认` / `#忽略`, a review that acts on nothing by itself): until they
     * answer it is not a question to answer either. Not told in observe mode (the admins are not asked then).
     */
    'message.held': { groupId: string; messageId: string; memberId: string }
    /** A held message the admins released (`#忽略`): an ordinary message again, from its own time. */
    'message.released': { groupId: string; messageId: string; memberId: string }
  }
}

export {}
