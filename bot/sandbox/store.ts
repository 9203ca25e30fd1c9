/**
 * Everything the sandbox WeChat knows. Contact and room payloads live in the
 * wechaty-puppet-mock `Mocker` (so PuppetMock's list/payload methods keep
 * working); group nicknames, inviters, messages, attachments, announcements and
 * the bot's sent log live here. No events to Wechaty are emitted from this file.
 */
import { EventEmitter } from 'node:events'
import { mock } from 'wechaty-puppet-mock'
import type * as PUPPET from 'wechaty-puppet'
import type { Attachment, SentRecord } from './types.js'

/** Per-member facts of one group. */
interface MemberMeta {
  alias?: string
  inviterId?: string
}

/** Events of the store: the bot sent something. */
interface StoreEvents {
  sent: [SentRecord]
}

/** The sandbox's data store, shared by the puppet and the world. */
export class SandboxStore extends EventEmitter<StoreEvents> {
  /** Storage of contact and room payloads (read by PuppetMock's own methods). */
  readonly mocker = new mock.Mocker()
  /** Everything the bot sent, oldest first. */
  readonly sent: SentRecord[] = []
  private readonly meta = new Map<string, Map<string, MemberMeta>>()
  private readonly messages = new Map<string, PUPPET.payloads.Message>()
  private readonly attachments = new Map<string, Attachment>()
  private readonly announcements = new Map<string, string>()
  private seq = 0

  constructor(readonly now: () => number) {
    super()
  }

  /** A fresh id such as `msg-7`. */
  nextId(prefix: string, suffix = ''): string {
    return `${prefix}-${++this.seq}${suffix}`
  }

  /** Contact payload by id; throws when unknown. */
  contact(id: string): PUPPET.payloads.Contact {
    const payload = this.mocker.cacheContactPayload.get(id)
    if (!payload) throw new Error(`sandbox: no contact ${id}`)
    return payload
  }

  /** Room payload by id; throws when unknown. */
  room(id: string): PUPPET.payloads.Room {
    const payload = this.mocker.cacheRoomPayload.get(id)
    if (!payload) throw new Error(`sandbox: no room ${id}`)
    return payload
  }

  /** True when `id` is a known contact. */
  hasContact(id: string): boolean {
    return this.mocker.cacheContactPayload.has(id)
  }

  /** True when `id` is a known room. */
  isRoom(id: string): boolean {
    return this.mocker.cacheRoomPayload.has(id)
  }

  /** All contact payloads. */
  contacts(): PUPPET.payloads.Contact[] {
    return [...this.mocker.cacheContactPayload.values()]
  }

  /** All room payloads. */
  rooms(): PUPPET.payloads.Room[] {
    return [...this.mocker.cacheRoomPayload.values()]
  }

  /** Store a contact payload (insert or replace). */
  putContact(payload: PUPPET.payloads.Contact): void {
    this.mocker.contactPayload(payload.id, payload)
  }

  /** Store a room payload (insert or replace); always store a new object, never mutate a stored one. */
  putRoom(payload: PUPPET.payloads.Room): void {
    this.mocker.roomPayload(payload.id, payload)
  }

  /** Group member payload with group nickname and inviter; throws when not a member. */
  member(roomId: string, contactId: string): PUPPET.payloads.RoomMember {
    if (!this.room(roomId).memberIdList.includes(contactId)) {
      throw new Error(`sandbox: ${contactId} is not a member of ${roomId}`)
    }
    const contact = this.contact(contactId)
    const meta = this.meta.get(roomId)?.get(contactId) ?? {}
    return {
      id: contactId,
      name: contact.name,
      avatar: contact.avatar,
      roomAlias: meta.alias,
      inviterId: meta.inviterId,
    }
  }

  /** Update a member's group nickname / inviter. */
  setMeta(roomId: string, contactId: string, patch: MemberMeta): void {
    const room = this.meta.get(roomId) ?? new Map<string, MemberMeta>()
    room.set(contactId, { ...room.get(contactId), ...patch })
    this.meta.set(roomId, room)
  }

  /** Forget a member's group facts (they left: the group nickname goes with them). */
  dropMeta(roomId: string, contactId: string): void {
    this.meta.get(roomId)?.delete(contactId)
  }

  /** Group alias if set, else the WeChat name: how WeChat shows a member in a group. */
  displayName(contactId: string, roomId?: string): string {
    const alias = roomId ? this.meta.get(roomId)?.get(contactId)?.alias : undefined
    return alias || this.contact(contactId).name
  }

  /** Store a message (a re-used id replaces the stored payload). */
  putMessage(payload: PUPPET.payloads.Message, attachment?: Attachment): void {
    this.messages.set(payload.id, payload)
    if (attachment) this.attachments.set(payload.id, attachment)
  }

  /** Message payload by id; throws when unknown. */
  message(id: string): PUPPET.payloads.Message {
    const payload = this.messages.get(id)
    if (!payload) throw new Error(`sandbox: no message ${id}`)
    return payload
  }

  /** The attachment of a message; throws when it has none. */
  attachment(id: string): Attachment {
    const attachment = this.attachments.get(id)
    if (!attachment) throw new Error(`sandbox: message ${id} has no attachment`)
    return attachment
  }

  /** Current group announcement ('' when none). */
  announcement(roomId: string): string {
    return this.announcements.get(roomId) ?? ''
  }

  /** Set the group announcement. */
  setAnnouncement(roomId: string, text: string): void {
    this.announcements.set(roomId, text)
  }

  /** Append to the sent log and notify `sent` listeners. */
  recordSent(record: SentRecord): void {
    this.sent.push(record)
    this.emit('sent', record)
  }
}
