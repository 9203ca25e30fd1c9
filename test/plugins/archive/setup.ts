import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { MessageEvent } from '../../../bot/core/event.js'
import type { ArchiveCliEnv } from '../../../plugins/archive/cli/cli-env.js'
import { runArchiveCli } from '../../../plugins/archive/cli/export-command.js'
import type { ArchiveBackend } from '../../../plugins/archive/store/backend.js'
import { FileArchive } from '../../../plugins/archive/store/file-backend.js'
import { createArchivePlugin } from '../../../plugins/archive/index.js'
import type { ArchiveRecord } from '../../../plugins/archive/capture/record.js'
import { PgArchive } from '../../../plugins/archive/store/pg-backend.js'
import { PgStore } from '../../../bot/ports/postgres/pg-store.js'
import { group, makeRuntime, member, type RuntimeOptions, text } from '../../helpers/harness.js'
import { TEST_STORE, testStore } from '../../helpers/test-store.js'

/** Config with one internal and one customer group, an admin and an auditor. */
export const CONFIG = `
company: 示例科技
roles: { admin: [admin1], auditor: [aud1], staff: [zhang, li] }
groups:
  - { name: 销售群, topic: 销售部工作群, kind: internal }
  - { name: 客户群, topic: 张三交流群, kind: customer }
`
export const sales = group('r-sales', '销售部工作群', 'internal', '销售群')
export const customers = group('r-cust', '张三交流群', 'customer', '客户群')
export const zhang = member('zhang', '张三')
export const li = member('li', '李四', '李四-南宁')
export const customer = member('c1', '刘总')
export const admin = member('admin1', '陈管理')
export const auditor = member('aud1', '王审计')

/** A fresh archive folder. */
export function tempArchiveDir(): string {
  return mkdtempSync(join(tmpdir(), 'archive-test-'))
}

/**
 * A runtime with the archive plugin over a `FileArchive` in a temp folder (or the given back end); under
 * `npm run test:pg` (BOT_TEST_STORE=pg) over the `PgArchive` of the runtime's PostgreSQL store instead.
 */
export async function setup(
  opts: { config?: string; dir?: string; backend?: ArchiveBackend; groups?: RuntimeOptions['groups'] } = {},
) {
  const dir = opts.dir ?? tempArchiveDir()
  const { backend, store, settle } = opts.backend
    ? { ...tracked(opts.backend), store: undefined }
    : await testArchive(opts.dir)
  const plugin = createArchivePlugin({ backend: () => backend })
  // Its own output folder: the daily purge deletes old export files there, never another test's.
  const outputDir = mkdtempSync(join(tmpdir(), 'archive-output-'))
  const h = await makeRuntime(opts.config ?? CONFIG, [plugin], {
    ...(store && { store }),
    groups: opts.groups,
    outputDir,
  })
  /** Deliver a message now (as `from`, in `g` or privately) and let the outbox send replies. */
  const say = async (from: typeof zhang, body: string, g?: typeof sales, extra: Partial<MessageEvent> = {}) => {
    const ev = text(from, body, h.clock.now(), g, extra)
    await h.rt.enqueue(ev) // through the event queue, as the Wechaty wiring delivers it
    await settle()
    await h.clock.advance(10_000)
    await settle()
    return ev
  }
  /** Every record of a chat, in stored order. */
  const records = async (chat: string, from = '2000-01-01', to = '2999-12-31') => {
    await h.rt.queue.push(async () => {}) // jobs queued by a clock move (the daily purge) have run
    await settle()
    const out: ArchiveRecord[] = []
    for await (const seg of backend.scan({ chats: [chat], from, to })) out.push(...seg.records)
    return out
  }
  const to = (chat: string) => h.wechat.textsTo(chat).join('\n')
  return { ...h, dir, outputDir, backend, say, records, to }
}

/**
 * The archive back end of the test run, with `settle()`: a `FileArchive` in `dir` (or a temp folder), or under
 * `npm run test:pg` without `dir` the `PgArchive` of a fresh PostgreSQL store, to build the runtime on.
 */
export async function testArchive(dir?: string) {
  const store = TEST_STORE === 'pg' && !dir ? await testStore() : undefined
  const inner =
    store instanceof PgStore ? new PgArchive(store.db, store.account) : new FileArchive(dir ?? tempArchiveDir())
  return { ...tracked(inner), store }
}

/** The `PgArchive` of `store` (as the plugin makes it in fleet mode), with `settle()` as `testArchive` gives it. */
export function pgArchiveOf(store: PgStore) {
  return tracked(new PgArchive(store.db, store.account))
}

/**
 * The back end with its calls in flight tracked: `settle()` resolves once the archiver's writes behind the
 * event queue are done (the file back end writes at once; PostgreSQL takes round trips).
 */
function tracked(inner: ArchiveBackend): { backend: ArchiveBackend; settle: () => Promise<void> } {
  const inflight = new Set<Promise<unknown>>()
  const backend = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver)
      if (typeof value !== 'function' || key === 'scan') return typeof value === 'function' ? value.bind(target) : value
      return (...args: unknown[]) => {
        const out = value.apply(target, args)
        if (out instanceof Promise) {
          inflight.add(out)
          void out.catch(() => {}).finally(() => inflight.delete(out))
        }
        return out
      }
    },
  })
  // Bounded: a test's back end may never answer (a stuck disk): a call pending for a second is given up on.
  const settle = async () => {
    const until = Date.now() + 1_000
    do {
      await Promise.race([Promise.allSettled([...inflight]), new Promise(r => setTimeout(r, 100))])
      await new Promise(r => setTimeout(r, 0))
    } while (inflight.size && Date.now() < until)
    inflight.clear()
  }
  return { backend, settle }
}

/**
 * Run the `archive` command line (`export`, `verify`) over `env` as `bot/cli/archive.ts` runs it: Shanghai time, as
 * `cli:tester` at 2026-12-01 10:00 unless `env` says otherwise; what it writes to stdout and stderr and what it
 * audits are collected.
 */
export async function runCli(argv: string[], env: Partial<ArchiveCliEnv> & Pick<ArchiveCliEnv, 'backend'>) {
  let out = ''
  let err = ''
  const audited: string[] = []
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        add(String(chunk))
        done()
      },
    })
  const code = await runArchiveCli(argv, {
    timezone: 'Asia/Shanghai',
    who: 'cli:tester',
    now: Date.parse('2026-12-01T02:00:00Z'),
    audit: async text => {
      audited.push(text)
    },
    ...env,
    out: sink(s => {
      out += s
    }),
    err: sink(s => {
      err += s
    }),
  })
  return { code, out, err, audited }
}
