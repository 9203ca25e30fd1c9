import type { PartEncoder } from '../../bot/ports/store/store.js'
import type { CurrentDoc, GroupDay, GroupWaiting, MemberDay } from './state.js'

const COMMA = Buffer.from(',')

/** `text` as UTF-8 in a buffer of its own: a slice of Node's shared pool kept would keep its 8 KB alive. */
function own(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text))
  bytes.write(text)
  return bytes
}

/** Chunks of UTF-8: text written since the last kept bytes, joined into one chunk before them. */
class Chunks {
  readonly list: Uint8Array[] = []
  private text = ''

  add(text: string): void {
    this.text += text
  }

  /** Bytes kept between writes, after the text added so far. */
  kept(bytes: Uint8Array): void {
    if (this.text === ',') this.list.push(COMMA)
    else if (this.text) this.list.push(Buffer.from(this.text))
    this.text = ''
    this.list.push(bytes)
  }

  end(): Uint8Array[] {
    if (this.text) this.list.push(Buffer.from(this.text))
    this.text = ''
    return this.list
  }
}

/**
 * The open-day document's JSON (what `JSON.stringify` gives, key order included) with each member's counters and
 * each group's waiting customers kept as UTF-8 between writes, each under its part's name (`memberPart`,
 * `waitingPart`): a whole rewrite at a periodic flush encodes the members and waiting lists named since the last
 * one and the group-days' own fields (`dayPart`, named at every message of the group).
 */
export class CurrentEncoder implements PartEncoder<CurrentDoc> {
  /** Per group-day (`<day>\t<group>`), each member's `"<id>":{…}`. */
  private members = new Map<string, Map<string, Uint8Array>>()
  /** Per group, its waiting customers' `"<group>":{…}`. */
  private waiting = new Map<string, Uint8Array>()

  changed(part: string): void {
    if (part[0] === 'm') {
      const i = part.indexOf('\t', part.indexOf('\t', 2) + 1)
      this.members.get(part.slice(2, i))?.delete(part.slice(i + 1))
    } else if (part[0] === 'w') this.waiting.delete(part.slice(2))
    else if (part[0] !== 'g') this.forget()
  }

  forget(): void {
    this.members.clear()
    this.waiting.clear()
  }

  encode(doc: CurrentDoc): Uint8Array[] {
    const out = new Chunks()
    out.add('{')
    let sep = ''
    for (const key of Object.keys(doc) as (keyof CurrentDoc)[]) {
      const value = doc[key]
      if (value === undefined) continue
      out.add(`${sep}${JSON.stringify(key)}:`)
      sep = ','
      if (key === 'days') this.days(out, doc.days)
      else if (key === 'waiting') this.waitingLists(out, doc.waiting)
      else out.add(JSON.stringify(value))
    }
    out.add('}')
    return out.end()
  }

  private days(out: Chunks, days: CurrentDoc['days']): void {
    out.add('{')
    let sep = ''
    for (const day of Object.keys(days)) {
      out.add(`${sep}${JSON.stringify(day)}:{`)
      sep = ','
      const groups = days[day]
      let sepGroup = ''
      for (const groupId of Object.keys(groups)) {
        out.add(`${sepGroup}${JSON.stringify(groupId)}:`)
        sepGroup = ','
        this.groupDay(out, `${day}\t${groupId}`, groups[groupId])
      }
      out.add('}')
    }
    out.add('}')
  }

  private groupDay(out: Chunks, key: string, g: GroupDay): void {
    out.add('{')
    let sep = ''
    for (const field of Object.keys(g) as (keyof GroupDay)[]) {
      const value = g[field]
      if (value === undefined) continue
      out.add(`${sep}${JSON.stringify(field)}:`)
      sep = ','
      if (field === 'members') this.memberList(out, key, g.members)
      else out.add(JSON.stringify(value))
    }
    out.add('}')
  }

  private memberList(out: Chunks, key: string, members: Record<string, MemberDay>): void {
    let kept = this.members.get(key)
    if (!kept) this.members.set(key, (kept = new Map()))
    out.add('{')
    let sep = ''
    for (const id of Object.keys(members)) {
      let bytes = kept.get(id)
      if (!bytes) kept.set(id, (bytes = own(`${JSON.stringify(id)}:${JSON.stringify(members[id])}`)))
      out.add(sep)
      sep = ','
      out.kept(bytes)
    }
    out.add('}')
  }

  private waitingLists(out: Chunks, waiting: Record<string, GroupWaiting>): void {
    out.add('{')
    let sep = ''
    for (const groupId of Object.keys(waiting)) {
      if (waiting[groupId] === undefined) continue
      let bytes = this.waiting.get(groupId)
      if (!bytes)
        this.waiting.set(groupId, (bytes = own(`${JSON.stringify(groupId)}:${JSON.stringify(waiting[groupId])}`)))
      out.add(sep)
      sep = ','
      out.kept(bytes)
    }
    out.add('}')
  }
}
