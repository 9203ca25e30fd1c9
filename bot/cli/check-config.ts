import { resolve } from 'node:path'
import { PLUGINS } from '../../plugins/index.js'
import { loadConfig } from '../config/load-config.js'
import { readEnv } from '../env.js'

/** `check-config [FILE]`: validate a config (default `BOT_CONFIG`) and print every problem; exit 1 when invalid. */
export async function checkConfigCommand(argv: string[]): Promise<number> {
  const file = argv[0] ? resolve(argv[0]) : readEnv().configFile
  const loaded = loadConfig(file, PLUGINS) // ConfigError is printed by the CLI entry
  const enabled = PLUGINS.filter(p => (loaded.config.plugins[p.name] as { enabled: boolean }).enabled).map(p => p.name)
  process.stdout.write(
    `${[
      `✅ ${file}: 配置有效 config OK`,
      `  公司 company: ${loaded.config.company}; 时区 timezone: ${loaded.config.timezone}`,
      `  受管理的群 groups: ${loaded.config.groups.map(g => `${g.name}(${g.kind})`).join(', ') || '—'}`,
      `  插件 plugins: ${enabled.join(', ') || '—'}`,
      `  花名册 roster: ${loaded.roster.entries.length} 人`,
    ].join('\n')}\n`,
  )
  return 0
}
