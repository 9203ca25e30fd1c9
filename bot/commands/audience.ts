import type { Action, RecordAction, RemindAction, SayAction, SendFileAction, SendLinkAction } from '../core/actions.js'
import type { GroupKind, GroupRef, MessageEvent } from '../core/event.js'
import type { CommandSpec } from '../core/plugin.js'

/**
 * Audience rules, in one place. Every answer to a command has an audience:
 * the asker privately, the group the command came from, or the admins (the
 * executor's admin channel). In a group customers read (any kind but
 * `internal`), only customer commands asked by a customer are answered in the
 * group; everything else (staff commands, refusals, staff asking anything)
 * goes to the asker privately, so customers never see internal commands.
 * An admin command whose answer shows the bot's own records (`recordsAnswer`:
 * `#状态`, `#审计`) is answered privately wherever it is asked, an internal
 * group too: colleagues there need not read the audit lines, errors or ids.
 * A customer is never answered privately (WeChat does not deliver to
 * someone who is not the bot's friend): the router keeps their refusals
 * silent (audited) and treats their unknown `#…` as ordinary talk.
 * What plugins decide follows the same rules (`routeActions`, applied by the
 * executor to every action): staff are never warned or reminded in front of
 * customers, and nothing is sent privately to a customer.
 */

/** Whether people without a role (customers) read a group of `kind`. */
export function readByCustomers(kind: GroupKind): boolean {
  return kind !== 'internal'
}

/** Whether a member may be @-ed in a group of `kind` about what they must do (a rule, a reminder, a warning): staff only where no customer reads. */
export function correctedInGroup(kind: GroupKind, isStaff: boolean): boolean {
  return !isStaff || !readByCustomers(kind)
}

/** Whether people without a role (customers) read what the bot says where `event` came from. */
export function customersRead(event: MessageEvent): boolean {
  return !!event.group && readByCustomers(event.group.kind)
}

/** Whether the answer to `event` goes to the asker privately instead of into its group (`spec`: the command, if known). */
export function answerPrivately(event: MessageEvent, spec?: CommandSpec): boolean {
  return (!!event.group && spec?.recordsAnswer === true) || refusePrivately(event, spec)
}

/**
 * Whether a refusal of `spec` (no permission) goes to the asker privately: the group rules only. The records rule
 * is for the answer, which goes to someone allowed (an admin); someone refused may not be the bot's friend.
 */
export function refusePrivately(event: MessageEvent, spec?: CommandSpec): boolean {
  if (!customersRead(event)) return false
  return !(spec?.customerFacing && !event.sender.isStaff)
}

/** Whether the sender may use `spec` where they asked: in customer groups, people without a role use only customer commands. */
export function openHere(event: MessageEvent, spec: CommandSpec): boolean {
  return !customersRead(event) || event.sender.isStaff || spec.customerFacing === true
}

/**
 * A command's actions with every file or link card it sends into the chat it was typed in (a poster preview, a
 * chart) taken as part of its answer: it goes where the answer goes, so a staff command in a group customers read
 * never shows them a file, whatever the plugin addressed. The same array when nothing changes.
 */
export function answerAttachments(actions: Action[], event: MessageEvent, spec?: CommandSpec): Action[] {
  const room = event.group?.id
  if (!room || !answerPrivately(event, spec)) return actions
  const here = (a: Action): a is SendFileAction | SendLinkAction =>
    (a.type === 'sendFile' || a.type === 'sendLink') && 'room' in a.to && a.to.room === room
  if (!actions.some(here)) return actions
  const to = { contact: event.sender.id }
  return actions.map(a => (here(a) ? { ...a, to, groupId: room, memberId: event.sender.id } : a))
}

/** What the executor knows of a send's readers: a managed group's kind and topic, and who is staff. */
export interface Readers {
  group(id: string): Pick<GroupRef, 'kind' | 'topic'> | undefined
  isStaff(contactId: string): boolean
}

