import { createHash } from 'node:crypto'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../../../bot/ports/postgres/schema.js'
import { type ArchiveRecord, CHAINED_VERSION, type ChatInfo, RECORD_VERSION } from '../capture/record.js'
import { memberKeys, recallKey, recordKeys, wordKeys } from '../search/grams.js'
import { type ArchiveQuery, type Hit, matches, type SearchResult, scanSearch } from '../search/query.js'
import type { AccessEntry, ArchiveBackend, PendingRecord, PurgeResult, ScanRange, Segment } from './backend.js'
import { ANCHOR_LOG, type ChainHead, chainStart, lineHash } from './chain.js'
import { recordOf, rowsName, type StoredLine, type StoredSegment } from '../verify/stored-lines.js'

/** Candidates a search reads and checks one by one; past them the total counts unchecked candidates. */
const CHECK_LIMIT = 5000

/**
 * The archive on PostgreSQL (fleet mode): one row set for every account of the fleet (`archive_records`,
 * `archive_chats`, `archive_access`, `archive_media`, schema migration 3), so a search through one account
 * finds what another account received. A message two accounts received is kept once: the same id, or
 * another account's record with the same fingerprint (sender, time, type, text) in the chat, is not
 * inserted again; the insert takes a transaction lock on the chat so two accounts never race past each
 * other. Records keep their search keys (`recordKeys`) in a GIN-indexed `bigint[]`: a search intersects
 * the keys of its words in SQL and checks each candidate like the file back end's index does. Since schema
 * version 10 each chat's day of rows is a hash chain (`store/chain.ts`, as a file's lines): each record's `prev`
 * names the hash of the record text of the row before it, and `hash` keeps its own.
 */
export class PgArchive implements ArchiveBackend {
  readonly fleetWide = true
  constructor(
    private db: Kysely<Database>,
    /** The account writing through this back end (recorded on every row it adds). */
    readonly account: string,
  ) {}

  append(record: ArchiveRecord, day: string): Promise<void> {
    return this.appendMany([{ record, day }])
  }

