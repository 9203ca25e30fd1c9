import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileProblem, UserFileError } from '../config/user-file.js'

/** Marks a folder as a replay's own: the next replay into it may empty it. */
const MARKER = '.group-guard-replay'
/** The sub-folder the bot writes its files into (charts, digests, received media). */
const OUTPUT = 'output'

/** The output folder is not one a replay made: it is left alone. */
export class OutputFolderError extends Error {}

/**
 * Make `dir` ready for a replay: created when missing, emptied when an earlier replay wrote it (its marker, or
 * nothing but the bot's `output/` folder), so what is listed afterwards is this run's files only. Any other
 * folder is refused rather than emptied.
 */
export function prepareOutputFolder(dir: string): void {
  const notFolder = existsSync(dir) && fileProblem(dir, { zh: '--out 指定的位置', en: 'the --out path' }, 'folder')
  if (notFolder) throw new UserFileError(notFolder)
  mkdirSync(dir, { recursive: true })
  const entries = readdirSync(dir)
  const ours = entries.includes(MARKER) || entries.every(e => e === OUTPUT)
  if (!ours)
    throw new OutputFolderError(
      `输出文件夹 ${dir} 里有别的文件，回放不会清空它；请用 --out 指定一个新的或回放用过的文件夹 (the output folder holds files a replay did not write)`,
    )
  for (const e of entries) rmSync(join(dir, e), { recursive: true, force: true })
  writeFileSync(join(dir, MARKER), 'Written by `group-guard replay`: the next replay into this folder empties it.\n')
}

/** Files the bot wrote during the replay, relative to `dir`. */
export function outputFiles(dir: string): string[] {
  const output = join(dir, OUTPUT)
  if (!existsSync(output)) return []
  return readdirSync(output, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort()
}
