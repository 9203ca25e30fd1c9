import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
const CLI = resolve('bot/cli.ts')

/** Run the command line as a user would, in a fresh Node. */
function cli(...argv: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...argv], { encoding: 'utf8' })
  return { rc: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('the command line', () => {
  it('lists every command on --help, names aligned, rc 0', () => {
    const { rc, stdout } = cli('--help')
    expect(rc).toBe(0)
    const rows = stdout.split('\n').filter(line => /^ {2}\S/.test(line))
    expect(rows.map(row => row.trim().split(/\s+/)[0])).toContain('config-reference')
    const columns = new Set(rows.map(row => row.slice(2).search(/ {2}\S/)))
    expect(columns.size).toBe(1)
  })

  it('says what each command does in Chinese first, as every other message of the command line', () => {
    const { stdout } = cli('--help')
    expect(stdout).toContain('  archive           导出信息记录，或核对存档是否完整 export the message archive')
    expect(stdout).toContain('  stats             导出群活跃度统计 activity figures')
    expect(cli('cases', '--help').stdout).toBe(
      'usage: group-guard cases export [--from DATE] [--to DATE] [--format md|json|csv] [--mask] [--data DIR] [--out FILE]\n  导出销售案例 export shared sales cases (every account with BOT_DATABASE_URL)\n',
    )
  })

  it('takes -h for --help', () => {
    expect(cli('stats', '-h')).toEqual({
      rc: 0,
      stdout: expect.stringMatching(/^usage: group-guard stats /),
      stderr: '',
    })
  })

  it('says an unknown command is unknown before the usage, rc 2', () => {
    const { rc, stderr } = cli('chek')
    expect(rc).toBe(2)
    expect(stderr.split('\n')[0]).toBe('没有这个命令 chek（unknown command）')
    expect(stderr).toContain('check-config')
  })

  it.each(['check', 'check-config', 'start'])('prints %s --help with rc 0', name => {
    const { rc, stdout, stderr } = cli(name, '--help')
    expect({ rc, stderr }).toEqual({ rc: 0, stderr: '' })
    expect(stdout).toMatch(new RegExp(`^usage: group-guard ${name} `))
  })

  it("check-config heads a bad config's problems as config problems, not as a refused start", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gg-cli-'))
    writeFileSync(join(dir, 'bot.yaml'), 'company: x\ntimezone: Asia/Shangai\n')
    const { rc, stderr } = cli('check-config', join(dir, 'bot.yaml'))
    expect(rc).toBe(1)
    expect(stderr.split('\n').slice(0, 2)).toEqual([
      '❌ 配置有误 (config problems): 1 problem(s)',
      `  - ${join(dir, 'bot.yaml')}:2: timezone: 应为 IANA 时区，如 Asia/Shanghai，填的是 "Asia/Shangai"（expected an IANA timezone）`,
    ])
  })

  it('check-config passes a reminder that is not shorter than its deadline, with a warning naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gg-cli-'))
    writeFileSync(
      join(dir, 'bot.yaml'),
      'company: x\ngroups:\n  - { name: 销售群, topic: 销售群, kind: internal }\n  - { name: 南宁群, topic: 南宁群, kind: internal, plugins: { ack: { deadline: 5m } } }\nplugins:\n  ack: { deadline: 30 mins, remindBefore: 10m }\n',
    )
    const { rc, stderr } = cli('check-config', join(dir, 'bot.yaml'))
    expect(rc).toBe(0)
    expect(stderr).toContain(
      '⚠️ groups[1]（南宁群）.plugins.ack.remindBefore（10分钟）不短于 deadline（5分钟）：提醒会在发出通知时就发，或根本来不及',
    )
    expect(stderr).not.toContain('plugins.ack.remindBefore（10分钟）不短于 deadline（30分钟）')
  })

  it('counts every YAML syntax error in the header, those folded into the "more" line too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gg-cli-'))
    const list = Array.from({ length: 20 }, (_, i) => `  - { name: 成员${i}, dept: 销售部 }`).join('\n')
    writeFileSync(join(dir, 'bot.yaml'), `company: x\nroster: staff.csv\n${list}\ngroups: []\n`)
    const { rc, stderr } = cli('check-config', join(dir, 'bot.yaml'))
    expect(rc).toBe(1)
    const count = Number(/: (\d+) problem\(s\)/.exec(stderr)?.[1])
    const more = Number(/后面还有 (\d+) 个语法错误/.exec(stderr)?.[1])
    expect(more).toBeGreaterThan(0)
    expect(count).toBe(3 + more)
  })

  it('ends quietly with rc 0 when the reader closes stdout early (| head -1)', () => {
    const script = `"${process.execPath}" --import "${TSX}" "${CLI}" config-reference --json | head -1; exit \${PIPESTATUS[0]}`
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' })
    expect({ rc: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ rc: 0, stdout: '{\n', stderr: '' })
  })
})
