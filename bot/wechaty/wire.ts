import { ScanStatus, type Contact, type Message, type Room, type Wechaty } from 'wechaty'
import type { BotEvent, Member } from '../core/event.js'
import type { BotRuntime } from '../runtime/host/runtime.js'
import { SOLO } from '../fleet/gate.js'
import type { Logger } from '../process/logger.js'
import { isConnectionLoss, isDiscoveryFailure, isTokenRejected } from './supervise.js'
import { toMessageEvent } from './to-event.js'
import type { WechatyPorts } from './wechaty-ports.js'
import { unmatchedGroups } from '../runtime/groups/group-matcher.js'

/** An event made (a message's conversion, a look-up), synchronously when it can be, or none. */
type Made = BotEvent | undefined | Promise<BotEvent | undefined>

/** Queue the making of an event and its handling; `make` may answer synchronously. */
type Enqueue = (make: () => Made) => void

/** A queuer of events made from one argument each (`make(arg)` queued): no closure made per event. */
type Feed = <A>(make: (arg: A) => Made) => (arg: A) => void

/** Hooks the runtime onto a Wechaty instance. Returns a promise that settles when queued events are handled. */
export function wireWechaty(
  bot: Wechaty,
  ports: WechatyPorts,
  rt: BotRuntime,
  log: Logger,
  opts: { printQr?: boolean; sweepMs?: number; onFirstLogin?: () => Promise<void> } = {},
) {
  const feed = eventFeed(bot, rt)
  logConnection(bot, log, opts.printQr !== false)
  let stopping = false
  const { ready, membersLoaded } = wireLogin(bot, ports, rt, log, feed.enqueue, opts.onFirstLogin, () => stopping)
  wireMessages(bot, ports, feed.feed)
  wireRoomEvents(bot, ports, feed.enqueue)
  // No event exists for joins via QR codes or topic edits missed while offline: re-match rooms periodically.
  const sweep = setInterval(
    () => void ports.refresh().catch(e => log.warn('room refresh failed', e)),
    opts.sweepMs ?? 10 * 60_000,
  )
  sweep.unref()
  const stop = () => {
    stopping = true
    clearInterval(sweep)
  }
  return { idle: feed.settled, ready, membersLoaded, stop }
}

/**
 * Events are handled one at a time, in arrival order (a notice before its answers), in the runtime's queue that
 * timers and cron jobs share. Puppet events seen vs handled are counted, so tests and replay can wait until
 * Wechaty has caught up (`settled`).
 */
function eventFeed(
  bot: Wechaty,
  rt: BotRuntime,
): { enqueue: Enqueue; feed: Feed; settled: (ms?: number) => Promise<void> } {
  let arrived = 0
  let handled = 0
  bot.on('puppet', puppet => {
    for (const name of ['message', 'room-join', 'room-leave', 'room-topic'] as const)
      puppet.on(name, () => {
        arrived++
      })
  })
  const count = () => {
    handled++
  }
  const handleMade = (ev: BotEvent | undefined) => (ev ? rt.handle(ev) : undefined)
  /** One queued task per puppet event: an event made and handled synchronously (most messages) costs no promise. */
  const feed: Feed = make => {
    const task = (arg: Parameters<typeof make>[0]) => {
      const made = make(arg)
      return made instanceof Promise ? made.then(handleMade) : made && rt.handle(made)
    }
    // A failure is reported by the runtime's queue.
    return arg => rt.queue.run(task, arg, count)
  }
  const enqueue: Enqueue = feed(make => make())
  /** Resolve once every puppet event so far has been handled (or `timeoutMs` passed: Wechaty drops events it cannot load). */
  const settled = async (timeoutMs = 3000) => {
    const until = Date.now() + timeoutMs
    do {
      await rt.queue.idle()
      await new Promise(r => setTimeout(r, handled < arrived ? 5 : 0))
    } while (handled < arrived && Date.now() < until)
    await rt.queue.idle()
  }
  return { enqueue, feed, settled }
}

/** Wechaty's errors (never crashing Node) and the login QR code. */
function logConnection(bot: Wechaty, log: Logger, printQr: boolean): void {
  // Wechaty emits `error` for room events with dirty payloads; unhandled it would crash Node.
  // Connection errors are decided (and logged once) by the connection supervisor.
  bot.on('error', e => {
    const quiet =
      /dirty|not a contact/i.test(String(e)) || isConnectionLoss(e) || isTokenRejected(e) || isDiscoveryFailure(e)
    ;(quiet ? log.debug : log.warn)('wechaty error', e)
  })
  bot.on('scan', async (qrcode, status) => {
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) return
    log.info('扫码登录 Scan to log in:')
    // Straight to the terminal: console.* is routed into the log at debug level.
    if (printQr) await printQrCode(qrcode).catch(e => log.warn('QR code not printed', e))
    log.info(`or open https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`)
  })
}

/** Print a login QR code on the terminal (stderr); qrcode-terminal loads with the first one, never at a start that is logged in. */
async function printQrCode(qrcode: string): Promise<void> {
  const { default: qrcodeTerminal } = await import('qrcode-terminal')
  qrcodeTerminal.generate(qrcode, { small: true }, qr => process.stderr.write(`${qr}\n`))
}

/**
 * Login runs in the same queue as messages: a message that arrives meanwhile waits until the managed groups are
 * matched and the runtime has started. `ready` resolves once the first login has started the runtime;
 * `membersLoaded` once that login's background read of every managed group's members has ended.
 */
