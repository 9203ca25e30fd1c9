/**
 * The sandbox puppet: PuppetMock plus what the bot needs and the mock lacks —
 * group nicknames, working roomAdd/roomDel with owner/admin checks, typed
 * message payloads (link, mini program, card, file…), and a log of what the
 * bot sent. It stays a plain Puppet subclass, so PuppetServer can serve it.
 */
import type { FileBoxInterface } from 'file-box'
import * as PUPPET from 'wechaty-puppet'
import { PuppetMock } from 'wechaty-puppet-mock'
import { isImageFile } from './content.js'
import type { SandboxStore } from './store.js'
import type { Attachment, SentRecord } from './types.js'
import { REMOVAL_REFUSED } from './refusal.js'

/** Options: the shared store plus ordinary puppet options. */
export interface SandboxPuppetOptions extends PUPPET.PuppetOptions {
  store: SandboxStore
}

/** What a send records, before the puppet adds id, time and conversation. */
type Outgoing = Omit<SentRecord, 'id' | 'at' | 'roomId' | 'toContactId'>

/**
 * PuppetMock's typings narrow send methods to `Promise<void>`, while the Puppet
 * contract is `Promise<void | string>`: returning the id lets Wechaty's
 * `room.say()` / `contact.say()` resolve to the sent Message.
 */
function sentId(id: string): void {
  return id as unknown as void
}

/** A Wechaty puppet backed by the sandbox store. */
export class SandboxPuppet extends PuppetMock {
  readonly store: SandboxStore

  constructor({ store, ...options }: SandboxPuppetOptions) {
    super({ ...options, mocker: store.mocker })
    this.store = store
  }

  /* ---------- world-driven changes (each emits what a real puppet would) ---------- */

  /** Add members, remember who invited them, emit `room-join`. */
  applyJoin(roomId: string, contactIds: string[], inviterId: string): void {
    this.requireLogin()
    if (contactIds.length === 0) throw new Error('sandbox: nobody to add')
    const room = this.store.room(roomId)
    for (const id of [...contactIds, inviterId]) this.store.contact(id)
    const already = contactIds.filter(id => room.memberIdList.includes(id))
    if (already.length > 0) throw new Error(`sandbox: ${already.join(', ')} already in ${roomId}`)
    this.updateRoom(roomId, { memberIdList: [...room.memberIdList, ...contactIds] })
    for (const id of contactIds) this.store.setMeta(roomId, id, { inviterId })
    this.emit('room-join', { roomId, inviteeIdList: contactIds, inviterId, timestamp: this.store.now() })
  }

  /** Remove members (their group nickname goes too), emit `room-leave`; remover = leaver for a voluntary leave. */
  applyLeave(roomId: string, contactIds: string[], removerId: string): void {
    this.requireLogin()
    const room = this.store.room(roomId)
    const missing = contactIds.filter(id => !room.memberIdList.includes(id))
    if (missing.length > 0) throw new Error(`sandbox: ${missing.join(', ')} not in ${roomId}`)
    const stays = (id: string) => !contactIds.includes(id)
    this.updateRoom(roomId, {
      memberIdList: room.memberIdList.filter(stays),
      adminIdList: room.adminIdList.filter(stays),
      ownerId: room.ownerId && stays(room.ownerId) ? room.ownerId : undefined,
    })
    for (const id of contactIds) this.store.dropMeta(roomId, id)
    this.emit('room-leave', { roomId, removeeIdList: contactIds, removerId, timestamp: this.store.now() })
  }

  /** Change the topic, emit `room-topic`. */
  applyTopic(roomId: string, topic: string, changerId: string): void {
    this.requireLogin()
    const oldTopic = this.store.room(roomId).topic
    this.updateRoom(roomId, { topic })
    this.emit('room-topic', { roomId, newTopic: topic, oldTopic, changerId, timestamp: this.store.now() })
  }

  /** Set or clear a group nickname and invalidate cached member payloads (local and remote). */
  applyAlias(roomId: string, contactId: string, alias: string | undefined): void {
    this.store.member(roomId, contactId)
    this.store.setMeta(roomId, contactId, { alias: alias || undefined })
    this.invalidate(PUPPET.types.Dirty.RoomMember, roomId)
  }