  /**
   * One transaction for the batch: the chats' locks taken in one order (two accounts' batches never wait on each
   * other in a cycle), then in one statement which records the archive has already (the same id, or another
   * account's record with the same fingerprint: what the INSERT would skip) and the head of each chat's and day's
   * chain the batch writes to (its last row's `hash`); then one INSERT of the others, in the batch's order (`pos`
   * follows it), each linked to the one before it in its chain (`prev`, hashed here, not in the database), with
   * their search keys. An account that received a message after another account wrote it computes no keys for it
   * and sends no INSERT when the whole batch is known. The chat's lock, not its lease, makes one writer of a chain
   * at a time: every account in a group archives what it receives, and each batch links to the head it reads
   * under the lock, whoever wrote it (a takeover mid-day goes on from the old holder's last row).
   */
  async appendMany(items: readonly PendingRecord[]): Promise<void> {
    const chat = items.map(i => i.record.chat)
    const id = items.map(i => i.record.id)
    const fingerprint = items.map(i => fingerprintOf(i.record))
    const locks = [...new Set(chat)].sort().map(chat => `archive:${chat}`)
    const chains = [...new Map(items.map(i => [pairKey(i.record.chat, i.day), i])).values()]
    // Read committed whatever the server's default: each statement then sees what committed before it, so the heads
    // read after the locks are the last rows (under repeatable read the snapshot of the lock statement would hide a
    // batch another account committed while this one waited, and the chain would fork).
    await this.db
      .transaction()
      .setIsolationLevel('read committed')
      .execute(async tx => {
        // The locks first, in a statement of their own: in one statement with the query below, nothing in SQL says
        // they are taken before it reads, or at all when it finds no row.
        await sql`select pg_advisory_xact_lock(hashtext(k)) from unnest(${locks}::text[]) k`.execute(tx)
        // Rows found are written and stay (a purge removes only days past retention): skipping them is what the
        // INSERT would do. Under the locks no other account writes these chats: the heads read are the last rows.
        const found = await sql<{
          n: string | null
          chat: string | null
          day: string | null
          head: string | null
          unhashed: boolean | null
        }>`
        select r.n, null::text as chat, null::text as day, null::text as head, null::boolean as unhashed
        from unnest(${chat}::text[], ${id}::text[], ${fingerprint}::text[]) with ordinality as r(chat, id, fingerprint, n)
        where exists (select 1 from archive_records a where a.chat = r.chat and a.id = r.id)
          or exists (select 1 from archive_records a
            where a.chat = r.chat and a.fingerprint = r.fingerprint and a.account <> ${this.account})
        union all
        select null, h.chat, h.day, t.head, t.unhashed
        from unnest(${chains.map(i => i.record.chat)}::text[], ${chains.map(i => i.day)}::text[]) as h(chat, day)
        cross join lateral (select coalesce(a.hash, a.record) as head, a.hash is null as unhashed
          from archive_records a where a.chat = h.chat and a.day = h.day order by a.pos desc limit 1) t`.execute(tx)
        const skip = new Set<number>()
        const heads = new Map<string, string>()
        for (const r of found.rows)
          if (r.n !== null) skip.add(Number(r.n) - 1)
          else if (r.chat !== null && r.day !== null && r.head !== null)
            heads.set(pairKey(r.chat, r.day), r.unhashed ? textHash(r.head) : r.head)
        // A message id twice in one batch is written once (the unique index would skip the second after its link).
        const ids = new Set<string>()
        const left: number[] = []
        for (let i = 0; i < items.length; i++) {
          const key = pairKey(chat[i], id[i])
          if (skip.has(i) || ids.has(key)) continue
          ids.add(key)
          left.push(i)
        }
        if (!left.length) return
        const texts: string[] = []
        const hashes: string[] = []
        for (const i of left) {
          const { record, day } = items[i]
          const key = pairKey(record.chat, day)
          record.v = CHAINED_VERSION
          record.prev = heads.get(key) ?? chainStart(record.chat, day)
          const text = JSON.stringify(record)
          const hash = textHash(text)
          heads.set(key, hash)
          texts.push(text)
          hashes.push(hash)
        }
        const of = <T>(f: (i: number) => T) => left.map(f)
        const keys = of(i => `{${[...recordKeys(items[i].record)].join(',')}}`)
        const written =
          await sql`insert into archive_records (chat, day, at, id, fingerprint, account, type, record, keys, hash)
        select r.chat, r.day, r.at, r.id, r.fingerprint, ${this.account}, r.type, r.record, r.keys::bigint[], r.hash
        from unnest(${of(i => chat[i])}::text[], ${of(i => items[i].day)}::text[], ${of(i => items[i].record.at)}::bigint[],
          ${of(i => id[i])}::text[], ${of(i => fingerprint[i])}::text[], ${of(i => items[i].record.type)}::text[],
          ${texts}::text[], ${keys}::text[], ${hashes}::text[])
          with ordinality as r(chat, day, at, id, fingerprint, type, record, keys, hash, n)
        where not exists (select 1 from archive_records a
          where a.chat = r.chat and a.fingerprint = r.fingerprint and a.account <> ${this.account})
        order by r.n
        on conflict (chat, id) do nothing`.execute(tx)
        // A row skipped here would leave the next one linked to a row that is not there: write none, retry whole.
        if (Number(written.numAffectedRows ?? 0) !== left.length)
          throw new Error(
            `archive batch: ${left.length - Number(written.numAffectedRows ?? 0)} record(s) written meanwhile`,
          )
      })
  }

  async tail(chat: string, n: number): Promise<ArchiveRecord[]> {
    const rows = await this.db
      .selectFrom('archive_records')
      .select('record')
      .where('chat', '=', chat)
      .orderBy('pos', 'desc')
      .limit(n)
      .execute()
    return rows.map(r => parse(r.record)).reverse()
  }

