import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import type { App } from '../app.js'
import { formatDuration } from '../config/duration.js'
import type { LoadedConfig } from '../config/load-config.js'
import { GroupMatcher } from '../runtime/groups/group-matcher.js'
import type { SandboxWorld, SentRecord } from '../sandbox/index.js'

const HELP = `沙盒控制台 Sandbox console
  <群昵称或名字>> 文字        以该成员身份在群里发言（先用当前群，他不在当前群时
                              用群昵称所在的群，否则用他所在的第一个群）
                              e.g.  销售部-张三> 大家好   /  刘总> 请问价格？
  <名字>>> 文字               私聊机器人  e.g.  张三>> #案例 搜索 价格
  文字里写 \\n 表示换行        e.g.  张三> #成交\\n客户：刘总\\n产品：净水器
  文字 [图片] / [红包] / [文件 a.apk] / [链接 https://x.com 标题]   发送图片、红包、文件、链接卡片
  /groups                     列出群和成员
  /use <群名>                 切换当前群
  /join <群名> <名字> [群昵称]  新成员入群（不在通讯录的名字会被创建）
  /leave <群名> <名字>        成员退群
  /rename <群名> <名字> <群昵称> 修改群昵称（<群昵称> 写 - 表示清空）
  /quit                       退出`

/** Interactive console over the sandbox: type as a member, see what the bot sends. Resolves on /quit or EOF. */
export async function startConsole(
  world: SandboxWorld,
  app: App,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  const rl = createInterface({ input, output, terminal: false })
  let current = world.rooms()[0]?.id
  const print = (s: string) => output.write(`${s}\n`)
  const outputDir = app.runtime.deps.outputDir
  world.on('sent', (r: SentRecord) =>
    print(
      `🤖 → ${r.roomId ? world.room(r.roomId).topic : `私聊 ${name(world, r.toContactId)}`}: ${describeSent(r, outputDir)}`,
    ),
  )
  print(HELP)
  for await (const line of rl) {
    const text = line.trim()
    if (!text) continue
    if (text === '/quit' || text === '/exit') break
    try {
      const result = runLine(world, text, current, app)
      if (result.current) current = result.current
      if (result.note) print(result.note)
    } catch (e) {
      print(`⚠️ ${(e as Error).message}`)
    }
    await app.idle()
  }
  rl.close()
  // Piped input ends at once: let Wechaty deliver the last lines, then the outbox drain (at most a minute).
  await new Promise(r => setTimeout(r, 500))
  await app.idle()
  for (let waited = 0; app.runtime.outbox.depth() > 0 && waited < 60_000; waited += 250)
    await new Promise(r => setTimeout(r, 250))
}

/** The world commands: how many arguments each needs, and its usage line. */
const USAGE: Record<string, { args: number; usage: string }> = {
  '/use': { args: 1, usage: '/use <群名>' },
  '/join': { args: 2, usage: '/join <群名> <名字> [群昵称]' },
  '/leave': { args: 2, usage: '/leave <群名> <名字>' },
  '/rename': { args: 3, usage: '/rename <群名> <名字> <群昵称>（清空群昵称：/rename <群名> <名字> -）' },
}

/** The `<群昵称>` of `/rename` that clears the nickname (an empty one cannot be typed). */
const CLEAR_ALIAS = '-'

/**
 * One console line: a world command (`/join` …) or a member speaking; what it changes (the current group) and
 * what to print. Throws with a Chinese message (usage, unknown group or member).
 */
