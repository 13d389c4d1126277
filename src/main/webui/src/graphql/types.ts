// Hand-written types matching SPEC §8 (the GraphQL contract). Field names are fixed by the contract.

export const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const
export type Level = (typeof LEVELS)[number]

/** ISO-8601 with zone, e.g. 2026-11-26T11:00:00.000Z */
export type DateTime = string

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export interface LogGroup {
  name: string
}

export interface Environment {
  name: string
  logGroups: LogGroup[]
}

export interface Project {
  name: string
  environments: Environment[]
}

export interface EventFilter {
  groups: string[]
  from: DateTime
  to: DateTime
  levels?: Level[] | null
  query?: string | null
}

export interface Http {
  method?: string | null
  status?: number | null
}

export interface User {
  id?: string | null
  email?: string | null
  name?: string | null
}

/** The fields the event list needs (kept small: the list may hold 100 000 rows). */
export interface LogEventSummary {
  id: string
  timestamp: DateTime
  level: Level
  type?: string | null
  code?: string | null
  message: string
  url?: string | null
  http?: Http | null
}

export interface LogEvent extends LogEventSummary {
  group: string
  stream: string
  project: string
  environment: string
  receivedAt: DateTime
  stackTrace?: string | null
  location?: string | null
  componentTrace?: string[] | null
  user?: User | null
  release?: string | null
  userAgent?: string | null
  pageViewId?: string | null
  requestId?: string | null
  source?: string | null
  fingerprint?: string | null
  extra?: JsonValue | null
}

export interface PageInfo {
  hasNextPage: boolean
  endCursor?: string | null
}

export interface EventEdge<N = LogEventSummary> {
  cursor: string
  node: N
}

export interface EventConnection<N = LogEventSummary> {
  edges: EventEdge<N>[]
  pageInfo: PageInfo
}

export interface LevelCount {
  level: Level
  count: number
}

export interface HistogramBucket {
  start: DateTime
  end: DateTime
  counts: LevelCount[]
}

// ---- operation result / variable types ----

export interface ProjectsResult {
  projects: Project[]
}

export interface EventsVariables {
  filter: EventFilter
  first?: number
  after?: string | null
}
export interface EventsResult {
  events: EventConnection
}

export interface EventVariables {
  id: string
}
export interface EventResult {
  event: LogEvent | null
}

export interface HistogramVariables {
  filter: EventFilter
  buckets?: number
}
export interface HistogramResult {
  histogram: HistogramBucket[]
}

export interface ServiceOverviewVariables {
  histFilter: EventFilter
  buckets: number
  errorFilter: EventFilter
  first: number
}
export interface ServiceOverviewResult {
  histogram: HistogramBucket[]
  latest: EventConnection
}

export type AlertHistoryKind = 'FIRED' | 'RESOLVED' | 'NOTIFIED' | 'NOTIFY_FAILED'

export interface AlertHistoryEntry {
  id: string
  rule: string
  at: string
  kind: AlertHistoryKind
  count: number | null
  message: string | null
  channel: string | null
  detail: string | null
}
