import { describe, expect, it } from 'vitest'
import { splitAtPosition } from './queryError'
import { levelTotals, splitAt, stackedSeries } from './histogram'
import { splitStackTrace } from './stackTrace'
import { shortcutFor } from '../composables/useKeyboard'
import { toGraphqlError } from '../composables/useGraphql'
import type { HistogramBucket } from '../graphql/types'

describe('query error marker', () => {
  it('splits at the 0-based position', () => {
    expect(splitAtPosition('level:error (a', 12)).toEqual({ before: 'level:error ', at: '(', after: 'a' })
    expect(splitAtPosition('abc', 3)).toEqual({ before: 'abc', at: '', after: '' })
    expect(splitAtPosition('abc', 99)).toEqual({ before: 'abc', at: '', after: '' })
    expect(splitAtPosition('abc', null)).toEqual({ before: 'abc', at: '', after: '' })
  })

  it('reads code and position from GraphQL errors', () => {
    const e = toGraphqlError([{ message: 'expected ")"', extensions: { code: 'BAD_QUERY', position: 7 } }])
    expect(e.isBadQuery).toBe(true)
    expect(e.position).toBe(7)
    expect(e.message).toBe('expected ")"')
    const fromMessage = toGraphqlError([{ message: "at position 17: unknown field 'bogus'", extensions: { code: 'BAD_QUERY' } }])
    expect(fromMessage.position).toBe(17)
    expect(fromMessage.message).toBe("unknown field 'bogus'")
    const both = toGraphqlError([{ message: 'at position 3: x', extensions: { code: 'BAD_QUERY', position: 5 } }])
    expect(both.position).toBe(5)
    const other = toGraphqlError([{ message: 'boom' }])
    expect(other.isBadQuery).toBe(false)
    expect(other.position).toBeNull()
  })
})

describe('histogram helpers', () => {
  const buckets: HistogramBucket[] = [
    { start: '2026-11-26T10:00:00Z', end: '2026-11-26T11:00:00Z', counts: [{ level: 'INFO', count: 5 }, { level: 'ERROR', count: 2 }] },
    { start: '2026-11-26T11:00:00Z', end: '2026-11-26T12:00:00Z', counts: [{ level: 'WARN', count: 1 }] },
  ]

  it('sums per level', () => {
    expect(levelTotals(buckets)).toEqual({ TRACE: 0, DEBUG: 0, INFO: 5, WARN: 1, ERROR: 2, FATAL: 0 })
  })

  it('stacks series bottom-up', () => {
    const s = stackedSeries(buckets, ['INFO', 'WARN', 'ERROR'])
    expect(s.x).toEqual([Date.parse('2026-11-26T10:00:00Z') / 1000, Date.parse('2026-11-26T11:00:00Z') / 1000])
    expect(s.raw).toEqual([[5, 0], [0, 1], [2, 0]])
    expect(s.stacked).toEqual([[5, 0], [5, 1], [7, 1]])
  })

  it('splits buckets at an instant (previous vs current day)', () => {
    const [before, after] = splitAt(buckets, Date.parse('2026-11-26T11:00:00Z'))
    expect(before).toHaveLength(1)
    expect(after).toHaveLength(1)
  })
})

describe('stack traces', () => {
  it('marks frames of Java, JS and Python traces', () => {
    const lines = splitStackTrace(
      'TypeError: x is undefined\n    at charge (src/pay.ts:10:5)\n    at node_modules/vue/index.js:1:1\n  File "/var/task/app.py", line 3, in handler',
    )
    expect(lines.map((l) => l.kind)).toEqual(['header', 'frame-app', 'frame', 'frame-app'])
  })
})

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods })
  it('maps keys outside inputs', () => {
    expect(shortcutFor(key('/'), false)).toBe('/')
    expect(shortcutFor(key('j'), false)).toBe('j')
    expect(shortcutFor(key('k'), false)).toBe('k')
    expect(shortcutFor(key('Enter'), false)).toBe('Enter')
    expect(shortcutFor(key('x'), false)).toBeNull()
  })
  it('ignores typing and modifier combos, except Escape', () => {
    expect(shortcutFor(key('j'), true)).toBeNull()
    expect(shortcutFor(key('/'), true)).toBeNull()
    expect(shortcutFor(key('Escape'), true)).toBe('Escape')
    expect(shortcutFor(key('k', { ctrlKey: true }), false)).toBeNull()
  })
})
