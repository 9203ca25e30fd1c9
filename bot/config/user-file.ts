import { accessSync, constants, readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/**
 * What a file or folder a person names is, for messages: its Chinese and English names, and what to do when it
 * is missing (default: check the path).
 */
export interface FileRole {
  zh: string
  en: string
  hint?: string
}

/** A file or folder a person named (on the command line or in the config) that cannot be used: one line. */
export class UserFileError extends Error {
  /** Write the one line to `err` (no stack: the line says which file and what to do); returns exit code 1. */
  report(err: NodeJS.WritableStream): number {
    err.write(`❌ ${this.message}\n`)
    return 1
  }
}

const CHECK_PATH = '请检查路径 check the path'

/**
 * What is wrong with `path` as the `kind` a person named it for (one line naming it, its full path and what to
 * do), or undefined when it can be used. A file must be a readable file, a folder a folder.
 */
export function fileProblem(path: string, role: FileRole, kind: 'file' | 'folder' = 'file'): string | undefined {
  const full = resolve(path)
  const what = kind === 'file' ? '文件' : '文件夹'
  try {
    const st = statSync(full)
    if (kind === 'file' && st.isDirectory())
      return `${role.zh}是一个文件夹，不是文件 ${role.en} is a folder, not a file: ${full}（请给出文件的路径 name a file）`
    if (kind === 'folder' && !st.isDirectory())
      return `${role.zh}不是文件夹 ${role.en} is not a folder: ${full}（请给出文件夹的路径 name a folder）`
    if (kind === 'file') accessSync(full, constants.R_OK)
    return undefined
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return `找不到${role.zh} ${role.en} not found: ${full}（${role.hint ?? CHECK_PATH}）`
    if (code === 'EACCES' || code === 'EPERM')
      return `没有权限读取${role.zh} ${role.en} not readable: ${full}（请检查${what}权限 check its permissions）`
    return `无法读取${role.zh} cannot read ${role.en}: ${full} (${code ?? (e as Error).message})`
  }
}

/** `path` resolved when it is a readable file, else a `UserFileError` naming it and what to do. */
export function userFile(path: string, role: FileRole): string {
  const problem = fileProblem(path, role)
  if (problem) throw new UserFileError(problem)
  return resolve(path)
}

/** The text of a file a person named (UTF-8), or a `UserFileError` naming it and what to do. */
export function readUserFile(path: string, role: FileRole): string {
  return readUserBytes(path, role).toString('utf8')
}

/** The bytes of a file a person named, or a `UserFileError` naming it and what to do. */
export function readUserBytes(path: string, role: FileRole): Buffer {
  try {
    return readFileSync(path)
  } catch {
    throw new UserFileError(fileProblem(path, role) ?? `无法读取${role.zh} cannot read ${role.en}: ${resolve(path)}`)
  }
}

/**
 * What is wrong with `path` as a file to write (one line), or undefined: it must not be a folder, and its folder
 * must exist (unless the command creates it: `createsFolder`). Nothing is created.
 */
export function outputFileProblem(
  path: string,
  role: FileRole,
  o: { createsFolder?: boolean } = {},
): string | undefined {
  const full = resolve(path)
  try {
    if (statSync(full).isDirectory())
      return `${role.zh}是一个已有的文件夹 ${role.en} is an existing folder: ${full}（请给出要写的文件名 name the file to write）`
    return undefined
  } catch {
    if (o.createsFolder) return undefined
    return fileProblem(dirname(full), { zh: `${role.zh}所在的文件夹`, en: `the folder of the ${role.en}` }, 'folder')
  }
}
