import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return markdownFiles(path)
    return entry.name.endsWith('.md') ? [path] : []
  })
}

/** Relative link targets (Markdown links and images, HTML src/href) outside fenced code, with their line. */
function relativeLinks(text: string): { line: number; target: string }[] {
  const prose = text.replace(/```[\s\S]*?```/g, block => '\n'.repeat(block.split('\n').length - 1))
  const link = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)|(?:src|href)="([^"]+)"/g
  return prose.split('\n').flatMap((line, i) =>
    [...line.matchAll(link)]
      .map(m => (m[1] ?? m[2]) as string)
      .filter(target => !/^(https?:|mailto:|#)/.test(target))
      .map(target => ({ line: i + 1, target })),
  )
}

describe('relative links in README.md and docs/', () => {
  const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))]

  it('point at files that exist', () => {
    const broken = files.flatMap(file =>
      relativeLinks(readFileSync(file, 'utf8'))
        .filter(({ target }) => !existsSync(join(dirname(file), target.split('#')[0] as string)))
        .map(({ line, target }) => `${relative(root, file)}:${line}: ${target}`),
    )
    expect(broken).toEqual([])
  })

  it('sees the real links, so an empty answer means something', () => {
    const links = files.flatMap(file => relativeLinks(readFileSync(file, 'utf8')))
    expect(links.length).toBeGreaterThan(20)
    expect(relativeLinks('see [a](x.md#b) and ![c](../d.png)\n```\n[e](f.md)\n```')).toEqual([
      { line: 1, target: 'x.md#b' },
      { line: 1, target: '../d.png' },
    ])
  })
})
