import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { defineCli, takeOptions, UsageError } from '../../../bot/cli/args.js'

const cli = defineCli({
  usage: 'usage: demo FILE [--out DIR] [--live]',
  options: { out: { type: 'string' }, live: { type: 'boolean', default: false } },
  positionals: { min: 1, max: 1 },
})

function reported(e: unknown): { code: number; err: string } {
  let err = ''
  const sink = new Writable({
    write(chunk, _enc, done) {
      err += String(chunk)
      done()
    },
  })
  return { code: (e as UsageError).report(sink), err }
}

describe('one CLI argument parser', () => {
  it('gives typed values and positionals, with --name=value too', () => {
    const a = cli.parse(['t.jsonl', '--out=x', '--live'])
    expect(a).not.toBeInstanceOf(UsageError)
    if (a instanceof UsageError) return
    expect(a.values).toEqual({ out: 'x', live: true })
    expect(a.positionals).toEqual(['t.jsonl'])
  })

  it('answers an unknown option, a missing value or a wrong number of arguments with exit 2 and the usage line', () => {
    for (const [argv, problem] of [
      [['t.jsonl', '--bogus'], '没有选项 --bogus（unknown option）'],
      [['t.jsonl', '--out'], '--out 缺少值（missing value）'],
      [['t.jsonl', '--live=yes'], '--live 不带值（takes no value）'],
      [['a', 'b'], '多余的参数 b（unexpected argument）'],
      [[], '缺少参数（missing argument）'],
    ] as const) {
      expect(reported(cli.parse(argv))).toEqual({ code: 2, err: `${problem}\nusage: demo FILE [--out DIR] [--live]\n` })
    }
  })

  it('takes wrapper options out and leaves the rest for the wrapped command', () => {
    expect(takeOptions(['--from', 'd', '--data', 'dir', '--out=f.csv', '--mask'], ['data', 'out'], 'u')).toEqual({
      values: { data: 'dir', out: 'f.csv' },
      rest: ['--from', 'd', '--mask'],
    })
    expect(reported(takeOptions(['--from', 'd', '--out'], ['data', 'out'], 'u'))).toEqual({
      code: 2,
      err: '--out 缺少值（missing value）\nu\n',
    })
  })
})