  /** Replace room fields (owner, admins, members, topic) and invalidate the cached room payload. */
  updateRoom(roomId: string, patch: Partial<Omit<PUPPET.payloads.Room, 'id'>>): void {
    this.store.putRoom({ ...this.store.room(roomId), ...patch })
    this.invalidate(PUPPET.types.Dirty.Room, roomId)
  }

  /** Store a member's message and emit `message` (a re-used id is delivered again). */
  deliver(payload: PUPPET.payloads.Message, attachment?: Attachment): void {
    this.requireLogin()
    this.store.putMessage(payload, attachment)
    this.emit('message', { messageId: payload.id })
  }

  /**
   * Throw unless `byId` may remove `targetId` from the group (owner: anyone but self; admin: plain members), as
   * WeChat refuses: the message starts with {@link REMOVAL_REFUSED}.
   */
  assertCanRemove(roomId: string, byId: string, targetId: string): void {
    const room = this.store.room(roomId)
    const isOwner = room.ownerId === byId
    const who = this.isLoggedIn && byId === this.currentUserId ? '机器人' : byId
    if (!isOwner && !room.adminIdList.includes(byId)) {
      throw new Error(
        `${REMOVAL_REFUSED}：${who}不是该群的群主或管理员 (sandbox: ${byId} is neither owner nor admin of ${roomId})`,
      )
    }
    if (targetId === room.ownerId || (!isOwner && room.adminIdList.includes(targetId))) {
      throw new Error(
        `${REMOVAL_REFUSED}：${targetId} 是群主或管理员 (sandbox: ${byId} may not remove ${targetId}, owner/admin, from ${roomId})`,
      )
    }
  }

  /** Drop the local cache entry now, and emit `dirty` so Wechaty and gRPC clients refresh too. */
  private invalidate(type: PUPPET.types.Dirty, id: string): void {
    this.onDirty({ payloadType: type, payloadId: id })
    this.dirtyPayload(type, id)
  }

  private requireLogin(): void {
    if (!this.isLoggedIn) throw new Error('sandbox: log the bot in first (world.login / world.loginBot)')
  }

  /* ---------- puppet API: contacts and rooms ---------- */

  /** Like PuppetMock's, but says clearly when Wechaty asks for a room id as a contact (see the dirty quirk). */
  override async contactRawPayload(id: string): Promise<PUPPET.payloads.Contact> {
    if (this.store.isRoom(id)) {
      throw new Error(`sandbox: ${id} is a room, not a contact (Wechaty reads a RoomMember dirty id as a contact id)`)
    }
    return this.store.contact(id)
  }

  override async roomMemberRawPayload(roomId: string, contactId: string): Promise<PUPPET.payloads.RoomMember> {
    return this.store.member(roomId, contactId)
  }

  override async roomAdd(roomId: string, contactId: string): Promise<void> {
    this.applyJoin(roomId, [contactId], this.currentUserId)
  }

  override async roomDel(roomId: string, contactId: string): Promise<void> {
    this.requireLogin()
    this.assertCanRemove(roomId, this.currentUserId, contactId)
    this.applyLeave(roomId, [contactId], this.currentUserId)
  }

  override roomTopic(roomId: string): Promise<string>
  override roomTopic(roomId: string, topic: string): Promise<void>
  override async roomTopic(roomId: string, topic?: string): Promise<string | void> {
    if (topic === undefined) return this.store.room(roomId).topic
    this.applyTopic(roomId, topic, this.currentUserId)
  }

  override roomAnnounce(roomId: string): Promise<string>
  override roomAnnounce(roomId: string, text: string): Promise<void>
  override async roomAnnounce(roomId: string, text?: string): Promise<string | void> {
    if (text === undefined) return this.store.announcement(roomId)
    const room = this.store.room(roomId)
    if (room.ownerId !== this.currentUserId && !room.adminIdList.includes(this.currentUserId)) {
      throw new Error(`sandbox: bot is neither owner nor admin of ${roomId}; cannot set the announcement`)
    }
    this.store.setAnnouncement(roomId, text)
    this.record(roomId, { kind: 'announce', text, mentionIds: [] }, PUPPET.types.Message.Text)
  }

