import { FileBox } from 'file-box'
import type { Contact, Room, Wechaty } from 'wechaty'
import type { GroupRef, Member } from '../core/event.js'
import type { Directory } from '../ports/directory.js'
import type { OutboundMessage } from '../ports/outbound-message.js'
import type { RoomAdmin } from '../ports/room-admin.js'
import type { Sender } from '../ports/sender.js'
import type { GroupBindings, Resolution } from '../runtime/groups/group-bindings.js'
import type { GroupMatcher } from '../runtime/groups/group-matcher.js'
import { uncachedMemberReader } from './room-member-cache.js'

/** Optional parts of the Wechaty ports. */
export interface WechatyPortsOptions {
  /** Bind groups to room ids once confirmed (without it, rooms are matched by topic each time). */
  bindings?: GroupBindings
  /** Where images sent privately to the bot are saved (bot/ports/media.ts). */
  mediaDir?: string
  /** Whether images posted in a managed group are saved there too (groups whose QR check is on); default none. */
  savesGroupImages?: (group: GroupRef) => boolean
  /** Age after which a group's cached members are read again in the background (default 10 minutes). */
  membersMaxAgeMs?: number
  /** Wall clock for the member cache's age (default Date.now). */
  now?: () => number
}

/**
 * A group's members as read: contact ids, names and group nicknames side by side, no object per member
 * (the strings are those of Wechaty's contact and room-member caches; 100 groups of 500 members: 0.6 MB
 * instead of 5 MB of member records). `members()` builds the records each caller gets.
 */
interface MemberList {
  ids: string[]
  names: string[]
  aliases: (string | undefined)[]
}

/** A group's members as last read, and when. */
interface CachedMembers {
  list: MemberList
  at: number
}

/** Room payloads asked for at once while re-matching rooms (Wechaty's `findAll` asks 17 at a time). */
const ROOM_READS_AT_ONCE = 32

/**
 * Groups whose member lists are read at once (each read is one look-up per member, over puppet-service a
 * gRPC call each). Messages arriving while the lists warm up ask for many groups together: unbounded, 20
 * groups of 500 meant 10,000 calls in flight and the heap's live data doubling for half a minute.
 */
const MEMBER_READS_AT_ONCE = 2
/** How long a member read may hold its turn before the next waiting read starts anyway. */
const MEMBER_READ_TURN_MS = 60_000

/** A member read waiting for its turn. */
interface ReadWaiter {
  groupId: string
  start: () => void
}