  async chats(): Promise<ChatInfo[]> {
    const rows = await this.db.selectFrom('archive_chats').select('info').orderBy('chat').execute()
    return rows.map(r => r.info as ChatInfo)
  }

  async saveChat(info: ChatInfo): Promise<void> {
    const data = JSON.stringify(info)
    await sql`insert into archive_chats (chat, info) values (${info.chat}, ${data}::jsonb)
      on conflict (chat) do update set info = excluded.info, updated_at = now()
      where archive_chats.info is distinct from excluded.info`.execute(this.db)
  }

  async *scan(range: ScanRange): AsyncIterable<Segment> {
    const chats = range.chats ?? (await this.chats()).map(c => c.chat)
    for (const chat of chats) {
      const days = await this.db
        .selectFrom('archive_records')
        .select('day')
        .distinct()
        .where('chat', '=', chat)
        .where('day', '>=', range.from)
        .where('day', '<=', range.to)
        .orderBy('day')
        .execute()
      for (const { day } of days) {
        const rows = await this.db
          .selectFrom('archive_records')
          .select('record')
          .where('chat', '=', chat)
          .where('day', '=', day)
          .orderBy('pos')
          .execute()
        yield { chat, day, records: rows.map(r => parse(r.record)) }
      }
    }
  }

  /** Through the key index; a query without words or member (types only) reads the segments in range. */
  async search(q: ArchiveQuery, limit: number): Promise<SearchResult> {
    const perWord = (q.words ?? []).map(w => wordKeys(w))
    const all = perWord.flatMap(k => k.keys).map(String)
    // Words of 1 or 2 characters (no member): the rows holding their keys are exactly the matches.
    // Command conversations left out (`skipCommands`) are told from the record itself: each candidate is checked.
    const exact =
      !q.member &&
      q.skipCommands === undefined &&
      perWord.length > 0 &&
      perWord.every(k => k.exact && k.keys.length > 0)
    const member = q.member ? memberKeys(q.member) : undefined
    if (!all.length && !member) return scanSearch(this.scan({ chats: q.chats, from: q.from, to: q.to }), q, limit)
    let query = this.db
      .selectFrom('archive_records')
      .where('day', '>=', q.from)
      .where('day', '<=', q.to)
      .$if(!!q.chats, qb => qb.where('chat', 'in', q.chats?.length ? q.chats : ['']))
      .$if(!!q.types?.length, qb => qb.where('type', 'in', q.types ?? []))
      .$if(all.length > 0, qb => qb.where(sql<boolean>`keys @> ${all}::bigint[]`))
    if (member) {
      const name = member.name.keys.map(String)
      query = query.where(eb =>
        eb.or([
          sql<boolean>`keys @> ${[String(member.id)]}::bigint[]`,
          ...(name.length ? [sql<boolean>`keys @> ${name}::bigint[]`] : []),
        ]),
      )
    }
    const counted = await query.select(eb => eb.fn.countAll<string>().as('n')).executeTakeFirst()
    const candidates = Number(counted?.n ?? 0)
    const rows = await query
      .select(['pos', 'record'])
      .orderBy('at', 'desc')
      .orderBy('pos', 'desc')
      .limit(exact ? limit : CHECK_LIMIT)
      .execute()
    const found = rows.map(r => ({ pos: r.pos, record: parse(r.record) })).filter(r => exact || matches(r.record, q))
    const approximate = !exact && candidates > rows.length
    const total = exact ? candidates : found.length + (candidates - rows.length)
    return { hits: await this.hits(found.slice(0, limit)), total, ...(approximate ? { approximate } : {}) }
  }

