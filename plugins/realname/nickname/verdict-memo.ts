import { checkNickname, type CheckOptions, type NicknameVerdict, type RosterView } from './check.js'
import type { CompiledFormat } from './format.js'

/** Most contacts (or nicknames without one) remembered per formats list before the memo starts over. */
const LIMIT = 20_000
/** Most nicknames remembered per contact (one per group they are in, usually a few). */
const PER_CONTACT = 16

/** A remembered verdict and the nickname and length limit it was given for. */
interface Known {
  raw: string
  maxLength: number
  verdict: NicknameVerdict
}

/**
 * `checkNickname`, remembered per roster and compiled formats: a member who speaks again under the same
 * nickname is not checked again (a check splits and matches every format). A new roster (reloaded) or new
 * formats (a config change compiles new ones) start over. Verdicts are shared: callers must not change them.
 * A contact's verdicts are found by contact id and then nickname (no key string built per message).
 */
export function verdictMemo(): typeof checkNickname {
  let roster: RosterView | undefined
  let byFormats = new WeakMap<CompiledFormat[], Map<string, Known[]>>()
  return (raw: string, formats: CompiledFormat[], opts: CheckOptions): NicknameVerdict => {
    if (opts.roster !== roster) {
      roster = opts.roster
      byFormats = new WeakMap()
    }
    let known = byFormats.get(formats)
    if (!known) byFormats.set(formats, (known = new Map()))
    // Without a contact id the nickname is the key (a contact id never starts with a NUL).
    const key = opts.contactId ?? `\u0000${raw}`
    const list = known.get(key)
    for (const k of list ?? []) if (k.raw === raw && k.maxLength === opts.maxLength) return k.verdict
    const verdict = checkNickname(raw, formats, opts)
    const entry = { raw, maxLength: opts.maxLength, verdict }
    if (list) {
      if (list.length >= PER_CONTACT) list.shift()
      list.push(entry)
    } else {
      if (known.size >= LIMIT) known.clear()
      known.set(key, [entry]) // one slot (most contacts have one nickname), not the 16 a first push makes room for
    }
    return verdict
  }
}
