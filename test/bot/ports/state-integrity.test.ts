import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { docSpec, StateDamageError, StoreWriteError } from '../../../bot/ports/store/store.js'
import { OUTBOX_JOURNAL } from '../../../bot/runtime/delivery/outbox.js'
import { TIMERS_DOC } from '../../../bot/runtime/schedule/timers.js'
import { INCIDENTS_JOURNAL } from '../../../plugins/content/incidents/incident-journal.js'
import { recordingFs } from './recording-fs.js'

const tempDir = () => mkdtempSync(join(tmpdir(), 'state-integrity-'))
const stateFile = (dir: string, name: string) => join(dir, 'state', `${name}.json`)
function seed(dir: string, name: string, text: string): void {
  mkdirSync(join(dir, 'state'), { recursive: true })
  writeFileSync(stateFile(dir, name), text)
}
const refusal = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(StateDamageError)
    return (e as Error).message
  }
  throw new Error('expected a refusal')
}

/** A durable document shaped like the ledger before it became a journal (version 1). */
const LEDGER_DOC = docSpec({
  version: 1,
  schema: z.object({
    strikes: z.array(z.looseObject({ id: z.string() })),
    fines: z.array(z.looseObject({ id: z.string() })),
    next: z.number().int().positive(),
  }),
  defaults: () => ({ strikes: [] as { id: string }[], fines: [] as { id: string }[], next: 1 }),
  durable: true,
})

const SETTINGS = docSpec({
  version: 2,
  schema: z.object({ windowMinutes: z.number(), names: z.array(z.string()) }),
  defaults: () => ({ windowMinutes: 5, names: [] as string[] }),
  // Version 1 stored the window in seconds.
  migrations: {
    1: (old: { windowSeconds: number; names: string[] }) => ({
      windowMinutes: old.windowSeconds / 60,
      names: old.names,
    }),
  },
})

describe('versioned documents', () => {
  it('migrates an unversioned file (version 0) by filling new fields, and writes it back with its version', async () => {
    const dir = tempDir()
    seed(dir, 'ledger', JSON.stringify({ strikes: [], fines: [] }))
    const store = new FileStore(dir)
    const ledger = store.doc('ledger', LEDGER_DOC)
    expect(ledger.data).toEqual({ strikes: [], fines: [], next: 1 })
    ledger.changed()
    await store.flush()
    expect(JSON.parse(readFileSync(stateFile(dir, 'ledger'), 'utf8'))).toEqual({
      $version: 1,
      strikes: [],
      fines: [],
      next: 1,
    })
  })

  it('migrates a known older version step by step', () => {
    const dir = tempDir()
    seed(dir, 'settings', JSON.stringify({ $version: 1, windowSeconds: 600, names: ['张三'] }))
    expect(new FileStore(dir).doc('settings', SETTINGS).data).toEqual({ windowMinutes: 10, names: ['张三'] })
  })

  it('says in the log which files an older release wrote as it upgrades them, and nothing of current ones', () => {
    const dir = tempDir()
    seed(dir, 'settings', JSON.stringify({ $version: 1, windowSeconds: 600, names: ['张三'] }))
    seed(dir, 'current', JSON.stringify({ $version: 2, windowMinutes: 5, names: [] }))
    const lines: string[] = []
    const store = new FileStore(dir, { onUpgrade: line => lines.push(line) })
    store.doc('settings', SETTINGS)
    store.doc('current', SETTINGS)
    expect(lines).toEqual([
      '已升级旧版本写的状态 upgraded from an older release: state/settings.json version 1 → 2（下次写入时以新版本保存 written in version 2 from its next write）',
    ])
  })

  it('refuses a version newer than this release knows, names the file and leaves it as it is', () => {
    const dir = tempDir()
    const text = JSON.stringify({ $version: 3, windowMinutes: 1, names: [] })
    seed(dir, 'settings', text)
    const message = refusal(() => new FileStore(dir).doc('settings', SETTINGS))
    expect(message).toContain(
      'state written by a newer release, refusing to start): state/settings.json: version 3 is newer than this release knows (2)',
    )
    // Nothing is damaged: the hint is to run the newer release or restore the backup, and --accept-state-loss
    // (which would empty the records) is named only to warn against it.
    expect(message).toContain('start the release that wrote it, or a newer one, again')
    expect(message).toContain('Do not use --accept-state-loss')
    expect(message).not.toMatch(/状态文件损坏|moves the damaged file aside/)
    expect(readFileSync(stateFile(dir, 'settings'), 'utf8')).toBe(text)
  })

  it('refuses a damaged file with the restore hint, which no newer file among the problems takes away', () => {
    const damaged = new StateDamageError(['state/ledger.json: corrupt: not valid JSON'])
    expect(damaged.message).toContain('状态文件损坏，机器人拒绝启动 (state damaged, refusing to start)')
    // No `.damaged-*` copy exists before --accept-state-loss makes one: the hint must not send the user looking for it.
    expect(damaged.message).toContain('it moves the damaged file aside (renamed to `<file>.damaged-<time>`')
    expect(damaged.message).not.toContain('from the `.damaged-*` copy')
    const both = new StateDamageError([
      'state/timers.json: version 9 is newer than this release knows (1)',
      'state/ledger.json: corrupt: not valid JSON',
    ]).message
    expect(both).toContain('(state written by a newer release, refusing to start): state/timers.json')
    expect(both).toContain('另有损坏的文件 (also damaged): state/ledger.json: corrupt: not valid JSON')
  })
})

