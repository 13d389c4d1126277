// URL query string <-> explore view state. Every piece of the view lives in the URL so links can be shared.

import { LEVELS, type Level } from '../graphql/types'
import { DEFAULT_PRESET, isPresetKey, isValidInstant, type TimeRange } from './timeRange'

export interface ExploreState {
  project: string | null
  env: string | null
  groups: string[]
  range: TimeRange
  query: string
  levels: Level[]
  event: string | null
  /** live tail on (`live=1`) */
  live: boolean
}

/** Shape of vue-router's LocationQuery (kept local so this module stays framework-free). */
export type QueryValue = string | null | (string | null)[] | undefined
export type RawQuery = Record<string, QueryValue>
export type SerializedQuery = Record<string, string | string[]>

export const DEFAULT_STATE: ExploreState = Object.freeze({
  project: null,
  env: null,
  groups: [],
  range: { kind: 'relative', preset: DEFAULT_PRESET },
  query: '',
  levels: [],
  event: null,
  live: false,
}) as ExploreState

function first(value: QueryValue): string | null {
  if (Array.isArray(value)) {
    for (const v of value) if (typeof v === 'string') return v
    return null
  }
  return typeof value === 'string' ? value : null
}

function all(value: QueryValue): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '')
  return typeof value === 'string' && value !== '' ? [value] : []
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

export function normalizeLevel(value: string): Level | null {
  const upper = value.trim().toUpperCase()
  const aliases: Record<string, Level> = { WARNING: 'WARN', CRITICAL: 'FATAL', ERR: 'ERROR' }
  if ((LEVELS as readonly string[]).includes(upper)) return upper as Level
  return aliases[upper] ?? null
}

/** Levels in canonical order without duplicates. */
export function sortLevels(levels: Level[]): Level[] {
  return LEVELS.filter((l) => levels.includes(l))
}

export function parseExploreQuery(q: RawQuery): ExploreState {
  const from = first(q.from)
  const to = first(q.to)
  const preset = first(q.range)
  let range: TimeRange
  if (from && to && isValidInstant(from) && isValidInstant(to)) {
    range = { kind: 'absolute', from, to }
  } else if (isPresetKey(preset)) {
    range = { kind: 'relative', preset }
  } else {
    range = { kind: 'relative', preset: DEFAULT_PRESET }
  }
  const levels = sortLevels(
    all(q.level)
      .flatMap((v) => v.split(','))
      .map(normalizeLevel)
      .filter((l): l is Level => l !== null),
  )
  return {
    project: first(q.project) || null,
    env: first(q.env) || null,
    groups: unique(all(q.group)),
    range,
    query: first(q.q) ?? '',
    levels,
    event: first(q.event) || null,
    live: first(q.live) === '1' && range.kind === 'relative',
  }
}

/** Serialises state; defaults are left out so URLs stay short. Key order is stable. */
export function serializeExploreState(state: ExploreState): SerializedQuery {
  const out: SerializedQuery = {}
  if (state.project) out.project = state.project
  if (state.env) out.env = state.env
  if (state.groups.length) out.group = unique(state.groups)
  if (state.range.kind === 'absolute') {
    out.from = state.range.from
    out.to = state.range.to
  } else if (state.range.preset !== DEFAULT_PRESET) {
    out.range = state.range.preset
  }
  if (state.query) out.q = state.query
  if (state.levels.length) out.level = sortLevels(state.levels)
  if (state.event) out.event = state.event
  // live tail needs a relative range (it shows the preset's history below the new events)
  if (state.live && state.range.kind === 'relative') out.live = '1'
  return out
}

/** The part of the state that defines a search (everything but the selected event). */
export function searchKey(state: ExploreState): string {
  return JSON.stringify([state.groups, state.range, state.query, state.levels])
}

/** Builds a query string (for links rendered outside the router, e.g. tests or copy-link). */
export function toQueryString(q: SerializedQuery): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(q)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v)
  }
  return params.toString()
}
