import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import { type StoredSegment, storedSegments } from '../verify/stored-lines.js'
import { type ArchiveRecord, CHAINED_VERSION, type ChatInfo, RECORD_VERSION } from '../capture/record.js'
import { type LineAt, NgramIndex } from '../search/ngram-index.js'
import { type ArchiveQuery, type SearchResult, scanSearch } from '../search/query.js'
import type { AccessEntry, ArchiveBackend, PurgeResult, ScanRange, Segment } from './backend.js'
import { type ChainHead, chainStart, lineHash } from './chain.js'
import { encodeRecordLine, recordLineBound } from './record-line.js'
import { folderName, idOfFolder, LineFiles, listDays, parseLines, readAfter } from './segment-files.js'
import { readSnapshotLog, type Snapshot, SnapshotLog } from './snapshot-log.js'

/**
 * The embedded archive: `<dir>/chats/<chat>/<YYYY-MM-DD>.jsonl` segments
 * (one JSON record a line, only ever appended), `<dir>/chats.json` naming
 * each chat folder (its changes appended to `chats.log.jsonl`, folded into it at the first change after a start and
 * once the log outgrows it),
 * `<dir>/index/` the character n-gram index (see `NgramIndex`),
 * `<dir>/access/<day>.jsonl` for the access log and `<dir>/media/` for kept
 * attachment bytes. Purging deletes whole day segments (and that day's media); nothing is rewritten.
 * Each record line carries the hash of the line before it in its segment (`prev`, version 2; see `chain.ts`).
 * A chat folder the chat list does not name (its line torn by a crash) is listed again at open (`recovered`).
 *
 * Lines are buffered and written once per event-loop turn, before any read and at stop: a kill loses at most the
 * records of the turn in progress, the messages being handled then. No reply to them has left: a reply is sent
 * after the store's durable flush, which takes at least one more turn. Their index entries follow them, written
 * a few hundred at a time (`NgramIndex.flushDocs`; searched from memory meanwhile): entries a kill loses are made
 * again from the lines when the index opens (`catchUp`).
 */
