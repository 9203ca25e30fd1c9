import * as fs from 'node:fs'
import type { StoreFs } from '../../../bot/ports/file-store.js'

/** The real file system, recording each fsync and rename (`fsync <path>`, `rename <to>`). */
export function recordingFs(fail?: (op: string, path: string) => NodeJS.ErrnoException | undefined) {
  const calls: string[] = []
  const paths = new Map<number, string>()
  const check = (op: string, path: string) => {
    const e = fail?.(op, path)
    if (e) throw e
  }
  const recorded: StoreFs = {
    ...fs,
    openSync: ((path: string, flags: string, mode?: number) => {
      check('open', path)
      const fd = fs.openSync(path, flags, mode)
      paths.set(fd, path)
      return fd
    }) as StoreFs['openSync'],
    writeSync: ((fd: number, text: string) => {
      check('write', paths.get(fd) ?? '')
      return fs.writeSync(fd, text)
    }) as StoreFs['writeSync'],
    fsyncSync: fd => {
      calls.push(`fsync ${paths.get(fd)}`)
      fs.fsyncSync(fd)
    },
    renameSync: (from, to) => {
      calls.push(`rename ${to}`)
      fs.renameSync(from, to)
    },
  }
  return { recorded, calls }
}
