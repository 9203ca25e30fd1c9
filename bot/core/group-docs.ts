import { z } from 'zod'
import type { Doc, DocSpec, Store } from '../ports/store/store.js'

/** What a whole-bot document keyed by group held, before it was split (one document per group, then shards). */
export interface WholeGroupsDoc<T> {
  groups: Record<string, T>
}

/** Which shard holds each group: listed at start without reading any group's data. */
interface GroupIndex {
  groups: Record<string, number>
}

/** Shard documents per family, whatever the number of groups: a flush writes at most this many (and the index). */
export const GROUP_SHARDS = 16

/** What separates the family's prefix from its shard and index names (`encodeURIComponent` escapes it: no group's name). */
const SEP = '@'

/**
 * Every group's data of one family (`<prefix>`) in a bounded number of documents: the groups hashed into
 * `GROUP_SHARDS` shard documents `<prefix>@<n>`, and an index document `<prefix>@index` naming each group's
 * shard. A flush rewrites only the shards of the groups that changed, so at 1,000 groups it writes at most
 * 16 files (and the index when a group was added) instead of one per group. `data.groups` holds every
 * group's data (the shards' own objects), read and extended like one whole document; after changing a
 * group, call `changed(groupId)` (this also adds a group new to `data.groups` to its shard and the index).
 *
 * A shard is read (parsed and checked) when one of its groups is first looked at, not at start: the index
 * lists every group (`Object.keys(data.groups)` needs no shard). What must refuse the start still does: a
 * durable spec's shards, and any shard written by a newer release (its version is read from the store
 * without loading it), open at once. A shard's version follows the group spec's; a group spec's migration
 * is applied to each group of a shard (see `shardSpec`).
 */
export class GroupDocs<T extends object> {
  /** Every group's data by group id: the same objects the shards hold. */
  readonly data: WholeGroupsDoc<T> = { groups: {} }
  private index: Doc<GroupIndex>
  private shards = new Map<number, Doc<WholeGroupsDoc<T>>>()
  private shardSpec: DocSpec<WholeGroupsDoc<T>>
  /**
   * Each group's entry in its shard as UTF-8 JSON (`"<id>":{…}`), dropped when the group changes: a shard
   * write encodes only its changed groups and copies the others' bytes (on the file store). Kept for groups
   * that did not change since they were last encoded (see `shardSpec`).
   */
  private texts = new Map<string, Buffer>()
  /** Groups changed since they were last encoded: their next encoding is not kept (they change again, mostly). */
  private changedSince = new Set<string>()
  /** Work on groups of shards not read yet (`whenRead`), by shard: run when the shard is read. */
  private waiting = new Map<number, (() => void)[]>()

  constructor(
    private store: Store,
    private prefix: string,
    private spec: DocSpec<T>,
  ) {
    this.shardSpec = shardSpec(spec, this.texts, this.changedSince)
    const indexName = `${prefix}${SEP}index`
    const stored = store.names(prefix + SEP)
    const shardNames = stored.filter(n => n !== indexName)
    this.index = store.doc(indexName, indexSpec(spec))
    // No index (a crash before it was first written, or moved aside damaged): the shards say which groups they hold.
    const rebuild = !stored.includes(indexName)
    for (const name of shardNames) {
      const n = Number(name.slice(prefix.length + SEP.length))
      if (Number.isInteger(n) && (rebuild || !this.opensLater(name))) this.openShard(n)
    }
    for (const [groupId, n] of Object.entries(this.index.data.groups))
      if (!this.shards.has(n)) this.openOnFirstUse(groupId, n)
  }

  /** Whether the shard can wait for its first use: nothing about it could refuse the start. */
  private opensLater(name: string): boolean {
    if (this.spec.durable) return false
    const version = this.store.storedVersion?.(name)
    return version !== undefined && version <= this.shardSpec.version
  }

  /** List the group now; read its shard at the first get (or at the first set). */
  private openOnFirstUse(groupId: string, n: number): void {
    Object.defineProperty(this.data.groups, groupId, {
      configurable: true,
      enumerable: true,
      get: () => {
        this.openShard(n)
        return this.data.groups[groupId]
      },
      set: (value: T) => {
        this.openShard(n)
        this.data.groups[groupId] = value
      },
    })
  }

  /**
   * Read shard `n` (once) and give its groups their data. A group the index gives this shard but the shard
   * lacks, or the other way round (a crash between their writes), follows the shard.
   */
  private openShard(n: number): Doc<WholeGroupsDoc<T>> {
    const existing = this.shards.get(n)
    if (existing) return existing
    const shard = this.store.doc(this.shardName(n), this.shardSpec)
    this.shards.set(n, shard)
    const index = this.index.data.groups
    for (const [groupId, at] of Object.entries(index)) {
      if (at === n && !Object.hasOwn(shard.data.groups, groupId)) {
        delete this.data.groups[groupId]
        delete index[groupId]
        this.index.changed()
      }
    }
    for (const [groupId, value] of Object.entries(shard.data.groups)) {
      Object.defineProperty(this.data.groups, groupId, { configurable: true, enumerable: true, writable: true, value })
      if (index[groupId] !== n) {
        index[groupId] = n
        this.index.changed()
      }
    }
    const queued = this.waiting.get(n)
    if (queued) {
      this.waiting.delete(n)
      for (const fn of queued) fn()
    }
    return shard
  }

  /**
   * Run `fn` on the group's data once it is read: now when its shard is open (or the index does not list the
   * group), else when the shard is read (its first use, or `readWaiting`). For work that leaves the data as if it
   * had run at once whenever it runs (raising a time to a maximum), so a start need not read the shard for it.
   */
  whenRead(groupId: string, fn: () => void): void {
    const n = this.index.data.groups[groupId]
    if (n === undefined || this.shards.has(n)) return fn()
    const queued = this.waiting.get(n)
    if (queued) queued.push(fn)
    else this.waiting.set(n, [fn])
  }

