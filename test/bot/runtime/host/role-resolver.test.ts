import { describe, expect, it } from 'vitest'
import type { LoadedConfig } from '../../../../bot/config/load-config.js'
import { roleResolver } from '../../../../bot/runtime/host/identity.js'

/** A config naming `boss` an admin, and a roster holding `boss` and `seller` (staff). */
function loaded(): LoadedConfig {
  const staff = new Set(['boss', 'seller', 'seller2'])
  return {
    config: {
      roles: { admin: ['boss'] },
      groups: [{ name: '客户交流群', responsible: ['newhire'] }],
      plugins: { service: { responsible: { 示例科技张三交流群: ['temp'] } } },
    },
    roster: { byContact: (id: string) => (staff.has(id) ? { name: id } : undefined) },
  } as unknown as LoadedConfig
}

describe('roles by contact id', () => {
  it('gives roster members the staff role, besides the roles the config gives them', () => {
    const rolesOf = roleResolver(loaded())
    expect(rolesOf('seller')).toEqual(['staff'])
    expect(rolesOf('boss')).toEqual(['admin', 'staff'])
    expect(rolesOf('customer')).toEqual([])
  })

  it('counts whoever a group names as responsible as staff, on the roster or not', () => {
    const rolesOf = roleResolver(loaded())
    expect(rolesOf('newhire')).toEqual(['staff'])
    expect(rolesOf('temp')).toEqual(['staff'])
  })

  it('builds no list per staff member: staff with no configured role share one', () => {
    const rolesOf = roleResolver(loaded())
    expect(rolesOf('seller')).toBe(rolesOf('seller2'))
    expect(rolesOf('boss')).toBe(rolesOf('boss'))
  })
})
