import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The file `backup` writes into a running bot's data folder to ask it to write its state now (every document,
 * the volatile ones too): one line a request, so two backups at once each get their answer; the bot answers in its
 * health file (`flushed`: the requests' ids it answered lately, space-separated).
 */
export const FLUSH_REQUEST = 'flush-request'
/** Where the bot moves the requests it takes (a request appended meanwhile starts a new file: none is lost). */
const TAKEN = `${FLUSH_REQUEST}.taken`
/** How many answered request ids the health file keeps (a backup polls every 100 ms; the bot looks every 500). */
const ANSWERS_KEPT = 8

/** How often the running bot looks for a request. */
const LOOK_EVERY_MS = 500

/**
 * While the bot runs: look for flush requests every half second; `flush` the store once for all of them, then
 * `answered(ids)`: the ids answered lately, this round's last (the health file says them). Returns the stop.
 */
export function answerFlushRequests(
  dataDir: string,
  flush: () => Promise<void>,
  answered: (nonces: string) => void,
): () => void {
  const file = join(dataDir, FLUSH_REQUEST)
  const taken = join(dataDir, TAKEN)
  let busy = false
  let answers: string[] = []
  const look = () => {
    if (busy || !existsSync(file)) return
    busy = true
    let nonces: string[] = []
    try {
      renameSync(file, taken)
      nonces = readFileSync(taken, 'utf8').split('\n').filter(Boolean)
      rmSync(taken, { force: true })
    } catch {}
    flush()
      .then(() => {
        if (!nonces.length) return
        answers = [...answers, ...nonces].slice(-ANSWERS_KEPT)
        answered(answers.join(' '))
      })
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
  appendFileSync(file, `${nonce}\n`, { mode: 0o600 })
  const until = Date.now() + waitMs
  while (Date.now() < until) {
    await new Promise(r => setTimeout(r, 100))
    try {
      const flushed = JSON.parse(readFileSync(join(dataDir, healthFile), 'utf8')).flushed
      if (typeof flushed === 'string' && flushed.split(' ').includes(nonce)) return true
    } catch {}
  }
  withdraw(file, nonce)
  return false
}

/** Takes this request's line out of the request file, leaving another backup's (the file goes when none is left). */
function withdraw(file: string, nonce: string): void {
  try {
    const rest = readFileSync(file, 'utf8')
      .split('\n')
      .filter(line => line && line !== nonce)
    if (rest.length) writeFileSync(file, `${rest.join('\n')}\n`, { mode: 0o600 })
    else rmSync(file, { force: true })
  } catch {}
}