export class FileArchive implements ArchiveBackend {
  private manifest: Record<string, ChatInfo>
  private manifestLog: SnapshotLog<ChatInfo>
  /** Chats with a folder and no line in the chat list, until their info is saved again (not written). */
  private recovered = new Map<string, ChatInfo>()
  private files = new LineFiles()
  /**
   * Each chat's segment files of the last `KEPT_DAYS` days appended to (the latest first), with the hash of each
   * file's last line once a record was appended to it here (the next line's `prev`; read from the file at its first
   * append): late messages alternating with today's read no file.
   */
  private paths = new Map<string, Target[]>()
  /** Files (`chat\nday`) appended to since `grownBefore` last asked whose target left `paths`. */
  private grown = new Set<string>()
  private opened?: NgramIndex
  private scheduled = false
  /** The disk refused the last write of buffered lines (they stay buffered). */
  private refused = false

  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'chats'), { recursive: true, mode: 0o700 })
    const [file, log] = [join(dir, 'chats.json'), join(dir, 'chats.log.jsonl')]
    const read = readSnapshotLog<Snapshot & { chats?: Record<string, ChatInfo> }, ChatInfo>(file, log)
    this.manifest = read.snapshot?.chats ?? {}
    for (const info of read.entries) this.manifest[info.chat] = info
    this.manifestLog = new SnapshotLog(file, log, () => ({ v: RECORD_VERSION, chats: this.manifest }), read)
    this.recoverChats()
  }

  /**
   * List again the chats whose folder is under `chats/` but whose line in the chat list is missing (torn by a
   * crash mid-append), so search, export and the retention purge see them: titled from their newest record (a
   * group's topic, a private chat's contact) or their id. Until their info is saved again (the chat's next message).
   */
  private recoverChats(): void {
    const listed = new Set(Object.keys(this.manifest).map(folderName))
    const folders = readdirSync(join(this.dir, 'chats'), { withFileTypes: true }).filter(f => f.isDirectory())
    for (const folder of folders.map(f => f.name).sort()) {
      const chat = listed.has(folder) ? undefined : idOfFolder(folder)
      const days = chat === undefined ? [] : this.days(chat)
      if (chat === undefined || !days.length) continue
      const privateChat = chat.startsWith('private:')
      let title: string | undefined
      // Newest day first, read only until a record names the chat.
      for (let i = days.length - 1; i >= 0 && title === undefined; i--) {
        const named = this.readSegment(chat, days[i]).findLast(r => (privateChat ? !r.fromBot : r.topic))
        title = privateChat ? named?.sender.name : named?.topic
      }
      this.recovered.set(chat, {
        chat,
        kind: privateChat ? 'private' : 'customer',
        title: title ?? chat,
        recovered: true,
      })
    }
  }

  /** Every chat: those the chat list names, then those recovered, by key. */
  private chatKeys(): string[] {
    return [...Object.keys(this.manifest), ...this.recovered.keys()].sort()
  }

  /** The n-gram index, opened at the first append or search (an export from the command line never opens it). */
  private get index(): NgramIndex {
    if (!this.opened) {
      this.opened = new NgramIndex(
        join(this.dir, 'index'),
        (chat, day, at) => this.readRecords(chat, day, at),
        () => this.files.flush(),
      )
      this.catchUp(this.opened)
    }
    return this.opened
  }

  async append(record: ArchiveRecord, day: string): Promise<void> {
    this.appendNow(record, day)
  }

  appendNow(record: ArchiveRecord, day: string): void {
    // While the disk refuses lines already buffered, this one is refused too: the archiver keeps it and retries.
    if (this.refused) this.flush()
    const index = this.index // opened (and an older archive indexed) before the line is written
    const path = this.appendTarget(record.chat, day)
    // The first append to a file since the anchors last asked is noted on disk too: a restart forgets no grown file.
    if (!path.grown) this.files.append(join(this.dir, GROWN_FILE), JSON.stringify([record.chat, day]))
    path.grown = true
    const file = path.file
    record.v = CHAINED_VERSION
    record.prev = path.head ?? this.headOf(file, record.chat, day)
    // Most records are encoded into the file's buffer as they are read; the others go through their JSON text.
    const at =
      this.files.appendEncoded(file, recordLineBound(record), encodeRecordLine, record) ??
      this.files.append(file, JSON.stringify(record))
    path.head = lineHash(this.files.lineJustBuffered(file, at))
    index.add(record, day, at.offset, at.length)
    this.schedule()
  }

  /** The hash a new line of `file` links to: its last line's, or the chain's start for an empty file. */
  private headOf(file: string, chat: string, day: string): string {
    const last = existsSync(file) ? this.files.lastLine(file) : undefined
    return last ? lineHash(last.line) : chainStart(chat, day)
  }

  /**
   * Where each segment of the chats in `range` ends now (what is buffered written first): its size and its last
   * line's hash, for anchors. A line a crash left torn is closed first (as the next append would).
   */
  heads(range: ScanRange): ChainHead[] {
    this.flush()
    const out: ChainHead[] = []
    for (const chat of range.chats ?? this.chatKeys())
      for (const day of this.days(chat).filter(d => d >= range.from && d <= range.to)) {
        const last = this.files.lastLine(this.segmentFile(chat, day))
        if (last) out.push({ chat, day, bytes: last.size, hash: lineHash(last.line) })
      }
    return out
  }

  /**
   * The heads (as `heads` gives them) of the day files of days before `day` appended to since the last call: a late
   * message to an older day, for the daily anchors (which read the last days' files anyway). Read from memory and
   * from `GROWN_FILE`, which notes each file's first append since the last call (so a file grown before a restart
   * is not forgotten), emptied here.
   */
  grownBefore(day: string): ChainHead[] {
    this.flush()
    const due = join(this.dir, GROWN_FILE)
    const files = [...this.grown]
    if (existsSync(due))
      for (const k of parseLines<unknown>(readFileSync(due, 'utf8')))
        if (Array.isArray(k) && typeof k[0] === 'string' && typeof k[1] === 'string') files.push(fileKey(k[0], k[1]))
    this.files.forget(due)
    rmSync(due, { force: true })
    this.grown.clear()
    for (const [chat, kept] of this.paths)
      for (const t of kept) {
        if (t.grown) files.push(fileKey(chat, t.day))
        t.grown = false
      }
    const out: ChainHead[] = []
    for (const key of new Set(files)) {
      const [chat, d] = [key.slice(0, key.lastIndexOf('\n')), key.slice(key.lastIndexOf('\n') + 1)]
      if (d < day) out.push(...this.heads({ chats: [chat], from: d, to: d }))
    }
    return out
  }

  /** The day files as stored (`storedSegments`), what is buffered written first. */
  stored(
    chats: readonly string[],
    from: string,
    to: string,
    alsoDays?: (chat: string) => Iterable<string>,
  ): AsyncIterable<StoredSegment> {
    this.flush()
    return storedSegments(this.dir, chats, from, to, alsoDays)
  }

  /** Write the buffered lines, then their index entries. Throws when the disk refuses (they stay buffered). */
  flush(): void {
    try {
      this.files.flush()
    } catch (e) {
      this.refused = true
      throw e
    }
    this.refused = false
    this.opened?.flushDocs()
  }

  /** Flush at the end of this event-loop turn (once, whatever was appended in it). */
  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      try {
        this.flush()
      } catch {} // retried at the next append, read or stop
    })
  }

  async tail(chat: string, n: number): Promise<ArchiveRecord[]> {
    this.flush()
    const out: ArchiveRecord[] = []
    for (const day of this.days(chat).reverse()) {
      out.unshift(...this.readSegment(chat, day))
      if (out.length >= n) break
    }
    return out.slice(-n)
  }

  async chats(): Promise<ChatInfo[]> {
    return [...Object.values(this.manifest), ...this.recovered.values()]
  }

  async saveChat(info: ChatInfo): Promise<void> {
    const prev = this.manifest[info.chat]
    // Asked at every message: compared field by field, logged only when a chat appears or is renamed.
    if (prev && sameChat(prev, info)) return
    this.recovered.delete(info.chat)
    this.manifest[info.chat] = { ...info }
    this.manifestLog.append(this.manifest[info.chat])
  }

  async *scan(range: ScanRange): AsyncIterable<Segment> {
    this.flush()
    for (const chat of range.chats ?? this.chatKeys()) {
      for (const day of this.days(chat).filter(d => d >= range.from && d <= range.to))
        yield { chat, day, records: this.readSegment(chat, day) }
    }
  }

  /** Through the n-gram index; a query without words or member (types only) reads the segments in range. */
  async search(q: ArchiveQuery, limit: number): Promise<SearchResult> {
    this.flush()
    const found = this.index.search(q, limit)
    if (found) return found
    return scanSearch(this.scan({ chats: q.chats, from: q.from, to: q.to }), q, limit)
  }

  async purgeBefore(chat: string, day: string): Promise<PurgeResult> {
    this.flush()
    const out = { segments: 0, records: 0 }
    for (const d of this.days(chat).filter(d => d < day)) {
      const file = this.segmentFile(chat, d)
      out.records += this.readSegment(chat, d).length
      this.files.forget(file)
      this.grown.delete(fileKey(chat, d))
      rmSync(file)
      rmSync(join(this.dir, 'media', folderName(chat), d), { recursive: true, force: true })
      out.segments++
    }
    const kept = this.paths.get(chat)?.filter(t => t.day >= day)
    if (kept?.length) this.paths.set(chat, kept)
    else this.paths.delete(chat)
    if (out.segments) this.index.purge(chat, day)
    return out
  }

  async logAccess(entry: AccessEntry, day: string): Promise<void> {
    this.files.append(join(this.dir, 'access', `${day}.jsonl`), JSON.stringify({ v: RECORD_VERSION, ...entry }))
    this.schedule()
  }

  async readAccess(from: string, to: string): Promise<AccessEntry[]> {
    this.flush()
    const folder = join(this.dir, 'access')
    return listDays(folder)
      .filter(d => d >= from && d <= to)
      .flatMap(d => parseLines<AccessEntry>(readFileSync(join(folder, `${d}.jsonl`), 'utf8')))
      .filter((e): e is AccessEntry => !!e)
  }

  async readMedia(path: string): Promise<Uint8Array | undefined> {
    const file = resolve(this.dir, path)
    if (!file.startsWith(join(resolve(this.dir), 'media') + sep) || !existsSync(file)) return undefined
    return new Uint8Array(await readFile(file))
  }

  async storeMedia(record: ArchiveRecord, day: string, bytes: Uint8Array): Promise<string> {
    const name = (record.attachment?.fileName ?? 'file').replace(/[^\p{L}\p{N}._-]/gu, '_').slice(-80)
    const rel = join('media', folderName(record.chat), day, `${folderName(record.id)}-${name}`)
    mkdirSync(join(this.dir, rel, '..'), { recursive: true, mode: 0o700 })
    writeFileSync(join(this.dir, rel), bytes, { mode: 0o600 })
    return rel
  }

  /** The index's postings held in memory, written for the next start (after `flush`; see `NgramIndex.keep`). */
  keep(): void {
    this.opened?.keep()
  }

  /** Write the buffered lines and the index's postings held in memory and close the files (at stop). */
  async close(): Promise<void> {
    this.flush()
    await this.opened?.close()
    this.files.closeAll()
    this.manifestLog.close()
  }

  /** Records in the index (for `#状态` and the bench). */
  get indexed(): number {
    return this.index.size
  }

  /**
   * Index the lines the index does not have: after a crash between a line and its index entry, in a
   * restored backup (segments are copied after the index), or in an archive written before the index
   * existed (then everything, day by day across chats, so doc order follows time). Each chat resumes
   * after its newest indexed line: its folder listed (a day may have begun since), that day's segment read only
   * past that line (a stat when nothing follows it), a newer day's whole.
   */
  private catchUp(index: NgramIndex): void {
    const todo = new Map<string, { chat: string; from: number }[]>()
    const ends = index.indexedEnds()
    for (const chat of this.chatKeys()) {
      const done = ends.get(chat)
      for (const day of this.days(chat)) {
        if (done && day < done.day) continue
        const from = done && day === done.day ? done.end : 0
        const files = todo.get(day) ?? []
        if (!files.length) todo.set(day, files)
        files.push({ chat, from })
      }
    }
    for (const day of [...todo.keys()].sort()) {
      const lines: { r: ArchiveRecord; offset: number; length: number }[] = []
      for (const { chat, from } of todo.get(day) ?? []) {
        const text = readAfter(this.segmentFile(chat, day), from)
        for (let at = 0; at < text.length; ) {
          const end = text.indexOf(0x0a, at)
          const stop = end < 0 ? text.length : end + 1
          const r = parseRecord(text.subarray(at, stop).toString('utf8'))
          if (r) lines.push({ r, offset: from + at, length: stop - at })
          at = stop
        }
      }
      lines.sort((a, b) => a.r.at - b.r.at || a.r.seq - b.r.seq)
      for (const l of lines) index.add(l.r, day, l.offset, l.length)
    }
  }

  /** Days with a segment for `chat`, ascending. */
  private days(chat: string): string[] {
    return listDays(join(this.dir, 'chats', folderName(chat)))
  }

  /** `chat`'s segment file of `day` (the one appended to last without making a path). */
  private segmentFile(chat: string, day: string): string {
    const known = this.paths.get(chat)?.find(t => t.day === day)
    if (known) return known.file
    return join(this.dir, 'chats', folderName(chat), `${day}.jsonl`)
  }

  /**
   * The segment a record of `chat` on `day` is appended to, with the hash of its last line once known: every message
   * of a chat's day asks for the same one, and one of the last `KEPT_DAYS` days appended to keeps its head. Another
   * day (a message days late, a new day) reads its head from its file.
   */
  private appendTarget(chat: string, day: string): Target {
    const kept = this.paths.get(chat)
    if (kept?.[0]?.day === day) return kept[0]
    const list = kept ?? []
    const i = list.findIndex(t => t.day === day)
    const target =
      i >= 0
        ? list.splice(i, 1)[0]
        : { day, file: join(this.dir, 'chats', folderName(chat), `${day}.jsonl`), grown: false }
    list.unshift(target)
    if (!kept) this.paths.set(chat, list)
    for (const gone of list.splice(KEPT_DAYS)) if (gone.grown) this.grown.add(fileKey(chat, gone.day))
    return target
  }

  /**
   * The records at `at` in `chat`'s `day` segment: the bytes they span in one read (each line on its own when
   * they reach past the file's end: a segment shorter than the index says).
   */
  private readRecords(chat: string, day: string, at: readonly LineAt[]): (ArchiveRecord | undefined)[] {
    const file = this.segmentFile(chat, day)
    let [from, to] = [Number.POSITIVE_INFINITY, 0]
    for (const l of at) [from, to] = [Math.min(from, l.offset), Math.max(to, l.offset + l.length)]
    const bytes = at.length > 1 ? this.files.read(file, from, to - from) : undefined
    if (!bytes) return at.map(l => parseRecord(this.files.read(file, l.offset, l.length)?.toString('utf8')))
    return at.map(l => parseRecord(bytes.toString('utf8', l.offset - from, l.offset - from + l.length)))
  }

  private readSegment(chat: string, day: string): ArchiveRecord[] {
    const file = this.segmentFile(chat, day)
    if (!existsSync(file)) return []
    // A line torn by a crash mid-write is skipped; its neighbours are whole.
    return parseLines<ArchiveRecord>(readFileSync(file, 'utf8')).filter(isRecord)
  }
}

export { folderName }

/**
 * The archive folder's note of the day files appended to since the daily anchors last asked (`grownBefore`): one
 * `[chat, day]` line per file at its first append since then.
 */
const GROWN_FILE = 'grown.jsonl'

/** Day files of a chat whose heads are kept: today's, and two earlier days late messages go to. */
const KEPT_DAYS = 3

/** A day file appended to here. */
interface Target {
  day: string
  file: string
  /** The hash of its last line, once a record was appended to it here. */
  head?: string
  /** Appended to since `grownBefore` last asked. */
  grown?: boolean
}

function fileKey(chat: string, day: string): string {
  return `${chat}\n${day}`
}

function sameChat(a: ChatInfo, b: ChatInfo): boolean {
  const keys = Object.keys(b) as (keyof ChatInfo)[]
  return keys.length === Object.keys(a).length && keys.every(k => a[k] === b[k])
}

function isRecord(r: unknown): r is ArchiveRecord {
  return !!r && typeof r === 'object' && 'seq' in r
}

function parseRecord(line: string | undefined): ArchiveRecord | undefined {
  if (!line?.trim()) return undefined
  try {
    const r = JSON.parse(line)
    return isRecord(r) ? r : undefined
  } catch {
    return undefined
  }
}
