import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { FileBox } from 'file-box'
import { afterEach, describe, expect, it } from 'vitest'
import { BINDINGS_DOC } from '../../../bot/runtime/groups/group-bindings.js'
import { campaignPlugin } from '../../../plugins/campaign/index.js'
import { contentPlugin } from '../../../plugins/content/index.js'
import { demoConfig, startSandboxApp } from '../../helpers/sandbox-app.js'

const SALES = 'r-sales@chatroom'
const NANNING = 'r-nanning@chatroom'
const NEWS = 'r-news@chatroom'
const CUSTOMER = 'r-cust-zhangsan@chatroom'
const ADMIN_TOPIC = '示例科技销售部工作群'

let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
})

describe('the admin channel and managed groups are bound to room ids', () => {
  const config = demoConfig('adminChannel: { mode: group, group: 销售部工作群 }')

  it('keeps reports in the original room when a member renames another group to its topic, and tells the admins', async () => {
    const s = await startSandboxApp(config)
    stop = s.stop
    s.world.setTopic(NANNING, ADMIN_TOPIC, 'wxid_du')
    await s.advance(10_000)
    await s.app.ports.refresh() // the periodic sweep
    await s.advance(10_000)
    expect(s.app.ports.group(NANNING)).toBeUndefined()
    expect(s.app.ports.group(SALES)?.configName).toBe('销售部工作群')
    s.app.runtime.executor.notifyAdmins('违规报告：张三 wxid_zhangsan')
    await s.advance(10_000)
    const toNanning = s.world.sent.filter(r => r.roomId === NANNING)
    expect(toNanning).toEqual([])
    const toAdmins = s.world.sent.filter(r => r.roomId === SALES).map(r => r.text)
    expect(toAdmins).toContainEqual(
      expect.stringContaining(`群「${ADMIN_TOPIC}」（${NANNING}）的群名与受管群「销售部工作群」相同`),
    )
    expect(toAdmins).toContainEqual('违规报告：张三 wxid_zhangsan')
  })

  it('follows the bound room through its own topic change and persists the binding', async () => {
    const s = await startSandboxApp(config)
    stop = s.stop
    s.world.setTopic(SALES, '销售部（改名）', 'wxid_boss')
    await s.advance(10_000)
    s.world.setTopic(NANNING, ADMIN_TOPIC, 'wxid_du')
    await s.advance(10_000)
    await s.app.ports.refresh()
    expect(s.app.ports.group(SALES)).toMatchObject({ configName: '销售部工作群', topic: '销售部（改名）' })
    expect(s.app.ports.group(NANNING)).toBeUndefined()
    expect(s.store.doc('group-bindings', BINDINGS_DOC).data).toMatchObject({ rooms: { 销售部工作群: SALES } })
  })
})

describe('images for posts come from messages sent to the bot', () => {
  const config =
    demoConfig(`roles: { admin: [wxid_admin], leader: [wxid_boss], editor: [wxid_zhangsan], approver: [wxid_boss] }
plugins:
  campaign: {}
`)
      .replace(/^roles: \{ admin: \[wxid_admin\], leader: \[wxid_boss\], trainer: \[wxid_trainer\] \}\n/m, '')
      .replace('groups:\n', 'groups:\n  - { name: 公告群, topic: 示例科技公告群, kind: broadcast }\n')

  it('saves an image sent privately, uses it with「| 图片」and shows the approver the image itself', async () => {
    const s = await startSandboxApp(config, [campaignPlugin])
    stop = s.stop
    const bytes = Buffer.from('\x89PNG poster bytes')
    s.world.send('wxid_zhangsan', {}, { kind: 'image', file: FileBox.fromBuffer(bytes, '../../etc/passwd.png') })
    await s.advance(1000)
    s.world.say('wxid_zhangsan', {}, '#排期 添加 明天 07:30 【早报】新品 | 图片')
    await s.advance(10_000)
    expect(s.world.sent.filter(r => r.toContactId === 'wxid_zhangsan').map(r => r.text)).toEqual([
      expect.stringContaining('✅ 已加入排期 #1'),
    ])
    const received = join(s.dir, 'output', 'received')
    const [saved] = readdirSync(received)
    expect(saved).toMatch(/^[0-9a-f]{32}\.png$/)
    expect(readFileSync(join(received, saved))).toEqual(bytes)
    expect(statSync(received).mode & 0o777).toBe(0o700)
    s.world.say('wxid_boss', {}, '#排期 审核')
    await s.advance(30_000)
    const toBoss = s.world.sent.filter(r => r.toContactId === 'wxid_boss')
    expect(toBoss.map(r => r.kind)).toEqual(['text', 'text', 'image'])
    expect(toBoss[2].fileName).toBe(saved)
    s.world.say('wxid_boss', {}, '#排期 通过 1')
    await s.advance(24 * 3600_000)
    expect(s.world.sent.filter(r => r.roomId === NEWS).map(r => r.kind)).toEqual(['text', 'image'])
  })
})

describe('a group first seen under a topic two rooms share', () => {
  it('binds neither room and tells the admins privately', async () => {
    const s = await startSandboxApp(demoConfig('adminChannel: { mode: group, group: 销售部工作群 }'))
    stop = s.stop
    // State from before bindings existed: forget the binding the login made, as an upgrade would find it.
    const doc = s.store.doc('group-bindings', BINDINGS_DOC)
    doc.data.rooms = {}
    s.world.setTopic(NANNING, ADMIN_TOPIC, 'wxid_du')
    await s.advance(10_000)
    doc.data.rooms = {}
    await s.app.ports.refresh()
    await s.advance(10_000)
    expect(s.app.ports.group(SALES)).toBeUndefined()
    expect(s.app.ports.group(NANNING)).toBeUndefined()
    expect(s.world.sent.filter(r => r.toContactId === 'wxid_admin').map(r => r.text)).toContainEqual(
      expect.stringContaining('机器人暂不接管其中任何一个'),
    )
  })
})

describe('group images are saved only where the QR check reads them', () => {
  it('saves an image posted in a group whose content config has qrCodes: true, not in the others', async () => {
    const config = demoConfig().replace(
      '  - { name: 客户交流群, topicPattern: "^示例科技.+交流群$", kind: customer }',
      '  - { name: 客户交流群, topicPattern: "^示例科技.+交流群$", kind: customer, plugins: { content: { qrCodes: true } } }',
    )
    const s = await startSandboxApp(config, [contentPlugin])
    stop = s.stop
    const received = join(s.dir, 'output', 'received')
    const savedFiles = (): string[] => (existsSync(received) ? readdirSync(received) : [])
    s.world.send(
      'wxid_zhangsan',
      { room: SALES },
      { kind: 'image', file: FileBox.fromBuffer(Buffer.from('a'), 'a.png') },
    )
    await s.advance(1000)
    expect(savedFiles()).toEqual([])
    const bytes = Buffer.from('\x89PNG customer image')
    s.world.send('wxid_c1', { room: CUSTOMER }, { kind: 'image', file: FileBox.fromBuffer(bytes, 'qr.png') })
    await s.advance(10_000)
    const saved = savedFiles()
    expect(saved).toHaveLength(1)
    expect(readFileSync(join(received, saved[0]))).toEqual(bytes)
  })
})
