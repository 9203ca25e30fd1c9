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
  /**
   * What the served puppet was asked through the service since it started: `stop` and `logout` (the gRPC `Stop`
   * and `Logout` calls reach the hosted puppet as these), in order. What a hosted provider would see.
   */
  calls: ('stop' | 'logout')[]
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
  const calls: PuppetService['calls'] = []
  const puppet = sandbox.puppet as unknown as Record<'stop' | 'logout', (...args: unknown[]) => Promise<void>>
  for (const name of ['stop', 'logout'] as const) {
    const original = puppet[name].bind(puppet)
    puppet[name] = (...args) => {
      calls.push(name)
      return original(...args)
    }
  }
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
    calls,
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
