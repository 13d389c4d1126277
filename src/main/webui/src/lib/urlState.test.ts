import { describe, expect, it } from 'vitest'
import { DEFAULT_STATE, parseExploreQuery, serializeExploreState, toQueryString, type ExploreState, type RawQuery } from './urlState'

function roundTrip(state: ExploreState): ExploreState {
  // through a real query string, as a reload does
  const qs = toQueryString(serializeExploreState(state))
  const params = new URLSearchParams(qs)
  const raw: RawQuery = {}
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key)
    raw[key] = values.length === 1 ? values[0] : values
  }
  return parseExploreQuery(raw)
}

describe('explore state <-> query string', () => {
  it('round-trips a full state', () => {
    const state: ExploreState = {
      project: 'shop',
      env: 'production',
      groups: ['/jinju/shop/production', '/aws/lambda/shop-api'],
      range: { kind: 'absolute', from: '2026-11-26T10:00:00.000Z', to: '2026-11-26T11:00:00.000Z' },
      query: 'level:error "payment failed" http.status:>=500 !type:vue 결제',
      levels: ['WARN', 'ERROR'],
      event: 'evt-123',
      live: false,
    }
    expect(roundTrip(state)).toEqual(state)
  })

  it('round-trips a relative range and the defaults', () => {
    const state: ExploreState = { ...DEFAULT_STATE, project: 'a', env: 'b', range: { kind: 'relative', preset: '7d' } }
    expect(roundTrip(state)).toEqual(state)
    expect(roundTrip(DEFAULT_STATE)).toEqual(DEFAULT_STATE)
  })

  it('leaves defaults out of the URL', () => {
    expect(serializeExploreState(DEFAULT_STATE)).toEqual({})
    expect(serializeExploreState({ ...DEFAULT_STATE, range: { kind: 'relative', preset: '1h' } })).toEqual({})
  })

  it('uses readable keys', () => {
    const qs = toQueryString(
      serializeExploreState({ ...DEFAULT_STATE, project: 'p', env: 'e', groups: ['g1', 'g2'], query: 'a b', levels: ['ERROR'], range: { kind: 'relative', preset: '24h' } }),
    )
    expect(qs).toBe('project=p&env=e&group=g1&group=g2&range=24h&q=a+b&level=ERROR')
  })

  it('normalises levels: case, aliases, comma lists, order, duplicates, unknowns', () => {
    const s = parseExploreQuery({ level: ['error', 'warning,ERROR', 'critical', 'nope'] })
    expect(s.levels).toEqual(['WARN', 'ERROR', 'FATAL'])
  })

  it('falls back to the default range for junk and prefers from/to', () => {
    expect(parseExploreQuery({ range: '3y' }).range).toEqual({ kind: 'relative', preset: '1h' })
    expect(parseExploreQuery({ from: 'x', to: 'y', range: '15m' }).range).toEqual({ kind: 'relative', preset: '15m' })
    expect(parseExploreQuery({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', range: '15m' }).range).toEqual({
      kind: 'absolute',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-02T00:00:00Z',
    })
  })

  it('tolerates nulls and arrays from the router', () => {
    const s = parseExploreQuery({ project: [null, 'p'], env: null, group: [null, 'g', 'g'], q: undefined })
    expect(s.project).toBe('p')
    expect(s.env).toBeNull()
    expect(s.groups).toEqual(['g'])
    expect(s.query).toBe('')
  })

  it('keeps live=1 with a relative range only', () => {
    const live: ExploreState = { ...DEFAULT_STATE, project: 'p', env: 'e', range: { kind: 'relative', preset: '15m' }, live: true }
    expect(toQueryString(serializeExploreState(live))).toBe('project=p&env=e&range=15m&live=1')
    expect(roundTrip(live)).toEqual(live)
    expect(parseExploreQuery({ live: '0' }).live).toBe(false)
    expect(parseExploreQuery({ live: '1', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }).live).toBe(false)
    expect(serializeExploreState({ ...DEFAULT_STATE, range: { kind: 'absolute', from: 'a', to: 'b' }, live: true }).live).toBeUndefined()
  })
})