  /** Read every shard that has work waiting (`whenRead`), running it. */
  readWaiting(): void {
    for (const n of [...this.waiting.keys()]) this.openShard(n)
  }

  private shardName(n: number): string {
    return `${this.prefix}${SEP}${n}`
  }

  /** Mark a group's shard dirty (the group added to its shard and the index on first use from `data.groups[groupId]`). */
  changed(groupId: string): void {
    const value = this.data.groups[groupId]
    if (!value) return
    this.texts.delete(groupId)
    this.changedSince.add(groupId)
    const listed = this.index.data.groups[groupId]
    const n = listed ?? shardOf(groupId)
    // The shard first: opening it drops the groups the index gives it but it lacks.
    const shard = this.openShard(n)
    if (shard.data.groups[groupId] !== value) shard.data.groups[groupId] = value
    shard.changed()
    if (listed === undefined) {
      this.index.data.groups[groupId] = n
      this.index.changed()
    }
  }

  /**
   * Take over what older releases wrote: one document per group (`<prefix><group id, URI-encoded>`), and
   * before that the whole document `name` holding every group. Each group goes into its shard, the shards
   * and the index are written, and only then are the old documents removed (the whole one emptied): a kill
   * in between loses nothing, and a group already in a shard keeps that newer copy.
   */
  async adopt(name: string, spec: DocSpec<WholeGroupsDoc<T>>): Promise<void> {
    const perGroup = this.store.names(this.prefix).filter(n => !n.startsWith(this.prefix + SEP))
    const fresh = (id: string) => !Object.hasOwn(this.data.groups, id)
    const groupNames = perGroup.filter(n => fresh(decodeURIComponent(n.slice(this.prefix.length))))
    for (const docName of groupNames) this.take(decodeURIComponent(docName.slice(this.prefix.length)), docName)
    const whole = this.store.names(name).includes(name) ? this.store.doc(name, spec) : undefined
    const moved = Object.keys(whole?.data.groups ?? {}).filter(fresh)
    for (const id of moved) {
      this.data.groups[id] = (whole as Doc<WholeGroupsDoc<T>>).data.groups[id]
      this.changed(id)
    }
    if (groupNames.length || moved.length)
      await Promise.all([this.index.persist(), ...[...this.shards.values()].map(d => d.persist())])
    if (perGroup.length) await this.store.remove?.(perGroup)
    if (whole && Object.keys(whole.data.groups).length) {
      whole.data = { groups: {} }
      await whole.persist()
    }
  }

  /** One group's document of the per-group layout, into its shard. */
  private take(groupId: string, docName: string): void {
    this.data.groups[groupId] = this.store.doc(docName, this.spec).data
    this.changed(groupId)
  }
}

const OPEN = Buffer.from('{"groups":{')
const COMMA = Buffer.from(',')
const CLOSE = Buffer.from('}}')

/** The shard of a new group: FNV-1a of its id, so a group keeps its shard from one start to the next. */
function shardOf(groupId: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < groupId.length; i++) h = Math.imul(h ^ groupId.charCodeAt(i), 0x01000193)
  return (h >>> 0) % GROUP_SHARDS
}

/**
 * A shard document: groups of the spec, at one more than the spec's version (so a release of the per-group
 * layout, which would take `<prefix>@<n>` for a group's document, refuses a shard as newer instead of moving
 * it aside as damaged); a shard of an older version has each group migrated by the spec's steps. Encoded
 * from `texts`, each group's bytes kept until it changes; a group in `changedSince` is encoded without keeping
 * its bytes and leaves the set: a group that changes between most writes of its shard (activity's last-seen
 * times of a busy group) would hold bytes never copied, a group quiet since is kept at its next write.
 */
function shardSpec<T>(
  spec: DocSpec<T>,
  texts: Map<string, Buffer>,
  changedSince: Set<string>,
): DocSpec<WholeGroupsDoc<T>> {
  const migrations = Object.fromEntries(
    Object.entries(spec.migrations ?? {}).map(([v, step]) => [
      Number(v) + 1,
      (old: WholeGroupsDoc<unknown>) => ({
        groups: Object.fromEntries(Object.entries(old.groups).map(([id, g]) => [id, step(g)])),
      }),
    ]),
  )
  return {
    version: spec.version + 1,
    schema: z.object({ groups: z.record(z.string(), spec.schema) }),
    defaults: () => ({ groups: {} }),
    migrations,
    volatile: spec.volatile,
    durable: spec.durable,
    encode: data => {
      const parts: Buffer[] = [OPEN]
      for (const [id, group] of Object.entries(data.groups)) {
        let text = texts.get(id)
        if (text === undefined) {
          text = Buffer.from(`${JSON.stringify(id)}:${JSON.stringify(group)}`)
          if (!changedSince.delete(id)) texts.set(id, text)
        }
        if (parts.length > 1) parts.push(COMMA)
        parts.push(text)
      }
      parts.push(CLOSE)
      return parts
    },
  }
}

/**
 * The index document: each group's shard, kept like the shards (volatile or durable). Version 2 from the
 * start (no version 1 was written), so a release of the per-group layout refuses it like a shard.
 */
function indexSpec(spec: DocSpec<unknown>): DocSpec<GroupIndex> {
  return {
    version: 2,
    schema: z.object({ groups: z.record(z.string(), z.number().int().min(0)) }),
    defaults: () => ({ groups: {} }),
    volatile: spec.volatile,
    durable: spec.durable,
  }
}
