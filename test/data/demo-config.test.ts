import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const example = parse(readFileSync('data/bot.config.example.yaml', 'utf8'))
const demo = parse(readFileSync('data/demo/workday.config.yaml', 'utf8'))

describe('the demo day config (data/demo/workday.config.yaml)', () => {
  it('has the example config’s settings, and the dated campaign of the day only it declares', () => {
    const { campaigns, ...campaign } = demo.plugins.campaign
    expect({ ...demo, plugins: { ...demo.plugins, campaign } }).toEqual(example)
    expect(campaigns.map((c: { id: string; start: string }) => `${c.id} ${c.start}`)).toEqual(['double12 2026-11-30'])
    // A new user's first start, on any date, runs no campaign that has already ended.
    expect(example.plugins.campaign.campaigns).toBeUndefined()
  })
})

describe('the example config (data/bot.config.example.yaml)', () => {
  it('welcomes customers without the staff rules: every group customers read has its own welcome', () => {
    const staffRules = example.plugins.realname.welcome.rules as string[]
    expect(staffRules).toContain('工作时间请勿发与工作无关的内容')
    for (const g of example.groups.filter((x: { kind: string }) => x.kind !== 'internal')) {
      const rules = g.plugins?.realname?.welcome?.rules
      expect(rules, g.name).toBeDefined()
      expect(rules, g.name).not.toContain('工作时间请勿发与工作无关的内容')
    }
  })
})
