import { parentPort, workerData } from 'node:worker_threads'
import type pg from 'pg'
import { LeaseLoop, LeaseShared, type ToLeaseThread } from './lease-loop.js'
import { leaseDb, renewLeases } from './renew.js'

/** What the lease thread is started with (lease-thread.ts). */
export interface LeaseWorkerData {
  connection: pg.ClientConfig
  account: string
  leaseMs: number
  renewMs: number
  aliveMs: number
  shared: SharedArrayBuffer
}

// The lease renewals, off the bot's event loop, on a connection of their own (docs/fleet.md, "A slow or frozen process").
const data = workerData as LeaseWorkerData
const db = leaseDb(data.connection)
const loop = new LeaseLoop({
  shared: new LeaseShared(data.shared),
  renew: inputs => renewLeases(db, { ...inputs, account: data.account, leaseMs: data.leaseMs }),
  post: m => parentPort?.postMessage(m),
  renewMs: data.renewMs,
  aliveMs: data.aliveMs,
})
parentPort?.on('message', (m: ToLeaseThread) => {
  if (!('stop' in m)) return loop.handle(m)
  void loop
    .stop()
    .then(() => db.destroy())
    .finally(() => parentPort?.postMessage({ stopped: true }))
})
loop.start()
