import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadRoster, RosterError } from '../../../bot/roster/load-roster.js'

function rosterFile(name: string, content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'roster-')), name)
  writeFileSync(file, content)
  return file
}

function problemsOf(file: string): string[] {
  try {
    loadRoster(file)
  } catch (e) {
    if (e instanceof RosterError) return e.problems
    throw e
  }
  throw new Error('expected the roster to be rejected')
}

describe('loadRoster from CSV', () => {
  it('reads Chinese headers, normalises phone numbers and finds people by name and contact id', () => {
    const file = rosterFile(
      'staff.csv',
      '\uFEFF姓名,部门,电话,微信ID\n张三,销售部,138-0013-8000,wxid_zs\n# 离职人员已删除\n\n李四,市场部, 139 0013 9000 ,\n',
    )
    const roster = loadRoster(file)
    expect(roster.enabled).toBe(true)
    expect(roster.entries).toEqual([
      { name: '张三', dept: '销售部', phone: '13800138000', contactId: 'wxid_zs', line: 2 },
      { name: '李四', dept: '市场部', phone: '13900139000', line: 5 },
    ])
    expect(roster.byContact('wxid_zs')?.name).toBe('张三')
    expect(roster.named('李四')).toHaveLength(1)
    expect(roster.named('王五')).toEqual([])
  })

  it('reads English headers in any case and in any column order', () => {
    const roster = loadRoster(rosterFile('staff.csv', 'Phone,Name,Region,Dept\n13800138000,张三,南宁,销售部\n'))
    expect(roster.entries).toEqual([{ name: '张三', dept: '销售部', region: '南宁', phone: '13800138000', line: 2 }])
  })

  it('accepts namesakes in different departments', () => {
    const roster = loadRoster(rosterFile('staff.csv', '姓名,部门\n张三,销售部\n张三,市场部\n'))
    expect(roster.named('张三').map(e => e.dept)).toEqual(['销售部', '市场部'])
  })

  it('finds three namesakes in file order, and a repeated cell reads the same on every line', () => {
    const roster = loadRoster(
      rosterFile('staff.csv', '姓名,部门,地区\n张三,销售部,南宁\n张三,市场部,南宁\n张三,培训部,南宁\n'),
    )
    expect(roster.named('张三').map(e => e.dept)).toEqual(['销售部', '市场部', '培训部'])
    expect(roster.entries.map(e => e.region)).toEqual(['南宁', '南宁', '南宁'])
  })

  it('reports every problem with its line: bad phone, empty name, duplicate with both lines', () => {
    const file = rosterFile(
      'staff.csv',
      '姓名,部门,电话\n张三,销售部,13800138000\n李四,销售部,12345\n,市场部,\n张三,销售部,\n',
    )
    expect(problemsOf(file)).toEqual([
      `${file}:3: 手机号「12345」不是 11 位手机号码（phone "12345" is not an 11-digit mobile number）`,
      `${file}:4: 姓名为空（name (姓名) is empty）`,
      `${file}:5: 与第 2 行重复（张三）；同名的人请填不同的部门或地区（duplicate of line 2 (张三); give namesakes different departments or regions）`,
    ])
  })

  it('rejects a file without a name column', () => {
    const file = rosterFile('staff.csv', '部门,电话\n销售部,13800138000\n')
    expect(problemsOf(file)).toEqual([
      `${file}:1: 表头缺少姓名列（name 或 姓名）；可用的表头：name（姓名）、dept（部门）、region（地区）、phone（手机、电话）、contactId（微信id）、status（状态）、leftOn（离职日期）、successor（接替人）（header must name a "name" (姓名) column）`,
    ])
  })
})

