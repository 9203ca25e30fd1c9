import { describe, expect, it } from 'vitest'
import { moduleUrl as url, runFresh } from '../../helpers/run-fresh.js'

const LOCALES_LOADED = `Object.keys((await import('node:module')).createRequire(import.meta.url).cache)
  .filter(k => k.includes('/faker/lib/locales/')).map(k => k.split('/faker/lib/locales/')[1].split('/')[0])`

describe('deferFakerLocales', () => {
  it('builds the sandbox world without loading any of faker’s locales', () => {
    const out = runFresh(`
      const { deferFakerLocales } = await import('${url('bot/sandbox/defer-faker.ts')}')
      const installed = deferFakerLocales()
      const { createSandbox } = await import('${url('bot/sandbox/index.ts')}')
      const { populateWorld, readWorld } = await import('${url('bot/sandbox/load-world.ts')}')
      const sandbox = createSandbox()
      populateWorld(sandbox.world, readWorld('data/demo/world.yaml'))
      const atStart = new Set(${LOCALES_LOADED})
      const contact = sandbox.puppet.store.mocker.createContact()
      console.log(JSON.stringify({ installed, atStart: [...atStart], name: contact.payload.name, later: [...new Set(${LOCALES_LOADED})] }))
    `)
    expect(out.installed).toBe(true)
    expect(out.atStart).toEqual([])
    // The mock puppet's random contacts still work: faker's English locale loads on first use, and only it.
    expect(out.name).toMatch(/\w+ \w+/)
    expect(out.later).toEqual(['en'])
  }, 60_000)

  it('does nothing once faker is loaded', () => {
    const out = runFresh(`
      const { createSandbox } = await import('${url('bot/sandbox/index.ts')}')
      const { deferFakerLocales } = await import('${url('bot/sandbox/defer-faker.ts')}')
      console.log(JSON.stringify({ sandbox: typeof createSandbox, installed: deferFakerLocales() }))
    `)
    expect(out).toEqual({ sandbox: 'function', installed: false })
  }, 60_000)
})
