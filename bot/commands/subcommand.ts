import { nearestKey } from '../config/suggest-key.js'

/**
 * The answer to a subcommand nobody knows (`#记录 搜素`, `#罚款 结算`): says so and, like an unknown command, offers
 * the nearest known one (`您是不是要找 #记录 搜索？`), then the usage. `known`: the subcommands the asker may use.
 */
export function unknownSubcommandText(command: string, word: string, known: readonly string[], usage: string): string {
  const near = nearestKey(word, known)
  return `${command} 没有「${word}」这个用法。${near ? `您是不是要找 ${command} ${near}？` : ''}\n用法：${usage}`
}
