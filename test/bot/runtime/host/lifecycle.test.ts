import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../../../bot/ports/store/memory-store.js'
import { Lifecycle } from '../../../../bot/runtime/host/lifecycle.js'

describe('Lifecycle', () => {
  it('says nothing on the first start or after a clean stop', async () => {
    const store = new MemoryStore()
    expect(await new Lifecycle(store).begin(1)).toBeUndefined()
    await new Lifecycle(store).end('stopped', 2)
    expect(await new Lifecycle(store).begin(3)).toBeUndefined()
  })

  it('tells the admins after a crash (the run never recorded its end) and after a connection loss', async () => {
    const store = new MemoryStore()
    await new Lifecycle(store).begin(1)
    expect(await new Lifecycle(store).begin(2)).toContain('异常退出')
    await new Lifecycle(store).end('connection-lost', 3)
    expect(await new Lifecycle(store).begin(4)).toContain('连接中断')
  })
})
