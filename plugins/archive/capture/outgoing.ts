import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Facts } from '../../../bot/core/facts.js'
import type { GroupRef } from '../../../bot/core/event.js'
import type { Capture } from './archiver.js'
import { type ArchiveRecord, type ArchiveType, RECORD_VERSION } from './record.js'

const IMAGE = /\.(jpe?g|png|gif|webp)$/i

/**
 * The capture of one of the bot's own messages (the `message.sent` fact): into a managed
 * group (`group`) or privately (`private:<contact id>`), sender the bot's account, `fromBot`
 * set; a file's bytes are read from the file the bot sent. `contactName` titles a private chat the
 * bot opens (the contact's own first message retitles it as usual).
 */
export function outgoingCapture(
  sent: Facts['message.sent'],
  bot: { id: string; name: string },
  group: GroupRef | undefined,
  contactName: (contactId: string) => string | undefined = () => undefined,
): Capture {
  const m = sent.message
  const chat = 'room' in m.chat ? m.chat.room : `private:${m.chat.contact}`
  const file = m.file
  const type: ArchiveType = m.link ? 'link' : file ? (IMAGE.test(file) ? 'image' : 'file') : 'text'
  const text = m.link ? m.link.title : file ? `[${type === 'image' ? '图片' : '文件'}]` : (m.text ?? '')
  const build = (seq: number): ArchiveRecord => {
    const r: ArchiveRecord = {
      v: RECORD_VERSION,
      seq,
      id: sent.id,
      at: sent.at,
      chat,
      topic: group?.topic,
      sender: { ...bot },
      type,
      text,
      mentions: [...(m.mentions ?? [])],
      fromBot: true,
    }
    if (m.link) r.attachment = { url: m.link.url, title: m.link.title, description: m.link.description }
    if (file) r.attachment = { fileName: basename(file) }
    return r
  }
  return {
    info: group
      ? { chat, kind: group.kind, title: group.topic, configName: group.configName }
      : { chat, kind: 'private', title: 'contact' in m.chat ? (contactName(m.chat.contact) ?? m.chat.contact) : chat },
    id: sent.id,
    at: sent.at,
    build,
    bytes: file ? async () => new Uint8Array(await readFile(file)) : undefined,
    infoIfNew: true,
  }
}
