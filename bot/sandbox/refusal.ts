import type { LogLevel } from '../process/logger.js'

/**
 * How a removal the sandbox refuses (as WeChat would: the remover is not owner or admin) is worded first. The
 * runtime records such a removal as failed and tells the admins, which the replay and the console show.
 */
export const REMOVAL_REFUSED = '沙盒中无权移出成员'

/**
 * A log writer for the sandbox and the replay: below `debug`, the executor's error line for a removal the sandbox
 * refused is left out (no error of the bot: the world file makes it no admin there, and the failed removal is
 * shown where the user looks), and every other line is kept to its first line unless `whole`.
 */
export function sandboxLogLine(
  level: LogLevel | undefined,
  write: (line: string) => void,
  o: { whole?: boolean } = {},
): (line: string) => void {
  return line => {
    if (level === 'debug') write(line)
    else if (!line.includes(REMOVAL_REFUSED)) write(o.whole ? line : line.split('\n')[0])
  }
}
