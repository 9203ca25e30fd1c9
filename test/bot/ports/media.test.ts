import { describe, expect, it } from 'vitest'
import { RecentMedia } from '../../../bot/ports/media.js'

const bytes = (s: string) => async () => new TextEncoder().encode(s)
const text = async (media: RecentMedia, id: string) => {
  const got = await media.fetch(id)
  return got && new TextDecoder().decode(got)
}

describe('RecentMedia: the attachments of the most recent messages', () => {
  it('forgets the oldest once more than `keep` are registered, over many rounds', async () => {
    const media = new RecentMedia(3)
    for (let i = 1; i <= 1_000; i++) media.register(`m${i}`, bytes(`b${i}`))
    expect(await text(media, 'm997')).toBeUndefined()
    expect(await text(media, 'm998')).toBe('b998')
    expect(await text(media, 'm1000')).toBe('b1000')
  })

  it('counts an attachment registered again as the newest', async () => {
    const media = new RecentMedia(2)
    media.register('a', bytes('a1'))
    media.register('b', bytes('b'))
    media.register('a', bytes('a2'))
    media.register('c', bytes('c')) // forgets b, the oldest now
    expect(await text(media, 'b')).toBeUndefined()
    expect(await text(media, 'a')).toBe('a2')
    expect(await text(media, 'c')).toBe('c')
  })

  it('gives an attachment once: fetched, it no longer counts against `keep`', async () => {
    const media = new RecentMedia(2)
    media.register('a', bytes('a'))
    media.register('b', bytes('b'))
    expect(await text(media, 'a')).toBe('a')
    expect(await text(media, 'a')).toBeUndefined()
    media.register('c', bytes('c')) // two kept: b and c
    expect(await text(media, 'b')).toBe('b')
    expect(await text(media, 'c')).toBe('c')
  })
})
