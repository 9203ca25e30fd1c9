/** A message ready for delivery, after merging. */
export interface OutboundMessage {
  chat: { room: string } | { contact: string }
  text?: string
  mentions?: string[]
  /** Names of the people mentioned: when texts to several people are merged, each line starts with them. */
  label?: string
  /** Path of an image or file to send instead of text. */
  file?: string
  /** A link card to send instead of text. */
  link?: { url: string; title: string; description?: string }
  /** A secret (a sign-in link): sent alone, never merged, and the archive keeps that it was sent, not what. */
  sensitive?: true
  /** What caused it and what it says (fleet mode): the same key is never sent twice by the fleet. */
  key?: string
}

/** A stable key for the chat a message goes to. */
export function chatKey(m: OutboundMessage): string {
  return 'room' in m.chat ? `room:${m.chat.room}` : `contact:${m.chat.contact}`
}
