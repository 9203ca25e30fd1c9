/**
 * The sandbox world: the API tests, replay and the console use to set up
 * contacts and groups and to act as group members. The bot only ever sees the
 * result through Wechaty (the puppet's payloads and events).
 */
import * as PUPPET from 'wechaty-puppet'
import { describeContent } from './content.js'
import { formatQuote } from '../wechaty/parse-quote.js'
import type { SandboxPuppet } from './sandbox-puppet.js'
import type { SandboxStore } from './store.js'
import type { Content, ContactSpec, Conversation, MessageOptions, QuoteSpec, RoomSpec, SentRecord } from './types.js'

/** Listener for things the bot sent. */
export type SentListener = (record: SentRecord) => void

/** Timestamps below 1e11 are seconds (same rule as Wechaty's `timestampToDate`); the puppet stores ms. */
function toMilliseconds(timestamp: number): number {
  return timestamp < 1e11 ? timestamp * 1000 : timestamp
}

/** Setup and member-side actions of the sandbox WeChat. */
export class SandboxWorld {
  constructor(
    readonly puppet: SandboxPuppet,
    private readonly store: SandboxStore,
  ) {}

  /* ---------- setup ---------- */

  /** Create a contact; returns its id. */
  createContact({ id = this.store.nextId('contact'), name }: ContactSpec): string {
    if (this.store.hasContact(id)) throw new Error(`sandbox: contact ${id} exists`)
    this.store.putContact({
      id,
      name,
      avatar: '',
      phone: [],
      friend: true,
      gender: PUPPET.types.ContactGender.Unknown,
      type: PUPPET.types.Contact.Individual,
    })
    return id
  }

  /** Create a group of existing contacts; returns its id. */
  createRoom({
    id = this.store.nextId('room', '@chatroom'),
    topic,
    memberIds,
    ownerId,
    adminIds = [],
  }: RoomSpec): string {
    if (this.store.isRoom(id)) throw new Error(`sandbox: room ${id} exists`)
    for (const member of memberIds) this.store.contact(member)
    this.store.putRoom({ id, topic, memberIdList: [...memberIds], ownerId, adminIdList: [...adminIds] })
    return id
  }

  /** Log the bot in as an existing contact (start Wechaty first); emits `login` then `ready`. */
  login(contactId: string): void {
    this.store.contact(contactId)
    if (!this.puppet.state.active()) throw new Error('sandbox: start the puppet (bot.start()) before login')
    this.puppet.login(contactId)
    this.puppet.emit('ready', { data: 'sandbox ready' })
  }

  /** Create the bot's contact when missing and log in; returns the bot id. */
  loginBot(name: string, id = 'bot'): string {
    if (!this.store.hasContact(id)) this.createContact({ id, name })
    this.login(id)
    return id
  }

  /** The logged-in bot's id, if any. */
  get botId(): string | undefined {
    return this.puppet.isLoggedIn ? this.puppet.currentUserId : undefined
  }

  /** All contacts. */
  contacts(): PUPPET.payloads.Contact[] {
    return this.store.contacts()
  }

  /** All groups. */
  rooms(): PUPPET.payloads.Room[] {
    return this.store.rooms()
  }

  /** Current payload of one group (members, owner, admins, topic). */
  room(roomId: string): PUPPET.payloads.Room {
    return this.store.room(roomId)
  }

  /** Group nickname of a member, if set. */
  groupAlias(roomId: string, contactId: string): string | undefined {
    return this.store.member(roomId, contactId).roomAlias
  }

  /** Contact ids matching `query` as id, group alias or name (only members of `roomId` when given). */
  findContacts(query: string, roomId?: string): string[] {
    const rooms = roomId ? [this.store.room(roomId)] : this.store.rooms()
    const inScope = (id: string) => !roomId || rooms[0].memberIdList.includes(id)
    const byId = this.store.hasContact(query) && inScope(query) ? [query] : []
    const byAlias = rooms.flatMap(room =>
      room.memberIdList.filter(id => this.store.member(room.id, id).roomAlias === query),
    )
    const byName = this.store
      .contacts()
      .filter(c => c.name === query && inScope(c.id))
      .map(c => c.id)
    return [...new Set([...byId, ...byAlias, ...byName])]
  }

  /** Group id for an id or exact topic. */
  findRoom(query: string): string | undefined {
    return this.store.isRoom(query) ? query : this.store.rooms().find(r => r.topic === query)?.id
  }

  /** Member ids @-mentioned in `text` (longest group alias or name after each `@`), for console input. */
  resolveMentions(roomId: string, text: string): string[] {
    const names = this.store
      .room(roomId)
      .memberIdList.flatMap(id =>
        [this.store.member(roomId, id).roomAlias, this.store.contact(id).name].map(name => ({ id, name })),
      )
      .filter((n): n is { id: string; name: string } => !!n.name)
      .sort((a, b) => b.name.length - a.name.length)
    const ids: string[] = []
    for (const at of text.matchAll(/@/g)) {
      const hit = names.find(n => text.startsWith(n.name, at.index + 1))
      if (hit && !ids.includes(hit.id)) ids.push(hit.id)
    }
    return ids
  }

