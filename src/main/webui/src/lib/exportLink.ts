// Links to the server's export endpoint: GET /api/export?format=csv|jsonl&groups=..&from=..&to=..&levels=..&query=..

import type { EventFilter } from '../graphql/types'

export type ExportFormat = 'csv' | 'jsonl'

export function buildExportUrl(format: ExportFormat, filter: EventFilter, base = '/api/export'): string {
  const params = new URLSearchParams()
  params.append('format', format)
  for (const g of filter.groups) params.append('groups', g)
  params.append('from', filter.from)
  params.append('to', filter.to)
  for (const l of filter.levels ?? []) params.append('levels', l)
  if (filter.query) params.append('query', filter.query)
  return `${base}?${params.toString()}`
}
