import { types, type Contact, type Message, type Room } from 'wechaty'
import {
  type Attachment,
  type GroupRef,
  MESSAGE_KIND_LABEL,
  type MessageEvent,
  type MessageKind,
} from '../core/event.js'
import { saveReceivedImage } from './media-store.js'
import { recentMedia } from '../ports/media.js'
import { parseQuote } from './parse-quote.js'
import { parsePaymentAmount, parsePaymentPayee, parseTransferPayer, parseTransferTime } from './payment-amount.js'

const KIND: Partial<Record<types.Message, MessageKind>> = {
  [types.Message.Text]: 'text',
  [types.Message.Image]: 'image',
  [types.Message.Url]: 'link',
  [types.Message.Attachment]: 'file',
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Emoticon]: 'emoticon',
  [types.Message.MiniProgram]: 'miniprogram',
  [types.Message.Contact]: 'contact',
  [types.Message.RedEnvelope]: 'redpacket',
  [types.Message.Transfer]: 'transfer',
  [types.Message.Recalled]: 'recalled',
  [types.Message.Location]: 'location',
}

/** A group nickname: known now (from a member list already read), or once a read answers. */
type AliasAnswer = string | undefined | Promise<string | undefined>

/**
 * Normalise a Wechaty message. `group` is the managed group it came from
 * (undefined for private chats). Roles are filled in later by the runtime.
 * With `mediaDir`, an image is saved there and the event names the saved file
 * (`attachment.media`), never a path from chat: the caller passes it for private
 * chats and for the groups whose images are checked (wire.ts). `aliasOf` reads the sender's group nickname
 * (default `room.alias`; the bot answers it from its directory's member lists, synchronously once read).
 * Answered synchronously (no promise) for a message with nothing to look up: no mention, no attachment, the
 * nickname known.
 */
export function toMessageEvent(
  msg: Message,
  group: GroupRef | undefined,
  mediaDir?: string,
  aliasOf: (room: Room, talker: Contact) => AliasAnswer = (room, talker) => room.alias(talker),
): MessageEvent | Promise<MessageEvent> {
  const talker = msg.talker()
  const room = msg.room()
  const type = msg.type()
  const raw = msg.text() ?? ''
  const quote = parseQuote(raw)
  const kind = KIND[type] ?? 'other'
  const payment = kind === 'redpacket' || kind === 'transfer'
  // A red packet's amount is never read: WeChat hides it, so one in its XML came from the sender.
  const amount = kind === 'transfer' ? parsePaymentAmount(raw) : undefined
  const payee = kind === 'transfer' ? parsePaymentPayee(raw) : undefined
  const payer = kind === 'transfer' ? parseTransferPayer(raw) : undefined
  const paidAt = kind === 'transfer' ? parseTransferTime(raw) : undefined
  const event: MessageEvent = {
    type: 'message',
    id: msg.id,
    at: msg.date().getTime(),
    group,
    sender: { id: talker.id, name: talker.name(), groupAlias: undefined, roles: [], isStaff: false },
    kind,
    // A payment's XML is no conversation: its placeholder (`[红包]`), the amount (when stated) in the attachment.
    text: payment ? `[${MESSAGE_KIND_LABEL[kind]}]` : quote ? quote.reply : raw,
    mentions: [],
    mentionsAll: MENTIONS_ALL.test(raw),
    quote: quote && { senderName: quote.senderName, text: quote.quoted },
    attachment:
      amount === undefined && payee === undefined && payer === undefined && paidAt === undefined
        ? undefined
        : {
            ...(amount !== undefined && { amount }),
            ...(payee && { payee }),
            ...(payer && { payer }),
            ...(paidAt !== undefined && { paidAt }),
          },
    // Present from the start, though only the runtime's router sets them: an event that gains properties later
    // takes a new hidden class, which a full garbage collection drops once no event holds it, and every
    // plugin's optimised code that saw the old one is thrown away at the next command.
    command: undefined,
    isCommand: undefined,
    refusedCommand: undefined,
  }
  let mentioning = !!room && mayMention(msg, type, raw)
  const known = mentioning ? mentionsNow(msg) : undefined
  if (known) {
    event.mentions = known
    mentioning = false
  }
  // Most messages carry nothing to fetch or look up: no call (and no promise) for them.
  if (mentioning || WITH_ATTACHMENT.has(type)) return completed(event, msg, room, type, mentioning, mediaDir, aliasOf)
  if (!room) return event
  const alias = aliasNow(room, talker, aliasOf)
  if (alias instanceof Promise) return withAlias(event, alias)
  event.sender.groupAlias = alias || undefined
  return event
}

/** `aliasOf`, a failure read as no nickname. */
function aliasNow(room: Room, talker: Contact, aliasOf: (room: Room, talker: Contact) => AliasAnswer): AliasAnswer {
  try {
    const alias = aliasOf(room, talker)
    return alias instanceof Promise ? alias.catch(() => undefined) : alias
  } catch {
    return undefined
  }
}