describe('loadRoster: headings', () => {
  const HEADINGS =
    'name（姓名）、dept（部门）、region（地区）、phone（手机、电话）、contactId（微信id）、status（状态）、leftOn（离职日期）、successor（接替人）'

  it('refuses an unknown heading (its column would be dropped from every row), naming the nearest one', () => {
    const file = rosterFile('staff.csv', 'name,dept,region,phone,微信号\n张三,销售部,,13800138000,wxid_zs\n')
    expect(problemsOf(file)).toEqual([
      `${file}:1: 不认识的表头「微信号」，是不是「微信id」？可用的表头：${HEADINGS}（unknown heading "微信号"; did you mean "微信id"?）`,
    ])
    const typo = rosterFile('typo.csv', 'name,deparment,contactid\n张三,销售部,wxid_zs\n')
    expect(problemsOf(typo)).toEqual([
      `${typo}:1: 不认识的表头「deparment」，是不是「department」？可用的表头：${HEADINGS}（unknown heading "deparment"; did you mean "department"?）`,
    ])
  })

  it('refuses a field named twice, and skips empty headings (trailing commas from Excel)', () => {
    const file = rosterFile('staff.csv', 'name,phone,手机\n张三,13800138000,13800138000\n')
    expect(problemsOf(file)).toEqual([
      `${file}:1: 表头「phone」和「手机」是同一列，请删去一列（headings "phone" and "手机" name the same column）`,
    ])
    const trailing = rosterFile('trailing.csv', '姓名,部门,,\n张三,销售部,,\n')
    expect(loadRoster(trailing).entries).toEqual([{ name: '张三', dept: '销售部', line: 2 }])
  })

  it('refuses an unknown key in a YAML roster, and reads its Chinese keys', () => {
    const file = rosterFile(
      'staff.yaml',
      '- { 姓名: 张三, 微信id: wxid_zs }\n- { name: 李四, contactID: wxid_ls, 微信号: x }\n',
    )
    expect(problemsOf(file)).toEqual([
      `${file}:2: 微信号: 不认识的表头「微信号」，是不是「微信id」？可用的表头：${HEADINGS}（unknown heading "微信号"; did you mean "微信id"?）`,
    ])
    const ok = rosterFile('ok.yaml', '- { 姓名: 张三, 微信id: wxid_zs }\n')
    expect(loadRoster(ok).byContact('wxid_zs')?.name).toBe('张三')
  })
})

describe('loadRoster: files saved from Excel', () => {
  it('reads a GBK CSV, what Excel on Chinese Windows saves as "CSV"', () => {
    // 姓名,部门\n张三,销售部\n in GBK
    const file = rosterFile('gbk.csv', Buffer.from('d0d5c3fb2cb2bfc3c50ad5c5c8fd2ccffacadbb2bf0a', 'hex'))
    expect(loadRoster(file).entries).toEqual([{ name: '张三', dept: '销售部', line: 2 }])
  })

  it('says a GBK file was read as GBK when its header has no name column, in case it was another encoding', () => {
    // 部门,电话\n in GBK
    const file = rosterFile('gbk.csv', Buffer.from('b2bfc3c52cb5e7bbb00a', 'hex'))
    expect(problemsOf(file)).toEqual([
      `${file}:1: 表头缺少姓名列（name 或 姓名）；可用的表头：name（姓名）、dept（部门）、region（地区）、phone（手机、电话）、contactId（微信id）、status（状态）、leftOn（离职日期）、successor（接替人）（header must name a "name" (姓名) column）（文件不是 UTF-8，已按 GBK 读取；如果表头看起来没问题，请在 Excel 里另存为「CSV UTF-8」(save it from Excel as "CSV UTF-8")）`,
    ])
  })

  it('rejects an .xlsx workbook in Chinese, saying how to save it as CSV UTF-8', () => {
    const file = rosterFile('staff.csv', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]))
    expect(problemsOf(file)).toEqual([
      `${file}:1: 这是 Excel 工作簿，不是 CSV 文本 (an Excel workbook, not CSV)：请在 Excel 里另存为「CSV UTF-8」(save it from Excel as "CSV UTF-8")`,
    ])
  })

  it('reads quoted cells as Excel writes them: a comma inside stays in the cell, never moves the phone into contactId', () => {
    const file = rosterFile(
      'staff.csv',
      'name,dept,region,phone,contactId\n张三,"销售部,二组",,13800138001,wxid_zs\n"李四",销售部,"南宁 ""东区""",13800138002,wxid_ls\n',
    )
    expect(loadRoster(file).entries).toEqual([
      { name: '张三', dept: '销售部,二组', phone: '13800138001', contactId: 'wxid_zs', line: 2 },
      { name: '李四', dept: '销售部', region: '南宁 "东区"', phone: '13800138002', contactId: 'wxid_ls', line: 3 },
    ])
  })

  it('refuses a row with more cells than headings, or a quote left open, with its line and the fix', () => {
    const file = rosterFile(
      'staff.csv',
      'name,dept,phone,contactId\n张三,销售部,二组,13800138001,wxid_zs\n李四,"销售部,13800138002,wxid_ls\n王五,销售部,123,\n',
    )
    expect(problemsOf(file)).toEqual([
      `${file}:2: 比表头多出 1 列（「wxid_zs」）：格子里有逗号时请用英文引号括起来，如 "销售部,二组"（1 more cell(s) than headings）`,
      `${file}:3: 引号没有闭合（a quote is not closed）`,
      `${file}:4: 手机号「123」不是 11 位手机号码（phone "123" is not an 11-digit mobile number）`,
    ])
  })

  it('rejects text in neither UTF-8 nor GBK (UTF-16 from "Unicode 文本") in Chinese, with the fix', () => {
    const file = rosterFile('staff.csv', Buffer.from('\uFEFF姓名\n张三\n', 'utf16le'))
    expect(problemsOf(file)).toEqual([
      `${file}:1: 文件不是 UTF-8 或 GBK 编码的文本 (not UTF-8 or GBK text)：请在 Excel 里另存为「CSV UTF-8」(save it from Excel as "CSV UTF-8")`,
    ])
  })
})

