import { describe, expect, it } from 'vitest'
import { LiveBuffer, mergeLive } from './liveBuffer'

const ev = (id: string | number) => ({ id: String(id) })
const ids = (list: readonly { id: string }[]) => list.map((e) => e.id)

describe('LiveBuffer', () => {
  it('prepends batches newest first and returns what became visible', () => {
    const b = new LiveBuffer(10)
    expect(ids(b.add([ev(1), ev(2)]))).toEqual(['2', '1'])
    expect(ids(b.add([ev(3)]))).toEqual(['3'])
    expect(ids(b.items)).toEqual(['3', '2', '1'])
  })

  it('drops duplicates, within a batch and across batches', () => {
    const b = new LiveBuffer(10)
    b.add([ev(1), ev(1), ev(2)])
    expect(b.add([ev(2)])).toEqual([])
    expect(ids(b.items)).toEqual(['2', '1'])
  })

  it('caps the buffer, dropping the oldest, and forgets dropped ids', () => {
    const b = new LiveBuffer(3)
    b.add([ev(1), ev(2), ev(3), ev(4), ev(5)])
    expect(ids(b.items)).toEqual(['5', '4', '3'])
    expect(b.dropped).toBe(2)
    b.add([ev(6)])
    expect(ids(b.items)).toEqual(['6', '5', '4'])
    expect(b.dropped).toBe(3)
    // an id that fell out may come again (it is not a duplicate of anything shown)
    expect(ids(b.add([ev(1)]))).toEqual(['1'])
  })

  it('keeps one huge batch within the cap', () => {
    const b = new LiveBuffer(5000)
    const batch = Array.from({ length: 12_000 }, (_, i) => ev(i))
    const visible = b.add(batch)
    expect(b.items.length).toBe(5000)
    expect(visible.length).toBe(5000)
    expect(b.items[0]?.id).toBe('11999')
    expect(b.items[4999]?.id).toBe('7000')
  })

  it('holds events back while paused and puts them on top when resumed', () => {
    const b = new LiveBuffer(4)
    b.add([ev(1), ev(2)])
    b.setPaused(true)
    expect(b.isPaused).toBe(true)
    expect(b.add([ev(3), ev(4)])).toEqual([])
    expect(ids(b.items)).toEqual(['2', '1'])
    expect(ids(b.pending)).toEqual(['4', '3'])
    expect(b.add([ev(3)])).toEqual([]) // duplicate of a pending one
    expect(ids(b.setPaused(false))).toEqual(['4', '3'])
    expect(ids(b.items)).toEqual(['4', '3', '2', '1'])
    expect(b.pending).toEqual([])
    expect(b.setPaused(false)).toEqual([])
  })

  it('caps pending events too', () => {
    const b = new LiveBuffer(2)
    b.setPaused(true)
    b.add([ev(1), ev(2), ev(3)])
    expect(ids(b.pending)).toEqual(['3', '2'])
    b.setPaused(false)
    expect(ids(b.items)).toEqual(['3', '2'])
  })

  it('clear forgets everything', () => {
    const b = new LiveBuffer(5)
    b.add([ev(1)])
    b.clear()
    expect(b.items).toEqual([])
    expect(ids(b.add([ev(1)]))).toEqual(['1'])
  })
})

describe('mergeLive', () => {
  it('puts live events on top and drops searched duplicates', () => {
    expect(ids(mergeLive([ev('c'), ev('b')], [ev('b'), ev('a')]))).toEqual(['c', 'b', 'a'])
  })

  it('returns the other list as is when one is empty', () => {
    const searched = [ev('a')]
    expect(mergeLive([], searched)).toBe(searched)
    const live = [ev('b')]
    expect(mergeLive(live, [])).toBe(live)
  })
})
