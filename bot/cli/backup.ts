import {
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { once } from 'node:events'
import { createGunzip, createGzip } from 'node:zlib'
import { DATA_FOLDER, readEnv } from '../env.js'
import { type FileRole, fileProblem, outputFileProblem, UserFileError } from '../config/user-file.js'
import { defineCli, UsageError } from './args.js'
import { LOCK_FILE, ensurePrivateDir, processAlive } from '../process/data-lock.js'
import { BACKUP_MARKER, markerText } from '../process/backup-marker.js'
import { HEALTH_FILE } from '../process/health-file.js'
import { FLUSH_REQUEST, requestFlush } from '../process/flush-request.js'

const BACKUP_CLI = defineCli({
  usage: 'usage: backup FILE [--data DIR]',
  options: { data: { type: 'string' } },
  positionals: { min: 1, max: 1, name: 'FILE' },
})
const RESTORE_CLI = defineCli({
  usage: 'usage: restore FILE --into DIR',
  options: { into: { type: 'string' } },
  positionals: { min: 1, max: 1, name: 'FILE' },
})

/** First line of every backup file (inside the gzip stream). */
const MAGIC = 'group-guard-backup 1'

/** What a backup or restore moved. */
export interface BackupSummary {
  files: number
  bytes: number
  /** A live bot held the folder (a backup only). */
  running?: boolean
  /** It wrote its state when asked, before the copy (a backup of a running bot only). */
  flushed?: boolean
}

/** The archive's anchor log in the data folder (`logs/archive-anchors/<day>.jsonl`). */
const ANCHOR_LOG = /(^|\/)logs\/archive-anchors\//

/**
 * Copy order, so a copy taken while the bot runs restores into a working state: the archive's anchor log first (each
 * anchor names a size its segment only grows past, so the segments copied after it verify against it), the index's
 * `meta.log.jsonl` and `meta.json`, then its posting segments, then its doc table (each entry's line was written
 * before the entry), then everything else, with the archive's `chats.log.jsonl` and `chats.json` last (a chat is
 * named before its first line). A log before its snapshot: a compaction in between leaves a newer snapshot, which
 * tells which of the log's entries it includes. Documents are replaced by atomic renames, so each is copied whole;
 * append-only files are copied up to their size when reached (a torn last line is skipped by their readers; the
 * archive index catches up on lines it lacks when it opens). The anchor log is copied again at the very end, as
 * listed then ({@link writeBackup}): a retention purge that ran during the copy recorded the files it deleted there
 * (`purged`) before deleting them, so a file missing from the copy has its record in it; the later copy of a log
 * file replaces the first when restored (it only grew; more anchors are harmless).
 */
export function copyOrder(paths: readonly string[]): string[] {
  return [...paths].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
}

function rank(path: string): number {
  if (ANCHOR_LOG.test(path)) return -1
  if (/(^|\/)archive\/index\/meta\.log\.jsonl$/.test(path)) return 0
  if (/(^|\/)archive\/index\/meta\.json$/.test(path)) return 1
  if (/(^|\/)archive\/index\/[^/]+\.aix$/.test(path)) return 2
  if (/(^|\/)archive\/index\/docs\.bin$/.test(path)) return 3
  if (/(^|\/)archive\/chats\.log\.jsonl$/.test(path)) return 5
  if (/(^|\/)archive\/chats\.json$/.test(path)) return 6
  return 4
}

/** The anchor log's files under `dataDir` as they are now (relative paths), for the copy's last pass. */
function anchorLogFiles(dataDir: string): string[] {
  return existsSync(join(dataDir, 'logs', 'archive-anchors')) ? listFiles(dataDir, 'logs/archive-anchors').sort() : []
}

/**
 * Regular files under `dir` (relative, `/`-separated), without the lock, temporary files, the health file (what a
 * running process last wrote about itself: a restored folder has no such process) and an earlier backup's marker.
 */
function listFiles(dir: string, under = ''): string[] {
  const out: string[] = []
  for (const e of readdirSync(join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${e.name}` : e.name
    if (e.isDirectory()) out.push(...listFiles(dir, rel))
    else if (e.isFile() && e.name !== LOCK_FILE && !e.name.endsWith('.tmp') && !TRANSIENT.has(rel)) out.push(rel)
  }
  return out
}

/** The health file and the backup marker, in the data folder or its sandbox folder. */
const TRANSIENT: ReadonlySet<string> = new Set(
  [HEALTH_FILE, BACKUP_MARKER, FLUSH_REQUEST, `${FLUSH_REQUEST}.taken`].flatMap(f => [f, `sandbox/${f}`]),
)

/** Whether a live process holds the folder's lock (the bot runs on it). */
function heldByLiveBot(dataDir: string): boolean {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, LOCK_FILE), 'utf8'), 10)
    return Number.isInteger(pid) && pid > 0 && processAlive(pid)
  } catch {
    return false
  }
}

/**
 * Write a backup of the whole data folder (documents, logs, the message archive with its index and
 * kept media, output files) to `file`: one gzip stream of a header line, then per file a JSON line
 * (`path`, `size`, `mode`) and its bytes, then an end line with the count. Written to `<file>.tmp`,
 * fsynced and renamed, so a backup file is whole or absent. Safe while the bot runs (see {@link copyOrder}).
 */
export async function writeBackup(
  dataDir: string,
  file: string,
  opts: { flushWaitMs?: number } = {},
): Promise<BackupSummary> {
  const running = heldByLiveBot(dataDir)
  // A running bot writes its state first (the volatile documents too), so the copy is as fresh as it can be.
  const flushed = running && (await requestFlush(dataDir, HEALTH_FILE, opts.flushWaitMs ?? FLUSH_WAIT_MS))
  const takenAt = Date.now()
  const paths = copyOrder(listFiles(dataDir))
  const tmp = `${file}.tmp`
  mkdirSync(dirname(resolve(file)), { recursive: true })
  const gzip = createGzip()
  const sink = createWriteStream(tmp, { mode: 0o600 })
  gzip.pipe(sink)
  const put = async (chunk: Buffer | string) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain')
  }
  await put(`${MAGIC}\n`)
  // Each file's size as copied last (an anchor log file is copied twice; its later copy is what a restore keeps).
  const sizes = new Map<string, number>()
  let entries = 0
  const copy = async (path: string) => {
    const full = join(dataDir, path)
    let fd: number
    try {
      fd = openSync(full, 'r')
    } catch {
      return // deleted meanwhile (a purge, a temporary document)
    }
    try {
      const st = statSync(full)
      const size = st.size // an append-only file is copied up to here
      await put(`${JSON.stringify({ path, size, mode: st.mode & 0o777 })}\n`)
      const buf = Buffer.alloc(Math.min(size, 1 << 20))
      for (let done = 0; done < size; ) {
        const n = readSync(fd, buf, 0, Math.min(buf.length, size - done), done)
        if (!n) {
          await put(Buffer.alloc(size - done)) // shrank meanwhile: never happens to append-only files
          break
        }
        await put(Buffer.from(buf.subarray(0, n)))
        done += n
      }
      entries++
      sizes.set(path, size)
    } finally {
      closeSync(fd)
    }
  }
  for (const path of paths) await copy(path)
  for (const path of anchorLogFiles(dataDir)) await copy(path)
  // Last, a file the restored folder gets and the data folder never had: the first start on it reads it.
  const marker = Buffer.from(markerText({ takenAt, running }))
  await put(`${JSON.stringify({ path: BACKUP_MARKER, size: marker.length, mode: 0o600 })}\n`)
  await put(marker)
  entries++ // in the end line's count, not in the summary: it is no file of the data folder
  await put(`${JSON.stringify({ end: true, files: entries })}\n`)
  gzip.end()
  await once(sink, 'close')
  const fd = openSync(tmp, 'r')
  fsyncSync(fd)
  closeSync(fd)
  renameSync(tmp, file)
  return { ...sizesSummary(sizes), ...(running ? { running: true, flushed } : {}) }
}

/** How long a backup waits for the running bot to write its state (it looks for the request every half second). */
const FLUSH_WAIT_MS = 10_000

/** Files and bytes of a copy, each file counted once at its last size. */
function sizesSummary(sizes: ReadonlyMap<string, number>): BackupSummary {
  let bytes = 0
  for (const n of sizes.values()) bytes += n
  return { files: sizes.size, bytes }
}

/** A backup that cannot be restored (not a backup, truncated, or naming a path outside the folder). */
export class BackupError extends Error {}

/**
 * Restore a backup into `into`, which must not exist or be empty (a restore never mixes with other
 * state). Refuses paths that would leave the folder. Files get their modes back (at most 0600, the
 * folder 0700). Throws `BackupError` when the file is damaged; the partial folder is then removed.
 */
export async function restoreBackup(file: string, into: string): Promise<BackupSummary> {
  if (existsSync(into) && readdirSync(into).length)
    throw new BackupError(`${into} 不是空文件夹：请恢复到一个新文件夹（not empty: restore into a new folder）`)
  ensurePrivateDir(into)
  const root = resolve(into)
  // A path that comes again (the anchor log's last pass) replaces its first copy: counted once, at its last size.
  const sizes = new Map<string, number>()
  let entries = 0
  let buf: Buffer = Buffer.alloc(0)
  let state: 'magic' | 'header' | 'body' | 'end' = 'magic'
  let current: { fd: number; left: number } | undefined
  try {
    for await (const chunk of createReadStream(file).pipe(createGunzip())) {
      buf = buf.length ? Buffer.concat([buf, chunk as Buffer]) : (chunk as Buffer)
      for (;;) {
        if (state === 'body' && current) {
          const n = Math.min(current.left, buf.length)
          if (n) writeSync(current.fd, buf, 0, n)
          buf = buf.subarray(n)
          current.left -= n
          if (current.left) break
          fsyncSync(current.fd)
          closeSync(current.fd)
          current = undefined
          state = 'header'
          continue
        }
        const nl = buf.indexOf(0x0a)
        if (nl < 0) break
        const line = buf.subarray(0, nl).toString('utf8')
        buf = buf.subarray(nl + 1)
        if (state === 'magic') {
          if (line !== MAGIC) throw new BackupError(`${file} 不是群管家的备份文件（not a group-guard backup）`)
          state = 'header'
          continue
        }
        if (state === 'end') throw new BackupError(`${file} 已损坏：结尾之后还有数据（damaged: data after its end）`)
        const h = JSON.parse(line) as EntryHeader
        if (h.end) {
          if (h.files !== entries)
            throw new BackupError(`${file} 已损坏：只有 ${entries} 个文件，应有 ${h.files} 个（damaged）`)
          state = 'end'
          continue
        }
        current = openEntry(root, file, h)
        entries++
        if (h.path !== BACKUP_MARKER) sizes.set(h.path ?? '', h.size ?? 0)
        state = 'body'
      }
    }
    if (state !== 'end') throw new BackupError(`${file} 不完整：只读到 ${entries} 个文件就结束了（damaged: truncated）`)
    return sizesSummary(sizes)
  } catch (e) {
    if (current) closeSync(current.fd)
    rmSync(root, { recursive: true, force: true })
    throw e instanceof BackupError ? e : new BackupError(`${file} 已损坏（damaged）：${(e as Error).message}`)
  }
}

/** One header line of a backup: a file that follows (path, size, mode), or the end with the number of files. */
interface EntryHeader {
  path?: string
  size?: number
  mode?: number
  end?: boolean
  files?: number
}

/** Create the file a header names under `root` (mode at most 0600); a path that would leave the folder is refused. */
function openEntry(root: string, file: string, h: EntryHeader): { fd: number; left: number } {
  const target = resolve(root, h.path ?? '')
  const outside =
    !h.path || isAbsolute(h.path) || !target.startsWith(root + sep) || relative(root, target).split(sep).includes('..')
  if (outside) throw new BackupError(`${file} 含有恢复文件夹以外的路径（a path outside the folder）：${h.path}`)
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 })
  return { fd: openSync(target, 'w', (h.mode ?? 0o600) & 0o600), left: h.size ?? 0 }
}

/** A backup file, for messages about it. */
const BACKUP_FILE: FileRole = { zh: '备份文件', en: 'backup file' }
/** The folder `restore --into DIR` names. */
const RESTORE_FOLDER: FileRole = { zh: '--into 指定的位置', en: 'the --into path' }

/** `backup <file> [--data DIR]`: the whole data folder (default `BOT_DATA_DIR`) into one file; works while the bot runs. */
export async function backupCommand(argv: string[]): Promise<number> {
  const args = BACKUP_CLI.parse(argv)
  if (args instanceof UsageError) return args.report(process.stderr)
  const [file] = args.positionals
  const dataDir = args.values.data ? resolve(args.values.data) : readEnv().dataDir
  const problem =
    fileProblem(dataDir, DATA_FOLDER, 'folder') || outputFileProblem(file, BACKUP_FILE, { createsFolder: true })
  if (problem) return new UserFileError(problem).report(process.stderr)
  if (process.env.BOT_DATABASE_URL)
    process.stderr.write(
      '注意：设置了 BOT_DATABASE_URL，PostgreSQL 里的文档、日志和消息存档不在这个备份里，请另用 pg_dump 备份（not in this file: use pg_dump）\n',
    )
  const s = await writeBackup(dataDir, file)
  if (s.running)
    process.stderr.write(
      s.flushed
        ? '机器人正在运行：已先让它写入状态再复制（the running bot wrote its state first）\n'
        : '机器人正在运行但没有回应写入请求（旧版本或无响应）：按原样复制，恢复后如同在备份时刻崩溃（the running bot did not answer: copied as it was）\n',
    )
  process.stderr.write(
    `已备份 ${dataDir} 的 ${s.files} 个文件（${(s.bytes / 2 ** 20).toFixed(1)} MB）到 ${file}（backed up）\n`,
  )
  return 0
}

/** `restore FILE --into DIR`: a backup into a new folder; start the bot with `BOT_DATA_DIR=DIR`. */
export async function restoreCommand(argv: string[]): Promise<number> {
  const args = RESTORE_CLI.parse(argv)
  if (args instanceof UsageError) return args.report(process.stderr)
  const [file] = args.positionals
  const into = args.values.into
  if (!into)
    return RESTORE_CLI.error('缺少 --into DIR：恢复到哪个新文件夹（missing --into DIR）').report(process.stderr)
  const problem = fileProblem(file, BACKUP_FILE) || (existsSync(into) && fileProblem(into, RESTORE_FOLDER, 'folder'))
  if (problem) return new UserFileError(problem).report(process.stderr)
  try {
    const s = await restoreBackup(file, into)
    process.stderr.write(
      `已恢复 ${s.files} 个文件（${(s.bytes / 2 ** 20).toFixed(1)} MB）到 ${into}（restored）；用 BOT_DATA_DIR=${resolve(into)} 启动机器人\n`,
    )
    return 0
  } catch (e) {
    if (!(e instanceof BackupError)) throw e
    process.stderr.write(`❌ ${e.message}\n`)
    return 1
  }
}
