import { resolve } from 'node:path'
import { PLUGINS } from '../../plugins/index.js'
import { verifyConfig } from '../config/verify-config.js'
import { readEnv } from '../env.js'
import { defineCli, UsageError } from './args.js'

const CLI = defineCli({ usage: 'usage: check-config [FILE]', options: {}, positionals: { max: 1 } })

/**
 * `check-config [FILE]`: run the start-up checks on a config (default `BOT_CONFIG`) without connecting:
 * schema, paths, roster and every plugin's start. Prints every problem; exit 1 when the bot would refuse to start.
 */
export async function checkConfigCommand(argv: string[]): Promise<number> {
  const parsed = CLI.parse(argv)
  if (parsed instanceof UsageError) return parsed.report(process.stderr)
  const [given] = parsed.positionals
  const file = given ? resolve(given) : readEnv().configFile
  const loaded = await verifyConfig(file, PLUGINS) // ConfigError is printed by the CLI entry (exit 1)
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
