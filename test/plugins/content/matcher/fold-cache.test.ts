import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cachedFoldTables, type FoldTableData } from '../../../../plugins/content/matcher/fold-cache.js'

/** Small tables standing for the real ones (the cache stores whatever the build returns). */
function tables(): FoldTableData {
  const bmp = new Int32Array(0x10000).map((_, i) => i)
  bmp[0x5f8c] = 0x540e // 後 -> 后
  return {
    bmp,
    smp: new Int32Array(0x10000).fill(-1),
    cjkCompatSupplement: Int32Array.from([0x4e3d, 0x4e38]),
    expansions: [Int32Array.from([0x31, 0x30]), Int32Array.from([0x61])],
    lookalikes: new Map([[0x445, 0x78]]),
  }
}

function counted() {
  let builds = 0
  return {
    build: () => {
      builds++
      return tables()
    },
    builds: () => builds,
  }
}

describe('the fold tables cache', () => {
  it('builds once, then every start reads the same tables from the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fold-cache-'))
    const first = counted()
    const built = cachedFoldTables(first.build, dir)
    expect(first.builds()).toBe(1)
    const files = readdirSync(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^fold-[0-9a-f]{32}\.bin$/)
    const second = counted()
    const read = cachedFoldTables(second.build, dir)
    expect(second.builds()).toBe(0)
    expect(read).toEqual(built)
    expect(read.bmp[0x5f8c]).toBe(0x540e)
    expect(read.lookalikes.get(0x445)).toBe(0x78)
  })

  it('rebuilds (and says so) from a damaged file or one that others may write, never trusting it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fold-cache-'))
    cachedFoldTables(counted().build, dir)
    const file = join(dir, readdirSync(dir)[0])
    const bytes = readFileSync(file)
    bytes[bytes.length - 1] ^= 0xff
    writeFileSync(file, bytes)
    const logged: string[] = []
    const damaged = counted()
    expect(cachedFoldTables(damaged.build, dir, line => logged.push(line))).toEqual(tables())
    expect(damaged.builds()).toBe(1)
    expect(logged.join('\n')).toMatch(/checksum mismatch/)
    chmodSync(file, 0o666)
    const shared = counted()
    cachedFoldTables(shared.build, dir, line => logged.push(line))
    expect(shared.builds()).toBe(1)
    expect(logged.join('\n')).toMatch(/writable by others/)
  })
})
