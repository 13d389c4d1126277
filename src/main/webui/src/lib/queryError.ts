// Splits the query at the error position the server reports (0-based), for an inline marker.

export interface MarkedQuery {
  before: string
  at: string
  after: string
}

export function splitAtPosition(query: string, position: number | null): MarkedQuery {
  if (position === null || !Number.isFinite(position)) return { before: query, at: '', after: '' }
  const p = Math.max(0, Math.min(Math.trunc(position), query.length))
  // keep surrogate pairs together
  const cp = query.codePointAt(p)
  const width = cp !== undefined && cp > 0xffff ? 2 : 1
  return { before: query.slice(0, p), at: query.slice(p, p + width), after: query.slice(p + width) }
}
