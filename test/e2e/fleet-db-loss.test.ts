import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { dropSchemas, freshSchema, pgAvailable } from '../helpers/pg-test.js'
import { type BotProcess, startBot, teardown } from './bot-process.js'
import { e2eConfig } from './e2e-config.js'
import { type PuppetService, startPuppetService } from './puppet-service.js'

const url = await pgAvailable()
const schema = freshSchema()
let service: PuppetService | undefined
let bot: BotProcess | undefined

afterAll(async () => {
  await teardown(bot, service)
  if (url) await dropSchemas(url, [schema])
})

describe.skipIf(!url)('a bot on PostgreSQL whose database connection is lost', () => {
  it('flushes what it can and exits 75 (like a lost puppet connection), so its supervisor restarts it', async () => {
    service = await startPuppetService()
    const { configFile, dataDir } = e2eConfig()
    bot = startBot(service, configFile, dataDir, {
      BOT_DATABASE_URL: url,
      BOT_DATABASE_SCHEMA: schema,
      BOT_ACCOUNT: 'db-loss',
    })
    await bot.waitFor(/就绪 ready/, 90_000)
    // What a database restart does: every connection of the bot is closed by the server.
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'group-guard:db-loss'",
    )
    await admin.end()
    expect(await bot.exited).toBe(75)
    expect(bot.output()).toMatch(/database connection lost/)
  })
})