/**
 * Actions routed to who may read them; the same array when nothing changes. In a group customers read, a
 * warning of a staff member, and a reminder's @ of one, goes to them privately instead. A private text to a
 * customer (no role) about such a group cannot arrive (WeChat delivers nothing to someone who is not the bot's
 * friend): its `groupText`, if any, is said in the group with an @, else it is only recorded.
 */
export function routeActions(actions: Action[], r: Readers): Action[] {
  let out: Action[] | undefined
  for (let i = 0; i < actions.length; i++) {
    const routed = routeAction(actions[i], r)
    if (routed === actions[i] && !out) continue
    out ??= actions.slice(0, i)
    if (Array.isArray(routed)) out.push(...routed)
    else out.push(routed)
  }
  return out ?? actions
}

function routeAction(a: Action, r: Readers): Action | Action[] {
  if (a.type === 'warn') {
    const g = r.group(a.groupId)
    if (!g || correctedInGroup(g.kind, r.isStaff(a.memberId))) return a
    return privately({ ...a, text: a.privateText ?? a.text }, a.memberId, a.groupId, g)
  }
  if (a.type !== 'say' && a.type !== 'remind') return a
  if ('contact' in a.to) {
    const g = a.groupId ? r.group(a.groupId) : undefined
    if (!g || !readByCustomers(g.kind) || r.isStaff(a.to.contact)) return a
    return unreachable(a, a.to.contact, a.groupId!)
  }
  return a.type === 'remind' ? splitReminder(a, a.to.room, r) : a
}

/** A reminder's @ in a group customers read: customers stay @-ed there, each staff member is told privately. */
function splitReminder(a: RemindAction, room: string, r: Readers): Action | Action[] {
  const g = a.mentions?.length ? r.group(room) : undefined
  if (!g || !readByCustomers(g.kind)) return a
  const staff = a.mentions!.filter(id => r.isStaff(id))
  if (!staff.length) return a
  const rest = a.mentions!.filter(id => !r.isStaff(id))
  const { privateText, ...inGroup } = a
  const told = staff.map(id => privately({ ...a, text: privateText ?? a.text }, id, room, g))
  return rest.length ? [{ ...inGroup, mentions: rest }, ...told] : told
}

/** What a routed action keeps of the one it stands for: whether it is only recorded, a secret, an answer to the asker. */
type Carried = 'rehearsal' | 'sensitive' | 'audience'

function carried(a: Pick<Action, Carried>): Pick<Action, Carried> {
  const kept: Pick<Action, Carried> = {}
  if (a.rehearsal) kept.rehearsal = true
  if (a.sensitive) kept.sensitive = true
  if (a.audience) kept.audience = a.audience
  return kept
}

/** What a group of each kind is called in a private note about it. */
const KIND_NAME: Record<GroupKind, string> = { internal: '内部群', customer: '客户群', broadcast: '公告群' }

/** A warning or reminder of a staff member in a group customers read, sent to them privately, naming the group. */
function privately(
  a: { text: string } & Pick<Action, 'rule' | 'reason' | 'evidence' | Carried>,
  memberId: string,
  groupId: string,
  g: Pick<GroupRef, 'kind' | 'topic'>,
): RemindAction {
  return {
    type: 'remind',
    to: { contact: memberId },
    heading: `关于${KIND_NAME[g.kind]}「${g.topic}」（只发给你，客户看不到）：`,
    text: a.text,
    rule: a.rule,
    reason: a.reason,
    groupId,
    memberId,
    evidence: a.evidence,
    ...carried(a),
  }
}

/** A private text to a customer about a customer group: its group version with an @, or only a record. */
function unreachable(a: SayAction | RemindAction, contact: string, groupId: string): Action {
  if (a.type === 'say' && a.groupText)
    return {
      type: 'say',
      to: { room: groupId },
      text: a.groupText,
      mentions: [contact],
      rule: a.rule,
      groupId,
      memberId: contact,
      ...carried(a),
    }
  const kept: RecordAction = {
    type: 'record',
    text: `未发送（客户不是机器人的好友，私聊收不到）：${a.text}`,
    rule: a.rule,
    reason: a.reason,
    groupId,
    memberId: contact,
    ...carried(a),
  }
  return kept
}
