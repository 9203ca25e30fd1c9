/** Remembers the last `size` message ids, to drop duplicates a puppet delivers twice. */
export class IdCache {
  private ids = new Set<string>()
  constructor(private size: number) {}

  /** True when `id` was seen before; otherwise remembers it. */
  seenBefore(id: string): boolean {
    if (this.ids.has(id)) return true
    this.ids.add(id)
    if (this.ids.size > this.size) this.ids.delete(this.ids.values().next().value as string)
    return false
  }
}
