import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../../../bot/ports/store/memory-store.js'
import { Lifecycle } from '../../../../bot/runtime/host/lifecycle.js'

describe('Lifecycle', () => {
  it('says nothing on the first start or after a clean stop', async () => {
    const store = new MemoryStore()
    const run = new Lifecycle(store)
    expect(await run.begin(1)).toBeUndefined()
    await run.end('stopped', 2)
    expect(await new Lifecycle(store).begin(3)).toBeUndefined()
  })

  it('tells the admins after a crash (the run never recorded its end) and after a connection loss', async () => {
    const store = new MemoryStore()
    await new Lifecycle(store).begin(1)
    const second = new Lifecycle(store)
    expect(await second.begin(2)).toContain('异常退出')
    await second.end('connection-lost', 3)
    expect(await new Lifecycle(store).begin(4)).toContain('连接中断')
  })

  it('never says reconnected at a first login after a start that never logged in (puppet unreachable, exit 75)', async () => {
    const store = new MemoryStore()
    await new Lifecycle(store).end('connection-lost', 1) // the failed start: no login, so no begin
    const run = new Lifecycle(store)
    expect(await run.begin(2)).toBeUndefined()
    // After a clean run, too: the failed start does not overwrite how the last real run ended.
    await run.end('stopped', 3)
    await new Lifecycle(store).end('connection-lost', 4)
    expect(await new Lifecycle(store).begin(5)).toBeUndefined()
  })
})
