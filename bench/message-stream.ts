/**
 * The benchmark's message mix, deterministic per seed: 70% Chinese text of
 * 5-80 characters (one in ten with an @-mention), 3% banned texts (ads, side
 * jobs, invoices), 2% commands, 2% "收到"/"已分享" replies, and images, links,
 * stickers, voice, files and videos.
 * Talkative members speak far more often than quiet ones; in customer groups
 * the company's staff write 40% of the messages (they answer the customers).
 * Media carry a small base64 file: a puppet service can serialise it to a
 * gRPC client (the sandbox's default buffer files it cannot: `FileBox.toJSON()`
 * refuses a buffer), so the bot's `toFileBox()` gets its answer over gRPC too.
 */
import { FileBox, type FileBoxInterface } from 'file-box'
import type { Content } from '../bot/sandbox/types.js'
import { createRng, type Rng } from './prng.js'
import type { BenchGroup, BenchWorld } from './synthetic-world.js'

/** One message a member sends into a group. */
export interface StreamMessage {
  from: string
  room: string
  content: Content
  mentions: string[]
}

const PHRASES = [
  '今天的客户拜访记录已经上传',
  '这个报价需要再确认一下',
  '张总那边说下周签合同',
  '净水器的安装时间约在周三下午',
  '大家注意一下月底的回款',
  '样品已经寄出，单号稍后发',
  '客户问有没有分期付款',
  '活动海报我改好了请看看',
  '明天上午九点开晨会',
  '这单折扣申请能批吗',
  '售后电话打不通，客户有点着急',
  '库存还剩二十台',
  '新品培训资料在群文件里',
  '老客户转介绍了一个新客户',
  '发票抬头需要改成公司全称',
  '合同模板用最新版的',
  '客户对滤芯价格有疑问',
  '周报请在周五前提交',
  '这个区域的竞品降价了',
  '请把客户需求整理成表格',
  '好的，我马上处理',
  '已经联系客户了',
  '谢谢大家的配合',
  '辛苦了',
  '没问题',
  '下午三点前回复',
  '请问这个型号还有货吗',
  '价格能再优惠一点吗',
  '什么时候可以上门安装',
  '水质检测报告发我一份',
]
const BANNED = [
  '加我微信领红包',
  '兼职刷单日赚五百',
  '代开发票找我',
  '私下转账更便宜',
  '无抵押贷款秒批',
  '网赌下注稳赚不赔',
  '全网最低价绝对有效',
]
const COMMANDS = ['#帮助', '#帮助', '#help', '#排期']
const ACKS = ['收到', '收到，马上处理', '收到！', '已分享']
const LINKS = [
  {
    url: 'https://example.com/promo/double12',
    title: '双十二净水器特惠｜直降600元',
    description: '前50名下单加赠滤芯一套',
  },
  { url: 'https://mp.weixin.qq.com/s/abc123', title: '家庭饮水安全的十个误区', description: '专家解读' },
  { url: 'https://example.com/case/2026', title: '客户案例：南宁某小区整体净水方案', description: '' },
  { url: 'https://shop.deal-now.cn/item/88', title: '限时秒杀，点击领取', description: '外部商城' },
]

/** A stand-in file of `name` that serialises over gRPC (one per name, shared by the messages). */
const files = new Map<string, FileBoxInterface>()
function mediaFile(name: string): FileBoxInterface {
  let file = files.get(name)
  if (!file) {
    file = FileBox.fromBase64(Buffer.from(`bench ${name}`).toString('base64'), name)
    files.set(name, file)
  }
  return file
}

/** Per-group speaker lists (built once), so each message costs O(1). */
interface GroupPool {
  group: BenchGroup
  ids: string[]
  aliases: (string | null)[]
}

/** A generator of `StreamMessage`s over the world's groups (bigger groups are not busier: groups are picked uniformly). */
export function messageStream(world: BenchWorld, seed = 7): () => StreamMessage {
  const rng = createRng(seed)
  const pools: GroupPool[] = world.groups.map(g => {
    const ids = Object.keys(g.members)
    return { group: g, ids, aliases: ids.map(id => g.members[id]) }
  })
  return () => {
    const pool = rng.pick(pools)
    const staff = pool.group.kind === 'customer' && rng.chance(0.4)
    const from = staff ? rng.pick(pool.group.staff) : pool.ids[rng.skewed(pool.ids.length)]
    const { content, mentions } = contentFor(rng, pool)
    return { from, room: pool.group.id, content, mentions }
  }
}

/** `n` messages of the stream, as a list. */
export function messageList(world: BenchWorld, n: number, seed = 7): StreamMessage[] {
  const next = messageStream(world, seed)
  return Array.from({ length: n }, next)
}

function contentFor(rng: Rng, pool: GroupPool): { content: Content; mentions: string[] } {
  const r = rng.next()
  if (r < 0.7) return text(rng, pool)
  if (r < 0.73) return { content: { kind: 'text', text: withBanned(rng) }, mentions: [] }
  if (r < 0.75) return { content: { kind: 'text', text: rng.pick(COMMANDS) }, mentions: [] }
  if (r < 0.77) return { content: { kind: 'text', text: rng.pick(ACKS) }, mentions: [] }
  if (r < 0.86) return { content: { kind: 'image', file: mediaFile('image.jpg') }, mentions: [] }
  if (r < 0.91) return { content: { kind: 'link', ...rng.pick(LINKS) }, mentions: [] }
  if (r < 0.95) return { content: { kind: 'emoticon', file: mediaFile('emoticon.gif') }, mentions: [] }
  if (r < 0.97) return { content: { kind: 'voice', file: mediaFile('voice.silk') }, mentions: [] }
  if (r < 0.99) {
    const name = rng.pick(['报价单.xlsx', '合同.pdf', '培训资料.pptx'])
    return { content: { kind: 'file', name, file: mediaFile(name) }, mentions: [] }
  }
  return { content: { kind: 'video', file: mediaFile('video.mp4') }, mentions: [] }
}

/** Chinese text of 5-80 characters; one in ten @-mentions a member by group nickname. */
function text(rng: Rng, pool: GroupPool): { content: Content; mentions: string[] } {
  const len = rng.int(5, 80)
  let s = ''
  while (s.length < len) s += rng.pick(PHRASES) + rng.pick(['，', '。', '！', '？', ''])
  s = s.slice(0, len)
  if (!rng.chance(0.1)) return { content: { kind: 'text', text: s }, mentions: [] }
  const i = rng.int(0, pool.ids.length - 1)
  const name = pool.aliases[i] ?? pool.ids[i]
  return { content: { kind: 'text', text: `@${name}\u2005${s}` }, mentions: [pool.ids[i]] }
}

function withBanned(rng: Rng): string {
  const term = rng.pick(BANNED)
  return rng.chance(0.5) ? `${term}，有意者私聊` : `${rng.pick(PHRASES)}，${term}`
}
