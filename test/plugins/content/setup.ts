import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GroupRef, Member, MessageEvent } from '../../../bot/core/event.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { group, makeRuntime, member, text } from '../../helpers/harness.js'

/** Seconds, minutes and days in ms. */
export const SEC = 1000
export const MIN = 60 * SEC
export const DAY = 24 * 60 * MIN

/** The test dictionary (relative to the repository root, where vitest runs). */
export const DICTIONARY = 'test/plugins/content/fixtures/test-dictionary.yaml'

/** Config line: customers' contact solicitation in customer groups acts too (by default it only goes to the admins). */
export const CUSTOMERS_CONTACT = 'scope: { contact: { customer: everyone } }'
/** Insults and defamation checked for everyone in customer groups too (the default sends customers' to review). */
export const EVERYONE_INSULTS = 'scope: { insult: { customer: everyone }, defamation: { customer: everyone } }'

/** One group of each kind, as the runtime resolves them. */
export const sales = group('r-sales', '示例科技销售部工作群', 'internal', '销售部工作群')
export const cust = group('r-cust', '示例科技张三交流群', 'customer', '客户交流群')
export const cust2 = group('r-cust2', '示例科技李四交流群', 'customer', '客户交流群')
export const news = group('r-news', '示例科技公告群', 'broadcast', '公告群')

/** People: an admin, a leader, two staff members and two customers. */
export const admin = member('wxid_admin', '陈管理')
export const boss = member('wxid_boss', '王经理')
export const zhangsan = member('wxid_zhangsan', '张三')
export const wangwu = member('wxid_wangwu', '王五')
export const spammer = member('wxid_c3', '优惠多多')
export const customer = member('wxid_c1', '刘总')

/** Top-level config: a roster that binds the staff member 张三 (a quote carries a sender's name only). */
export const ROSTER = 'roster:\n  - { name: 张三, contactId: wxid_zhangsan }'

/**
 * Config text; `extra` is YAML indented under `plugins.content` (file watching is off unless `extra` sets `watch`),
 * `top` top-level YAML (ROSTER).
 */
export function config(extra = '', dictionaries = [DICTIONARY], top = ''): string {
  return `
${top}
company: 示例科技
roles: { admin: [wxid_admin], leader: [wxid_boss], staff: [wxid_zhangsan, wxid_wangwu] }
groups:
  - { name: 销售部工作群, topic: 示例科技销售部工作群, kind: internal }
  - { name: 客户交流群, topicPattern: "^示例科技.+交流群$", kind: customer }
  - { name: 公告群, topic: 示例科技公告群, kind: broadcast }
plugins:
  content:
    dictionaries: ${JSON.stringify(dictionaries)}
${/^watch:/m.test(extra) ? '' : '    watch: false'}
${extra
  .split('\n')
  .map(l => `    ${l}`)
  .join('\n')}
`
}

/**
 * A copy of the test dictionary in a fresh folder: what a runtime started with the default dictionary reads, so an
 * answer that writes back to it (`#忽略 R1 允许`, `#词库 添加`) never changes the fixture other tests read.
 */
function dictionaryCopy(): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'content-dict-')), 'test-dictionary.yaml')
  copyFileSync(DICTIONARY, copy)
  return copy
}

/**
 * A runtime with only the content plugin and the four groups populated; `edit` changes the config text first.
 * Without `dictionaries` it reads a copy of the test dictionary (see dictionaryCopy).
 */
export async function start(
  extra = '',
  dictionaries?: string[],
  sandboxed = false,
  top = '',
  edit = (yaml: string) => yaml,
) {
  const h = await makeRuntime(edit(config(extra, dictionaries ?? [dictionaryCopy()], top)), [contentPlugin], {
    sandboxed,
  })
  h.wechat.addGroup(sales, [admin, boss, zhangsan, wangwu])
  h.wechat.addGroup(cust, [zhangsan, customer, spammer])
  h.wechat.addGroup(cust2, [zhangsan, spammer])
  h.wechat.addGroup(news, [admin, zhangsan, customer])
  /** Post a message now (moves the clock by `gap` first so the outbox keeps up). */
  const post = async (
    from: Member,
    g: GroupRef | undefined,
    body: string,
    extra: Partial<MessageEvent> = {},
    gap = 10 * SEC,
  ) => {
    await h.clock.advance(gap)
    const ev = text(from, body, h.clock.now(), g, extra)
    await h.rt.handle(ev)
    return ev
  }
  /** Let the outbox send what is queued. */
  const drain = () => h.clock.advance(MIN)
  /** Audit entries of this plugin, oldest first. */
  const audit = () => h.rt.audit.query({ plugin: 'content', days: 60, limit: 1000 }).reverse()
  return { ...h, post, drain, audit }
}
