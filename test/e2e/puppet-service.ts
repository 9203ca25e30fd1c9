import { createServer } from 'node:net'
import { PuppetServer } from 'wechaty-puppet-service'
import { createSandbox, type SandboxWorld } from '../../bot/sandbox/index.js'
import { populateWorld, readWorld } from '../../bot/sandbox/load-world.js'

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as { port: number }
        srv.close(() => resolve(port))
      })
      .on('error', reject)
  })
}

/** The sandbox WeChat served over gRPC by wechaty-puppet-service's PuppetServer (TLS off: loopback only). */
export interface PuppetService {
  world: SandboxWorld
  endpoint: string
  token: string
  /** Stop serving (the bot's stream drops); the world keeps its state. */
  stop(): Promise<void>
  /** Serve again on the same port. */
  restart(): Promise<void>
  /** Stop sending heartbeats (sent every second until then), as a stalled service would. */
  silence(): void
}

/** Start the demo world on a free loopback port, with the bot logged in. */
export async function startPuppetService(worldFile = 'data/demo/world.yaml'): Promise<PuppetService> {
  const spec = readWorld(worldFile)
  const sandbox = createSandbox()
  populateWorld(sandbox.world, spec)
  const port = await freePort()
  const endpoint = `127.0.0.1:${port}`
  const token = `insecure_e2e_${port}`
  const make = () => new PuppetServer({ endpoint, token, puppet: sandbox.puppet as never, tls: { disable: true } })
  let server = make()
  await sandbox.puppet.start()
  await server.start()
  sandbox.world.login(spec.bot.id)
  const beat = () => setInterval(() => sandbox.puppet.emit('heartbeat', { data: 'e2e service alive' }), 1000).unref()
  let heartbeat = beat()
  return {
    world: sandbox.world,
    endpoint,
    token,
    stop: () => {
      clearInterval(heartbeat)
      return server.stop()
    },
    silence: () => clearInterval(heartbeat),
    restart: async () => {
      server = make()
      await server.start()
      heartbeat = beat()
    },
  }
}
