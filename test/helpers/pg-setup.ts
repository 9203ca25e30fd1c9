import { afterAll, afterEach, beforeEach } from 'vitest'
import { openedPgStores, releasePgStores } from './test-store.js'

/**
 * Setup file of `npm run test:pg` (vitest.pg.config.ts): stores a test opened are closed and their
 * schemas dropped after that test; stores opened in `beforeAll` or at file level after the file.
 */
let firstOfTest = 0
beforeEach(() => {
  firstOfTest = openedPgStores.length
})
afterEach(async () => {
  await releasePgStores(openedPgStores.splice(firstOfTest))
})
afterAll(async () => {
  await releasePgStores(openedPgStores.splice(0))
})
