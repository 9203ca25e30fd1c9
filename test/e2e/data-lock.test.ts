import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type BotProcess, startBot, teardown } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { type PuppetService, startPuppetService } from './puppet-service.js'

let service: PuppetService | undefined
let first: BotProcess | undefined
let second: BotProcess | undefined

afterAll(async () => {
  await teardown(second, undefined)
  await teardown(first, service)
})

const mode = (p: string) => statSync(p).mode & 0o777

describe('one bot per data folder', () => {
  it('a second process on the same data folder exits at once with a one-line reason; folders are 0700', async () => {
    service = await startPuppetService()
    const { configFile, dataDir } = e2eConfig()
    first = startBot(service, configFile, dataDir)
    await first.waitFor(/就绪 ready/)
    second = startBot(service, configFile, dataDir)
    expect(await second.exited).toBe(75)
    expect(second.output()).toMatch(/ERROR \[bot\] ❌ data folder .* is in use by another bot process \(pid \d+\)/)
    expect(first.child.exitCode).toBeNull()
    expect(mode(dataDir)).toBe(0o700)
    expect(mode(join(dataDir, '.lock'))).toBe(0o600)
    expect(mode(join(dataDir, '..', 'home', '.wechaty', 'wechaty-puppet-service'))).toBe(0o700)
  })
})
