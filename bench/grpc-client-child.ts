/**
 * One client of the gRPC pipeline workload, in its own process: bare Wechaty (one `message` listener) or the
 * full bot (createApp, every plugin, a FileStore writing in the background, the real clock), connected to a
 * puppet service (bench/service-child.ts). Its own process, so that its CPU time, and its garbage collector's,
 * are its own: two clients in one process each paid for collecting the other's heap.
 *
 * IPC, in order: `{ kind, endpoint, token, configFile?, dataDir? }` → `{ ready: true }` once every room and
 * its members are loaded (the full bot loads them at login, bare Wechaty by `Room.findAll()`);
 * `{ op: 'start' }` → `{ started: true }` (a full garbage collection first, then CPU and wall time are taken);
 * `{ op: 'until', count }` → `{ cpuUs, wallUs }` per message once `count` more messages were handled than at
 * start; `'stop'` → exits.
 *
 *   forked by bench/pipeline-grpc.ts
 */
import { WechatyBuilder } from 'wechaty'
import { PuppetService } from 'wechaty-puppet-service'
import { bot } from './bot-modules.js'
import { collectGarbage, cpuMs } from './measure.js'
import { onHandled, quiet } from './sandbox-drive.js'

/** The first message: which client, and where its service is. */
interface Setup {
  kind: 'bare' | 'full'
  endpoint: string
  token: string
  configFile?: string
  dataDir?: string
}

type Request = { op: 'start' } | { op: 'until'; count: number } | 'stop'

const send = (m: object) => process.send?.(m)
const setup = await new Promise<Setup>(r => process.once('message', m => r(m as Setup)))
const puppet = new PuppetService({ endpoint: setup.endpoint, token: setup.token, tls: { disable: true } })

let handled = 0
/** Resolves the wait of an `until` request once enough messages were handled (no polling loop billed to the client). */
let wake: (() => void) | undefined
let target = Number.POSITIVE_INFINITY
const counted = () => {
  handled++
  if (handled >= target) wake?.()
}

let stop: () => Promise<void>
if (setup.kind === 'bare') {
  const wechaty = WechatyBuilder.build({ puppet })
  wechaty.on('error', () => {})
  wechaty.on('message', counted)
  const login = new Promise(r => wechaty.once('login', r))
  await wechaty.start()
  await login
  await wechaty.Room.findAll() // every room and its members loaded, as the full bot has them at ready
  await quiet(wechaty)
  stop = () => wechaty.stop()
} else {
  const app = bot.createApp({
    configFile: setup.configFile!,
    dataDir: setup.dataDir!,
    log: bot.createLogger('silent'),
    puppet,
    store: new bot.FileStore(setup.dataDir!, { background: true }),
  })
  onHandled(app, counted)
  await app.bot.start()
  await app.ready
  await app.membersLoaded // every group's members read, as bare Wechaty's Room.findAll()
  await quiet(app.bot)
  stop = () => app.stop()
}
send({ ready: true })

let base = 0
let cpu = 0
let wall = 0
process.on('message', async (req: Request) => {
  if (req === 'stop') {
    await stop().catch(() => {})
    process.exit(0)
  }
  if (req.op === 'start') {
    collectGarbage()
    base = handled
    cpu = cpuMs()
    wall = performance.now()
    send({ started: true })
    return
  }
  target = base + req.count
  if (handled < target) await new Promise<void>(r => (wake = r))
  wake = undefined
  target = Number.POSITIVE_INFINITY
  send({ cpuUs: ((cpuMs() - cpu) * 1000) / req.count, wallUs: ((performance.now() - wall) * 1000) / req.count })
})
