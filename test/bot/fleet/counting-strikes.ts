import { z } from 'zod'
import { definePlugin } from '../../../bot/core/plugin.js'

/** Test plugin: strikes a member who says 广告 and answers 「第 N 次」 with the fleet-wide count of their strikes. */
export const countingStrikes = definePlugin({
  name: 'strikes',
  description: 'test plugin',
  configSchema: z.object({}).strict(),
  create: ctx => ({
    onEvent: ev => {
      if (ev.type !== 'message' || !ev.group || !ev.text.includes('广告')) return []
      const n = ctx.ledger.activeStrikes(ev.sender.id, ev.at).length + 1
      return [
        { type: 'strike', memberId: ev.sender.id, category: 'ad', groupId: ev.group.id, ttlMs: 0, rule: 'ad' },
        { type: 'warn', groupId: ev.group.id, memberId: ev.sender.id, text: `第 ${n} 次`, rule: 'ad' },
      ]
    },
  }),
})
