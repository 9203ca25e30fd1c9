/**
 * A bot's outbox in its own process, killed with SIGKILL at a chosen moment (outbox-crash.test.ts).
 * `node --import tsx outbox-crash-child.ts <dir> <moment>`; each send is appended to `<dir>/sent.log`
 * (what WeChat received). Moments: `queued` (three messages appended and committed, before any send),
 * `appended` (appended, killed in the same turn), `sent` (killed right after the first send left).
 * Without a moment it is the restart: it delivers what is queued and exits.
 */
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { FileStore } from '../../../../bot/ports/store/file-store.js'
import { createLogger } from '../../../../bot/process/logger.js'
import { Outbox } from '../../../../bot/runtime/delivery/outbox.js'
import { SystemClock } from '../../../../bot/ports/clock.js'

const [dir, moment] = process.argv.slice(2)
const LIMITS = { perMinute: 40, perChatGap: 0, switchPauseMin: 0, switchPauseMax: 0, maxRetries: 3, mergeMaxChars: 1 }
const store = new FileStore(dir, { background: true }) // as the running bot writes
const sender = {
  async send(m: { text?: string }) {
    appendFileSync(join(dir, 'sent.log'), `${m.text}\n`)
    if (moment === 'sent') process.kill(process.pid, 'SIGKILL')
  },
}
const outbox = new Outbox(new SystemClock(), sender, LIMITS, store, createLogger('silent'), Math.random, () =>
  store.flush(true),
)
if (!moment) {
  outbox.resume()
  const wait = setInterval(() => {
    if (outbox.depth() || outbox.sending()) return
    clearInterval(wait)
    void store.flush().then(() => process.exit(0))
  }, 20)
} else {
  if (moment === 'sent') outbox.resume()
  for (const [i, chat] of ['r1', 'r2', 'r3'].entries()) outbox.enqueue({ chat: { room: chat }, text: `通知 ${i + 1}` })
  if (moment === 'appended') process.kill(process.pid, 'SIGKILL')
  if (moment === 'queued') void store.flush(true).then(() => process.kill(process.pid, 'SIGKILL'))
}
