/**
 * An id (a WeChat or QQ handle: letters, digits, `_` and `-`, half or full width) right after a slang hit,
 * with the separator before it, maybe 是 or 为 (`wx: qy888`, `wx：qingyuan_888`, `wx是 qy888`).
 */
const HANDLE_AFTER = /^[\s:：=＝]*(?:[是为][\s:：=＝]*)?[A-Za-z0-9_\-Ａ-Ｚａ-ｚ０-９＿－]+/u

/**
 * Where the text after a slang hit ending at `end` starts to count towards its reach: after the id that
 * follows it, if one does. The usual contact ad puts the id between the code and the sales word
 * (`wx: qy888 有意向细聊`); counted in characters, the id alone would push the word out of reach.
 */
export function reachStartAfter(text: string, end: number): number {
  const handle = HANDLE_AFTER.exec(text.slice(end, end + 40))
  return handle === null ? end : end + handle[0].length
}