async function withAlias(event: MessageEvent, alias: Promise<string | undefined>): Promise<MessageEvent> {
  event.sender.groupAlias = (await alias) || undefined
  return event
}

/** The look-ups a message needs, one after the other: its mentions, the sender's nickname, its attachment. */
async function completed(
  event: MessageEvent,
  msg: Message,
  room: Room | undefined,
  type: types.Message,
  mentioning: boolean,
  mediaDir: string | undefined,
  aliasOf: (room: Room, talker: Contact) => AliasAnswer,
): Promise<MessageEvent> {
  if (mentioning) event.mentions = (await msg.mentionList().catch(() => [])).map(c => c.id)
  if (room) event.sender.groupAlias = (await aliasNow(room, msg.talker(), aliasOf)) || undefined
  if (WITH_ATTACHMENT.has(type)) event.attachment = await attachmentOf(msg, type, mediaDir)
  return event
}

/** `@所有人` (or `@All`) anywhere in the text. */
const MENTIONS_ALL = /@(所有人|All)(\s|\u2005|$)/

/** The message types `attachmentOf` reads something for. */
const WITH_ATTACHMENT: ReadonlySet<types.Message> = new Set([
  types.Message.Url,
  types.Message.MiniProgram,
  types.Message.Image,
  types.Message.Attachment,
  types.Message.Video,
])

/** Whether a group message can mention anyone: most cannot, and then Wechaty's mention look-up is skipped. */
function mayMention(msg: Message, type: types.Message, raw: string): boolean {
  if (type !== types.Message.Text) return false
  const ids = (msg.payload as { mentionIdList?: unknown } | undefined)?.mentionIdList
  return Array.isArray(ids) ? ids.length > 0 : raw.includes('@')
}

/**
 * The ids a group text mentions, as Wechaty's `mentionList` answers them, without its look-up per id (a promise
 * and a log line built for each): from the payload's `mentionIdList` when every id is a contact the puppet has
 * cached (undefined otherwise: ask Wechaty).
 */
function mentionsNow(msg: Message): string[] | undefined {
  const ids = (msg.payload as { mentionIdList?: unknown } | undefined)?.mentionIdList
  if (!Array.isArray(ids)) return undefined
  try {
    // A contact whose payload the puppet has cached is one `Contact.find` answers (it reads that payload).
    const puppet = msg.wechaty.puppet as { contactPayloadCache?(id: string): unknown }
    if (typeof puppet.contactPayloadCache !== 'function') return undefined
    for (const id of ids) if (typeof id !== 'string' || !puppet.contactPayloadCache(id)) return undefined
    return ids.slice()
  } catch {
    return undefined
  }
}

/**
 * The file name of an image, file or video, with its bytes registered to be fetched only when wanted (the
 * archive keeping them). The name comes from the message payload where the puppet gives one: fetching the
 * file for its name is a download (over puppet-service a streamed gRPC call) for every such message.
 */
async function fileNameOf(msg: Message): Promise<string> {
  // One FileBox per message: a name read from it and the bytes fetched later share the one download.
  let box: ReturnType<Message['toFileBox']> | undefined
  const fileBox = () => (box ??= msg.toFileBox())
  recentMedia.register(msg.id, async () => new Uint8Array(await (await fileBox()).toBuffer()))
  const named = (msg.payload as { filename?: unknown } | undefined)?.filename
  return typeof named === 'string' && named ? named : (await fileBox()).name
}

async function attachmentOf(msg: Message, type: types.Message, mediaDir?: string): Promise<Attachment | undefined> {
  try {
    switch (type) {
      // The puppet's payloads, not Wechaty's `UrlLink` / `MiniProgram` around them (whose getters only read
      // them): no such wrapper outlives its message, so their hidden classes died at every full garbage
      // collection, and this function's optimised code with them.
      case types.Message.Url: {
        const link = await msg.wechaty.puppet.messageUrl(msg.id)
        return { url: link.url, title: link.title, description: link.description }
      }
      case types.Message.MiniProgram: {
        const mp = await msg.wechaty.puppet.messageMiniProgram(msg.id)
        return { title: mp.title, description: mp.description, url: mp.pagePath }
      }
      case types.Message.Image: {
        if (!mediaDir) return { fileName: await fileNameOf(msg) }
        const file = await msg.toFileBox()
        recentMedia.register(msg.id, async () => new Uint8Array(await file.toBuffer()))
        // The full-size image where the puppet offers one: this is what approvers and groups will see.
        const hd = await msg
          .toImage()
          .hd()
          .catch(() => file)
        return { fileName: file.name, media: await saveReceivedImage(mediaDir, msg.id, hd).catch(() => undefined) }
      }
      case types.Message.Attachment:
      case types.Message.Video:
        return { fileName: await fileNameOf(msg) }
      default:
        return undefined
    }
  } catch {
    return undefined // the puppet could not give the payload; the message is still handled
  }
}
