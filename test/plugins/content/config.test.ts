import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../../bot/config/load-config.js'
import { contentConfigSchema } from '../../../plugins/content/config.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { config } from './setup.js'

function problemsOf(yaml: string): string[] {
  try {
    parseConfig(yaml, 'bot.yaml', [contentPlugin])
    return []
  } catch (e) {
    return e instanceof ConfigError ? e.problems : [String(e)]
  }
}

describe('content config', () => {
  it('defaults to the shipped dictionary, which loads', () => {
    const cfg = contentConfigSchema.parse({})
    // An absolute path into the package, so the default works from any working directory.
    expect(cfg.dictionaries).toEqual([resolve('data/dictionaries/default.yaml')])
    expect(cfg.actions.medium).toEqual({
      internal: ['warn', 'strike'],
      customer: ['warn', 'report', 'strike'],
      broadcast: ['warn', 'report', 'strike'],
    })
    expect(cfg.escalation).toEqual({
      strikes: 3,
      remove: { internal: 'nobody', customer: 'nonStaff', broadcast: 'nonStaff' },
    })
    expect(cfg.exemptRoles).toEqual(['admin', 'leader'])
  })

  it('refuses outward outside internal groups, where posting is already passing on', () => {
    const yaml = (kind: string) =>
      `company: 示例\nplugins:\n  content:\n    scope:\n      confidential: { ${kind}: outward }\n`
    expect(problemsOf(yaml('internal'))).toEqual([])
    for (const kind of ['customer', 'broadcast'])
      expect(problemsOf(yaml(kind))).toEqual([
        expect.stringContaining(`plugins.content.scope.confidential.${kind}: outward 只适用于内部群（internal）`),
      ])
  })

  it('refuses to start with a broken dictionary, listing file:line problems', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'content-cfg-')), 'bad.yaml')
    writeFileSync(
      file,
      'categories:\n  ad:\n    label: 广告\n    severity: medium\n    terms: [日赚, "  "]\n    patterns: ["(a"]\n',
    )
    const problems = problemsOf(config('', [file]))
    expect(problems.some(p => p.includes(`${file}:5:`) && p.includes('empty after normalisation'))).toBe(true)
    expect(problems.some(p => p.includes(`${file}:6:`) && p.includes('patterns'))).toBe(true)
    expect(problemsOf(config('', ['does/not/exist.yaml'])).join('\n')).toMatch(
      /找不到词库文件 dictionary file not found: \S*does\/not\/exist\.yaml（请检查路径 check the path）/,
    )
  })

  it('rejects unknown placeholders in the warning and unknown steps in the matrix', () => {
    expect(problemsOf(config('warnText: "{labels} {word}"')).join('\n')).toContain('未知的占位符 {word}')
    expect(problemsOf(config('actions: { high: { customer: [warn, ban] } }')).join('\n')).toContain(
      'plugins.content.actions.high.customer',
    )
  })

  it('lets a group override the matrix while keeping the other defaults', () => {
    const yaml = config().replace(
      'kind: customer }',
      'kind: customer, plugins: { content: { actions: { medium: { customer: [record] } } } } }',
    )
    const loaded = parseConfig(yaml, 'bot.yaml', [contentPlugin])
    const section = loaded.groupSections.get('客户交流群')?.content as ReturnType<typeof contentConfigSchema.parse>
    expect(section.actions.medium.customer).toEqual(['record'])
    expect(section.actions.high.customer).toEqual(['warn', 'report', 'strike'])
  })
})