describe('loadRoster from YAML', () => {
  it('reads a plain list', () => {
    const roster = loadRoster(
      rosterFile(
        'staff.yaml',
        '- { name: 张三, dept: 销售部, phone: 13800138000, contactId: wxid_zs }\n- { name: 李四, dept: 市场部 }\n',
      ),
    )
    expect(roster.entries.map(e => [e.name, e.dept, e.phone])).toEqual([
      ['张三', '销售部', '13800138000'],
      ['李四', '市场部', undefined],
    ])
    expect(roster.byContact('wxid_zs')?.name).toBe('张三')
  })

  it('reads a list under `staff:`', () => {
    const roster = loadRoster(
      rosterFile('staff.yml', 'staff:\n  - name: 张三\n    dept: 销售部\n  - name: 张三\n    dept: 市场部\n'),
    )
    expect(roster.named('张三').map(e => e.dept)).toEqual(['销售部', '市场部'])
  })

  it('reports problems with the line of the entry', () => {
    const file = rosterFile(
      'staff.yaml',
      '- { name: 张三, dept: 销售部 }\n- { name: 张三, dept: 销售部, phone: 110 }\n',
    )
    expect(problemsOf(file)).toEqual([
      `${file}:2: 手机号「110」不是 11 位手机号码（phone "110" is not an 11-digit mobile number）`,
      `${file}:2: 与第 1 行重复（张三）；同名的人请填不同的部门或地区（duplicate of line 1 (张三); give namesakes different departments or regions）`,
    ])
  })
})

describe('loadRoster: YAML line numbers', () => {
  it('names the source lines of multi-line YAML entries', () => {
    const file = rosterFile(
      'staff.yaml',
      `staff:
  - name: 张三
    dept: 销售部
  - name: 张三
    dept: 销售部
`,
    )
    expect(problemsOf(file)).toEqual([
      `${file}:4: 与第 2 行重复（张三）；同名的人请填不同的部门或地区（duplicate of line 2 (张三); give namesakes different departments or regions）`,
    ])
  })
})

describe('roster columns for staff who leave (状态, 离职日期, 接替人)', () => {
  it('reads the status, the leaving date and the successor, and says who has left on a day', async () => {
    const { hasLeft } = await import('../../../bot/roster/roster.js')
    const roster = loadRoster(
      rosterFile(
        'staff.csv',
        '姓名,部门,微信ID,状态,离职日期,接替人\n张三,销售部,u1,离职,,李四\n李四,销售部,u2,在职,,\n王五,销售部,u3,,2026-12-02,u2\n',
      ),
    )
    const [zhang, li, wang] = roster.entries
    expect(roster.successorOf(zhang)?.name).toBe('李四')
    expect(roster.successorOf(wang)?.name).toBe('李四')
    expect([zhang, li, wang].map(e => hasLeft(e, '2026-12-01'))).toEqual([true, false, false])
    expect(hasLeft(wang, '2026-12-02')).toBe(true)
  })

  it('refuses a successor who is not one person on the roster, or a date that is not a day', () => {
    const file = rosterFile(
      'staff.csv',
      'name,dept,region,contactId,successor,leftOn\n张三,销售部,,u1,赵六,\n李四,销售部,南宁,u2,王五,2026-13-01\n王五,销售部,,u3,王五,\n',
    )
    expect(problemsOf(file)).toEqual([
      `${file}:3: 离职日期「2026-13-01」应写成 2026-12-02 这样的日期（leftOn (离职日期) "2026-13-01" is not a date like 2026-12-02）`,
      `${file}:2: 接替人「赵六」不在花名册上（successor (接替人) "赵六" is not on the roster）`,
      `${file}:4: 接替人是本人（successor (接替人) is the person themselves）`,
    ])
  })
})
