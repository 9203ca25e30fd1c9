import { createReadStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { defineCli, UsageError } from '../../../bot/cli/args.js'
import { type FileRole, UserFileError, userFile } from '../../../bot/config/user-file.js'
import { BUILTIN_DEFAULT, dictionaryFile, shippedFirstHint } from '../config.js'
import {
  DictionaryError,
  type DictionaryProblem,
  compileMatcher,
  loadDictionaryFiles,
  type Matcher,
  warningText,
  withoutNestedHits,
} from '../matcher/index.js'

/** Exit code when the command cannot run (bad arguments, bad dictionary, unreadable input). */
const EXIT_FAILURE = 1
const CLI = defineCli({
  usage: 'usage: check --dictionary FILE [--dictionary FILE2 ...] --input FILE.jsonl',
  options: { dictionary: { type: 'string', multiple: true }, input: { type: 'string' } },
  // 2 already means "some input lines were malformed"
  exitCode: EXIT_FAILURE,
})
/** Exit code when some input lines were malformed (the others were still checked). */
const EXIT_BAD_LINES = 2

/** What leads a dictionary warning on the command line. */
export const WARNING_LEAD = '⚠️ 词库提示 warning: '

/** A dictionary file named with `--dictionary`, for messages about it. */
export const DICTIONARY_FILE: FileRole = {
  zh: '词库文件',
  en: 'dictionary file',
  hint: `自带词库写 ${BUILTIN_DEFAULT} name the shipped dictionary ${BUILTIN_DEFAULT}`,
}

/**
 * The files named with `--dictionary` ({@link BUILTIN_DEFAULT} = the shipped file, other names as written,
 * relative to the working directory), or what is wrong with one.
 */
export function dictionaryArgs(names: string[]): string[] | { problem: string } {
  const files: string[] = []
  for (const name of names) {
    const file = dictionaryFile(name, p => p)
    if (typeof file !== 'string') return file
    files.push(file)
  }
  return files
}

/**
 * The fix for dictionary problems that the shipped dictionary completes ({@link shippedFirstHint}) when it was not
 * given: pass it first. `''` when it does not apply.
 */
export function missingDefaultHint(files: string[], problems: readonly DictionaryProblem[]): string {
  const hint = shippedFirstHint(files, problems, `--dictionary ${BUILTIN_DEFAULT} --dictionary ${files.at(-1)}`)
  return hint && `${hint}\n`
}

const INPUT_FILE: FileRole = { zh: '待检查的消息文件', en: 'input file' }

/**
 * `check --dictionary FILE [--dictionary FILE2] --input FILE.jsonl`: checks every {"id","text"} line
 * and writes one JSON line {"id","categories","matches"} per input line to `out`. Problems go to `err`.
 * Returns 0, EXIT_BAD_LINES (2) if some lines were malformed, or EXIT_FAILURE (1) if it could not run.
 */
export async function runCheck(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const parsed = CLI.parse(argv)
  if (parsed instanceof UsageError) return parsed.report(err)
  const { dictionary: names = [], input } = parsed.values
  if (names.length === 0 || !input)
    return CLI.error('缺少 --dictionary 或 --input（--dictionary and --input are required）').report(err)
  const dictionaries = dictionaryArgs(names)
  if (!Array.isArray(dictionaries)) return CLI.error(dictionaries.problem).report(err)
  try {
    for (const file of dictionaries) userFile(file, DICTIONARY_FILE)
    userFile(input, INPUT_FILE)
  } catch (e) {
    if (e instanceof UserFileError) return e.report(err)
    throw e
  }
  let matcher: Matcher
  try {
    const { dictionary, warnings } = loadDictionaryFiles(dictionaries)
    for (const warning of warnings) err.write(`${WARNING_LEAD}${warningText(warning)}\n`)
    matcher = compileMatcher(dictionary)
  } catch (error) {
    if (!(error instanceof DictionaryError)) throw error
    err.write(`${error.message}\n${missingDefaultHint(dictionaries, error.problems)}`)
    return EXIT_FAILURE
  }
  return checkLines(input, matcher, out, err)
}

/** Checks the JSONL input line by line; malformed lines are reported as "file:line: problem". */
async function checkLines(
  input: string,
  matcher: Matcher,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const lines = createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity })
  let lineNumber = 0
  let badLines = 0
  try {
    for await (const line of lines) {
      lineNumber++
      if (line.trim() === '') continue
      const message = parseMessage(line)
      if (typeof message === 'string') {
        err.write(`${input}:${lineNumber}: ${message}\n`)
        badLines++
        continue
      }
      // Every match says how it was found (kind) and whether it only goes to the admins for review; a hit inside
      // a longer one of its category is that one's (see withoutNestedHits), as the bot shows it.
      const matches = withoutNestedHits(matcher.scan(message.text)).map(m => ({
        ...m,
        reviewOnly: m.reviewOnly === true,
      }))
      const categories = [...new Set(matches.map(m => m.category))].sort()
      const result = { id: message.id, categories, matches }
      if (!out.write(`${JSON.stringify(result)}\n`)) await once(out, 'drain')
    }
  } catch (error) {
    err.write(`${input}: cannot read input: ${(error as Error).message}\n`)
    return EXIT_FAILURE
  }
  if (badLines === 0) return 0
  err.write(`${badLines} 行格式不对，没有检查；${LINE_FORMAT}（${badLines} malformed line(s) skipped）\n`)
  return EXIT_BAD_LINES
}

/** What every input line must be, said once after the malformed lines. */
const LINE_FORMAT = '每行一个 JSON 对象，如 {"id": "1", "text": "要检查的话"}'

/** The {id, text} of a JSONL line, or what is wrong with it. */
function parseMessage(line: string): { id: string | number; text: string } | string {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return `不是 JSON（invalid JSON: ${(error as Error).message}）`
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return '应为 JSON 对象 {"id", "text"}（expected an object {"id", "text"}）'
  const { id, text } = value as { id?: unknown; text?: unknown }
  if (typeof id !== 'string' && typeof id !== 'number')
    return '"id" 应为文本或数字（expected "id" to be a string or a number）'
  if (typeof text !== 'string') return '缺少 "text" 或不是文本（expected "text" to be a string）'
  return { id, text }
}
