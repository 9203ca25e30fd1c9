import { describe, expect, it } from 'vitest'
import { AppendHandles, type HandleIo } from '../../../bot/ports/store/append-handles.js'

/** Handles numbered in opening order; opens and closes recorded. */
function fakeIo(failOpen?: (path: string) => boolean) {
  const calls: string[] = []
  let next = 3
  const io: HandleIo = {
    open: async path => {
      calls.push(`open ${path}`)
      if (failOpen?.(path)) throw new Error(`cannot open ${path}`)
      return next++
    },
    close: async fd => {
      calls.push(`close ${fd}`)
    },
  }
  return { io, calls }
}
const settle = () => new Promise(r => setImmediate(r))

describe('AppendHandles', () => {
  it('opens a file once for many appends, and again after it was dropped (replaced by its path)', async () => {
    const { io, calls } = fakeIo()
    const handles = new AppendHandles(io, 0o600)
    const fds = [await handles.with('a', async fd => fd), await handles.with('a', async fd => fd)]
    handles.drop('a')
    await settle()
    fds.push(await handles.with('a', async fd => fd))
    expect(fds).toEqual([3, 3, 4])
    expect(calls).toEqual(['open a', 'close 3', 'open a'])
  })

  it('closes a handle dropped during an append only once that append is done', async () => {
    const { io, calls } = fakeIo()
    const handles = new AppendHandles(io, 0o600)
    let finish = () => {}
    const using = handles.with('a', fd => new Promise<number>(r => (finish = () => r(fd))))
    await settle()
    handles.drop('a')
    await settle()
    expect(calls).toEqual(['open a'])
    finish()
    expect(await using).toBe(3)
    await settle()
    expect(calls).toEqual(['open a', 'close 3'])
  })

  it('a failed append drops its handle: the next one opens the file anew; a failed open is tried again', async () => {
    let refuse = true
    const { io, calls } = fakeIo(() => refuse)
    const handles = new AppendHandles(io, 0o600)
    await expect(handles.with('a', async fd => fd)).rejects.toThrow('cannot open a')
    refuse = false
    await expect(
      handles.with('a', async () => {
        throw new Error('disk full')
      }),
    ).rejects.toThrow('disk full')
    expect(await handles.with('a', async fd => fd)).toBe(4)
    await settle()
    expect(calls).toEqual(['open a', 'open a', 'close 3', 'open a'])
  })

  it('keeps at most its limit of files open, closing the least recently used', async () => {
    const { io, calls } = fakeIo()
    const handles = new AppendHandles(io, 0o600, 2)
    for (const f of ['a', 'b', 'a', 'c', 'a']) await handles.with(f, async fd => fd)
    await settle()
    expect(calls).toEqual(['open a', 'open b', 'open c', 'close 4'])
  })
})
