/** Remembers the last `size` message ids (a ring buffer), to drop duplicates a puppet delivers twice. */
export class IdCache {
  private ids = new Set<string>()
  private ring: string[]
  private next = 0

  constructor(size: number) {
    this.ring = new Array<string>(size)
  }

  /** True when `id` was seen before; otherwise remembers it (forgetting the oldest). */
  seenBefore(id: string): boolean {
    if (this.ids.has(id)) return true
    const old = this.ring[this.next]
    if (old !== undefined) this.ids.delete(old)
    this.ring[this.next] = id
    this.next = (this.next + 1) % this.ring.length
    this.ids.add(id)
    return false
  }
}
