import { EventEmitter } from 'node:events'
import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { ChangeFeed } from '../../../bot/fleet/changes.js'
import { createLogger } from '../../../bot/process/logger.js'

/** A connection whose LISTEN answers only when the test says so. */
function slowClient() {
  let answerListen = () => {}
  const client = Object.assign(new EventEmitter(), {
    ended: false,
    query: async (text: string) => {
      if (text.startsWith('select')) return { rows: [{ channel: 'bot_fleet_x' }] }
      await new Promise<void>(resolve => (answerListen = resolve))
      return { rows: [] }
    },
    end: async () => {
      client.ended = true
    },
  })
  return { client, answer: () => answerListen() }
}

describe('fleet change feed', () => {
  it('stays stopped when stopped while LISTEN is on its way: no reading on change from a closed connection', async () => {
    const { client, answer } = slowClient()
    const feed = new ChangeFeed({
      connect: async () => client as unknown as pg.Client,
      heard: () => true,
      log: createLogger('silent', 'test'),
      retryMs: 10,
    })
    const started = feed.start()
    await new Promise(resolve => setImmediate(resolve))
    await feed.stop()
    answer()
    await started
    expect(client.ended).toBe(true)
    expect(feed.listening).toBe(false)
    expect(feed.generation).toBe(0)
  })
})
