import type { OutboundMessage } from './outbound-message.js'

/** Delivers one outbound message; throws on failure (the outbox retries). */
export interface Sender {
  send(msg: OutboundMessage): Promise<void>
}
