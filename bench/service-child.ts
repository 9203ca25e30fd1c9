/**
 * The puppet service side of the gRPC pipeline workload, in its own process so
 * its CPU time is not billed to the bot: serves a synthetic world over gRPC
 * (loopback, TLS off) and, on each IPC request `{ seed, count }`, has its
 * members say `count` messages of the bench stream. Answers `{ endpoint, token }`
 * once serving and `{ sent, skipped }` after each request.
 *
 *   node --import tsx bench/service-child.ts --groups G --members M   (forked by bench/pipeline-grpc.ts)
 */
import { parseArgs } from 'node:util'
import { serveWorld } from './compiled.js'
import { messageList } from './message-stream.js'
import { syntheticWorld } from './synthetic-world.js'

const { values } = parseArgs({ options: { groups: { type: 'string' }, members: { type: 'string' } } })
const world = syntheticWorld({ groups: Number(values.groups), membersPerGroup: Number(values.members) })
const served = await serveWorld(world)
process.send?.({ env: served.env })
process.on('message', async (req: { seed: number; count: number } | 'stop') => {
  if (req === 'stop') {
    await served.stop()
    process.exit(0)
  }
  let skipped = 0
  const messages = messageList(world, req.count, req.seed)
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]
    try {
      served.world.send(m.from, { room: m.room }, m.content, { mentions: m.mentions })
    } catch (e) {
      if (!/is not a member/.test((e as Error).message)) throw e
      skipped++
    }
    if (i % 100 === 99) await new Promise(r => setImmediate(r))
  }
  process.send?.({ sent: messages.length, skipped })
})
