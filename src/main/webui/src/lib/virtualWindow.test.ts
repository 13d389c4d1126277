import { describe, expect, it } from 'vitest'
import { computeWindow, moveIndex, scrollToRow, shouldLoadMore } from './virtualWindow'

describe('virtual list window', () => {
  it('renders only the visible rows plus overscan', () => {
    const w = computeWindow({ scrollTop: 0, viewportHeight: 300, rowHeight: 30, count: 100_000, overscan: 5 })
    expect(w).toEqual({ start: 0, end: 15, offset: 0, totalHeight: 3_000_000 })
  })

  it('follows the scroll position', () => {
    const w = computeWindow({ scrollTop: 30_015, viewportHeight: 300, rowHeight: 30, count: 100_000, overscan: 5 })
    // first visible row 1000 (partly), last 1011
    expect(w.start).toBe(995)
    expect(w.end).toBe(1016)
    expect(w.offset).toBe(995 * 30)
  })

  it('clamps at the end and past it', () => {
    const w = computeWindow({ scrollTop: 10_000_000, viewportHeight: 300, rowHeight: 30, count: 1000, overscan: 5 })
    expect(w.end).toBe(1000)
    expect(w.start).toBe(1000 - 10 - 5)
  })

  it('handles empty and tiny lists', () => {
    expect(computeWindow({ scrollTop: 0, viewportHeight: 300, rowHeight: 30, count: 0 })).toEqual({ start: 0, end: 0, offset: 0, totalHeight: 0 })
    expect(computeWindow({ scrollTop: 50, viewportHeight: 300, rowHeight: 30, count: 3 })).toMatchObject({ start: 0, end: 3 })
  })

  it('asks for the next page near the end only when there is one', () => {
    expect(shouldLoadMore(150, 200, true, 50)).toBe(true)
    expect(shouldLoadMore(149, 200, true, 50)).toBe(false)
    expect(shouldLoadMore(200, 200, false, 50)).toBe(false)
  })

  it('scrolls a row into view with minimal movement', () => {
    expect(scrollToRow(5, 0, 300, 30)).toBeNull()
    expect(scrollToRow(10, 0, 300, 30)).toBe(30)
    expect(scrollToRow(2, 120, 300, 30)).toBe(60)
  })

  it('moves the keyboard selection within bounds', () => {
    expect(moveIndex(-1, 1, 10)).toBe(0)
    expect(moveIndex(-1, -1, 10)).toBe(0)
    expect(moveIndex(3, 1, 10)).toBe(4)
    expect(moveIndex(0, -1, 10)).toBe(0)
    expect(moveIndex(9, 1, 10)).toBe(9)
    expect(moveIndex(0, 1, 0)).toBe(-1)
  })
})
