/** A command line split into its name and arguments. */
export interface ParsedCommand {
  name: string
  args: string
  argv: string[]
  /** Written with spaces after the prefix (`# 帮助`): a command only when the name is one (`# 标题` is talk). */
  spaced?: boolean
}

/**
 * Parse `#名字 参数…` (full-width `＃` too, leading @-mentions ignored, spaces after the `#` too: `# 帮助`).
 * Returns undefined when the text is not a command.
 */
export function parseCommand(text: string, prefix: string): ParsedCommand | undefined {
  // Most messages hold neither prefix: not a command, and no string is built to find that out.
  if (!text.includes(prefix) && !text.includes('＃')) return undefined
  const body = text
    .replace(/^(\s*@\S+[\s\u2005]+)+/, '')
    .trimStart()
    .replace(/^＃/, '#')
  if (!body.startsWith(prefix)) return undefined
  const after = body.slice(prefix.length)
  const rest = after.trimStart()
  const m = /^([^\s:：]+)[\s:：]*([\s\S]*)$/.exec(rest)
  if (!m) return undefined
  const args = m[2].trim()
  const parsed: ParsedCommand = { name: m[1].toLowerCase(), args, argv: args ? args.split(/\s+/) : [] }
  if (rest.length < after.length) parsed.spaced = true
  return parsed
}
