/**
 * How long the lease renewals took (from the start of one to its answer), kept for the log line a process writes
 * when it leaves the fleet: `fleet: lease renewals: 42, p50 3 ms, p90 9 ms, max 6012 ms`. Keeps at most
 * `RENEWAL_TIMES_KEPT` (the latest), about 14 hours at one renewal every 5 s.
 */
export class RenewalTimes {
  private ms: number[] = []
  private count = 0

  /** Record one renewal's duration. */
  add(ms: number): void {
    this.count++
    this.ms.push(ms)
    if (this.ms.length > RENEWAL_TIMES_KEPT) this.ms.splice(0, this.ms.length - RENEWAL_TIMES_KEPT)
  }

  /** The log line (undefined before the first renewal answered). */
  summary(): string | undefined {
    if (!this.ms.length) return undefined
    const s = [...this.ms].sort((a, b) => a - b)
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(0)
    const last = this.count > s.length ? ` (the last ${s.length})` : ''
    return `fleet: lease renewals: ${this.count}${last}, p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`
  }
}

/** How many renewal durations a process keeps for its summary. */
export const RENEWAL_TIMES_KEPT = 10_000
