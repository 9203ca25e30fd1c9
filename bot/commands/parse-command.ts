/** A command line split into its name and arguments. */
export interface ParsedCommand {
  name: string
  args: string
  argv: string[]
}

/**
 * Parse `#名字 参数…` (full-width `＃` too, leading @-mentions ignored).
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
  const rest = body.slice(prefix.length)
  const m = /^([^\s:：]+)[\s:：]*([\s\S]*)$/.exec(rest)
  if (!m) return undefined
  const args = m[2].trim()
  return { name: m[1].toLowerCase(), args, argv: args ? args.split(/\s+/) : [] }
}
