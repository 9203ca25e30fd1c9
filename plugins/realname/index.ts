import { definePlugin } from '../../bot/core/plugin.js'
import { realnameCommands } from './commands.js'
import { realnameConfigSchema } from './config.js'
import { onJoin, onLeave, onMessage, onTimer } from './flows.js'
import { REALNAME_TIMER_PAYLOADS } from './state.js'
import { RealnameService } from './service.js'
import { sweepParts } from './sweep.js'

/**
 * Real-name group nicknames: checks nicknames against the formats and the
 * roster (after a grace period on join, daily, and when someone speaks),
 * escalates, welcomes newcomers and records leavers.
 */
export const realnamePlugin = definePlugin({
  name: 'realname',
  description: '实名群昵称、花名册核对、入群欢迎与退群记录 Real-name group nicknames, roster, welcome and leavers',
  configSchema: realnameConfigSchema,
  create: ctx => {
    const s = new RealnameService(ctx)
    const { sweep: sweepCfg } = ctx.configFor()
    const [hh, mm] = sweepCfg.at.split(':').map(Number)
    return {
      onEvent: ev => {
        switch (ev.type) {
          case 'join':
            return onJoin(s, ev)
          case 'leave':
            return onLeave(s, ev)
          case 'message':
            return onMessage(s, ev)
          default:
            return []
        }
      },
      timerPayloads: REALNAME_TIMER_PAYLOADS,
      onTimer: (key, payload) => onTimer(s, key, payload),
      commands: realnameCommands(s),
      jobs: [
        {
          name: 'sweep',
          cron: `${mm} ${hh} * * *`,
          workdaysOnly: sweepCfg.workdaysOnly,
          parts: now => sweepParts(s, now),
        },
      ],
      status: () => {
        const cases = Object.values(s.state.data.cases).filter(c => !c.observed)
        return `实名待整改 ${cases.filter(c => !c.identity).length} 人，花名册外 ${cases.filter(c => c.identity).length} 人，豁免 ${Object.keys(s.state.data.exempt).length} 人；每日 ${sweepCfg.at} 巡检`
      },
    }
  },
})
