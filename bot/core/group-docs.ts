import type { Doc, DocSpec, Store } from '../ports/store/store.js'

/** What a whole-bot document keyed by group held, before it was split into one document per group. */
export interface WholeGroupsDoc<T> {
  groups: Record<string, T>
}

/**
 * One small document per group (`<prefix><group id, URI-encoded>`) instead of one document holding every
 * group: a change rewrites only its group's document, whatever the number of groups. `data.groups` holds
 * every group's data (the documents' own objects), read and extended like the whole document was; after
 * changing a group, call `changed(groupId)` (this also creates the document of a group added to
 * `data.groups`). The documents are found again by their prefix when the store is reopened.
 *
 * A stored group's document is read (parsed and checked) when its group is first looked at, not at start:
 * at 100 groups of 500 members that is most of the state a start would read. Its key is listed from the
 * start (`Object.keys(data.groups)` needs no read). What must refuse the start still does: a durable spec's
 * documents, and any document written by a newer release (its version is read from the store without
 * loading it), open at once.
 */
export class GroupDocs<T extends object> {
  /** Every group's data by group id: the same objects the documents hold. */
  readonly data: WholeGroupsDoc<T> = { groups: {} }
  private docs = new Map<string, Doc<T>>()

  constructor(
    private store: Store,
    private prefix: string,
    private spec: DocSpec<T>,
  ) {
    for (const name of store.names(prefix)) {
      const groupId = decodeURIComponent(name.slice(prefix.length))
      if (this.opensLater(name)) this.openOnFirstUse(groupId, name)
      else this.open(groupId, name)
    }
  }

  /** Whether the document can wait for its first use: nothing about it could refuse the start. */
  private opensLater(name: string): boolean {
    if (this.spec.durable) return false
    const version = this.store.storedVersion?.(name)
    return version !== undefined && version <= this.spec.version
  }

  /** List the group now; read its document at the first get (or replace it at the first set). */
  private openOnFirstUse(groupId: string, name: string): void {
    Object.defineProperty(this.data.groups, groupId, {
      configurable: true,
      enumerable: true,
      get: () => this.open(groupId, name).data,
      set: (value: T) => {
        this.open(groupId, name)
        this.data.groups[groupId] = value
      },
    })
  }

  private open(groupId: string, name: string): Doc<T> {
    const d = this.store.doc(name, this.spec)
    this.docs.set(groupId, d)
    Object.defineProperty(this.data.groups, groupId, {
      configurable: true,
      enumerable: true,
      writable: true,
      value: d.data,
    })
    return d
  }

  /** Mark a group's document dirty (created on first use from `data.groups[groupId]`). */
  changed(groupId: string): void {
    const value = this.data.groups[groupId]
    if (!value) return
    let d = this.docs.get(groupId)
    if (!d) {
      d = this.store.doc(this.prefix + encodeURIComponent(groupId), this.spec)
      this.docs.set(groupId, d)
    }
    if (d.data !== value) d.data = value
    d.changed()
  }

  /**
   * Move the groups of the whole document `name` (written by a release before the split) into their own
   * documents, then empty it: each group's document is written before the whole one is emptied, so a crash
   * in between loses nothing (a group already in its own document keeps that newer copy).
   */
  async adopt(name: string, spec: DocSpec<WholeGroupsDoc<T>>): Promise<void> {
    if (!this.store.names(name).includes(name)) return
    const whole = this.store.doc(name, spec)
    const moved = Object.keys(whole.data.groups).filter(id => !this.data.groups[id])
    for (const id of moved) {
      this.data.groups[id] = whole.data.groups[id]
      this.changed(id)
    }
    await Promise.all(moved.map(id => this.docs.get(id)?.persist()))
    if (Object.keys(whole.data.groups).length) {
      whole.data = { groups: {} }
      await whole.persist()
    }
  }
}
