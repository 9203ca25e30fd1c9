import { describe, expect, it } from 'vitest'
import { compileAckMatcher, excuseText } from '../../../plugins/ack/match/ack-words.js'
import { ackConfigSchema } from '../../../plugins/ack/config.js'

const isAck = compileAckMatcher(ackConfigSchema.parse({}))

const ACKS = [
  '收到',
  '收到！',
  '收到！！',
  '收到收到',
  '收到收到收到！！！',
  '收到。',
  '收到了',
  '已收到',
  '我已收到',
  '我也收到了',
  '好的',
  '好的好的',
  '好',
  '好嘞',
  '好的👌',
  '👌',
  '👍👍',
  '🫡',
  'OK',
  'ok',
  'Ok的',
  'okay',
  '明白',
  '明白了',
  '明白！马上安排',
  '了解',
  '知道了',
  '已阅',
  '收悉',
  '执行',
  '马上执行',
  '坚决执行',
  '立即执行！',
  '收到，马上执行',
  '收到，下午三点前提交',
  '收到，请问几点开始？',
  '收到王总',
  '王经理收到',
  '收到领导',
  '收到张哥',
  '收到😊',
  '收到🙏',
  '[强]',
  '[OK]',
  '收到[抱拳]',
  '1',
  '111',
  '@王经理 收到',
  '@王经理\u2005收到',
  '　收到　',
  '没问题',
  '收到谢谢',
  '好的，马上到',
  '照办',
]

const NOT_ACKS = [
  '收到了吗？',
  '收到了吗',
  '没收到',
  '还没收到',
  '收不到',
  '收到？',
  '收到吗',
  '收到没',
  '收到否',
  '不收到',
  '谁收到了？',
  '都收到了吗？',
  '大家收到请回复',
  '收到请回复',
  '收到个锤子',
  '好吧',
  '好吗',
  '好久不见',
  '不好',
  '不明白',
  '没明白',
  '明白了吗？',
  '不知道',
  '不执行',
  '有问题',
  '嗯',
  '嗯嗯',
  '🙏',
  '[微笑]',
  '12',
  '1个',
  '10',
  '稍等',
  '在开会，晚点看',
  '谢谢',
  '？',
  '',
  '   ',
  '马上',
  '说明：在客户现场',
  'ok吗',
  '好的?',
]

describe('compileAckMatcher', () => {
  it.each(ACKS)('accepts %j as an acknowledgement', text => {
    expect(isAck(text)).toBe(true)
  })

  it.each(NOT_ACKS)('rejects %j', text => {
    expect(isAck(text)).toBe(false)
  })

  it('uses the configured vocabulary instead of the defaults', () => {
    const strict = compileAckMatcher({ ackWords: ['收到'], fillerWords: [], addressWords: [] })
    expect(strict('收到')).toBe(true)
    expect(strict('好的')).toBe(false)
    expect(strict('收到了')).toBe(false)
    expect(strict('收到王总')).toBe(false)
  })
})

describe('excuseText', () => {
  const prefixes = ['说明：', '说明:', '请假：']
  it('returns the excuse after a configured prefix', () => {
    expect(excuseText('说明：在客户现场，下午补交', prefixes)).toBe('在客户现场，下午补交')
    expect(excuseText('@王经理 请假：今天病假', prefixes)).toBe('今天病假')
  })
  it('ignores other messages and empty excuses', () => {
    expect(excuseText('收到', prefixes)).toBeUndefined()
    expect(excuseText('说明：', prefixes)).toBeUndefined()
    expect(excuseText('我说明：一下', prefixes)).toBeUndefined()
  })
})
