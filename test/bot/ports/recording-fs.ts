import * as fs from 'node:fs'
import type { StoreFs } from '../../../bot/ports/store/file-store.js'

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
    // The same for the store's background writes (callback API).
    open: ((path: string, flags: string, mode: number | undefined, cb: (e: Error | null, fd?: number) => void) => {
      const done = typeof mode === 'function' ? (mode as typeof cb) : cb
      const e = fail?.('open', path)
      if (e) return done(e)
      fs.open(path, flags, typeof mode === 'function' ? undefined : mode, (err, fd) => {
        if (!err) paths.set(fd, path)
        done(err, fd)
      })
    }) as StoreFs['open'],
    writeFile: ((fd: number, text: string, cb: (e: Error | null) => void) => {
      const e = fail?.('write', paths.get(fd) ?? '')
      if (e) return cb(e)
      fs.writeFile(fd, text, cb)
    }) as StoreFs['writeFile'],
    fsync: ((fd: number, cb: (e: Error | null) => void) => {
      calls.push(`fsync ${paths.get(fd)}`)
      fs.fsync(fd, cb)
    }) as StoreFs['fsync'],
    rename: ((from: string, to: string, cb: (e: Error | null) => void) => {
      calls.push(`rename ${to}`)
      fs.rename(from, to, cb)
    }) as StoreFs['rename'],
  }
  return { recorded, calls }
}
