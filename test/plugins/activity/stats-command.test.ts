import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../../bot/ports/store/memory-store.js'
import { countMessage, CURRENT_SPEC, emptyCurrent, groupDay } from '../../../plugins/activity/state.js'
import { runStats } from '../../../plugins/activity/cli/stats-command.js'

const at = (s: string) => Date.parse(`${s}+08:00`)

function storeWithData(): MemoryStore {
  const store = new MemoryStore()
  const closed = groupDay(emptyCurrent(), {
    day: '2026-11-29',
    groupId: 'c1',
    topic: '示例科技张三交流群',
    kind: 'customer',
  })
  countMessage(closed, {
    memberId: 'c1',
    name: '=刘总, "VIP"',
    staff: false,
    kind: 'text',
    chars: 8,
    at: at('2026-11-29T10:05:00'),
    hour: 10,
  })
  countMessage(closed, {
    memberId: 'zhang',
    name: '张三',
    staff: true,
    kind: 'image',
    chars: 0,
    at: at('2026-11-29T10:08:00'),
    hour: 10,
  })
  closed.responses.push(['zhang', 3 * 60_000])
  closed.size = 4
  store.append('activity-days', '2026-11-29', closed)
  const current = store.doc('activity-current', CURRENT_SPEC).data
  countMessage(groupDay(current, { day: '2026-11-30', groupId: 'r1', topic: '销售部工作群', kind: 'internal' }), {
    memberId: 'li',
    name: '李四',
    staff: true,
    kind: 'text',
    chars: 2,
    at: at('2026-11-30T09:00:00'),
    hour: 9,
  })
  return store
}

async function run(argv: string[], store = storeWithData()): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough()
  const err = new PassThrough()
  const text = { out: '', err: '' }
  out.on('data', c => {
    text.out += c
  })
  err.on('data', c => {
    text.err += c
  })
  const code = await runStats(argv, store, 'Asia/Shanghai', out, err)
  return { code, ...text }
}

describe('stats export', () => {
  it('writes one CSV row per member and day, from closed and open days, headed in Chinese, safe for Excel', async () => {
    const { code, out } = await run(['--from', '2026-11-29', '--to', '2026-11-30', '--format', 'csv'])
    expect(code).toBe(0)
    const lines = out.split('\n')
    expect(lines[0]).toBe(
      '\uFEFF日期,群ID,群,群类型,成员ID,成员,员工,消息数,字数,文字,图片,链接,文件,语音,视频,表情,小程序,红包,其他,首条,末条,回复客户次数,响应中位数（分钟）,响应P90（分钟）',
    )
    expect(lines[1]).toContain(`2026-11-29,c1,示例科技张三交流群,客户群,c1,"'=刘总, ""VIP""",否,1,8,1,0`)
    expect(lines[2]).toMatch(/^2026-11-29,c1,.*,zhang,张三,是,1,0,0,1,.*,10:08,10:08,1,3,3$/)
    expect(lines[3]).toMatch(/^2026-11-30,r1,销售部工作群,内部群,li,李四,是,1,2/)
  })

  it('writes group rows with share and response times', async () => {
    const { out } = await run(['--from=2026-11-29', '--by', 'group'])
    const [head, row] = out.split('\n')
    expect(head).toBe(
      '\uFEFF日期,群ID,群,群类型,群人数,消息数,发言人数,发言占比（%）,进群,退群,回复客户次数,响应中位数（分钟）,响应P90（分钟）,未回复,高峰小时',
    )
    expect(row).toBe('2026-11-29,c1,示例科技张三交流群,客户群,4,2,2,50,0,0,1,3,3,0,10')
  })

  it('writes the English headers and values of before with --headers en, for scripts that read them', async () => {
    const members = (await run(['--from', '2026-11-29', '--headers', 'en'])).out.split('\n')
    expect(members[0]).toMatch(/^\uFEFFday,group_id,group,group_kind,member_id,member,staff,messages,chars,text,image/)
    expect(members[1]).toContain(`2026-11-29,c1,示例科技张三交流群,customer,c1,"'=刘总, ""VIP""",false,1,8,1,0`)
    const groups = (await run(['--from=2026-11-29', '--by', 'group', '--headers', 'en'])).out.split('\n')
    expect(groups[0]).toBe(
      '\uFEFFday,group_id,group,group_kind,size,messages,active_members,active_share,joined,left,answered,response_median_min,response_p90_min,unanswered,peak_hour',
    )
    expect(groups[1]).toBe('2026-11-29,c1,示例科技张三交流群,customer,4,2,2,50,0,0,1,3,3,0,10')
    expect((await run(['--from', '2026-11-29', '--headers', 'fr'])).err).toContain('--headers 只能是 zh')
  })

  it('writes JSON with both tables', async () => {
    const { out } = await run(['--from', '2026-11-30', '--format', 'json'])
    const data = JSON.parse(out)
    expect(data.groups).toHaveLength(1)
    expect(data.members[0]).toMatchObject({ member: '李四', messages: 1, first: '09:00' })
  })

  it('says so on stderr when the period has no data, and explains bad arguments there (stdout stays data only)', async () => {
    expect(await run(['--from', '2026-01-01', '--to', '2026-01-31'])).toEqual({
      code: 1,
      out: '',
      err: expect.stringContaining('没有活跃度数据'),
    })
    expect(await run(['--from', '30/11/2026'])).toEqual({
      code: 2,
      out: '',
      err: expect.stringContaining('usage: stats'),
    })
    expect(await run(['--from', '2026-02-30'])).toEqual({
      code: 2,
      out: '',
      err: expect.stringContaining('--from/--to：「2026-02-30」不是有效的日期，请写成年-月-日，例如 2026-12-01。'),
    })
    expect((await run(['--from', '2026-11-01', '--to', '2026-11-31'])).err).toContain(
      '--from/--to：「2026-11-31」不是有效的日期',
    )
    expect((await run(['--from', '2026-11-30', '--to', '2026-11-01'])).err).toContain(
      '--from 2026-11-30 晚于 --to 2026-11-01，请对调两个日期。',
    )
    expect((await run(['--to', '2026-11-30'])).err).toContain('缺少 --from')
    expect((await run(['--from', '2026-11-30', '--format', 'xlsx'])).code).toBe(2)
    expect((await run(['--from', '2026-11-30', '--to', '2026-11-01'])).code).toBe(2)
  })
})