/** Puppet dirty types (wechaty-puppet's DirtyType) that change a room's member list or nicknames. */
const ROOM_DIRTY = new Set([3, 4])

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
  /** Whether images posted in this managed group are saved to `mediaDir` (see WechatyPortsOptions). */
  readonly savesGroupImages: (group: GroupRef) => boolean
  private bindings?: GroupBindings
  /** Members per group, read in one batch per group and kept until a join, leave, rename or dirty event there. */
  private memberCache = new Map<string, CachedMembers>()
  private reading = new Map<string, Promise<MemberList>>()
  /** Member reads holding a turn (at most MEMBER_READS_AT_ONCE), and the reads waiting for one, oldest first. */
  private readsRunning = 0
  private readsWaiting: { urgent: ReadWaiter[]; background: ReadWaiter[] } = { urgent: [], background: [] }
  private generations = new Map<string, number>()
  /** Whether the bot is owner or admin of a room, from its payload (absent: not read, or no owner given). */
  private rights = new Map<string, boolean>()
  private maxAgeMs: number
  private now: () => number

  constructor(
    private bot: Wechaty,
    private matcher: () => GroupMatcher,
    opts: WechatyPortsOptions = {},
  ) {
    this.mediaDir = opts.mediaDir
    this.savesGroupImages = opts.savesGroupImages ?? (() => false)
    this.bindings = opts.bindings
    this.maxAgeMs = opts.membersMaxAgeMs ?? 600_000
    this.now = opts.now ?? Date.now
    // Registered before the wiring's handlers, so a queued join or leave already reads the new member list.
    bot.on('room-join', room => this.forgetMembers(room.id))
    bot.on('room-leave', room => this.forgetMembers(room.id))
    bot.on('room-topic', room => this.forgetMembers(room.id))
    // A changed member list or group nickname arrives as a puppet dirty event for the room or its members.
    const watch = (puppet: Wechaty['puppet']) =>
      puppet.on('dirty', ({ payloadType, payloadId }) => {
        if (ROOM_DIRTY.has(payloadType)) this.forgetMembers(payloadId)
      })
    bot.on('puppet', watch)
    const started = currentPuppet(bot) // a host bot already running: no 'puppet' event will come
    if (started) watch(started)
  }

  /** Drop a group's cached members: the next `members()` reads them again. */
  forgetMembers(groupId: string): void {
    this.rights.delete(groupId)
    // Owner and admins may have changed too: read again in the background (unknown meanwhile).
    void currentPuppet(this.bot)
      ?.roomPayload(groupId)
      .then(p => this.noteRights(groupId, p))
      .catch(() => undefined)
    this.memberCache.delete(groupId)
    this.reading.delete(groupId)
    this.generations.set(groupId, (this.generations.get(groupId) ?? 0) + 1)
  }

  selfId(): string {
    // Asked several times per message: the puppet's id, not `currentUser` (a contact look-up each time).
    return this.bot.isLoggedIn ? this.bot.puppet.currentUserId : ''
  }
  /** The bot's own WeChat name (empty until logged in): the fleet names this account so to the admins. */
  selfName(): string {
    return this.bot.isLoggedIn ? this.bot.currentUser.name() : ''
  }
  groups(): GroupRef[] {
    return [...this.managed.values()]
  }
  group(id: string): GroupRef | undefined {
    return this.managed.get(id)
  }

  mayRemove(groupId: string): boolean | undefined {
    return this.rights.get(groupId)
  }

  /** A managed group it is in; a contact the puppet finds says whether it is a friend (unknown after 2 s). */
  async reaches(chat: { room: string } | { contact: string }): Promise<boolean | undefined> {
    if ('room' in chat) return this.managed.has(chat.room) || undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<undefined>(r => {
      timer = setTimeout(() => r(undefined), 2_000)
    })
    const found = this.bot.Contact.find({ id: chat.contact }).then(
      c => c?.friend() ?? undefined,
      () => undefined,
    )
    return Promise.race([found, late]).finally(() => clearTimeout(timer))
  }

  /** Keep whether the bot may remove members of a room, when its payload names the owner. */
  private noteRights(id: string, p: { ownerId?: string; adminIdList?: string[] }): void {
    const self = this.selfId()
    if (p.ownerId && self) this.rights.set(id, p.ownerId === self || (p.adminIdList ?? []).includes(self))
  }

  /** Re-match every room the bot is in against the config (ids and topics: no member list is read). */
  async refresh(): Promise<void> {
    const rooms = await this.roomTopics()
    const resolved = this.bindings?.resolveAll(this.matcher(), rooms)
    this.managed.clear()
    for (const room of rooms)
      this.apply(room.id, room.topic, resolved?.get(room.id) ?? this.resolve(room.id, room.topic))
  }

  /**
   * Every room's id and topic, from the puppet's room list and room payloads. Wechaty's `Room.findAll()` would
   * also load the contact of every member of every room (over puppet-service one call each: 50,000 for 100
   * groups of 500) before answering; member lists are read per group instead (`members`, `warmMembers`).
   * A room the puppet cannot describe is left out, as `findAll` does.
   */
  private async roomTopics(): Promise<{ id: string; topic: string }[]> {
    const puppet = this.bot.puppet
    const ids = await puppet.roomList()
    const topicOf = async (id: string): Promise<string | undefined> => {
      try {
        const payload = await puppet.roomPayload(id)
        this.noteRights(id, payload)
        const { topic } = payload
        // A room without a topic is named after its first members: Wechaty composes that name (reading them).
        return topic || (await (await this.bot.Room.find({ id }))?.topic())
      } catch (e) {
        this.bot.emitError(e)
        return undefined
      }
    }
    const topics = await inBatches(ids, ROOM_READS_AT_ONCE, topicOf)
    return ids.flatMap((id, i) => (topics[i] === undefined ? [] : [{ id, topic: topics[i] }]))
  }

  /**
   * Read the members of these groups into the cache in the background, one group (one batch) after another,
   * giving way to the event loop between groups; never queued behind or ahead of events. Whatever needs a
   * group's members meanwhile awaits that group's read (`members`). Resolves with the groups and members read;
   * `stopped()` ends it early (the bot stops).
   */
  async warmMembers(
    groupIds: string[],
    stopped: () => boolean = () => false,
  ): Promise<{ groups: number; members: number }> {
    let groups = 0
    let members = 0
    for (const id of groupIds) {
      if (stopped()) break
      if (this.memberCache.has(id)) continue
      const list = await this.readMembers(id, false).catch(() => undefined)
      if (list) {
        groups++
        members += list.ids.length
      }
      await new Promise(r => setImmediate(r))
    }
    return { groups, members }
  }

  /** Match one room (after a join or topic change); returns its group, if managed. */
  async track(room: Room): Promise<GroupRef | undefined> {
    const topic = await room.topic()
    if (room.payload) this.noteRights(room.id, room.payload)
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

  /**
   * A group's members with their group nicknames, from the cache when it has them. An entry older than
   * `membersMaxAgeMs` is still answered at once while a fresh read runs in the background (the event queue
   * never waits for a refresh). Each caller gets its own copies.
   */
  async members(groupId: string): Promise<Member[]> {
    const cached = this.cachedMembers(groupId)
    const { ids, names, aliases } = cached?.list ?? (await this.readMembers(groupId, true))
    return ids.map((id, i) => ({ id, name: names[i], groupAlias: aliases[i], roles: [], isStaff: false }))
  }

  /**
   * A member's group nickname: from the group's cached member list when it has the member (a message's
   * sender, read for every message; an old list is read again in the background, as for `members`), else from
   * the puppet (`room.alias`). Answered synchronously from the list (no promise per message).
   */
  memberAlias(room: Room, contact: Contact): string | undefined | Promise<string | undefined> {
    const list = this.cachedMembers(room.id)?.list
    const i = list ? list.ids.indexOf(contact.id) : -1
    if (list && i >= 0) return list.aliases[i]
    return room.alias(contact).then(a => a || undefined)
  }

  /** A group's cached members; an entry older than `membersMaxAgeMs` is read again in the background. */
  private cachedMembers(groupId: string): CachedMembers | undefined {
    const cached = this.memberCache.get(groupId)
    if (cached && this.now() - cached.at > this.maxAgeMs) void this.readMembers(groupId, false).catch(() => {})
    return cached
  }

  /**
   * Read a group's members in one batch (one read at a time per group) and cache them unless forgotten meanwhile.
   * `urgent`: someone waits for this list (none cached); such reads take the next turn before background ones
   * (warming after ready, refreshing an old entry), and a background read still waiting is moved up.
   */
  private readMembers(groupId: string, urgent: boolean): Promise<MemberList> {
    const inFlight = this.reading.get(groupId)
    if (inFlight) {
      if (urgent) this.hurry(groupId)
      return inFlight
    }
    const generation = this.generations.get(groupId) ?? 0
    const read = this.inTurn(groupId, urgent, () => this.fetchMembers(groupId)).finally(() => {
      if (this.reading.get(groupId) === read) this.reading.delete(groupId)
    })
    this.reading.set(groupId, read)
    void read.then(
      list => {
        if ((this.generations.get(groupId) ?? 0) === generation) this.memberCache.set(groupId, { list, at: this.now() })
      },
      () => {},
    )
    return read
  }

  /**
   * Run `fn` once it has a turn: fewer than MEMBER_READS_AT_ONCE reads hold one. A read that has not answered
   * within MEMBER_READ_TURN_MS gives its turn up (it goes on), so a puppet that never answers one group's read
   * does not hold up every other group's.
   */
  private async inTurn<T>(groupId: string, urgent: boolean, fn: () => Promise<T>): Promise<T> {
    if (this.readsRunning < MEMBER_READS_AT_ONCE) this.readsRunning++
    else await new Promise<void>(start => this.readsWaiting[urgent ? 'urgent' : 'background'].push({ groupId, start }))
    let held = true
    const release = () => {
      if (!held) return
      held = false
      const next = this.readsWaiting.urgent.shift() ?? this.readsWaiting.background.shift()
      if (next) next.start()
      else this.readsRunning--
    }
    const timer = setTimeout(release, MEMBER_READ_TURN_MS)
    timer.unref?.()
    try {
      return await fn()
    } finally {
      clearTimeout(timer)
      release()
    }
  }

  /** Move a group's background read that still waits for a turn ahead of the other background reads. */
  private hurry(groupId: string): void {
    const { background, urgent } = this.readsWaiting
    const i = background.findIndex(w => w.groupId === groupId)
    if (i >= 0) urgent.push(...background.splice(i, 1))
  }

  private async fetchMembers(groupId: string): Promise<MemberList> {
    const room = await this.bot.Room.find({ id: groupId })
    if (!room) return { ids: [], names: [], aliases: [] }
    const self = this.selfId()
    const contacts = (await room.memberAll()).filter(c => c.id !== self)
    // Look-ups go out together: over puppet-service each is a round trip. The nicknames are kept here, not
    // in the puppet's room-member cache as well (`memberAlias` answers a message's sender from here).
    const read = uncachedMemberReader(this.bot.puppet)
    const alias = (c: Contact) => (read ? read(groupId, c.id).then(p => p.roomAlias) : room.alias(c))
    const aliases = await Promise.all(contacts.map(c => alias(c).catch(() => undefined)))
    return {
      ids: contacts.map(c => c.id),
      names: contacts.map(c => c.name()),
      aliases: aliases.map(a => a || undefined),
    }
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

function currentPuppet(bot: Wechaty): Wechaty['puppet'] | undefined {
  try {
    return bot.puppet
  } catch {
    return undefined
  }
}

/** `fn` over `items`, at most `size` at a time, results in order. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))))
  return out
}
