/**
 * Member look-ups over a real puppet-service gRPC connection: `directory.members()`
 * for one 500-member group (every group nickname): cold; warm from the directory's
 * own cache; and re-read after the cache forgot the group (what a join, leave or
 * rename costs once), with Wechaty as it ships and with the room-member cache fix,
 * side by side in one run. Run alone with
 * `node --import tsx bench/members.ts` or through `npm run bench -- --only members`.
 */
import { pathToFileURL } from 'node:url'
import { WechatyBuilder } from 'wechaty'
import { PuppetServer, PuppetService } from 'wechaty-puppet-service'
import { createSandbox } from '../bot/sandbox/index.js'
import { GroupMatcher } from '../bot/runtime/groups/group-matcher.js'
import { fixRoomMemberCache } from '../bot/wechaty/room-member-cache.js'
import { WechatyPorts } from '../bot/wechaty/wechaty-ports.js'
import { freePort } from '../test/e2e/puppet-service.js'
import { median } from './measure.js'
import { populate } from './sandbox-drive.js'
import { syntheticWorld } from './synthetic-world.js'

/** Result: `members()` of one group over loopback gRPC, in milliseconds per call. */
export interface MembersResult {
  members: number
  warmRuns: number
  /** First call: every member fetched over gRPC. */
  coldMs: number
  /** Median call answered by the directory's cache. */
  cachedMs: number
  /** Median re-read after the directory forgot the group, Wechaty as it ships (its member cache never hits). */
  shippedWarmMs: number
  /** The same with the room-member cache fix, on the same connection. */
  fixedWarmMs: number
}

/**
 * Serve a synthetic world over gRPC, connect one client (the service takes one event
 * stream at a time), time `members()` cold, warm as shipped, then warm with the fix.
 */
export async function runMembersBench({ membersPerGroup = 500, warmRuns = 5 } = {}): Promise<MembersResult> {
  const world = syntheticWorld({ groups: 3, membersPerGroup })
  const sandbox = createSandbox()
  populate(sandbox, world)
  const endpoint = `127.0.0.1:${await freePort()}`
  const token = `insecure_bench_${endpoint.split(':')[1]}`
  const server = new PuppetServer({ endpoint, token, puppet: sandbox.puppet as never, tls: { disable: true } })
  await sandbox.puppet.start()
  await server.start()
  sandbox.world.login(world.botId)
  const puppet = new PuppetService({ endpoint, token, tls: { disable: true } })
  const bot = WechatyBuilder.build({ puppet })
  bot.on('error', () => {})
  try {
    await bot.start()
    await new Promise<void>(resolve => (bot.isLoggedIn ? resolve() : bot.once('login', () => resolve())))
    const ports = new WechatyPorts(bot, () => new GroupMatcher([]))
    const id = world.groups[0].id
    const time = async (forget: boolean) => {
      if (forget) ports.forgetMembers(id)
      const t = performance.now()
      await ports.members(id)
      return performance.now() - t
    }
    const warm = async (forget: boolean) => {
      const runs: number[] = []
      for (let i = 0; i < warmRuns; i++) runs.push(await time(forget))
      return median(runs)
    }
    const coldMs = await time(false)
    const cachedMs = await warm(false)
    const shippedWarmMs = await warm(true)
    fixRoomMemberCache(puppet)
    await time(true) // fills the fixed cache
    const fixedWarmMs = await warm(true)
    return { members: membersPerGroup, warmRuns, coldMs, cachedMs, shippedWarmMs, fixedWarmMs }
  } finally {
    await bot.stop()
    await server.stop()
    await sandbox.puppet.stop()
  }
}

/** One line for the bench table. */
export function describeMembers(r: MembersResult): string {
  return `members() of one ${r.members}-member group over loopback gRPC: cold ${r.coldMs.toFixed(0)} ms; from the directory's cache ${r.cachedMs.toFixed(2)} ms; re-read after a join/leave/rename: as shipped ${r.shippedWarmMs.toFixed(0)} ms, with the room-member cache fix ${r.fixedWarmMs.toFixed(1)} ms (${(r.shippedWarmMs / r.fixedWarmMs).toFixed(0)}× faster)`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMembersBench().then(
    r => {
      console.log(describeMembers(r))
      process.exit(0)
    },
    e => {
      console.error(e)
      process.exit(1)
    },
  )
}