  /* ---------- puppet API: reading messages ---------- */

  override async messageRawPayload(id: string): Promise<PUPPET.payloads.Message> {
    return this.store.message(id)
  }

  override async messageFile(id: string): Promise<FileBoxInterface> {
    return this.part(id, 'file')
  }
  override async messageImage(id: string): Promise<FileBoxInterface> {
    return this.part(id, 'file')
  }
  override async messageUrl(id: string): Promise<PUPPET.payloads.UrlLink> {
    return this.part(id, 'url')
  }
  override async messageMiniProgram(id: string): Promise<PUPPET.payloads.MiniProgram> {
    return this.part(id, 'miniProgram')
  }
  override async messageLocation(id: string): Promise<PUPPET.payloads.Location> {
    return this.part(id, 'location')
  }
  override async messageContact(id: string): Promise<string> {
    return this.part(id, 'contactId')
  }

  private part<K extends keyof Attachment>(id: string, key: K): NonNullable<Attachment[K]> {
    const value = this.store.attachment(id)[key]
    if (value === undefined) throw new Error(`sandbox: message ${id} carries no ${key}`)
    return value as NonNullable<Attachment[K]>
  }

  /* ---------- puppet API: the bot sends ---------- */

  override async messageSendText(conversationId: string, text: string, mentionIdList: string[] = []): Promise<void> {
    return sentId(
      this.record(conversationId, { kind: 'text', text, mentionIds: mentionIdList }, PUPPET.types.Message.Text),
    )
  }

  override async messageSendFile(conversationId: string, file: FileBoxInterface): Promise<void> {
    const image = isImageFile(file)
    const type = image ? PUPPET.types.Message.Image : PUPPET.types.Message.Attachment
    return sentId(
      this.record(conversationId, { kind: image ? 'image' : 'file', fileName: file.name, mentionIds: [] }, type, {
        file,
      }),
    )
  }

  override async messageSendUrl(conversationId: string, url: PUPPET.payloads.UrlLink): Promise<void> {
    const sent: Outgoing = { kind: 'link', title: url.title, url: url.url, mentionIds: [] }
    return sentId(this.record(conversationId, sent, PUPPET.types.Message.Url, { url }))
  }

  override async messageSendMiniProgram(
    conversationId: string,
    miniProgram: PUPPET.payloads.MiniProgram,
  ): Promise<void> {
    const sent: Outgoing = { kind: 'miniprogram', title: miniProgram.title, mentionIds: [] }
    return sentId(this.record(conversationId, sent, PUPPET.types.Message.MiniProgram, { miniProgram }))
  }

  override async messageSendContact(conversationId: string, contactId: string): Promise<void> {
    this.store.contact(contactId)
    const sent: Outgoing = { kind: 'contact', contactId, mentionIds: [] }
    return sentId(this.record(conversationId, sent, PUPPET.types.Message.Contact, { contactId }))
  }

  /** Check the bot may talk there, store the message payload, append to the sent log. */
  private record(conversationId: string, sent: Outgoing, type: PUPPET.types.Message, attachment?: Attachment): string {
    this.requireLogin()
    const inRoom = this.store.isRoom(conversationId)
    if (inRoom && !this.store.room(conversationId).memberIdList.includes(this.currentUserId)) {
      throw new Error(`sandbox: bot is not a member of ${conversationId}`)
    }
    if (!inRoom) this.store.contact(conversationId)
    const id = this.store.nextId('sent')
    const at = this.store.now()
    const base = { id, talkerId: this.currentUserId, timestamp: at, type, text: sent.text, filename: sent.fileName }
    this.store.putMessage(
      inRoom
        ? { ...base, roomId: conversationId, mentionIdList: sent.mentionIds }
        : { ...base, listenerId: conversationId },
      attachment,
    )
    this.store.recordSent({
      id,
      at,
      ...(inRoom ? { roomId: conversationId } : { toContactId: conversationId }),
      ...sent,
    })
    return id
  }
}