function wireLogin(
  bot: Wechaty,
  ports: WechatyPorts,
  rt: BotRuntime,
  log: Logger,
  enqueue: Enqueue,
  onFirstLogin?: () => Promise<void>,
  stopping: () => boolean = () => false,
): { ready: Promise<void>; membersLoaded: Promise<void> } {
  let logins = 0
  let markReady: () => void = () => {}
  const ready = new Promise<void>(r => {
    markReady = r
  })
  let markLoaded: () => void = () => {}
  const membersLoaded = new Promise<void>(r => {
    markLoaded = r
  })
  const onLogin = (user: Contact) =>
    enqueue(async () => {
      logins++
      log.info(`登录成功 logged in as ${user.name()} (${user.id})`)
      await ports.refresh().catch(e => log.error('room refresh failed', e))
      if (logins === 1) {
        await rt.start()
        await onFirstLogin?.()
        log.info(`就绪 ready: ${ports.groups().length} managed groups, ${rt.plugins.length} plugins`)
        // A fleet's accounts share one config, each in some of its groups: not being in one is no fault there.
        const alone = rt.fleet === SOLO && !rt.loaded.config.fleet.peers.length
        for (const g of unmatchedGroups(rt.loaded.config.groups, ports.groups()))
          if (alone)
            log.warn(
              `配置的群未找到，不受管理 configured group matches no room, not managed: ${g.name}（${g.match}）` +
                '：检查群名，或把机器人拉进群 check the topic, or add the bot to the group',
            )
          else log.info(`本账号不在此群 this account is not in: ${g.name}（${g.match}）`)
        markReady()
      } else {
        rt.outbox.resume()
        rt.executor.notifyAdmins(`ℹ️ 机器人已重新登录（${user.name()}），积压消息 ${rt.outbox.depth()} 条将陆续发出。`)
      }
      // Off the queue: events are handled meanwhile, and whatever needs a group's members awaits that group.
      const loading = loadMembers(ports, log, stopping)
      if (logins === 1) void loading.finally(markLoaded)
      return undefined
    })
  bot.on('login', onLogin)
  // Installed on a bot that is logged in already (the `GroupGuard` plugin after login): start now.
  if (hasPuppet(bot) && bot.isLoggedIn) onLogin(bot.currentUser)
  bot.on('logout', user => {
    // Logging out because the bot stops is expected; otherwise someone must log in again.
    ;(stopping() ? log.info : log.warn)(`已登出 logged out: ${user.name()}`)
    rt.outbox.pause()
  })
  return { ready, membersLoaded }
}

/** Read every managed group's members into the directory's cache in the background, then say so in the log. */
async function loadMembers(ports: WechatyPorts, log: Logger, stopping: () => boolean): Promise<void> {
  const started = performance.now()
  const { groups, members } = await ports.warmMembers(
    ports.groups().map(g => g.id),
    stopping,
  )
  if (groups && !stopping())
    log.info(
      `成员名单已载入 members loaded: ${members} members of ${groups} groups in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
}

/** A message becomes a `message` event: the bot's own and those of unmanaged groups (commands too) are ignored. */
function wireMessages(bot: Wechaty, ports: WechatyPorts, feed: Feed): void {
  const aliasOf = (room: Room, talker: Contact) => ports.memberAlias(room, talker)
  const onMessage = feed((msg: Message) => {
    if (msg.self()) return undefined
    const room = msg.room()
    const group = room ? ports.group(room.id) : undefined
    if (room && !group) return undefined // not a managed group: ignore everything, commands included
    const saveImageTo = !group || ports.savesGroupImages(group) ? ports.mediaDir : undefined
    return toMessageEvent(msg, group, saveImageTo, aliasOf)
  })
  bot.on('message', onMessage)
}

/** Joins, leaves (voluntary or removed) and topic changes of managed groups become events. */
function wireRoomEvents(bot: Wechaty, ports: WechatyPorts, enqueue: Enqueue): void {
  bot.on('room-join', (room: Room, invitees: Contact[], inviter: Contact, date?: Date) =>
    enqueue(async () => {
      if (invitees.some(c => c.id === ports.selfId())) await ports.track(room)
      const group = ports.group(room.id)
      const members = invitees.filter(c => c.id !== ports.selfId())
      if (!group || !members.length) return undefined
      return {
        type: 'join',
        at: (date ?? new Date()).getTime(),
        group,
        members: await toMembers(room, members),
        inviter: inviter && toMember(inviter),
      }
    }),
  )
  bot.on('room-leave', (room: Room, leavers: Contact[], remover?: Contact, date?: Date) =>
    enqueue(async () => {
      const group = ports.group(room.id)
      if (!group) return undefined
      const voluntary = !remover || leavers.some(l => l.id === remover.id)
      return {
        type: 'leave',
        at: (date ?? new Date()).getTime(),
        group,
        members: leavers.map(toMember),
        remover: voluntary ? undefined : toMember(remover!),
      }
    }),
  )
  bot.on('room-topic', (room: Room, _topic: string, oldTopic: string, changer: Contact, date?: Date) =>
    enqueue(async () => {
      const group = await ports.track(room)
      return (
        group && {
          type: 'topic',
          at: (date ?? new Date()).getTime(),
          group,
          oldTopic,
          changer: changer && toMember(changer),
        }
      )
    }),
  )
}

function toMember(c: Contact): Member {
  return { id: c.id, name: c.name(), roles: [], isStaff: false }
}

async function toMembers(room: Room, contacts: Contact[]): Promise<Member[]> {
  return Promise.all(
    contacts.map(async c => ({
      ...toMember(c),
      groupAlias: (await room.alias(c).catch(() => undefined)) || undefined,
    })),
  )
}

/** Whether Wechaty has a puppet yet (before `start()` asking `isLoggedIn` logs a NOPUPPET error). */
function hasPuppet(bot: Wechaty): boolean {
  try {
    return !!bot.puppet
  } catch {
    return false
  }
}
