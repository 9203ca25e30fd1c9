import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { HEAP_GROWING_PERCENT, keepHeapTight, START_NODE_FLAGS } from '../../../bot/process/heap.js'

describe('the long-running bot keeps its heap near its live data', () => {
  it('sets V8 heap growing to the documented percent when the operator chose none', () => {
    expect(keepHeapTight({}, [])).toBe(HEAP_GROWING_PERCENT)
    expect(HEAP_GROWING_PERCENT).toBe(20)
  })

  it("keeps the operator's own value from the node command line or NODE_OPTIONS", () => {
    expect(keepHeapTight({}, ['--heap-growing-percent=50'])).toBeUndefined()
    expect(keepHeapTight({ NODE_OPTIONS: '--max-semi-space-size=4 --heap_growing_percent=35' }, [])).toBeUndefined()
  })
})

describe('the Node flags the bot is started with', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
  const command = `node ${START_NODE_FLAGS.join(' ')} dist/bot/cli.js start`

  it('npm start passes them (the memory and start-up benches start the bot with the same)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.scripts.start).toBe(command)
  })

  it('the systemd units in the docs pass them too', () => {
    for (const doc of ['docs/operations.md', 'docs/fleet.md'])
      expect(readFileSync(join(root, doc), 'utf8')).toContain(`ExecStart=/usr/bin/${command}`)
  })
})
