import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The file `backup` writes into a running bot's data folder to ask it to write its state now (every document,
 * the volatile ones too); the bot answers in its health file (`flushed`: the request's text).
 */
export const FLUSH_REQUEST = 'flush-request'

/** How often the running bot looks for a request. */
const LOOK_EVERY_MS = 500

/**
 * While the bot runs: look for a flush request every half second; `flush` the store, then `answered(nonce)` (the
 * health file says it). Returns the stop.
 */
export function answerFlushRequests(
  dataDir: string,
  flush: () => Promise<void>,
  answered: (nonce: string) => void,
): () => void {
  const file = join(dataDir, FLUSH_REQUEST)
  let busy = false
  const look = () => {
    if (busy || !existsSync(file)) return
    busy = true
    let nonce = ''
    try {
      nonce = readFileSync(file, 'utf8').trim()
      rmSync(file, { force: true })
    } catch {}
    flush()
      .then(() => nonce && answered(nonce))
      .catch(() => {}) // a store that cannot write stops the bot itself
      .finally(() => {
        busy = false
      })
  }
  const timer = setInterval(look, LOOK_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * Ask the bot running on `dataDir` to write its state now and wait (at most `waitMs`) until its health file says it
 * did. False when it did not answer in time (a release before the request, or a bot that hangs): the request is
 * withdrawn and the copy is what a crash would leave.
 */
export async function requestFlush(dataDir: string, healthFile: string, waitMs: number): Promise<boolean> {
  const nonce = randomUUID()
  const file = join(dataDir, FLUSH_REQUEST)
  writeFileSync(file, `${nonce}\n`, { mode: 0o600 })
  const until = Date.now() + waitMs
  while (Date.now() < until) {
    await new Promise(r => setTimeout(r, 100))
    try {
      if (JSON.parse(readFileSync(join(dataDir, healthFile), 'utf8')).flushed === nonce) return true
    } catch {}
  }
  rmSync(file, { force: true })
  return false
}
