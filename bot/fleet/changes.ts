import type pg from 'pg'
import type { Logger } from '../process/logger.js'

/**
 * The fleet's notification channel in the schema the connection's tables live in (as the `bot_documents`
 * trigger names it, schema migration 5): notifications of one fleet never reach a fleet in another schema.
 */
export const CHANNEL_SQL = `select 'bot_fleet_' || md5(current_schema()) as channel`

/** What a notification on the channel says: a document an account wrote, or leases an account gave back. */
export type FleetNotice = { kind: 'doc'; account: string; name: string } | { kind: 'lease'; account: string }

/** What the change feed needs. */
export interface ChangeFeedOptions {
  /** Open a dedicated connection (the feed's own: it sits in LISTEN). */
  connect: () => Promise<pg.Client>
  /** Each notice heard: the feed counts it (`generation`) when this says it matters to readers. */
  heard: (notice: FleetNotice) => boolean
  log: Logger
  /** How long to wait before connecting again after the connection was lost. */
  retryMs: number
}

/**
 * What other accounts changed, as PostgreSQL tells it (LISTEN on the fleet channel). `generation` grows at each
 * notice that matters and each time listening (re)starts (what was missed meanwhile is unknown), so a reader
 * that remembers the generation it read at knows whether it must read again. While the connection is down,
 * `listening` is false (readers read every time) and the feed connects again every `retryMs`.
 */
export class ChangeFeed {
  generation = 0
  listening = false
  private client?: pg.Client
  private retry?: ReturnType<typeof setTimeout>
  private stopped = false
  /** The loss was logged (once per loss, not at each failed attempt to listen again). */
  private warned = false

  constructor(private o: ChangeFeedOptions) {}

  /** Connect and listen; a failure is logged and retried (readers read every time meanwhile). */
  start(): Promise<void> {
    this.stopped = false
    return this.listen()
  }

  private async listen(): Promise<void> {
    try {
      const client = await this.o.connect()
      if (this.stopped) return void (await client.end().catch(() => {}))
      this.client = client
      client.on('error', e => this.lost(client, e))
      client.on('end', () => this.lost(client, new Error('connection ended')))
      client.on('notification', n => this.notice(n.payload))
      const { rows } = await client.query<{ channel: string }>(CHANNEL_SQL)
      await client.query(`listen "${rows[0].channel}"`)
      // Stopped (or lost) while the queries ran: this connection is no longer the feed's.
      if (this.stopped || this.client !== client) return
      // Listening from here on: whatever changed before is read once more.
      this.generation++
      this.listening = true
      if (this.warned) this.o.log.info('fleet: change notifications back: reading on change again')
      this.warned = false
    } catch (e) {
      this.lost(this.client, e)
    }
  }

  /** Stop listening and close the connection. */
  async stop(): Promise<void> {
    this.stopped = true
    this.listening = false
    clearTimeout(this.retry)
    const client = this.client
    this.client = undefined
    await client?.end().catch(() => {})
  }

  private notice(payload: string | undefined): void {
    const notice = parseNotice(payload)
    if (notice && this.o.heard(notice)) this.generation++
  }

  /** The connection failed or ended: read every time until listening again, and connect again later. */
  private lost(client: pg.Client | undefined, e: unknown): void {
    if (client !== this.client || this.stopped) return
    this.client = undefined
    this.listening = false
    client?.end().catch(() => {})
    if (!this.warned)
      this.o.log.warn(
        `fleet: change notifications lost (${(e as Error)?.message ?? e}): reading other accounts' records before each task until listening again`,
      )
    this.warned = true
    clearTimeout(this.retry)
    this.retry = setTimeout(() => void this.listen(), this.o.retryMs)
    this.retry.unref()
  }
}

function parseNotice(payload: string | undefined): FleetNotice | undefined {
  try {
    const [kind, account, name] = JSON.parse(payload ?? '') as unknown[]
    if (typeof account !== 'string') return undefined
    if (kind === 'doc' && typeof name === 'string') return { kind, account, name }
    if (kind === 'lease') return { kind, account }
  } catch {
    // not one of ours
  }
  return undefined
}
