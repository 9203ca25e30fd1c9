import { checkNickname, type CheckOptions, type NicknameVerdict, type RosterView } from './check.js'
import type { CompiledFormat } from './format.js'

/** Most verdicts remembered per formats list before the memo starts over. */
const LIMIT = 20_000

/**
 * `checkNickname`, remembered per roster and compiled formats: a member who speaks again under the same
 * nickname is not checked again (a check splits and matches every format). A new roster (reloaded) or new
 * formats (a config change compiles new ones) start over. Verdicts are shared: callers must not change them.
 */
export function verdictMemo(): typeof checkNickname {
  let roster: RosterView | undefined
  let byFormats = new WeakMap<CompiledFormat[], Map<string, NicknameVerdict>>()
  return (raw: string, formats: CompiledFormat[], opts: CheckOptions): NicknameVerdict => {
    if (opts.roster !== roster) {
      roster = opts.roster
      byFormats = new WeakMap()
    }
    let known = byFormats.get(formats)
    if (!known) byFormats.set(formats, (known = new Map()))
    const key = `${opts.maxLength}|${opts.contactId ?? ''}|${raw}`
    let verdict = known.get(key)
    if (!verdict) {
      if (known.size >= LIMIT) known.clear()
      known.set(key, (verdict = checkNickname(raw, formats, opts)))
    }
    return verdict
  }
}
