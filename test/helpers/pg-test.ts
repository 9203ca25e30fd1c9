import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, afterEach } from 'vitest'

/**
 * The PostgreSQL server the store tests use: BOT_TEST_DATABASE_URL, else the local one CI starts
 * (postgres://postgres@127.0.0.1:5432/test). `undefined` when none answers: those tests skip, loudly.
 */
export const TEST_DATABASE_URL = process.env.BOT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** The URL when the server answers; otherwise prints why the PostgreSQL tests are skipped. */
export async function pgAvailable(): Promise<string | undefined> {
  if (await answers(TEST_DATABASE_URL)) return TEST_DATABASE_URL
  console.warn(`⚠️ PostgreSQL not reachable at ${TEST_DATABASE_URL}: PostgreSQL store tests SKIPPED`)
  return undefined
}

/** A fresh schema name per test (dropped by `dropSchemas`). */
export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`
}

/** Drop the test schemas. */
export async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  if (!schemas.length) return
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const s of schemas) await client.query(`drop schema if exists "${s}" cascade`)
  } finally {
    await client.end()
  }
}

/** What `usePgFixture()` gives a test file: the server, and the schemas and connections its tests open. */
export interface PgFixture {
  /** The server's URL, `undefined` when none answers (skip the tests then). */
  url: string | undefined
  /** Schemas the tests created: dropped after the file's last test. */
  schemas: string[]
  /** Closes connections (stores, pools, fleets): run after each test. */
  closers: (() => Promise<void>)[]
  /** A fresh schema name, already listed in `schemas`. */
  fresh(): string
}

/**
 * The PostgreSQL set-up of a test file (call at its top level): finds the server, closes what a test
 * pushed on `closers` after each test, and drops every schema in `schemas` after the file.
 */
export async function usePgFixture(): Promise<PgFixture> {
  const url = await pgAvailable()
  const schemas: string[] = []
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    await Promise.all(closers.splice(0).map(c => c()))
  })
  afterAll(async () => {
    if (url) await dropSchemas(url, schemas)
  })
  const fresh = () => {
    const s = freshSchema()
    schemas.push(s)
    return s
  }
  return { url, schemas, closers, fresh }
}
