import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import type { AccessEntry, ArchiveBackend, PurgeResult, ScanRange, Segment } from './backend.js'
import { type ArchiveQuery, HitCollector, matches, type SearchResult } from '../search/query.js'
import { type ArchiveRecord, type ChatInfo, RECORD_VERSION } from '../capture/record.js'

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/

/**
 * The embedded archive: `<dir>/chats/<chat>/<YYYY-MM-DD>.jsonl` segments
 * (one JSON record a line, only ever appended), `<dir>/chats.json` naming
 * each chat folder (rewritten only when a chat appears or is renamed),
 * `<dir>/access/<day>.jsonl` for the access log and `<dir>/media/` for kept
 * attachment bytes. Purging deletes whole day segments (and that day's media); nothing is rewritten.
 */
export class FileArchive implements ArchiveBackend {
  private manifest: Record<string, ChatInfo>
  private checked = new Set<string>()

  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'chats'), { recursive: true })
    const file = join(dir, 'chats.json')
    this.manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).chats ?? {}) : {}
  }

  async append(record: ArchiveRecord, day: string): Promise<void> {
    this.appendLine(join(this.chatDir(record.chat), `${day}.jsonl`), record)
  }

  async tail(chat: string, n: number): Promise<ArchiveRecord[]> {
    const out: ArchiveRecord[] = []
    for (const day of this.days(chat).reverse()) {
      out.unshift(...this.readSegment(chat, day))
      if (out.length >= n) break
    }
    return out.slice(-n)
  }

  async chats(): Promise<ChatInfo[]> {
    return Object.values(this.manifest)
  }

  async saveChat(info: ChatInfo): Promise<void> {
    const prev = this.manifest[info.chat]
    if (prev && JSON.stringify(prev) === JSON.stringify(info)) return
    this.manifest[info.chat] = { ...info }
    const file = join(this.dir, 'chats.json')
    writeFileSync(`${file}.tmp`, `${JSON.stringify({ v: RECORD_VERSION, chats: this.manifest }, null, 1)}\n`)
    renameSync(`${file}.tmp`, file)
  }

  async *scan(range: ScanRange): AsyncIterable<Segment> {
    for (const chat of range.chats ?? Object.keys(this.manifest).sort()) {
      for (const day of this.days(chat).filter(d => d >= range.from && d <= range.to))
        yield { chat, day, records: this.readSegment(chat, day) }
    }
  }

  /**
   * Search segment by segment. A line is parsed only when its raw JSON holds every word, the
   * member and one of the types (JSON keeps Chinese as is; words are escaped the same way),
   * so most lines of a day cost a substring test, not a parse.
   */
  async search(q: ArchiveQuery, limit: number): Promise<SearchResult> {
    const found = new HitCollector(limit)
    const raw = (s: string) => JSON.stringify(s).slice(1, -1)
    const words = (q.words ?? []).map(w => raw(w.toLowerCase()))
    const fold = words.some(w => w !== w.toUpperCase())
    const member = q.member ? raw(q.member) : undefined
    const types = q.types?.map(t => `"type":"${t}"`)
    for (const chat of q.chats ?? Object.keys(this.manifest).sort()) {
      for (const day of this.days(chat).filter(d => d >= q.from && d <= q.to)) {
        const lines = readFileSync(join(this.chatDir(chat), `${day}.jsonl`), 'utf8').split('\n')
        const at = (i: number) => parseRecord(lines[i])
        lines.forEach((line, i) => {
          const recall = line.includes('"type":"recall"') ? at(i) : undefined
          if (recall) found.recall(recall)
          const hay = fold ? line.toLowerCase() : line
          if (!words.every(w => hay.includes(w)) || (member && !line.includes(member))) return
          if (types && !types.some(t => line.includes(t))) return
          const r = at(i)
          if (r && matches(r, q)) found.hit(r, at(i - 1), at(i + 1))
        })
      }
    }
    return found.result()
  }

  async purgeBefore(chat: string, day: string): Promise<PurgeResult> {
    const out = { segments: 0, records: 0 }
    for (const d of this.days(chat).filter(d => d < day)) {
      const file = join(this.chatDir(chat), `${d}.jsonl`)
      out.records += countLines(readFileSync(file, 'utf8'))
      rmSync(file)
      rmSync(join(this.dir, 'media', folderName(chat), d), { recursive: true, force: true })
      out.segments++
    }
    return out
  }

  async logAccess(entry: AccessEntry, day: string): Promise<void> {
    this.appendLine(join(this.dir, 'access', `${day}.jsonl`), { v: RECORD_VERSION, ...entry })
  }

  async readAccess(from: string, to: string): Promise<AccessEntry[]> {
    const folder = join(this.dir, 'access')
    return listDays(folder)
      .filter(d => d >= from && d <= to)
      .flatMap(d => parseLines<AccessEntry>(readFileSync(join(folder, `${d}.jsonl`), 'utf8')))
      .filter(e => !!e)
  }

  async storeMedia(record: ArchiveRecord, day: string, bytes: Uint8Array): Promise<string> {
    const name = (record.attachment?.fileName ?? 'file').replace(/[^\p{L}\p{N}._-]/gu, '_').slice(-80)
    const rel = join('media', folderName(record.chat), day, `${folderName(record.id)}-${name}`)
    mkdirSync(join(this.dir, rel, '..'), { recursive: true })
    writeFileSync(join(this.dir, rel), bytes)
    return rel
  }

  /** Days with a segment for `chat`, ascending. */
  private days(chat: string): string[] {
    return listDays(this.chatDir(chat))
  }

  private readSegment(chat: string, day: string): ArchiveRecord[] {
    const file = join(this.chatDir(chat), `${day}.jsonl`)
    if (!existsSync(file)) return []
    // A line torn by a crash mid-write is skipped; its neighbours are whole.
    return parseLines<ArchiveRecord>(readFileSync(file, 'utf8')).filter(r => r && typeof r === 'object' && 'seq' in r)
  }

  private chatDir(chat: string): string {
    return join(this.dir, 'chats', folderName(chat))
  }

  /** Append one line; the first write to a file after start closes a line a crash left torn. */
  private appendLine(file: string, value: object): void {
    if (!this.checked.has(file)) {
      mkdirSync(join(file, '..'), { recursive: true })
      if (endsTorn(file)) appendFileSync(file, '\n')
      this.checked.add(file)
    }
    appendFileSync(file, `${JSON.stringify(value)}\n`)
  }
}

