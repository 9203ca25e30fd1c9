/** Most characters of a user's own words an answer repeats back. */
export const MAX_QUOTED = 20

/**
 * A user's word as an answer may repeat it (`找不到通知「…」`): at most `max` characters, cut with `…`.
 * Answers never repeat more than this, and never into a group customers read (see `audience.ts`).
 */
export function quoted(text: string, max = MAX_QUOTED): string {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text
}
