/** A reply split into the quoted part and the new text. */
export interface ParsedQuote {
  senderName?: string
  quoted: string
  reply: string
}

// WeChat puppets deliver a quote-reply as `「张三：原文」\n- - - - - - -\n回复`.
const QUOTE = /^「([^：:」]{1,40})[：:]([\s\S]*?)」\s*\n\s*(?:- ?){3,}\s*\n([\s\S]*)$/

/** Parse WeChat's quote-reply text format; undefined when the text is not a quote. */
export function parseQuote(text: string): ParsedQuote | undefined {
  const m = QUOTE.exec(text)
  return m ? { senderName: m[1], quoted: m[2], reply: m[3] } : undefined
}

/** The line real puppets put between the quoted message and the reply. */
export const QUOTE_SEPARATOR = '- - - - - - - - - - - - - - -'

/** Build WeChat's quote-reply text (what the sandbox delivers; `parseQuote` reads it back). */
export function formatQuote(senderName: string, quoted: string, reply: string): string {
  return `「${senderName}：${quoted}」\n${QUOTE_SEPARATOR}\n${reply}`
}