  /* ---------- groups ---------- */

  /** Set (or clear with undefined/'') a member's group nickname; Wechaty's `room.alias(contact)` sees it at once. */
  setGroupAlias(roomId: string, contactId: string, alias: string | undefined): void {
    this.puppet.applyAlias(roomId, contactId, alias)
  }

  /** Make a member the group owner. */
  setRoomOwner(roomId: string, ownerId: string): void {
    this.store.member(roomId, ownerId)
    this.puppet.updateRoom(roomId, { ownerId })
  }

  /** Replace the group's admin list (members only). */
  setRoomAdmins(roomId: string, adminIds: string[]): void {
    for (const id of adminIds) this.store.member(roomId, id)
    this.puppet.updateRoom(roomId, { adminIdList: [...adminIds] })
  }

  /** Contacts join; `inviterId` defaults to the first joiner (joined by themselves, e.g. by QR code). */
  join(roomId: string, contactIds: string[], inviterId = contactIds[0]): void {
    this.puppet.applyJoin(roomId, contactIds, inviterId)
  }

  /** A member leaves voluntarily: `room-leave` with remover = the leaver. */
  leave(roomId: string, contactId: string): void {
    this.puppet.applyLeave(roomId, [contactId], contactId)
  }

  /** `byId` removes a member; throws unless `byId` is owner/admin (like WeChat). */
  kick(roomId: string, contactId: string, byId: string): void {
    this.puppet.assertCanRemove(roomId, byId, contactId)
    this.puppet.applyLeave(roomId, [contactId], byId)
  }

  /** A member renames the group: `room-topic`. */
  setTopic(roomId: string, topic: string, byId: string): void {
    this.store.member(roomId, byId)
    this.puppet.applyTopic(roomId, topic, byId)
  }

  /* ---------- messages ---------- */

  /** A member sends text (to a group, or privately to the bot); returns the message id. */
  say(fromId: string, where: Conversation, text: string, options: MessageOptions = {}): string {
    return this.send(fromId, where, { kind: 'text', text }, options)
  }

  /** A member sends any kind of message; returns the message id. */
  send(fromId: string, where: Conversation, content: Content, options: MessageOptions = {}): string {
    const { type, text, filename, attachment } = describeContent(content)
    if (content.kind === 'contact') this.store.contact(content.contactId)
    if (options.quote && content.kind !== 'text') throw new Error('sandbox: only text messages can quote')
    const base = {
      id: options.id ?? this.store.nextId('msg'),
      talkerId: fromId,
      timestamp: toMilliseconds(options.timestamp ?? this.store.now()),
      type,
      text: options.quote ? this.quoteText(options.quote, text) : text,
      filename,
    }
    this.puppet.deliver(this.address(base, fromId, where, options.mentions ?? []), attachment)
    return base.id
  }

  /** The sender recalls a message: a `Recalled` message whose text is the recalled id. */
  recall(messageId: string, options: Omit<MessageOptions, 'mentions' | 'quote'> = {}): string {
    const original = this.store.message(messageId)
    const where = original.roomId ? { room: original.roomId } : { to: original.listenerId }
    return this.send(original.talkerId, where, { kind: 'recalled', messageId }, options)
  }

  private address(
    base: PUPPET.payloads.MessageBase,
    fromId: string,
    where: Conversation,
    mentions: string[],
  ): PUPPET.payloads.Message {
    this.store.contact(fromId)
    for (const id of mentions) this.store.contact(id)
    if (where.room) {
      this.store.member(where.room, fromId)
      return { ...base, roomId: where.room, mentionIdList: [...mentions] }
    }
    const listenerId = where.to ?? this.botId
    if (!listenerId) throw new Error('sandbox: no recipient (log the bot in first)')
    this.store.contact(listenerId)
    return { ...base, listenerId }
  }

  private quoteText(quote: QuoteSpec, reply: string): string {
    const quoted = quote.messageId ? this.store.message(quote.messageId) : undefined
    const senderName = quote.senderName ?? (quoted && this.store.displayName(quoted.talkerId, quoted.roomId))
    const quotedText = quote.text ?? quoted?.text
    if (senderName === undefined || quotedText === undefined) {
      throw new Error('sandbox: quote needs messageId, or senderName and text')
    }
    return formatQuote(senderName, quotedText, reply)
  }

  /* ---------- what the bot sent ---------- */

  /** Everything the bot sent, oldest first. */
  get sent(): readonly SentRecord[] {
    return this.store.sent
  }

  /** Listen for things the bot sends (for the console). */
  on(event: 'sent', listener: SentListener): this {
    this.store.on(event, listener)
    return this
  }

  /** Stop listening. */
  off(event: 'sent', listener: SentListener): this {
    this.store.off(event, listener)
    return this
  }
}
