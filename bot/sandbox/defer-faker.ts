/**
 * wechaty-puppet-mock, which the sandbox puppet extends, imports `faker` with every locale it has
 * (more than 900 files, about half a second of CPU at each start) only to invent random contacts,
 * rooms and sentences. The sandbox never asks for them: its world is read from a file.
 *
 * `deferFakerLocales()` puts a stand-in for `faker` into Node's CommonJS module cache that loads
 * faker's English locale the first time a property is read. It must run before the module graph that
 * imports wechaty-puppet-mock is linked, that is before a dynamic `import()` of the sandbox: Node's
 * loader reads the cache when it links an ES module's CommonJS imports. Once faker is in the cache
 * (loaded or being linked), it does nothing.
 */
import { createRequire } from 'node:module'
import { installStandIn } from '../process/defer-packages.js'

/**
 * Defer loading faker's locales until the mock puppet's generator is used. Returns whether the
 * stand-in was installed (false when faker or the mock puppet was already loaded or is not installed).
 */
export function deferFakerLocales(): boolean {
  let mockRequire: NodeJS.Require
  let fakerPath: string
  try {
    mockRequire = createRequire(createRequire(import.meta.url).resolve('wechaty-puppet-mock'))
    fakerPath = mockRequire.resolve('faker')
  } catch {
    return false
  }
  if (mockRequire.cache[fakerPath]) return false
  installStandIn(mockRequire, fakerPath, () => mockRequire('faker/locale/en') as object)
  return true
}
