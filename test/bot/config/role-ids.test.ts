import { describe, expect, it } from 'vitest'
import { PLUGINS } from '../../../plugins/index.js'
import { loadConfig, parseConfig } from '../../../bot/config/load-config.js'
import { roleIdWarnings } from '../../../bot/config/role-ids.js'
import { EXAMPLE_CONFIG } from '../../../bot/env.js'
import { readWorld } from '../../../bot/sandbox/load-world.js'
import { shipped } from '../../../bot/package-root.js'

const ROSTER = `roster:
  - { name: 吴敏, contactId: wxid_adm1 }
  - { name: 郑涛, contactId: wxid_adm2 }
`

describe('roleIdWarnings', () => {
  it('warns about a role id on no roster row, naming the nearest id', () => {
    const loaded = parseConfig(`company: 绿源\nroles: { admin: [wxid_adm1, wxid_amd2] }\n${ROSTER}`, 'bot.yaml', [])
    expect(roleIdWarnings(loaded)).toEqual([
      '⚠️ roles.admin: wxid_amd2 不在花名册里，是不是 wxid_adm2？ (role id wxid_amd2 is on no roster row: did you mean wxid_adm2?)',
    ])
  })

  it('in the sandbox also knows the world contacts; says nothing without a roster or world to compare with', () => {
    const loaded = parseConfig(`company: 绿源\nroles: { admin: [wxid_adm1, ext_auditor] }\n${ROSTER}`, 'bot.yaml', [])
    expect(roleIdWarnings(loaded, ['ext_auditor'])).toEqual([])
    expect(roleIdWarnings(loaded)).toEqual([
      '⚠️ roles.admin: ext_auditor 不在花名册里：如果不是写错了，可以忽略 (role id ext_auditor is on no roster row)',
    ])
    expect(roleIdWarnings(parseConfig('company: 绿源\nroles: { admin: [a1] }\n', 'bot.yaml', []))).toEqual([])
  })

  it('finds nothing to say about the example config in the demo world', () => {
    const spec = readWorld(shipped('data/demo/world.yaml'))
    const loaded = loadConfig(EXAMPLE_CONFIG, PLUGINS)
    expect(roleIdWarnings(loaded, [spec.bot.id, ...spec.contacts.map(c => c.id)])).toEqual([])
  })
})
