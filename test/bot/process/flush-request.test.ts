import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FLUSH_REQUEST, answerFlushRequests, requestFlush } from '../../../bot/process/flush-request.js'

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

/** A data folder with a bot answering flush requests (its flushes counted) in `health.json`. */
function runningBot(): { dir: string; flushes: () => number } {
  const dir = mkdtempSync(join(tmpdir(), 'flush-request-'))
  let flushes = 0
  stops.push(
    answerFlushRequests(
      dir,
      async () => {
        flushes++
      },
      ids => writeFileSync(join(dir, 'health.json'), JSON.stringify({ flushed: ids })),
    ),
  )
  return { dir, flushes: () => flushes }
}

describe('a backup asking the running bot to write its state (flush request)', () => {
  it('answers two backups asking at once, each its own, with one flush or two', async () => {
    const bot = runningBot()
    const [a, b] = await Promise.all([
      requestFlush(bot.dir, 'health.json', 5000),
      requestFlush(bot.dir, 'health.json', 5000),
    ])
    expect([a, b]).toEqual([true, true])
    expect(bot.flushes()).toBeGreaterThanOrEqual(1)
    expect(existsSync(join(bot.dir, FLUSH_REQUEST))).toBe(false)
  })

  it('a backup that gave up takes back its own request only, not another one’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flush-request-'))
    writeFileSync(join(dir, FLUSH_REQUEST), 'other-backup\n') // another backup's request, no bot answering
    expect(await requestFlush(dir, 'health.json', 300)).toBe(false)
    expect(readFileSync(join(dir, FLUSH_REQUEST), 'utf8')).toBe('other-backup\n')
  })
})
