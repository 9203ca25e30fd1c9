import { describe, expect, it } from 'vitest'
import { formatQuote, parseQuote } from '../../../bot/wechaty/parse-quote.js'

const SEP = '- - - - - - - - - - - - - - -'

describe('parseQuote', () => {
  it('splits a WeChat quote-reply into who was quoted, what they said and the reply', () => {
    expect(parseQuote(`「张三：今天下午三点开会」\n${SEP}\n收到`)).toEqual({
      senderName: '张三',
      quoted: '今天下午三点开会',
      reply: '收到',
    })
  })

  it.each([
    ['a solid dashed line', '------'],
    ['a short spaced line', '- - -'],
    ['spaces around the line', ` ${SEP} `],
  ])('accepts a separator written as %s', (_label, sep) => {
    expect(parseQuote(`「张三：今天下午三点开会」\n${sep}\n收到`)).toEqual({
      senderName: '张三',
      quoted: '今天下午三点开会',
      reply: '收到',
    })
  })

  it('accepts an ASCII colon after the name and Windows line ends', () => {
    expect(parseQuote(`「张三:今天开会」\r\n${SEP}\r\n收到`)).toEqual({
      senderName: '张三',
      quoted: '今天开会',
      reply: '收到',
    })
  })

  it('keeps multi-line quotes and replies, and colons inside the quoted text', () => {
    expect(parseQuote(`「销售部-张三：时间：15:00\n地点：三楼」\n${SEP}\n收到\n准时到`)).toEqual({
      senderName: '销售部-张三',
      quoted: '时间：15:00\n地点：三楼',
      reply: '收到\n准时到',
    })
  })

  it.each([
    ['a plain message', '收到'],
    ['a quote mark in a sentence', '他说「张三：你好」\n- - -\n嗯'],
    ['a bracketed line without the dashed separator', '「张三：今天开会」\n收到'],
    ['a separator too short to be WeChat’s', '「张三：今天开会」\n--\n收到'],
    ['brackets without a name', '「今天开会」\n- - -\n收到'],
  ])('returns undefined for %s', (_label, text) => {
    expect(parseQuote(text)).toBeUndefined()
  })

  it('reads back what formatQuote writes (the sandbox format)', () => {
    expect(parseQuote(formatQuote('李四', '价格太高了', '我来跟进'))).toEqual({
      senderName: '李四',
      quoted: '价格太高了',
      reply: '我来跟进',
    })
  })
})
