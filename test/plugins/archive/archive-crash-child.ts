/**
 * The archive in its own process, killed with SIGKILL (crash.test.ts): `node --import tsx
 * archive-crash-child.ts <dir> [n]`. Messages 1–n (default 5) arrive one per event-loop turn; once a message's
 * turn has passed, the bot's reply to it is "sent" (a line in `<dir>/replied.log`, as a reply leaves after
 * the store's durable flush, at least one turn later). Messages n+1 and n+2 arrive in the turn the kill
 * lands in, before any reply to them. The chat is named (`saveChat`) before its first message.
 */
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { type ArchiveRecord, RECORD_VERSION } from '../../../plugins/archive/capture/record.js'
import { FileArchive } from '../../../plugins/archive/store/file-backend.js'

const [dir, count = '5'] = process.argv.slice(2)
const n = Number(count)
const archive = new FileArchive(join(dir, 'archive'))
const record = (n: number): ArchiveRecord => ({
  v: RECORD_VERSION,
  seq: n,
  id: `m${n}`,
  at: Date.UTC(2026, 10, 30, 2) + n * 1000,
  chat: 'g1',
  sender: { id: 'zhang', name: '张三' },
  type: 'text',
  text: `报名第${n}条`,
  mentions: [],
})
const turn = () => new Promise(resolve => setImmediate(resolve))

await archive.saveChat({ chat: 'g1', kind: 'internal', title: '报名群' })
for (let i = 1; i <= n; i++) {
  await archive.append(record(i), '2026-11-30')
  await turn()
  appendFileSync(join(dir, 'replied.log'), `${i}\n`)
}
await archive.append(record(n + 1), '2026-11-30')
await archive.append(record(n + 2), '2026-11-30')
process.kill(process.pid, 'SIGKILL')
