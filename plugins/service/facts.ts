/** Facts the service plugin tells the other plugins (see `bot/core/facts.ts`). */
declare module '../../bot/core/facts.js' {
  interface Facts {
    /**
     * A customer group's responsible person left: `to` took over (none: nobody is named, the admins follow it).
     * For plugins that keep their own duties per person (campaign shares, activity's waiting reminders).
     */
    'group.responsibility-moved': { groupId: string; groupTopic: string; from: string; to?: string; at: number }
  }
}

export {}
