import { describe, expect, it } from 'vitest'
import { formatChange, formatCount, formatDuration, formatShortTime, formatTime, formatUtc } from './format'

describe('formatting', () => {
  it('formats times in the local time zone with milliseconds', () => {
    const d = new Date(2026, 0, 2, 3, 4, 5, 6)
    expect(formatTime(d)).toBe('2026-01-02 03:04:05.006')
    expect(formatTime(d.toISOString())).toBe('2026-01-02 03:04:05.006')
    expect(formatShortTime(d)).toBe('03:04:05.006')
  })

  it('gives UTC for the hover title', () => {
    expect(formatUtc('2026-11-26T11:00:00.000+09:00')).toBe('2026-11-26 02:00:00.000 UTC')
  })

  it('passes invalid input through', () => {
    expect(formatTime('nonsense')).toBe('nonsense')
    expect(formatUtc('nonsense')).toBe('nonsense')
  })

  it('abbreviates counts', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(999)).toBe('999')
    expect(formatCount(1000)).toBe('1k')
    expect(formatCount(1234)).toBe('1.2k')
    expect(formatCount(56_789)).toBe('57k')
    expect(formatCount(1_500_000)).toBe('1.5M')
  })

  it('describes the change against the previous period', () => {
    expect(formatChange(10, 10)).toEqual({ text: '±0', direction: 'same' })
    expect(formatChange(5, 0)).toEqual({ text: 'new', direction: 'up' })
    expect(formatChange(15, 10)).toEqual({ text: '+50%', direction: 'up' })
    expect(formatChange(0, 10)).toEqual({ text: '−100%', direction: 'down' })
    expect(formatChange(1001, 1000)).toEqual({ text: '+<1%', direction: 'up' })
  })

  it('formats durations', () => {
    expect(formatDuration(30_000)).toBe('30 s')
    expect(formatDuration(15 * 60_000)).toBe('15 min')
    expect(formatDuration(5 * 3600_000)).toBe('5 h')
    expect(formatDuration(7 * 86400_000)).toBe('7 d')
  })
})