/** A safe, readable folder name for a chat or message id (`..` and `/` cannot escape the archive). */
export function folderName(id: string): string {
  return `c_${id.replace(/[^A-Za-z0-9@_-]/g, c => `~${c.codePointAt(0)?.toString(16)}~`)}`
}

function listDays(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .map(f => DAY_FILE.exec(f)?.[1])
    .filter((d): d is string => !!d)
    .sort()
}

function parseLines<T>(text: string): T[] {
  const out: T[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      out.push(JSON.parse(line))
    } catch {
      out.push(undefined as T) // a torn line: counted by the caller, never fatal
    }
  }
  return out
}

function parseRecord(line: string | undefined): ArchiveRecord | undefined {
  if (!line?.trim()) return undefined
  try {
    const r = JSON.parse(line)
    return r && typeof r === 'object' && 'seq' in r ? r : undefined
  } catch {
    return undefined
  }
}

function countLines(text: string): number {
  return text.split('\n').filter(l => l.trim()).length
}

function endsTorn(file: string): boolean {
  if (!existsSync(file)) return false
  const size = statSync(file).size
  if (!size) return false
  const fd = openSync(file, 'r')
  try {
    const last = Buffer.alloc(1)
    readSync(fd, last, 0, 1, size - 1)
    return last[0] !== 0x0a
  } finally {
    closeSync(fd)
  }
}
