/** A running plugin as the operator reads it: its name (as written in the config) and its title. */
export interface RunningPlugin {
  name: string
  title: string
}

/**
 * What runs, in Chinese, for the start log and `#状态`: every running plugin, then those that run only by default
 * (the config names no section of theirs: every registered plugin is on unless its section says `enabled: false`),
 * with how to turn one off. `written` undefined (not read from a file): only the plugins.
 */
export function pluginsRunLines(running: readonly RunningPlugin[], written: readonly string[] | undefined): string[] {
  const all = `插件：${running.map(p => p.title).join('、') || '无'}`
  const byDefault = written ? running.filter(p => !written.includes(p.name)) : []
  if (!byDefault.length) return [all]
  const example = byDefault[0].name
  return [
    all,
    `其中配置里没写、按默认开启的：${byDefault.map(p => p.title).join('、')}（不需要的在配置 plugins 下写 ${example}: { enabled: false }）`,
  ]
}