  /** The hits with their neighbours in the chat and whether a recall names them. */
  private async hits(found: { pos: string; record: ArchiveRecord }[]): Promise<Hit[]> {
    if (!found.length) return []
    const positions = found.map(f => f.pos)
    const around = await sql<{ pos: string; before: string | null; after: string | null }>`
      select h.pos,
        (select b.record from archive_records b where b.chat = h.chat and b.pos < h.pos order by b.pos desc limit 1) as before,
        (select a.record from archive_records a where a.chat = h.chat and a.pos > h.pos order by a.pos limit 1) as after
      from archive_records h where h.pos = any(${positions}::bigint[])`.execute(this.db)
    const byPos = new Map(around.rows.map(r => [String(r.pos), r]))
    const records = found.map(f => f.record)
    const recallKeys = [...new Set(records.map(r => String(recallKey(r.id))))]
    const recalls = await this.db
      .selectFrom('archive_records')
      .select('record')
      .where('chat', 'in', [...new Set(records.map(r => r.chat))])
      .where('type', '=', 'recall')
      .where(sql<boolean>`keys && ${recallKeys}::bigint[]`)
      .execute()
    const recalled = new Set(recalls.map(r => parse(r.record)).map(r => `${r.chat}\n${r.recalls}`))
    return found.map(({ pos, record }) => {
      const n = byPos.get(String(pos))
      return {
        record,
        before: n?.before ? parse(n.before) : undefined,
        after: n?.after ? parse(n.after) : undefined,
        recalled: recalled.has(`${record.chat}\n${record.id}`),
      }
    })
  }

  /**
   * Where each chat's and day's chain in `range` ends now: its rows (`bytes` counts rows here) and the hash of its
   * last row's record (hashed here from the record, not read from `hash`), with that row's `pos`.
   */
  async heads(range: ScanRange): Promise<ChainHead[]> {
    // By chat (the index on chat, day, pos), never a scan of every row for a range of days.
    const chats = range.chats ?? (await this.chats()).map(c => c.chat)
    return this.headsOf(sql`select distinct chat, day from archive_records
      where chat = any(${chats}::text[]) and day >= ${range.from} and day <= ${range.to}`)
  }

  /**
   * The heads of the chains of days before `day` written to since the daily anchors last ran, fleet-wide: the
   * chains with a row past the newest row any anchor names (`pos` in the anchor log, every account's). Kept in
   * the database, so a restart forgets none. Before any anchor names a row (the first run after the upgrade to the
   * chain) none is: that run anchors its own days only, never the whole history at once (minutes of sorting on a
   * large archive, a line per chat and day).
   */
  async grownBefore(day: string): Promise<ChainHead[]> {
    return this.headsOf(sql`select distinct chat, day from archive_records
      where day < ${day} and pos > (select max((record->>'pos')::bigint) from bot_logs
        where log = ${ANCHOR_LOG} and record->>'kind' = 'head' and record ? 'pos')`)
  }

  /** The heads of the chains `chains` selects (chat, day). */
  private async headsOf(chains: RawBuilder<unknown>): Promise<ChainHead[]> {
    const rows = await sql<{ chat: string; day: string; pos: string; record: string; n: string }>`
      with c as (${chains})
      select distinct on (a.chat, a.day) a.chat, a.day, a.pos, a.record, count(*) over (partition by a.chat, a.day) as n
      from archive_records a join c on c.chat = a.chat and c.day = a.day
      order by a.chat, a.day, a.pos desc`.execute(this.db)
    return rows.rows.map(r => ({
      chat: r.chat,
      day: r.day,
      bytes: Number(r.n),
      hash: textHash(r.record),
      pos: String(r.pos),
    }))
  }

