/**
 * `fn` with its last answer kept: the talked-about rules ask the same whole-text question for every candidate of a
 * message, so each message's answer is computed once.
 */
export function keptForLastText<T>(fn: (text: string) => T): (text: string) => T {
  let lastText: string | undefined
  let last: T | undefined
  return text => {
    if (text !== lastText) {
      last = fn(text)
      lastText = text
    }
    return last as T
  }
}
