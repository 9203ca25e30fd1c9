/**
 * How often the talked-about rules search a message's rest or whole text (issue #18): `npx tsx
 * bench/talked-about-searches.ts [TREE]` scans the bench's quick chat (10k terms, default expansions) with TREE's
 * matcher (this tree by default) and counts the searches of REPORTED (a report later in the message) and of the
 * statement's undoing tests (TURN, UNDONE, WINK), with the characters from where each starts to the text's end. Counts,
 * not times: RegExp.prototype.exec and test are wrapped to count, which slows every regex.
 */

import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { benchInputs, dictionaryOf } from './matcher.js'

/** Which counted search a regex is, by the start of its source (undefined for the others). */
function searchOf(re: RegExp): string | undefined {
  if (re.source.startsWith('(?:已经?举报')) return 'REPORTED'
  if (re.source.startsWith('但是?|不过')) return 'TURN'
  if (re.source.startsWith('没用|照样')) return 'UNDONE'
  if (re.source.includes('评论区|扣1')) return 'WINK'
  return undefined
}

async function main(): Promise<void> {
  const tree = resolve(process.argv[2] ?? '.')
  const m = await import(pathToFileURL(join(tree, 'plugins/content/matcher/index.ts')).href)
  const { allTerms, messages } = benchInputs([10000], true)
  const matcher = m.compileMatcher(dictionaryOf(allTerms.slice(0, 10000), m.DEFAULT_EXPANSIONS))
  const counts = new Map<string, { searches: number; chars: number }>()
  for (const name of ['REPORTED', 'TURN', 'UNDONE', 'WINK']) counts.set(name, { searches: 0, chars: 0 })
  const note = (re: RegExp, s: string): void => {
    const count = counts.get(searchOf(re) ?? '')
    if (count === undefined) return
    count.searches++
    count.chars += s.length - (re.global || re.sticky ? re.lastIndex : 0)
  }
  const exec = RegExp.prototype.exec
  const test = RegExp.prototype.test
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    note(this, s)
    return exec.call(this, s)
  }
  RegExp.prototype.test = function (this: RegExp, s: string) {
    note(this, s)
    return test.call(this, s)
  }
  let findings = 0
  for (const text of messages) findings += matcher.scan(text).length
  RegExp.prototype.exec = exec
  RegExp.prototype.test = test
  console.log(`${tree}: ${messages.length} messages, ${findings} findings`)
  for (const [name, { searches, chars }] of counts)
    console.log(`${name}: ${searches} searches, ${chars} characters from their start to the text's end`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