  /**
   * The chains of `chats` in [from, to] as stored, for `archive verify`: chat by chat, days ascending (with the
   * days `alsoDays` names that have no row, as missing), each row a line: numbered from 1 in `pos` order, its
   * `end` the rows up to it, its hash that of its record's text; a row whose record is not one of the chat's is
   * damaged. One chain in memory at a time.
   */
  async *stored(
    chats: readonly string[],
    from: string,
    to: string,
    alsoDays: (chat: string) => Iterable<string> = () => [],
  ): AsyncIterable<StoredSegment> {
    for (const chat of chats) {
      const kept = await this.db
        .selectFrom('archive_records')
        .select('day')
        .distinct()
        .where('chat', '=', chat)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute()
      const present = new Set(kept.map(k => k.day))
      const days = [...new Set([...present, ...alsoDays(chat)])].filter(d => d >= from && d <= to).sort()
      for (const day of days) {
        const file = rowsName(chat, day)
        if (!present.has(day)) {
          yield { chat, day, file, lines: [], bytes: 0, missing: true, rows: true }
          continue
        }
        const rows = await this.db
          .selectFrom('archive_records')
          .select(['pos', 'record'])
          .where('chat', '=', chat)
          .where('day', '=', day)
          .orderBy('pos')
          .execute()
        const lines = rows.map((r, i): StoredLine => {
          const record = recordOf(r.record, chat)
          const at = { line: i + 1, hash: textHash(r.record), end: i + 1, pos: String(r.pos) }
          return record ? { ...at, record } : { ...at, problem: 'damaged' }
        })
        yield { chat, day, file, lines, bytes: lines.length, rows: true }
      }
    }
  }

  async purgeBefore(chat: string, day: string): Promise<PurgeResult> {
    return this.db.transaction().execute(async tx => {
      const gone = await tx
        .deleteFrom('archive_records')
        .where('chat', '=', chat)
        .where('day', '<', day)
        .returning('day')
        .execute()
      await tx.deleteFrom('archive_media').where('chat', '=', chat).where('day', '<', day).execute()
      return { segments: new Set(gone.map(g => g.day)).size, records: gone.length }
    })
  }

  async logAccess(entry: AccessEntry, day: string): Promise<void> {
    await this.db
      .insertInto('archive_access')
      .values({ day, account: this.account, entry: JSON.stringify({ v: RECORD_VERSION, ...entry }) })
      .execute()
  }

  async readAccess(from: string, to: string): Promise<AccessEntry[]> {
    const rows = await this.db
      .selectFrom('archive_access')
      .select('entry')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('seq')
      .execute()
    return rows.map(r => r.entry as AccessEntry)
  }

  async readMedia(path: string): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('archive_media').select('bytes').where('path', '=', path).executeTakeFirst()
    return row ? new Uint8Array(row.bytes) : undefined
  }

  async storeMedia(record: ArchiveRecord, day: string, bytes: Uint8Array): Promise<string> {
    const name = (record.attachment?.fileName ?? 'file').replace(/[^\p{L}\p{N}._-]/gu, '_').slice(-80)
    const path = `media/${record.chat}/${day}/${record.id}-${name}`
    await this.db
      .insertInto('archive_media')
      .values({ path, chat: record.chat, day, bytes: Buffer.from(bytes) })
      .onConflict(oc => oc.column('path').doUpdateSet({ bytes: Buffer.from(bytes) }))
      .execute()
    return path
  }
}

/** The hash of a stored record's text (its UTF-8 bytes, as a file line's): what the next record links to. */
function textHash(text: string): string {
  return lineHash(Buffer.from(text))
}

/** A map key of two strings (a chat and a day, or a chat and a message id). */
function pairKey(chat: string, other: string): string {
  return `${chat}\n${other}`
}

function parse(text: string): ArchiveRecord {
  return JSON.parse(text) as ArchiveRecord
}

/** What makes two accounts' copies of one message the same record: chat, sender, time, type and text. */
function fingerprintOf(r: ArchiveRecord): string {
  return createHash('sha1')
    .update(JSON.stringify([r.sender.id, r.at, r.type, r.text, r.recalls ?? '', r.attachment?.fileName ?? '']))
    .digest('base64url')
}
