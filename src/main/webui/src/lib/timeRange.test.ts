import { describe, expect, it } from 'vitest'
import { PRESETS, absoluteRange, fromDatetimeLocal, isPresetKey, resolveRange, toDatetimeLocal } from './timeRange'

const NOW = Date.parse('2026-11-26T12:00:00.000Z')

describe('time range presets', () => {
  it('resolves each preset to a range ending now', () => {
    expect(resolveRange({ kind: 'relative', preset: '15m' }, NOW).from.toISOString()).toBe('2026-11-26T11:45:00.000Z')
    expect(resolveRange({ kind: 'relative', preset: '1h' }, NOW).from.toISOString()).toBe('2026-11-26T11:00:00.000Z')
    expect(resolveRange({ kind: 'relative', preset: '24h' }, NOW).from.toISOString()).toBe('2026-11-25T12:00:00.000Z')
    expect(resolveRange({ kind: 'relative', preset: '7d' }, NOW).from.toISOString()).toBe('2026-11-19T12:00:00.000Z')
    for (const key of Object.keys(PRESETS) as (keyof typeof PRESETS)[]) {
      expect(resolveRange({ kind: 'relative', preset: key }, NOW).to.getTime()).toBe(NOW)
    }
  })

  it('resolves absolute ranges as given', () => {
    const r = resolveRange({ kind: 'absolute', from: '2026-11-26T10:00:00Z', to: '2026-11-26T10:30:00+09:00' }, NOW)
    expect(r.from.toISOString()).toBe('2026-11-26T10:00:00.000Z')
    expect(r.to.toISOString()).toBe('2026-11-26T01:30:00.000Z')
  })

  it('builds ordered absolute ranges (histogram zoom)', () => {
    expect(absoluteRange(NOW, NOW - 60_000)).toEqual({
      kind: 'absolute',
      from: '2026-11-26T11:59:00.000Z',
      to: '2026-11-26T12:00:00.000Z',
    })
  })

  it('knows its preset keys', () => {
    expect(isPresetKey('24h')).toBe(true)
    expect(isPresetKey('toString')).toBe(false)
    expect(isPresetKey(undefined)).toBe(false)
  })

  it('converts datetime-local values both ways in the browser time zone', () => {
    const d = new Date(2026, 10, 26, 9, 5, 7)
    expect(toDatetimeLocal(d)).toBe('2026-11-26T09:05:07')
    expect(fromDatetimeLocal('2026-11-26T09:05:07')?.getTime()).toBe(d.getTime())
    expect(fromDatetimeLocal('2026-11-26T09:05')?.getTime()).toBe(new Date(2026, 10, 26, 9, 5).getTime())
    expect(fromDatetimeLocal('')).toBeNull()
    expect(fromDatetimeLocal('yesterday')).toBeNull()
  })
})
