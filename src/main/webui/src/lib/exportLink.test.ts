import { describe, expect, it } from 'vitest'
import { buildExportUrl } from './exportLink'
import { buildFilter } from './filter'

describe('export links', () => {
  const filter = {
    groups: ['/jinju/shop/production', '/aws/lambda/shop-api'],
    from: '2026-11-26T10:00:00.000Z',
    to: '2026-11-26T11:00:00.000Z',
    levels: ['ERROR', 'WARN'] as ('ERROR' | 'WARN')[],
    query: 'url:*checkout* "payment failed" & more',
  }

  it('builds the CSV link with repeated groups and levels', () => {
    const url = buildExportUrl('csv', filter)
    expect(url.startsWith('/api/export?')).toBe(true)
    const params = new URLSearchParams(url.slice(url.indexOf('?') + 1))
    expect(params.get('format')).toBe('csv')
    expect(params.getAll('groups')).toEqual(filter.groups)
    expect(params.get('from')).toBe(filter.from)
    expect(params.get('to')).toBe(filter.to)
    expect(params.getAll('levels')).toEqual(['ERROR', 'WARN'])
    expect(params.get('query')).toBe(filter.query)
  })

  it('encodes special characters', () => {
    expect(buildExportUrl('jsonl', filter)).toBe(
      '/api/export?format=jsonl&groups=%2Fjinju%2Fshop%2Fproduction&groups=%2Faws%2Flambda%2Fshop-api' +
        '&from=2026-11-26T10%3A00%3A00.000Z&to=2026-11-26T11%3A00%3A00.000Z&levels=ERROR&levels=WARN' +
        '&query=url%3A*checkout*+%22payment+failed%22+%26+more',
    )
  })

  it('leaves out empty levels and query', () => {
    const url = buildExportUrl('csv', { ...filter, levels: null, query: null })
    expect(url).not.toContain('levels=')
    expect(url).not.toContain('query=')
  })

  it('matches the GraphQL filter of the same search', () => {
    const f = buildFilter(['g'], { from: new Date(filter.from), to: new Date(filter.to) }, [], '  ')
    expect(f).toEqual({ groups: ['g'], from: filter.from, to: filter.to, levels: null, query: null })
    expect(buildFilter([], { from: new Date(), to: new Date() }, [], '')).toBeNull()
    expect(buildExportUrl('csv', f!)).toBe('/api/export?format=csv&groups=g&from=2026-11-26T10%3A00%3A00.000Z&to=2026-11-26T11%3A00%3A00.000Z')
  })
})
