import { basename } from 'node:path'
import { FileBox } from 'file-box'
import type { SandboxWorld } from '../sandbox/index.js'
import type { Content } from '../sandbox/types.js'
import type { TranscriptEvent } from './transcript.js'

/** Make one transcript event happen in the sandbox world at its time. */
export function applyEvent(world: SandboxWorld, ev: TranscriptEvent): void {
  const room = (q: string) => world.findRoom(q) ?? fail(`unknown group "${q}"`)
  const person = (q: string, roomId?: string) =>
    (roomId && world.findContacts(q, roomId)[0]) || world.findContacts(q)[0] || fail(`unknown person "${q}"`)
  switch (ev.type) {
    case 'message': {
      const roomId = ev.group ? room(ev.group) : undefined
      const from = person(ev.from, roomId)
      const options = {
        id: ev.id ?? `line-${ev.line}`,
        timestamp: ev.at,
        mentions: ev.mentions.map(m => person(m, roomId)),
        quote: ev.quote && { messageId: ev.quote.id, text: ev.quote.text },
      }
      const text = ev.mentionAll && !ev.text.includes('@所有人') ? `@所有人 ${ev.text}` : ev.text
      world.send(
        from,
        roomId ? { room: roomId } : {},
        content(ev, text, roomId, person),
        ev.kind === 'text' ? options : { id: options.id, timestamp: ev.at },
      )
      return
    }
    case 'join': {
      const roomId = room(ev.group)
      const ids = ev.members.map(m => world.findContacts(m)[0] ?? world.createContact({ name: m }))
      world.join(roomId, ids, ev.inviter ? person(ev.inviter, roomId) : undefined)
      return
    }
    case 'leave': {
      const roomId = room(ev.group)
      if (ev.by) world.kick(roomId, person(ev.member, roomId), person(ev.by, roomId))
      else world.leave(roomId, person(ev.member, roomId))
      return
    }
    case 'rename': {
      const roomId = room(ev.group)
      world.setGroupAlias(roomId, person(ev.member, roomId), ev.alias)
      return
    }
    case 'topic': {
      const roomId = room(ev.group)
      world.setTopic(roomId, ev.topic, ev.by ? person(ev.by, roomId) : world.botId!)
      return
    }
    case 'advance':
      return
  }
}

type MessageLine = Extract<TranscriptEvent, { type: 'message' }>

function content(
  ev: MessageLine,
  text: string,
  roomId: string | undefined,
  person: (q: string, r?: string) => string,
): Content {
  switch (ev.kind) {
    case 'text':
      return { kind: 'text', text }
    case 'file':
      return ev.file
        ? { kind: 'file', name: basename(ev.file), file: FileBox.fromFile(ev.file, basename(ev.file)) }
        : { kind: 'file', name: ev.fileName ?? 'file.bin' }
    case 'image':
    case 'voice':
    case 'video':
    case 'emoticon':
      return ev.file ? { kind: ev.kind, file: FileBox.fromFile(ev.file, basename(ev.file)) } : { kind: ev.kind }
    case 'link':
      return { kind: 'link', url: ev.url ?? '', title: ev.title ?? ev.url ?? '', description: ev.description }
    case 'miniprogram':
      return { kind: 'miniprogram', title: ev.title, description: ev.description, pagePath: ev.url }
    case 'contact':
      return { kind: 'contact', contactId: person(ev.card ?? ev.text, roomId) }
    case 'recalled':
      return { kind: 'recalled', messageId: ev.quote?.id ?? ev.text }
    case 'transfer':
      return {
        kind: 'transfer',
        ...(ev.amount !== undefined && { amount: ev.amount }),
        ...(ev.payee && { payee: person(ev.payee, roomId) }),
        ...(ev.payer && { payer: person(ev.payer, roomId) }),
      }
    default:
      return { kind: ev.kind }
  }
}

function fail(message: string): never {
  throw new Error(message)
}
