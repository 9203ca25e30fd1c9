import type { AdoptSource } from '../../../bot/fleet/gate.js'
import { campaignTimer } from '../decide-campaign.js'
import { CAMPAIGNS_DOC, type CampaignState, PARTICIPATION_DOC } from '../state.js'

/**
 * Fleet takeover (docs/fleet.md): this bot now acts in `groupId` instead of the down account `from`. Each open
 * campaign `from` announced there continues here for that group: its announcement, the shares and pending
 * screenshot claims of the group, and the reminder and deadline timers. A chat campaign keeps its number with the
 * account after it (`7@acct2`); a config campaign, the same in every account, keeps its id and gains the group.
 * The group leaves `from`'s copy; the timers move with its last group and are copied before (each copy reminds and
 * reports its own groups). Returns how many campaigns continue here.
 */
export function takeCampaigns(state: CampaignState, groupId: string, from: AdoptSource): number {
  const theirs = from.doc('campaign-campaigns', CAMPAIGNS_DOC)
  let moved = 0
  for (const c of Object.values(theirs.data.items)) {
    const where = c.announced[groupId]
    if (c.status !== 'announced' || !where) continue
    const id = c.source === 'config' || c.id.includes('@') ? c.id : `${c.id}@${from.account}`
    const mine = state.campaign(id)
    // A config campaign this bot announced too already has its own timers here.
    const ownTimers = mine?.status === 'announced'
    if (mine && ownTimers) mine.announced[groupId] = where
    else state.putCampaign({ ...c, id, announced: { [groupId]: where } })
    delete c.announced[groupId]
    const last = Object.keys(c.announced).length === 0
    if (last) delete theirs.data.items[c.id]
    theirs.changed()

    const part = from.doc(`campaign-part-${c.id}`, PARTICIPATION_DOC)
    const here = state.participation(id)
    for (const [member, p] of Object.entries(part.data.done))
      if (p.groupId === groupId) {
        here.data.done[member] = p
        delete part.data.done[member]
      }
    for (const [member, claim] of Object.entries(part.data.claims))
      if (claim.groupId === groupId) {
        here.data.claims[member] = claim
        delete part.data.claims[member]
        from.timer(campaignTimer.proof(c.id, member), { key: campaignTimer.proof(id, member) })
      }
    part.changed()
    here.changed()
    if (!ownTimers)
      for (const key of [campaignTimer.remind, campaignTimer.deadline])
        from.timer(key(c.id), { key: key(id), copy: !last })
    moved++
  }
  if (moved) state.touch()
  return moved
}
