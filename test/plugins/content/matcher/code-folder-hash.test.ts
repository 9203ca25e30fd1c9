import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { codeFolderHash } from '../../../../plugins/content/matcher/cache-file.js'

/** A code folder (hashed once per process and folder: each case writes a fresh one). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'code-hash-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}
const hashOf = (dir: string) => codeFolderHash(pathToFileURL(join(dir, 'module.js')).href)

describe('codeFolderHash (what the matcher and fold caches are keyed by)', () => {
  it('changes with any code or data file of the folder (tsc output)', () => {
    const files = { 'compile.js': 'a', 'data/pairs.js': 'b' }
    const base = hashOf(folder(files))
    expect(hashOf(folder(files))).toBe(base)
    expect(hashOf(folder({ ...files, 'compile.js': 'a2' }))).not.toBe(base)
    expect(hashOf(folder({ ...files, 'data/pairs.js': 'b2' }))).not.toBe(base)
  })

  it('counts a bundle chunk by its name, which hashes its contents, and an entry by its bytes', () => {
    const files = { 'cli.js': 'entry', 'chunk-ABCD1234.js': 'matcher code' }
    const base = hashOf(folder(files))
    expect(hashOf(folder({ ...files, 'chunk-ABCD1234.js': 'not read' }))).toBe(base)
    expect(hashOf(folder({ 'cli.js': 'entry', 'chunk-WXYZ9876.js': 'matcher code' }))).not.toBe(base)
    expect(hashOf(folder({ ...files, 'cli.js': 'entry 2' }))).not.toBe(base)
    const moved = folder(files)
    renameSync(join(moved, 'chunk-ABCD1234.js'), join(moved, 'chunk-ABCD1235.js'))
    expect(hashOf(moved)).not.toBe(base)
  })
})
