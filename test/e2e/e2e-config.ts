import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse, stringify } from 'yaml'

/** A temp dir with a config derived from the example config (short grace periods and deadlines) and an empty data dir. */
export function e2eConfig(tweak: (cfg: Record<string, any>) => void = () => {}): {
  dir: string
  configFile: string
  dataDir: string
} {
  const dir = mkdtempSync(join(tmpdir(), 'bot-e2e-'))
  const cfg = parse(readFileSync('data/bot.config.example.yaml', 'utf8'))
  cfg.roster = resolve('data/demo/roster.csv')
  cfg.runtime = { ...cfg.runtime, flushInterval: '1s' }
  cfg.plugins.realname = {
    ...cfg.plugins.realname,
    welcome: { ...cfg.plugins.realname.welcome, batchWindow: '1s' },
    grace: '3s',
    escalation: [
      { action: 'remind', after: '0s' },
      { action: 'report', after: '5s' },
    ],
  }
  // Seconds-long deadlines on the wall clock: counted at any hour (the example counts them in working hours, which
  // on a weekend or an evening would put them on the next working morning).
  cfg.plugins.ack = { ...cfg.plugins.ack, deadline: '20s', remindBefore: '10s', workingHours: { enabled: false } }
  for (const key of Object.keys(cfg.plugins))
    for (const file of cfg.plugins[key].dictionaries ?? [])
      cfg.plugins[key].dictionaries = cfg.plugins[key].dictionaries.map((f: string) => (f === file ? resolve(f) : f))
  tweak(cfg)
  const configFile = join(dir, 'bot.config.yaml')
  writeFileSync(configFile, stringify(cfg))
  return { dir, configFile, dataDir: join(dir, 'state') }
}
