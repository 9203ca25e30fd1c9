/** Control, format and other invisible characters (shown as `·` so admins see where they were). */
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: these are invisible code points listed one by one on purpose
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * A short, printable quote of user text for admin reports: line breaks become
 * spaces, invisible characters `·`, lone surrogates `�`; at most `max` code
 * points, with `…` when cut. Cheap on huge input (it cuts first).
 */
export function excerpt(text: string, max = 60): string {
  const head = text.length > max * 2 ? text.slice(0, max * 2) : text
  const clean = head
    .replace(/[\r\n\t]+/g, ' ')
    .replace(INVISIBLE, '·')
    .replace(LONE_SURROGATE, '\ufffd')
  const points = Array.from(clean)
  const cut = points.length > max || head.length < text.length
  return cut ? `${points.slice(0, max).join('')}…` : clean
}