describe('damaged state is loud and named', () => {
  it('refuses a wrong-shape ledger (strikes not a list) with one line naming the file and the field', () => {
    const dir = tempDir()
    seed(dir, 'ledger', JSON.stringify({ strikes: { S1: {} }, fines: [], next: 2 }))
    const message = refusal(() => new FileStore(dir).doc('ledger', LEDGER_DOC))
    expect(message.split('\n')).toHaveLength(1)
    expect(message).toMatch(/state\/ledger\.json: wrong shape: strikes: .*array/)
  })

  it('refuses a wrong-shape outbox and a corrupt one, naming each', () => {
    const dir = tempDir()
    seed(dir, 'outbox', JSON.stringify({ queue: 'oops', seq: 1 }))
    expect(refusal(() => new FileStore(dir).journal('outbox', OUTBOX_JOURNAL))).toContain(
      'state/outbox.json: wrong shape: queue',
    )
    seed(dir, 'outbox', '{"queue": [')
    expect(refusal(() => new FileStore(dir).journal('outbox', OUTBOX_JOURNAL))).toContain(
      'state/outbox.json: corrupt: not valid JSON',
    )
  })

  it('refuses an outbox journal with a damaged line before its last, naming the line', () => {
    const dir = tempDir()
    new FileStore(dir).journal('outbox', OUTBOX_JOURNAL).append({ op: 'untake', at: 1, chat: 'room:r1' })
    const file = join(dir, 'state', 'outbox.jsonl')
    const [snapshot, record] = readFileSync(file, 'utf8').split('\n')
    writeFileSync(file, `${snapshot}\n{"op":"qu\n${record}\n`)
    expect(refusal(() => new FileStore(dir).journal('outbox', OUTBOX_JOURNAL))).toContain(
      'state/outbox.jsonl: corrupt: line 2 is not valid JSON',
    )
  })

  it('refuses wrong-shape content incidents (which made #状态 hang) instead of loading them', () => {
    const dir = tempDir()
    seed(dir, 'content-incidents', JSON.stringify({ next: 1, incidents: { V1: {} } }))
    expect(refusal(() => new FileStore(dir).journal('content-incidents', INCIDENTS_JOURNAL))).toContain(
      'state/content-incidents.json: wrong shape: incidents',
    )
  })

  it('with --accept-state-loss moves the damaged file aside, starts empty and warns', () => {
    const dir = tempDir()
    seed(dir, 'ledger', '{"strikes": [')
    const logged: string[] = []
    const store = new FileStore(dir, { acceptStateLoss: true, onWarning: w => logged.push(w) })
    expect(store.doc('ledger', LEDGER_DOC).data).toEqual({ strikes: [], fines: [], next: 1 })
    const aside = readdirSync(join(dir, 'state')).filter(f => f.startsWith('ledger.json.damaged-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, 'state', aside[0]), 'utf8')).toBe('{"strikes": [')
    expect(store.warnings).toEqual([
      expect.stringContaining(`state/ledger.json: corrupt: not valid JSON；已移至 state/${aside[0]}`),
    ])
    // The log (a WARN) names the file moved and where to, whole paths.
    expect(logged).toEqual([
      expect.stringContaining(
        `damaged state file moved aside: ${stateFile(dir, 'ledger')} → ${join(dir, 'state', aside[0])}`,
      ),
    ])
  })

  it('BOT_ACCEPT_STATE_LOSS=1 works like --accept-state-loss', () => {
    const dir = tempDir()
    seed(dir, 'ledger', 'garbage')
    process.env.BOT_ACCEPT_STATE_LOSS = '1'
    try {
      expect(new FileStore(dir).doc('ledger', LEDGER_DOC).data.strikes).toEqual([])
    } finally {
      delete process.env.BOT_ACCEPT_STATE_LOSS
    }
  })

  it('moves a damaged volatile document aside with a warning (nothing durable is lost)', () => {
    const dir = tempDir()
    const counters = docSpec({
      version: 1,
      schema: z.object({ n: z.number() }),
      defaults: () => ({ n: 0 }),
      volatile: true,
    })
    seed(dir, 'counters', '{"n": "many"}')
    const store = new FileStore(dir)
    expect(store.doc('counters', counters).data).toEqual({ n: 0 })
    expect(store.warnings[0]).toContain('state/counters.json: wrong shape: n')
  })

  it('refuses to start when a durable document it wrote before is missing (deleted ledger ≠ empty ledger)', async () => {
    const dir = tempDir()
    const first = new FileStore(dir)
    first.doc('ledger', LEDGER_DOC).changed()
    await first.flush()
    const { rmSync } = await import('node:fs')
    rmSync(stateFile(dir, 'ledger'))
    expect(refusal(() => new FileStore(dir))).toContain(
      'state/ledger.json: missing, although _manifest.json records it',
    )
    const accepted = new FileStore(dir, { acceptStateLoss: true })
    expect(accepted.warnings).toEqual([expect.stringContaining('state/ledger.json: missing')])
  })
})

describe('durability, file modes, temp files', () => {
  it('fsyncs a durable document, its folder and every audit log append; not a volatile document', async () => {
    const dir = tempDir()
    const { recorded, calls } = recordingFs()
    const store = new FileStore(dir, { fs: recorded })
    const volatile = docSpec({ version: 1, schema: z.object({}), defaults: () => ({}), volatile: true })
    calls.length = 0
    store.doc('ledger', LEDGER_DOC).changed()
    store.doc('counters', volatile).changed()
    store.append('audit', '2026-11-30', { id: 'A1' })
    await store.flush()
    const state = join(dir, 'state')
    expect(calls).toContain(`fsync ${join(dir, 'logs', 'audit', '2026-11-30.jsonl')}`)
    expect(calls).toContain(`fsync ${stateFile(dir, 'ledger')}.tmp-${process.pid}`)
    expect(calls).toContain(`fsync ${state}`)
    expect(calls.filter(c => c.includes('counters'))).toEqual([`rename ${stateFile(dir, 'counters')}`])
  })

  it('keeps state folders 0700 and files 0600, also fixing folders an older release left 0755', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'state'), { recursive: true, mode: 0o755 })
    const store = new FileStore(dir)
    store.doc('ledger', LEDGER_DOC).changed()
    store.append('audit', '2026-11-30', { id: 'A1' })
    await store.flush()
    const mode = (p: string) => statSync(p).mode & 0o777
    expect(mode(dir)).toBe(0o700)
    expect(mode(join(dir, 'state'))).toBe(0o700)
    expect(mode(join(dir, 'logs', 'audit'))).toBe(0o700)
    expect(mode(stateFile(dir, 'ledger'))).toBe(0o600)
    expect(mode(join(dir, 'logs', 'audit', '2026-11-30.jsonl'))).toBe(0o600)
  })

  it('a read-only data folder is a clear error at start, not a silent zombie', () => {
    const dir = tempDir()
    const readOnly = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })
    const { recorded } = recordingFs(op => (op === 'open' ? readOnly : undefined))
    expect(() => new FileStore(dir, { fs: recorded })).toThrow(StoreWriteError)
    expect(() => new FileStore(dir, { fs: recorded })).toThrow(/无法写入状态文件 \(cannot write state\) .*EROFS/)
  })

  it('a full disk fails the write by name, keeps the old file and leaves no temp file behind', async () => {
    const dir = tempDir()
    let full = false
    const noSpace = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    const { recorded } = recordingFs((op, path) =>
      full && op === 'write' && path.includes('ledger') ? noSpace : undefined,
    )
    const store = new FileStore(dir, { fs: recorded })
    const ledger = store.doc('ledger', LEDGER_DOC)
    await ledger.persist()
    full = true
    ledger.data.next = 5
    await expect(ledger.persist()).rejects.toThrow(/ledger\.json: ENOSPC/)
    expect(readdirSync(join(dir, 'state')).filter(f => f.includes('.tmp-'))).toEqual([])
    expect(JSON.parse(readFileSync(stateFile(dir, 'ledger'), 'utf8')).next).toBe(1)
  })

  it('removes temp files a crashed process left behind, not those of a live one (the bot beside a CLI export)', () => {
    const dir = tempDir()
    seed(dir, 'ledger', JSON.stringify({ strikes: [], fines: [], next: 1 }))
    const dead = spawnSync('true').pid
    const crashed = `${stateFile(dir, 'ledger')}.tmp-${dead}`
    const running = `${stateFile(dir, 'outbox')}.tmp-${process.ppid}`
    writeFileSync(crashed, 'x'.repeat(1000))
    writeFileSync(running, 'y')
    new FileStore(dir)
    expect(existsSync(crashed)).toBe(false)
    expect(existsSync(running)).toBe(true)
  })
})

describe('Timers without a payload across a restart', () => {
  it('reopens a timers document holding a timer that has no payload (a campaign reminder) instead of refusing', async () => {
    const dir = tempDir()
    const first = new FileStore(dir)
    const doc = first.doc('timers', TIMERS_DOC)
    doc.data.timers['campaign:remind:double12'] = {
      plugin: 'campaign',
      key: 'remind:double12',
      at: 1,
      payload: undefined,
    }
    await doc.persist()
    expect(new FileStore(dir).doc('timers', TIMERS_DOC).data.timers['campaign:remind:double12']).toMatchObject({
      key: 'remind:double12',
    })
  })
})
