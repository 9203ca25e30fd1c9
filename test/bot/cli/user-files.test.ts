import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../bot/cli/main.js'

const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
const CLI = resolve('bot/cli.ts')
let dir: string

/** A fresh Node per command is slow on a loaded machine. */
const SPAWN_TIMEOUT = 60_000

/** Run the command line in a fresh Node from an empty folder, as a user would, without a puppet or .env. */
function cli(...argv: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, BOT_DATA_DIR: join(dir, 'state') }
  for (const name of ['WECHATY_PUPPET', 'BOT_CONFIG', 'BOT_DATABASE_URL', 'LOG_LEVEL']) delete env[name]
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...argv], { encoding: 'utf8', cwd: dir, env })
  return { rc: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Run the command line's entry in this process (absolute paths): its exit code and what it printed. */
async function inProcess(...argv: string[]) {
  const printed = { stdout: '', stderr: '' }
  for (const stream of ['stdout', 'stderr'] as const)
    vi.spyOn(process[stream], 'write').mockImplementation(chunk => {
      printed[stream] += String(chunk)
      return true
    })
  vi.stubEnv('BOT_DATA_DIR', join(dir, 'state'))
  await runCli(argv)
  const rc = process.exitCode
  process.exitCode = undefined
  return { rc, ...printed }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gg-files-'))
  mkdirSync(join(dir, 'folder'))
  mkdirSync(join(dir, 'state'))
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('a file or folder named on the command line that cannot be used: one line, rc 1, no Node error text', () => {
  it('check-config on a folder', { timeout: SPAWN_TIMEOUT }, () => {
    expect(cli('check-config', 'folder')).toEqual({
      rc: 1,
      stdout: '',
      stderr:
        '❌ 配置有误 (config problems): 1 problem(s)\n' +
        `  - 配置文件是一个文件夹，不是文件 config file is a folder, not a file: ${join(dir, 'folder')}（请给出文件的路径 name a file）\n`,
    })
  })

  it('replay of a transcript that is not there', { timeout: SPAWN_TIMEOUT }, () => {
    expect(cli('replay', 'missing.jsonl')).toEqual({
      rc: 1,
      stdout: '',
      stderr: `❌ 找不到回放记录文件 transcript file not found: ${join(dir, 'missing.jsonl')}（请检查路径 check the path）\n`,
    })
  })

  it('start on a sandbox world file that is not there', { timeout: SPAWN_TIMEOUT }, () => {
    expect(cli('start', '--world', 'missing.yaml')).toEqual({
      rc: 1,
      stdout: '',
      stderr: `❌ 找不到沙盒世界文件 sandbox world file not found: ${join(dir, 'missing.yaml')}（示例见 data/demo/world.yaml see data/demo/world.yaml）\n`,
    })
  })

  it('backup into an existing folder: refused before anything is written', async () => {
    expect(await inProcess('backup', join(dir, 'folder'))).toEqual({
      rc: 1,
      stdout: '',
      stderr: `❌ 备份文件是一个已有的文件夹 backup file is an existing folder: ${join(dir, 'folder')}（请给出要写的文件名 name the file to write）\n`,
    })
    expect(readdirSync(dir).filter(f => f.startsWith('folder'))).toEqual(['folder'])
  })

  it('restore of a folder instead of a backup file', async () => {
    expect(await inProcess('restore', join(dir, 'folder'), '--into', join(dir, 'restored'))).toEqual({
      rc: 1,
      stdout: '',
      stderr: `❌ 备份文件是一个文件夹，不是文件 backup file is a folder, not a file: ${join(dir, 'folder')}（请给出文件的路径 name a file）\n`,
    })
  })

  it('stats --out a file in a folder that is not there', async () => {
    expect(await inProcess('stats', '--from', '2026-11-30', '--out', join(dir, 'nowhere/stats.csv'))).toEqual({
      rc: 1,
      stdout: '',
      stderr: `❌ 找不到导出文件所在的文件夹 the folder of the output file not found: ${join(dir, 'nowhere')}（请检查路径 check the path）\n`,
    })
  })
})
