import type { MessageEvent } from '../core/event.js'
import type { CommandSpec } from '../core/plugin.js'

/**
 * Audience rules, in one place. Every answer to a command has an audience:
 * the asker privately, the group the command came from, or the admins (the
 * executor's admin channel). In a group customers read (any kind but
 * `internal`), only customer commands asked by a customer are answered in the
 * group; everything else (staff commands, refusals, staff asking anything)
 * goes to the asker privately, so customers never see internal commands.
 * A customer is never answered privately (WeChat does not deliver to
 * someone who is not the bot's friend): the router keeps their refusals
 * silent (audited) and treats their unknown `#…` as ordinary talk.
 */

/** Whether people without a role (customers) read what the bot says where `event` came from. */
export function customersRead(event: MessageEvent): boolean {
  return !!event.group && event.group.kind !== 'internal'
}

/** Whether the answer to `event` goes to the asker privately instead of into its group (`spec`: the command, if known). */
export function answerPrivately(event: MessageEvent, spec?: CommandSpec): boolean {
  if (!customersRead(event)) return false
  return !(spec?.customerFacing && !event.sender.isStaff)
}

/** Whether the sender may use `spec` where they asked: in customer groups, people without a role use only customer commands. */
export function openHere(event: MessageEvent, spec: CommandSpec): boolean {
  return !customersRead(event) || event.sender.isStaff || spec.customerFacing === true
}