export function runLine(
  world: SandboxWorld,
  text: string,
  current: string | undefined,
  app: App,
): { current?: string; note?: string } {
  if (text === '/help') return { note: HELP }
  if (text === '/groups')
    return {
      note: world
        .rooms()
        .map(r => `${r.topic}  [${r.memberIdList.map(id => world.groupAlias(r.id, id) ?? name(world, id)).join('、')}]`)
        .join('\n'),
    }
  const [cmd, ...args] = text.split(/\s+/)
  const usage = USAGE[cmd]
  if (usage && args.length < usage.args) fail(`用法：${usage.usage}`)
  const room = (q: string) =>
    world.findRoom(q) ?? world.rooms().find(r => r.topic.includes(q))?.id ?? fail(`没有群 ${q}`)
  if (cmd === '/use') return { current: room(args[0]), note: `当前群：${world.room(room(args[0])).topic}` }
  if (cmd === '/join') {
    const r = room(args[0])
    const id = world.findContacts(args[1])[0] ?? world.createContact({ name: args[1] })
    if (world.room(r).memberIdList.includes(id)) fail(`${args[1]} 已在「${world.room(r).topic}」里`)
    world.join(r, [id])
    if (args[2]) world.setGroupAlias(r, id, args[2])
    return { note: joinNote(app.runtime.loaded, name(world, id), r, world.room(r).topic) }
  }
  if (cmd === '/leave') {
    const r = room(args[0])
    const id = memberOf(world, args[1], r)
    world.leave(r, id)
    return { note: `（${name(world, id)} 退出「${world.room(r).topic}」）` }
  }
  if (cmd === '/rename') {
    const r = room(args[0])
    const clear = args[2] === CLEAR_ALIAS
    world.setGroupAlias(r, memberOf(world, args[1], r), clear ? undefined : args[2])
    return {
      note: `（${clear ? '已清空群昵称；' : ''}微信不会通知改名，机器人会在巡检或该成员发言时看到）`,
    }
  }
  const m = /^(.+?)(>>|>)\s*(.*)$/.exec(text)
  if (!m) fail('格式：<群昵称或名字>> 文字，输入 /help 查看用法')
  const [, speaker, arrow, body] = m
  if (arrow === '>>') {
    world.say(who(world, speaker), {}, body.replace(/\\n/g, '\n'))
    return {}
  }
  // The current group (after /use) first: a nickname several groups share speaks where the admin is looking.
  const speakerId = who(world, speaker)
  const inCurrent =
    current && (world.findContacts(speaker, current).length > 0 || world.room(current).memberIdList.includes(speakerId))
      ? current
      : undefined
  const byAlias = world
    .rooms()
    .find(r => world.findContacts(speaker, r.id).some(id => world.groupAlias(r.id, id) === speaker))
  const inRoom =
    inCurrent ??
    byAlias?.id ??
    world.rooms().find(r => r.memberIdList.includes(speakerId))?.id ??
    fail(`${speaker} 不在任何群里，先用 /join 把他加进群`)
  send(world, who(world, speaker, inRoom), inRoom, body.replace(/\\n/g, '\n'))
  // Someone in several groups: say which one heard it, even the current one (the first group until /use).
  const groups = world
    .rooms()
    .filter(r => world.findContacts(speaker, r.id).length > 0 || r.memberIdList.includes(speakerId)).length
  if (groups > 1)
    return { note: `（${speaker} 在「${world.room(inRoom).topic}」发言；共在 ${groups} 个群，/use <群名> 换群）` }
  return inRoom !== current ? { note: `（${speaker} 在「${world.room(inRoom).topic}」发言）` } : {}
}

/**
 * The console's line for `/join`: who joined, and when the welcome goes out (it is merged over the batch window,
 * so nothing shows at once), or why none will.
 */
export function joinNote(loaded: LoadedConfig, who: string, roomId: string, topic: string): string {
  const group = new GroupMatcher(loaded.config.groups).match(roomId, topic)
  const joined = `（${who} 入群「${topic}」`
  if (!group) return `${joined}；该群不受管理，不发欢迎）`
  const realname = loaded.groupSections.get(group.configName)?.realname as
    | { enabled: boolean; welcome: { enabled: boolean; batchWindow: number } }
    | undefined
  if (!realname?.enabled || !realname.welcome.enabled) return `${joined}；该群的欢迎语已关闭）`
  const window = formatDuration(realname.welcome.batchWindow)
  return `${joined}；欢迎语在 ${window} 后发出，期间入群的人合并成一条 welcome in ${window}, joins merged）`
}

function send(world: SandboxWorld, from: string, roomId: string, body: string): void {
  const where = { room: roomId }
  const file = /^\[文件\s+(\S+)\]$/.exec(body)
  const link = /^\[链接\s+(\S+)\s*(.*)\]$/.exec(body)
  if (body === '[图片]') world.send(from, where, { kind: 'image' })
  else if (body === '[红包]') world.send(from, where, { kind: 'redpacket' })
  else if (file) world.send(from, where, { kind: 'file', name: file[1] })
  else if (link) world.send(from, where, { kind: 'link', url: link[1], title: link[2] || link[1] })
  else world.say(from, where, body, { mentions: world.resolveMentions(roomId, body) })
}

function who(world: SandboxWorld, query: string, roomId?: string): string {
  return world.findContacts(query, roomId)[0] ?? world.findContacts(query)[0] ?? fail(`没有成员 ${query}`)
}

/** The member of group `roomId` named `query`; fails in Chinese when that group has nobody of the name. */
function memberOf(world: SandboxWorld, query: string, roomId: string): string {
  const id = who(world, query, roomId)
  if (!world.room(roomId).memberIdList.includes(id))
    fail(`${query} 不在「${world.room(roomId).topic}」里（/groups 列出各群的成员）`)
  return id
}

function name(world: SandboxWorld, id?: string): string {
  return world.contacts().find(c => c.id === id)?.name ?? id ?? '?'
}

/**
 * What the bot sent, as the console prints it: a text as it is; an image or a file by its name and, when the bot
 * wrote it (a chart, a digest, an export), where it is on this machine, to open it.
 */
export function describeSent(r: SentRecord, outputDir: string): string {
  if (r.kind === 'text' || r.kind === 'announce') return r.text ?? ''
  const written = r.fileName ? writtenFile(outputDir, r.fileName) : undefined
  return `[${r.kind}${r.fileName ? ` ${r.fileName}` : ''}${r.title ? ` ${r.title}` : ''}]${written ? ` → ${written}` : ''}`
}

/** The file named `name` the bot wrote under `outputDir` (the newest run's names are unique), if any. */
function writtenFile(outputDir: string, name: string): string | undefined {
  try {
    const found = readdirSync(outputDir, { recursive: true, encoding: 'utf8' }).find(f => basename(f) === name)
    return found === undefined ? undefined : join(outputDir, found)
  } catch {
    return undefined
  }
}

function fail(message: string): never {
  throw new Error(message)
}
