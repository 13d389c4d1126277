// Builds the GraphQL EventFilter of a search.

import type { EventFilter, Level } from '../graphql/types'
import type { ResolvedRange } from './timeRange'

export function buildFilter(groups: string[], range: ResolvedRange, levels: Level[], query: string): EventFilter | null {
  if (groups.length === 0) return null
  const q = query.trim()
  return {
    groups: [...groups],
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    levels: levels.length ? [...levels] : null,
    query: q ? q : null,
  }
}
