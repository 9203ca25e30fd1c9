import { FileBox } from 'file-box'
import type { Contact, Room, Wechaty } from 'wechaty'
import type { GroupRef, Member } from '../core/event.js'
import type { Directory } from '../ports/directory.js'
import type { OutboundMessage } from '../ports/outbound-message.js'
import type { RoomAdmin } from '../ports/room-admin.js'
import type { Sender } from '../ports/sender.js'
import type { GroupBindings, Resolution } from '../runtime/host/group-bindings.js'
import type { GroupMatcher } from '../runtime/host/group-matcher.js'

/** Optional parts of the Wechaty ports. */
export interface WechatyPortsOptions {
  /** Bind groups to room ids once confirmed (without it, rooms are matched by topic each time). */
  bindings?: GroupBindings
  /** Where images sent privately to the bot are saved (bot/ports/media.ts). */
  mediaDir?: string
}

/**
 * Directory, room admin and sender backed by a running Wechaty. Managed
 * groups are re-matched on login, when the bot joins a room, when a topic
 * changes and on every periodic sweep (`refresh`); a group bound to a room
 * stays with that room, and another room taking its topic is refused and
 * reported through `onRefused`.
 */
export class WechatyPorts implements Directory, RoomAdmin, Sender {
  private managed = new Map<string, GroupRef>()
  private reported = new Set<string>()
  /** Told (once per room and group) when a room takes the topic of a group bound to another room. */
  onRefused: (text: string) => void = () => {}
  readonly mediaDir?: string
  private bindings?: GroupBindings

  constructor(
    private bot: Wechaty,
    private matcher: () => GroupMatcher,
    opts: WechatyPortsOptions = {},
  ) {
    this.mediaDir = opts.mediaDir
    this.bindings = opts.bindings
  }

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
    const rooms = await Promise.all(
      (await this.bot.Room.findAll()).map(async r => ({ id: r.id, topic: await r.topic() })),
    )
    const resolved = this.bindings?.resolveAll(this.matcher(), rooms)
    this.managed.clear()
    for (const room of rooms)
      this.apply(room.id, room.topic, resolved?.get(room.id) ?? this.resolve(room.id, room.topic))
  }

  /** Match one room (after a join or topic change); returns its group, if managed. */
  async track(room: Room): Promise<GroupRef | undefined> {
    const topic = await room.topic()
    return this.apply(room.id, topic, this.resolve(room.id, topic))
  }

  private resolve(id: string, topic: string): Resolution {
    return this.bindings ? this.bindings.resolve(this.matcher(), id, topic) : { ref: this.matcher().match(id, topic) }
  }

  private apply(id: string, topic: string, { ref, refused }: Resolution): GroupRef | undefined {
    if (ref) this.managed.set(id, ref)
    else this.managed.delete(id)
    const key = refused && `${id}\n${refused.configName}\n${refused.boundTo}`
    if (refused && key && !this.reported.has(key)) {
      this.reported.add(key)
      const why = refused.ambiguous
        ? `尚未绑定，而群 ${refused.boundTo} 也叫这个名字，机器人暂不接管其中任何一个`
        : `已绑定到群 ${refused.boundTo}，机器人不接管这个群，报告和发布不会发到这里`
      this.onRefused(
        `⚠️ 群「${topic.slice(0, 40)}」（${id}）的群名与受管群「${refused.configName}」相同，但「${refused.configName}」${why}。如确需更换，请在配置中为该群写明 id。`,
      )
    }
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
