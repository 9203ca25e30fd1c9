import { SOLO } from '../../fleet/gate.js'
import { pluginTitle } from '../../core/plugin.js'
import { describeUnmatched, unmatchedGroups } from '../../runtime/groups/group-matcher.js'
import type { RuntimeView } from './runtime-view.js'

/** The bot's health as `#状态` and the console's overview show it: one verdict and the warnings behind it. */
export interface Health {
  /**
   * Nothing to look at: no errors, no store warnings, no plugin's problem (`PluginInstance.health`), every configured
   * group found, the holiday calendar complete.
   */
  ok: boolean
  /**
   * The verdict in a word or two: `正常`, `有错误`, `存储警告`, a plugin's (`词库重载失败`), `2 个配置的群未找到`,
   * `节假日日历缺少数据`.
   */
  label: string
  /** What an admin should look at, one line each (the calendar, groups not found, store warnings); errors are listed apart. */
  warnings: string[]
}

/**
 * The health of the bot (one source for `#状态` and the console). `inFleet`: the accounts of a fleet share one
 * config and each is in some of its groups, so a group this account is not in is no fault then.
 */
export function healthOf(rt: RuntimeView, inFleet: boolean): Health {
  const missing = unmatchedGroups(rt.loaded.config.groups, rt.deps.directory.groups())
  const missingIsFault = missing.length > 0 && !inFleet
  const store = rt.deps.store.warnings
  const calendar = rt.calendarWarning()
  const plugins = rt.plugins.flatMap(x => {
    const h = x.instance.health?.()
    return h ? [{ ...h, title: pluginTitle(x.def) }] : []
  })
  const label =
    rt.errors.length || rt.outbox.failures.length
      ? '有错误'
      : store.length
        ? '存储警告'
        : plugins.length
          ? plugins[0].label
          : missingIsFault
            ? `${missing.length} 个配置的群未找到`
            : calendar
              ? '节假日日历缺少数据'
              : '正常'
  const warnings = [
    ...(calendar ? [calendar] : []),
    ...(missingIsFault ? [`未找到的群：${describeUnmatched(missing)}（检查群名，或把机器人拉进群）`] : []),
    ...store.map(w => `存储警告：${w}`),
    ...plugins.map(h => `${h.title}：${h.detail}`),
  ]
  return { ok: label === '正常', label, warnings }
}

/** Whether this account is one of a fleet's (configured peers, or accounts sharing the database). */
export function inFleet(rt: RuntimeView): boolean {
  return rt.loaded.config.fleet.peers.length > 0 || rt.fleet !== SOLO
}
