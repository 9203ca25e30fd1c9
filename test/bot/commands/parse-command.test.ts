import { describe, expect, it } from 'vitest'
import { parseCommand } from '../../../bot/commands/parse-command.js'

describe('parseCommand', () => {
  it.each([
    ['#帮助', '帮助', []],
    ['＃帮助', '帮助', []], // full-width ＃ from a Chinese keyboard
    ['  #帮助  ', '帮助', []],
    ['@小助手 #状态', '状态', []],
    ['@小助手\u2005#状态', '状态', []], // WeChat puts U+2005 after a mention
    ['@小助手\u2005@张三\u2005#状态 全部', '状态', ['全部']],
    ['#通知：今天下午三点开会', '通知', ['今天下午三点开会']],
    ['#通知: 今天下午三点开会', '通知', ['今天下午三点开会']],
    ['#案例 搜索 价格 异议', '案例', ['搜索', '价格', '异议']],
    ['#案例  搜索\n价格', '案例', ['搜索', '价格']],
  ])('reads %j as command %s with argv %j', (text, name, argv) => {
    expect(parseCommand(text, '#')).toMatchObject({ name, argv })
  })

  it('keeps the argument text as written, after the name and separator', () => {
    expect(parseCommand('#通知：今天 15:00 开会，收到请回复', '#')).toEqual({
      name: '通知',
      args: '今天 15:00 开会，收到请回复',
      argv: ['今天', '15:00', '开会，收到请回复'],
    })
  })

  it('lower-cases English names so aliases work in any case', () => {
    expect(parseCommand('#HELP', '#')!.name).toBe('help')
    expect(parseCommand('#Notice Hello World', '#')).toEqual({
      name: 'notice',
      args: 'Hello World',
      argv: ['Hello', 'World'],
    })
  })

  it('reads spaces after the prefix, marked `spaced` (a command only if the name is one)', () => {
    expect(parseCommand('# 帮助', '#')).toEqual({ name: '帮助', args: '', argv: [], spaced: true })
    expect(parseCommand('＃\u3000帮助', '#')).toMatchObject({ name: '帮助', spaced: true })
    expect(parseCommand('#帮助', '#')?.spaced).toBeUndefined()
  })

  it.each(['收到', '今天#帮助', '#', '#  ', '@小助手', '!帮助', ''])('does not treat %j as a command', text => {
    expect(parseCommand(text, '#')).toBeUndefined()
  })

  it('uses the configured prefix', () => {
    expect(parseCommand('/help', '/')!.name).toBe('help')
    expect(parseCommand('#help', '/')).toBeUndefined()
  })
})
