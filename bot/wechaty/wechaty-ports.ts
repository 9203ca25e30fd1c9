import { FileBox } from 'file-box'
import type { Contact, Room, Wechaty } from 'wechaty'
import type { GroupRef, Member } from '../core/event.js'
import type { Directory, OutboundMessage, RoomAdmin, Sender } from '../ports/directory.js'
import type { GroupMatcher } from '../runtime/group-matcher.js'

/**
 * Directory, room admin and sender backed by a running Wechaty. Managed
 * groups are re-matched on login, when the bot joins a room, when a topic
 * changes and on every periodic sweep (`refresh`).
 */
export class WechatyPorts implements Directory, RoomAdmin, Sender {
  private managed = new Map<string, GroupRef>()

  constructor(
    private bot: Wechaty,
    private matcher: () => GroupMatcher,
  ) {}

  selfId(): string {
    return this.bot.isLoggedIn ? this.bot.currentUser.id : ''
  }
  groups(): GroupRef[] {
    return [...this.managed.values()]
  }
  group(id: string): GroupRef | undefined {
    return this.managed.get(id)
  }

  /** Re-match every room the bot is in against the config. */
  async refresh(): Promise<void> {
    const rooms = await this.bot.Room.findAll()
    this.managed.clear()
    for (const room of rooms) await this.track(room)
  }

  /** Match one room (after a join or topic change); returns its group, if managed. */
  async track(room: Room): Promise<GroupRef | undefined> {
    const ref = this.matcher().match(room.id, await room.topic())
    if (ref) this.managed.set(room.id, ref)
    else this.managed.delete(room.id)
    return ref
  }

  async members(groupId: string): Promise<Member[]> {
    const room = await this.bot.Room.find({ id: groupId })
    if (!room) return []
    const self = this.selfId()
    const contacts = (await room.memberAll()).filter(c => c.id !== self)
    // Look-ups go out together: over puppet-service each is a round trip.
    const aliases = await Promise.all(contacts.map(c => room.alias(c).catch(() => undefined)))
    return contacts.map((c, i) => ({
      id: c.id,
      name: c.name(),
      groupAlias: aliases[i] || undefined,
      roles: [],
      isStaff: false,
    }))
  }

  async remove(groupId: string, memberId: string): Promise<void> {
    const room = await this.bot.Room.find({ id: groupId })
    const contact = await this.bot.Contact.find({ id: memberId })
    if (!room || !contact) throw new Error('group or member not found')
    await room.remove(contact)
  }

  async send(msg: OutboundMessage): Promise<void> {
    const target: Room | Contact | undefined =
      'room' in msg.chat
        ? await this.bot.Room.find({ id: msg.chat.room })
        : await this.bot.Contact.find({ id: msg.chat.contact })
    if (!target) throw new Error(`chat not found: ${JSON.stringify(msg.chat)}`)
    if (msg.file) return void (await target.say(FileBox.fromFile(msg.file)))
    if (msg.link)
      return void (await target.say(
        new this.bot.UrlLink({
          url: msg.link.url,
          title: msg.link.title,
          description: msg.link.description ?? '',
          thumbnailUrl: '',
        }),
      ))
    const mentions = 'room' in msg.chat ? await this.contacts(msg.mentions ?? []) : []
    if (mentions.length) await (target as Room).say(msg.text ?? '', ...mentions)
    else await target.say(msg.text ?? '')
  }

  private async contacts(ids: string[]): Promise<Contact[]> {
    const found = await Promise.all(ids.map(id => this.bot.Contact.find({ id })))
    return found.filter((c): c is Contact => !!c)
  }
}
