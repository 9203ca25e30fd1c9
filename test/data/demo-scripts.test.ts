import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts

describe('npm run demo scripts', () => {
  it('name their config, so a BOT_CONFIG from .env does not replace the demo config', () => {
    expect(scripts.demo).toContain('--config data/demo/workday.config.yaml')
    expect(scripts['demo:service']).toContain('--config data/demo/service-week.config.yaml')
    expect(scripts['demo:qr']).toContain('--config data/demo/qr-trial.config.yaml')
    expect(scripts['demo:audit']).toContain('--config data/demo/audit-days.config.yaml')
  })
})
