import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../../../bot/ports/store/memory-store.js'
import { adminRoom, BINDINGS_DOC, GroupBindings } from '../../../../bot/runtime/groups/group-bindings.js'
import { GroupMatcher } from '../../../../bot/runtime/groups/group-matcher.js'

const entry = { responsible: [], plugins: {} }
const matcher = new GroupMatcher([
  { ...entry, name: '管理群', topic: '管理员群', kind: 'internal' },
  { ...entry, name: '销售群', topic: '销售部工作群', kind: 'internal' },
  { ...entry, name: '客户群', topicPattern: '交流群$', kind: 'customer' },
  { ...entry, name: '公告群', id: 'r-news', topic: '公告群', kind: 'broadcast' },
])

function bindings(store = new MemoryStore()) {
  return { b: new GroupBindings(store, () => '管理群'), store }
}

describe('GroupBindings', () => {
  it('binds an exact-topic group to the first room and keeps it there through a rename', () => {
    const { b, store } = bindings()
    expect(b.resolve(matcher, 'r-admin', '管理员群').ref?.configName).toBe('管理群')
    expect(b.resolve(matcher, 'r-admin', '改了名的群').ref).toMatchObject({ configName: '管理群', topic: '改了名的群' })
    expect(store.doc('group-bindings', BINDINGS_DOC).data).toEqual({ rooms: { 管理群: 'r-admin' } })
  })

  it('refuses another room that takes the topic, also after a restart on the same state', () => {
    const { b, store } = bindings()
    b.resolve(matcher, 'r-admin', '管理员群')
    expect(b.resolve(matcher, 'r-evil', '管理员群')).toEqual({
      refused: { configName: '管理群', boundTo: 'r-admin' },
    })
    const again = new GroupBindings(store, () => '管理群')
    expect(again.resolve(matcher, 'r-evil', '管理员群').ref).toBeUndefined()
  })

  it('binds neither of two rooms that match an unbound group in the same sweep', () => {
    const { b } = bindings()
    const out = b.resolveAll(matcher, [
      { id: 'r-a', topic: '销售部工作群' },
      { id: 'r-b', topic: '销售部工作群' },
      { id: 'r-c', topic: '管理员群' },
    ])
    expect(out.get('r-a')).toEqual({ refused: { configName: '销售群', boundTo: 'r-b', ambiguous: true } })
    expect(out.get('r-b')?.ref).toBeUndefined()
    expect(out.get('r-c')?.ref?.configName).toBe('管理群')
  })

  it('matches topic patterns each time (many rooms) and id entries only by id', () => {
    const { b } = bindings()
    expect(b.resolve(matcher, 'r-1', '张三交流群').ref?.configName).toBe('客户群')
    expect(b.resolve(matcher, 'r-2', '李四交流群').ref?.configName).toBe('客户群')
    expect(b.resolve(matcher, 'r-news', '随便').ref?.configName).toBe('公告群')
    expect(b.resolve(matcher, 'r-fake', '公告群').ref).toBeUndefined()
  })

  it('finds the admin room only when exactly one room is that group', () => {
    const g = (id: string) => ({ id, topic: 't', kind: 'internal' as const, configName: '管理群' })
    expect(adminRoom([g('r-admin')], '管理群')).toBe('r-admin')
    expect(adminRoom([g('r-admin'), g('r-evil')], '管理群')).toBeUndefined()
  })
})
