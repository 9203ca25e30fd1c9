import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { configReference } from '../../../bot/config/config-reference.js'
import { PLUGINS } from '../../../plugins/index.js'

describe('config reference page', () => {
  const page = configReference(PLUGINS)

  it('is the committed docs/config-reference.md (regenerate with npm run --silent cli -- config-reference)', () => {
    expect(readFileSync('docs/config-reference.md', 'utf8')).toBe(page)
  })

  it('lists every plugin section with its defaults, e.g. the fine amount and the banned-word dictionaries', () => {
    for (const p of PLUGINS) expect(page).toContain(`## \`plugins.${p.name}\``)
    expect(page).toMatch(/\| `penalties\.fineBase` \| number \| `5` \|/)
    expect(page).toMatch(/\| `dictionaries` \| list of string \| `\["builtin:default"\]` \|/)
  })
})
