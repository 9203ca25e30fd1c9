/**
 * The normalised events every plugin sees. The Wechaty adapter and the replay
 * reader both produce these; plugins never see a Wechaty object.
 */

/** Kind of a managed group: internal work group, customer exchange group, announcement-only group. */
export type GroupKind = 'internal' | 'customer' | 'broadcast'

/** Roles bound to contact ids in config (never to names). */
/** Every role, in one place: config keys (`roles.<role>`), command checks and role lists in plugin configs. */
export const ROLES = ['admin', 'leader', 'trainer', 'staff', 'editor', 'approver', 'auditor'] as const
export type Role = (typeof ROLES)[number]

/** The message types the bot distinguishes. */
export type MessageKind =
  | 'text'
  | 'image'
  | 'link'
  | 'file'
  | 'voice'
  | 'video'
  | 'emoticon'
  | 'miniprogram'
  | 'contact'
  | 'redpacket'
  | 'transfer'
  | 'recalled'
  | 'location'
  | 'other'

/** Chinese names of message kinds, for reports, searches and exports. */
export const MESSAGE_KIND_LABEL: Record<MessageKind, string> = {
  text: '文字',
  image: '图片',
  link: '链接',
  file: '文件',
  voice: '语音',
  video: '视频',
  emoticon: '表情',
  miniprogram: '小程序',
  contact: '名片',
  redpacket: '红包',
  transfer: '转账',
  recalled: '撤回',
  location: '位置',
  other: '其他',
}

/** A person as seen in one chat. */
export interface Member {
  /** Stable WeChat contact id: the only thing authorisation may rely on. */
  id: string
  /** WeChat display name. */
  name: string
  /** Group nickname in this group, when the puppet reports one. */
  groupAlias?: string
  /** Roles from config, and `staff` when the roster knows this contact. */
  roles: Role[]
  /** True when the member is on the roster (or has a staff role). */
  isStaff: boolean
  /** Set by the runtime when this is another bot account of the company's fleet (`fleet.peers`). */
  isPeer?: boolean
}

/** A managed group as the runtime resolved it from config. */
export interface GroupRef {
  id: string
  topic: string
  kind: GroupKind
  /** Name of the matching `groups[]` entry in config. */
  configName: string
}

/** Link card, mini-program or file details carried by a message. */
export interface Attachment {
  url?: string
  title?: string
  description?: string
  fileName?: string
  /** For red packets and transfers, when the puppet reports it. */
  amount?: number
  /** For a transfer whose XML names its receiver: the contact id it is paid to (in a group, any one member). */
  payee?: string
  /**
   * For a transfer's receipt (WeChat's 「已收款」: the sender accepted a transfer): the contact id who paid. Only a
   * receipt means money arrived; a transfer itself is returned after 24 hours unless its receiver accepts it.
   */
  payer?: string
  /**
   * For a transfer or its receipt whose XML states it: when the payer sent the transfer (ms). A receipt comes when
   * the receiver accepts, possibly hours later; a fine is owed as of this time.
   */
  paidAt?: number
  /** An image sent privately to the bot: its generated file name in the received-media folder (bot/ports/media.ts). */
  media?: string
}

/** A chat message, in a group (`group` set) or private (`group` undefined). */
export interface MessageEvent {
  type: 'message'
  id: string
  at: number
  group?: GroupRef
  sender: Member
  kind: MessageKind
  /** Text with mentions left in, as WeChat shows it. */
  text: string
  /** Contact ids mentioned with @. */
  mentions: string[]
  mentionsAll: boolean
  /** Quoted message, for replies ("引用"). */
  quote?: { id?: string; senderName?: string; text: string }
  attachment?: Attachment
  /** Set by the runtime when the text is a registered command it runs (name without prefix). */
  command?: string
  /**
   * Set by the runtime when the text is addressed to the bot as a command (known, unknown or refused):
   * not conversation, so it never counts as speaking in a group. Moderation still reads it.
   */
  isCommand?: boolean
  /**
   * Set by the runtime when the text names a registered command it refused without a word (a customer's `#状态`):
   * still their words to the staff (`isCommand` stays unset), but addressed to the bot, not off-topic talk.
   */
  refusedCommand?: boolean
}

/** Members joined a group. */
export interface JoinEvent {
  type: 'join'
  at: number
  group: GroupRef
  members: Member[]
  inviter?: Member
}

/** Members left (or were removed from) a group. */
export interface LeaveEvent {
  type: 'leave'
  at: number
  group: GroupRef
  members: Member[]
  /** Set when someone removed them; undefined when they left by themselves. */
  remover?: Member
}

/** A group changed its topic. */
export interface TopicEvent {
  type: 'topic'
  at: number
  group: GroupRef
  oldTopic: string
  changer?: Member
}

/** Any event a plugin may receive. */
export type BotEvent = MessageEvent | JoinEvent | LeaveEvent | TopicEvent
