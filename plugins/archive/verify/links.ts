import { CHAINED_VERSION } from '../capture/record.js'
import { chainStart } from '../store/chain.js'
import type { FileAnchor } from './anchor-book.js'
import type { StoredLine, StoredSegment } from './stored-lines.js'

/** What the chain of one file says. */
export interface ChainCheck {
  /** Records carrying their link (version 2). */
  chained: number
  /** Records of version 1 (written by a release before the chain) before the chain began in the file: a note. */
  before: number
  /**
   * The first broken link: `start` the file's first line does not start its chat's and day's chain (lines removed
   * from the start, or the file moved); `link` the line before it is not the one it was written after (edited,
   * removed or inserted); `unlinked` a record without its link after the chain began, or of the chained version
   * anywhere (its link removed).
   */
  broken?: { line: number; problem: 'start' | 'link' | 'unlinked'; pos?: string }
}

/** What the anchors of one file say. */
export interface AnchorCheck {
  /** Anchors of the file checked. */
  checked: number
  /** Records after the last line an anchor covers (added since, or not anchored yet): a note. */
  after: number
  /**
   * The first anchor the file no longer matches (the smallest), told by what else is known of the file:
   * `changed` the chain breaks at `line`, at or before where the anchor ends (or the file is shorter than anchored):
   * the removal or edit the chain shows there, the file no longer what was anchored; `cut` the file is shorter than
   * it was then and every link holds (lines removed from its end; `line` is the first line missing); `last` the line
   * the anchor ends at is the file's last and differs (no later line links to it: it changed, or lines before it
   * too with the chain recomputed, nothing tells which);
   * `rewritten` the line the anchor ends at is not the one anchored and a later line links to it as it is now
   * (lines changed before it, the chain recomputed).
   */
  broken?: {
    problem: 'changed' | 'cut' | 'last' | 'rewritten'
    line: number
    anchoredAt: number
    bytes: number
    /** On PostgreSQL: the `pos` of the row at `line`, when it is there. */
    pos?: string
  }
}

/**
 * Walk a file's links: each record of version 2 names the hash of the line before it (the first line: the chain's
 * start for its chat and day). Lines that are no record (damaged, blank) are links like the others: a record after
 * them names their hash. Only the first broken link is reported; the walk goes on to count the records.
 */
export function checkChain(s: StoredSegment): ChainCheck {
  const out: ChainCheck = { chained: 0, before: 0 }
  let expected = chainStart(s.chat, s.day)
  let first = true
  for (const l of s.lines) {
    const r = l.record
    if (r?.prev !== undefined) {
      out.chained++
      if (r.prev !== expected) out.broken ??= { line: l.line, problem: first ? 'start' : 'link', ...posOf(l) }
    } else if (r) {
      // A record of the chained version names its link wherever it is: without one, the link was stripped.
      if (out.chained || r.v === CHAINED_VERSION) out.broken ??= { line: l.line, problem: 'unlinked', ...posOf(l) }
      else out.before++
    }
    expected = l.hash
    first = false
  }
  return out
}

/**
 * Check a file against its anchors (smallest first): each must end at a line of the file whose hash it holds. The
 * first that does not is reported, named by `chain` (the file's links, `checkChain`) where its break explains it;
 * the records after the last line an anchor still matches are counted.
 */
export function checkAnchors(s: StoredSegment, heads: readonly FileAnchor[], chain: ChainCheck): AnchorCheck {
  const out: AnchorCheck = { checked: heads.length, after: 0 }
  const byEnd = new Map<number, StoredLine>(s.lines.map(l => [l.end, l]))
  const last = lineCount(s)
  /** The last line an anchor covers: the records after it are not anchored yet. */
  let through = 0
  for (const a of [...heads].sort((x, y) => x.bytes - y.bytes)) {
    through = Math.max(through, anchoredThrough(s, a, byEnd.get(a.bytes), last))
    if (out.broken) continue
    const at = { anchoredAt: a.at, bytes: a.bytes }
    if (a.bytes > s.bytes) {
      out.broken = chain.broken
        ? { problem: 'changed', line: chain.broken.line, ...at, ...posOf(chain.broken) }
        : { problem: 'cut', line: last + 1, ...at }
      continue
    }
    const l = byEnd.get(a.bytes)
    if (l?.hash === a.hash) continue
    const found = l ?? s.lines.find(x => x.end > a.bytes) ?? s.lines.at(-1)
    const line = found?.line ?? last
    // A link broken up to the line after the anchored one shows the change; a later line linking to it does not.
    if (chain.broken && chain.broken.line <= line + 1)
      out.broken = { problem: 'changed', line: chain.broken.line, ...at, ...posOf(chain.broken) }
    else out.broken = { problem: line === last ? 'last' : 'rewritten', line, ...at, ...(found && posOf(found)) }
  }
  // Counted by line, not by offset: an edit to another length moves the offsets of every line after it.
  out.after = s.lines.filter(l => l.line > through && l.record).length
  return out
}

/**
 * The line an anchor ends at in the file as it is: the line it names by its hash (at its offset, or moved by an
 * edit before it to another length), else the line at its offset (or the last: the file is shorter).
 */
function anchoredThrough(s: StoredSegment, a: FileAnchor, atEnd: StoredLine | undefined, last: number): number {
  if (atEnd?.hash === a.hash) return atEnd.line
  const moved = s.lines.find(l => l.hash === a.hash)
  if (moved) return moved.line
  return s.lines.find(l => l.end >= a.bytes)?.line ?? last
}

/** The row's `pos` where there is one (PostgreSQL), to spread into a finding. */
function posOf(l: { pos?: string }): { pos?: string } {
  return l.pos === undefined ? {} : { pos: l.pos }
}

/** The number of the file's last line (0 when it has none). */
function lineCount(s: StoredSegment): number {
  return s.lines.at(-1)?.line ?? 0
}
