import { describe, expect, it } from 'vitest'
import { Roster } from '../../../bot/roster/roster.js'
import { cleanNamedExemptions } from '../../../plugins/realname/exemptions.js'
import type { GroupMembers } from '../../../plugins/realname/state.js'

/** Members of one group, and how often their groups were listed (each listing reads every group's shard). */
function membersSeen(members: GroupMembers['members']) {
  let listed = 0
  const groups = { 'g1@chatroom': { baselined: true, members } }
  return {
    members: {
      get groups() {
        listed++
        return groups
      },
    },
    listed: () => listed,
  }
}

describe('realname: exemptions stored under a name, cleaned at start', () => {
  const by = { by: 'wxid_admin', at: 1 }
  const roster = new Roster([{ name: '王五', contactId: 'wxid_wangwu', line: 2 }])

  it('reads no member list when there is no exemption, or only exemptions of contacts the roster binds', () => {
    const seen = membersSeen({ wxid_x: { since: 1, name: '小赵' } })
    expect(cleanNamedExemptions({}, roster, seen.members)).toBe(false)
    const exempt = { wxid_wangwu: by }
    expect(cleanNamedExemptions(exempt, roster, seen.members)).toBe(false)
    expect(exempt).toEqual({ wxid_wangwu: by })
    expect(seen.listed()).toBe(0)
  })

  it('reads the member list once for the other keys: moves a seen name to its contact, keeps ids', () => {
    const seen = membersSeen({ wxid_x: { since: 1, name: '小赵' }, wxid_y: { since: 1 } })
    const exempt = { 小赵: by, wxid_y: by, wxid_gone: by, 赵六: by }
    expect(cleanNamedExemptions(exempt, roster, seen.members)).toBe(true)
    expect(exempt).toEqual({ wxid_x: by, wxid_y: by, wxid_gone: by })
    expect(seen.listed()).toBe(1)
  })
})
