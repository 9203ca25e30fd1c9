/**
 * Turning world-level message content into what a puppet serves: message type,
 * text, file name and attachment. The quote-reply format lives in `bot/wechaty/parse-quote.ts`.
 */
import { FileBox, type FileBoxInterface } from 'file-box'
import * as PUPPET from 'wechaty-puppet'
import { formatTransferXml } from '../wechaty/payment-amount.js'
import type { Attachment, Content } from './types.js'

/** What a message of some content looks like to the puppet. */
export interface Described {
  type: PUPPET.types.Message
  /** Text for text messages; for others a WeChat-style placeholder such as `[图片]`. */
  text: string
  filename?: string
  attachment?: Attachment
}

const MEDIA = {
  image: { type: PUPPET.types.Message.Image, text: '[图片]', name: 'image.jpg' },
  voice: { type: PUPPET.types.Message.Audio, text: '[语音]', name: 'voice.silk' },
  video: { type: PUPPET.types.Message.Video, text: '[视频]', name: 'video.mp4' },
  emoticon: { type: PUPPET.types.Message.Emoticon, text: '[动画表情]', name: 'emoticon.gif' },
} as const

/** A tiny stand-in file. */
function placeholderFile(name: string): FileBoxInterface {
  return FileBox.fromBuffer(Buffer.from(`sandbox ${name}`), name)
}

/** Message type, text, file name and attachment for `content`. */
export function describeContent(content: Content): Described {
  const T = PUPPET.types.Message
  switch (content.kind) {
    case 'text':
      return { type: T.Text, text: content.text }
    case 'image':
    case 'voice':
    case 'video':
    case 'emoticon': {
      const media = MEDIA[content.kind]
      const file = content.file ?? placeholderFile(media.name)
      return { type: media.type, text: media.text, filename: file.name, attachment: { file } }
    }
    case 'file': {
      const file = content.file ?? placeholderFile(content.name)
      return { type: T.Attachment, text: `[文件] ${content.name}`, filename: content.name, attachment: { file } }
    }
    case 'link': {
      const { kind: _, ...url } = content
      return { type: T.Url, text: `[链接] ${url.title}`, attachment: { url } }
    }
    case 'miniprogram': {
      const { kind: _, ...miniProgram } = content
      return { type: T.MiniProgram, text: `[小程序] ${miniProgram.title ?? ''}`.trim(), attachment: { miniProgram } }
    }
    case 'location': {
      const { kind: _, ...location } = content
      return { type: T.Location, text: `[位置] ${location.name}`, attachment: { location } }
    }
    case 'contact':
      return { type: T.Contact, text: '[名片]', attachment: { contactId: content.contactId } }
    case 'redpacket':
      return {
        type: T.RedEnvelope,
        text: '[红包]',
      }
    case 'transfer':
      return {
        type: T.Transfer,
        text:
          content.amount === undefined
            ? '[转账]'
            : formatTransferXml(content.amount, { payee: content.payee, payer: content.payer }),
      }
    case 'recalled':
      return { type: T.Recalled, text: content.messageId }
  }
}

/** True when a file the bot sends would show as an image in WeChat. */
export function isImageFile(file: FileBoxInterface): boolean {
  return file.mediaType.startsWith('image/') || /\.(jpe?g|png|gif|webp|bmp)$/i.test(file.name)
}
