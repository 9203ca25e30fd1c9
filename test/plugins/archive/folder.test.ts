import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileStore } from '../../../bot/ports/store/file-store.js'
import { archivePlugin } from '../../../plugins/archive/index.js'
import { makeRuntime, text } from '../../helpers/harness.js'
import { CONFIG, customer, customers } from './setup.js'

/** A config file in a fresh folder naming `plugins.archive.dir: myarchive`, and a data folder elsewhere. */
function folders() {
  const configDir = mkdtempSync(join(tmpdir(), 'archive-config-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'archive-data-'))
  return { configDir, dataDir, file: join(configDir, 'bot.yaml') }
}

/** Run the archive plugin on a file store in `dataDir` and archive one customer message. */
async function archiveOne(f: ReturnType<typeof folders>, sandboxed: boolean) {
  const store = new FileStore(f.dataDir)
  const h = await makeRuntime(`${CONFIG}plugins: { archive: { dir: myarchive } }\n`, [archivePlugin], {
    file: f.file,
    store,
    outputDir: join(f.dataDir, 'output'),
    sandboxed,
  })
  await h.rt.enqueue(text(customer, '你好，想了解一下净水器', h.clock.now(), customers))
  await h.rt.stop()
}

describe('archive folder (plugins.archive.dir)', () => {
  it('resolves a relative dir against the config file folder, not the working directory', async () => {
    const f = folders()
    await archiveOne(f, false)
    expect(readdirSync(join(f.configDir, 'myarchive', 'chats'))).toEqual(['c_r-cust'])
    expect(existsSync(join(process.cwd(), 'myarchive'))).toBe(false)
  })

  it('in the sandbox keeps the archive under the sandbox data folder, never in the configured one', async () => {
    const f = folders()
    await archiveOne(f, true)
    expect(readdirSync(join(f.dataDir, 'archive', 'chats'))).toEqual(['c_r-cust'])
    expect(existsSync(join(f.configDir, 'myarchive'))).toBe(false)
  })
})
