import { statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import { formatPath } from '../config/format-issues.js'
import { type FileRole, readUserFile } from '../config/user-file.js'

/** The transcript file, for messages about it. */
const TRANSCRIPT_FILE: FileRole = { zh: '回放记录文件', en: 'transcript file' }

/** A line's time, said with what was written (`"2026-12-01 10:05"` has no offset). */
const timeError = (issue: { input?: unknown }) =>
  `${issue.input === undefined ? '缺少时间' : `时间写的是 ${JSON.stringify(issue.input)}`}：应为带时区的 ISO 时间，` +
  '如 2026-11-30T09:00:00+08:00（expected an ISO time with an offset, such as 2026-11-30T09:00:00+08:00）'
const time = z
  .string({ error: timeError })
  .refine(s => /(Z|[+-]\d\d:?\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)), { error: timeError })
const kinds = [
  'text',
  'image',
  'file',
  'link',
  'miniprogram',
  'contact',
  'redpacket',
  'transfer',
  'voice',
  'video',
  'emoticon',
  'recalled',
] as const

const line = z.discriminatedUnion('type', [
  z
    .object({
      t: time,
      type: z.literal('message'),
      from: z.string(),
      group: z.string().optional(),
      text: z.string().default(''),
      kind: z.enum(kinds).default('text'),
      mentions: z.array(z.string()).default([]),
      mentionAll: z.boolean().default(false),
      quote: z.object({ id: z.string().optional(), text: z.string().optional() }).strict().optional(),
      url: z.string().optional(),
      title: z.string().optional(),
      description: z.string().optional(),
      fileName: z.string().optional(),
      amount: z.number().optional(),
      /** A transfer: whom it is to (a name or id), or, for the receipt its receiver sends, who paid it. */
      payee: z.string().optional(),
      payer: z.string().optional(),
      id: z.string().optional(),
      card: z.string().optional(),
    })
    .strict(),
  z
    .object({
      t: time,
      type: z.literal('join'),
      group: z.string(),
      members: z.array(z.string()).min(1),
      inviter: z.string().optional(),
    })
    .strict(),
  z
    .object({ t: time, type: z.literal('leave'), group: z.string(), member: z.string(), by: z.string().optional() })
    .strict(),
  z.object({ t: time, type: z.literal('rename'), group: z.string(), member: z.string(), alias: z.string() }).strict(),
  z
    .object({ t: time, type: z.literal('topic'), group: z.string(), topic: z.string(), by: z.string().optional() })
    .strict(),
  z.object({ t: time, type: z.literal('advance') }).strict(),
])

/**
 * One transcript line, validated, with its time in ms, its line number and, for a message whose `fileName`
 * names a file (see attachedFile), that file's path.
 */
export type TranscriptEvent = z.infer<typeof line> & { at: number; line: number; file?: string }

/** Kinds of message that carry a file: their `fileName` may name one on disk (see attachedFile). */
const FILE_KINDS = new Set<string>(['image', 'file', 'voice', 'video', 'emoticon'])

/**
 * The file a message line's `fileName` names, relative to the transcript's folder (or absolute), if it is
 * one: the message then carries its contents (an image's QR code is read). A bare name with no such file is
 * only a name (`朋友圈截图.jpg`: placeholder contents); a path (with a `/` or `\`) with none is a problem.
 */
function attachedFile(transcript: string, data: z.infer<typeof line>): { file?: string; problem?: string } | undefined {
  if (data.type !== 'message' || data.fileName === undefined || !FILE_KINDS.has(data.kind)) return undefined
  const file = resolve(dirname(transcript), data.fileName)
  if (isFile(file)) return { file }
  if (!/[/\\]/.test(data.fileName)) return undefined
  return { problem: `找不到文件 no such file: ${file}（相对回放文件所在的文件夹 relative to the transcript's folder）` }
}

/** True if path is a readable regular file. */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** A transcript that could not be read: every bad line as `file:line: field: message`. */
export class TranscriptError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

/**
 * Read a JSONL transcript (see docs/replay-format.md); lines must be in time order. A file that cannot be read
 * is a `UserFileError`, bad lines a `TranscriptError`.
 */
export function readTranscript(file: string): TranscriptEvent[] {
  const problems: string[] = []
  const events: TranscriptEvent[] = []
  readUserFile(file, TRANSCRIPT_FILE)
    .split('\n')
    .forEach((text, i) => {
      const n = i + 1
      if (!text.trim() || text.trimStart().startsWith('//')) return
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch (e) {
        problems.push(`${file}:${n}: 不是一行 JSON，每行应为一个 {…} 对象（not valid JSON: ${(e as Error).message}）`)
        return
      }
      const parsed = line.safeParse(json)
      if (!parsed.success) {
        problems.push(...parsed.error.issues.map(is => `${file}:${n}: ${formatPath(is.path)}: ${problemOf(is, json)}`))
        return
      }
      const at = Date.parse(parsed.data.t)
      const prev = events[events.length - 1]
      if (prev && at < prev.at)
        problems.push(
          `${file}:${n}: t: 比第 ${prev.line} 行早，各行要按时间先后排列（earlier than line ${prev.line}: lines must be in time order）`,
        )
      const attached = attachedFile(file, parsed.data)
      if (attached?.problem) problems.push(`${file}:${n}: fileName: ${attached.problem}`)
      events.push({ ...parsed.data, at, line: n, ...(attached?.file && { file: attached.file }) })
    })
  if (problems.length) throw new TranscriptError(problems)
  return events
}

/**
 * What is wrong, with the value the line has where a list of allowed values exists (a line's `type`, a
 * message's `kind`): the bad value and every allowed one, so the fix needs no other page.
 */
function problemOf(issue: z.core.$ZodIssue, json: unknown): string {
  const value = issue.path.reduce<unknown>(
    (at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
    json,
  )
  const list = (values: readonly unknown[]) => values.map(v => JSON.stringify(v)).join(', ')
  if (issue.code === 'invalid_union' && issue.discriminator && 'options' in issue && issue.options) {
    const allowed = `可用 allowed: ${list(issue.options)}`
    return value === undefined
      ? `缺少行类型 missing "${issue.discriminator}"; ${allowed}`
      : `未知的行类型 unknown line type ${JSON.stringify(value)}; ${allowed}`
  }
  if (issue.code === 'invalid_value' && value !== undefined)
    return `不允许的值 not allowed: ${JSON.stringify(value)}; 可用 allowed: ${list(issue.values)}`
  if (issue.code === 'unrecognized_keys' && issue.keys.includes('time'))
    return `${issue.message}; 时间字段是 "t" did you mean "t"?`
  return issue.message
}
