import { createHash } from 'node:crypto'
import type { OutboundMessage } from '../ports/outbound-message.js'

/**
 * The fleet-wide key of a message: what caused it (a cron slot, a timer, an event) and what it says to
 * whom. Two bots that run the same slot or timer produce the same key, so the sent-log lets one through.
 */
export function sendKey(cause: string, msg: OutboundMessage): string {
  const chat = 'room' in msg.chat ? `room:${msg.chat.room}` : `contact:${msg.chat.contact}`
  const body = JSON.stringify([msg.text ?? null, msg.file ?? null, msg.link?.url ?? null, msg.mentions ?? []])
  return `${cause}|${chat}|${createHash('sha256').update(body).digest('base64url').slice(0, 22)}`
}
