import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import type { Doc, Store } from './store.js'

/**
 * lowdb documents under `<dir>/state/*.json` and daily JSONL logs under
 * `<dir>/logs/<log>/<day>.jsonl`. lowdb rewrites a whole file per write, so
 * writes are coalesced: `changed()` only marks a document dirty, and `flush()`
 * (run on an interval and at shutdown) writes each dirty document once.
 */
export class FileStore implements Store {
  readonly warnings: string[] = []
  private docs = new Map<string, FileDoc<any>>()
  private pending = new Map<string, string[]>()

  constructor(private dir: string) {
    mkdirSync(join(dir, 'state'), { recursive: true })
    mkdirSync(join(dir, 'logs'), { recursive: true })
  }

  doc<T extends object>(name: string, defaults: () => T, opts: { volatile?: boolean } = {}): Doc<T> {
    const existing = this.docs.get(name)
    if (existing) return existing
    const file = join(this.dir, 'state', `${name}.json`)
    const d = new FileDoc<T>(file, this.load(file, defaults), opts.volatile ?? false)
    this.docs.set(name, d)
    return d
  }

  append(log: string, day: string, record: object): void {
    const file = join(this.dir, 'logs', log, `${day}.jsonl`)
    const lines = this.pending.get(file) ?? []
    this.pending.set(file, lines)
    lines.push(JSON.stringify(record))
  }

  readLog<R>(log: string, fromDay: string, toDay: string): R[] {
    const folder = join(this.dir, 'logs', log)
    const out: R[] = []
    const onDisk = existsSync(folder)
      ? readdirSync(folder)
          .filter(f => f.endsWith('.jsonl'))
          .map(f => f.slice(0, -6))
      : []
    const pending = [...this.pending.keys()]
      .filter(f => f.startsWith(`${folder}/`))
      .map(f => f.slice(folder.length + 1, -6))
    for (const day of [...new Set([...onDisk, ...pending])].filter(d => d >= fromDay && d <= toDay).sort()) {
      const file = join(folder, `${day}.jsonl`)
      const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
      for (const line of text.split('\n')) if (line.trim()) out.push(parseLine<R>(line))
      for (const line of this.pending.get(file) ?? []) out.push(JSON.parse(line))
    }
    return out
  }

  async flush(durableOnly = false): Promise<void> {
    for (const [file, lines] of this.pending) {
      if (!lines.length) continue
      mkdirSync(join(file, '..'), { recursive: true })
      appendFileSync(file, `${(endsTorn(file) ? '\n' : '') + lines.join('\n')}\n`)
      this.pending.set(file, [])
    }
    await Promise.all([...this.docs.values()].filter(d => !(durableOnly && d.volatile)).map(d => d.flush()))
  }

  private load<T>(file: string, defaults: () => T): T {
    if (!existsSync(file)) return defaults()
    const text = readFileSync(file, 'utf8')
    try {
      return { ...defaults(), ...JSON.parse(text) }
    } catch {
      const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
      renameSync(file, aside)
      this.warnings.push(`状态文件损坏，已移至 ${aside}，以空状态启动 (corrupt state file moved aside)`)
      return defaults()
    }
  }
}

/** True when a log file's last line was cut off (a crash mid-write): the next append starts a new line. */
function endsTorn(file: string): boolean {
  if (!existsSync(file)) return false
  const size = statSync(file).size
  if (!size) return false
  const fd = openSync(file, 'r')
  try {
    const last = Buffer.alloc(1)
    readSync(fd, last, 0, 1, size - 1)
    return last[0] !== 0x0a
  } finally {
    closeSync(fd)
  }
}

function parseLine<R>(line: string): R {
  try {
    return JSON.parse(line)
  } catch {
    return { corrupt: line } as R
  } // a torn last line after a crash
}

class FileDoc<T> implements Doc<T> {
  private db: Low<T>
  private dirty = false
  private writing: Promise<void> | null = null

  constructor(
    file: string,
    data: T,
    readonly volatile: boolean,
  ) {
    this.db = new Low<T>(new JSONFile<T>(file), data)
  }

  get data(): T {
    return this.db.data
  }
  set data(v: T) {
    this.db.data = v
    this.dirty = true
  }

  changed(): void {
    this.dirty = true
  }

  async persist(): Promise<void> {
    this.dirty = true
    await this.flush()
  }

  async flush(_durableOnly = false): Promise<void> {
    while (this.writing) await this.writing
    if (!this.dirty) return
    this.dirty = false
    this.writing = this.db.write().finally(() => {
      this.writing = null
    })
    await this.writing
  }
}
