/** Severity, as the Jinju server normalises it. */
export type Level = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL'

/** The signed-in user, attached to the batch context. */
export interface JinjuUser {
  id?: string
  email?: string
  name?: string
}

export interface JinjuHttp {
  method?: string
  status?: number
}

/** One event, as sent in `IngestBatch.events` (GraphQL `EventInput`). */
export interface JinjuEvent {
  /** ISO-8601 time of occurrence. */
  timestamp: string
  level: Level
  /** How it was caught: `error`, `unhandledrejection`, `vue`, `http`, `log`, `console`. */
  type: string
  code?: string
  message: string
  stackTrace?: string
  /** The page URL when the event happened. */
  url?: string
  /** `file:line:col`, or the Vue component name. */
  location?: string
  /** Vue component hierarchy, innermost first. */
  componentTrace?: string[]
  http?: JinjuHttp
  user?: JinjuUser
  requestId?: string
  /** Free JSON object. */
  extra?: Record<string, unknown>
}

/** Shared context of a batch (GraphQL `IngestContext`). */
export interface IngestContext {
  url?: string
  userAgent?: string
  user?: JinjuUser
  release?: string
  pageViewId?: string
}

/** What is sent to `ingest(batch:)` and `POST /api/ingest` (GraphQL `IngestBatch`). */
export interface IngestBatch {
  key: string
  project: string
  environment: string
  batchId: string
  context: IngestContext
  events: JinjuEvent[]
}

/** Console methods that `captureConsole` can record. */
export type ConsoleMethod = 'error' | 'warn' | 'info' | 'log' | 'debug'

export interface JinjuOptions {
  /** Base URL of the Jinju server, e.g. `https://logs.example.com`. */
  endpoint: string
  /** Project ingest key. */
  key: string
  project: string
  environment: string
  release?: string
  user?: JinjuUser | null
  /** 0..1, share of events kept (default 1). */
  sampleRate?: number
  /** Modify an event, or return null/false to drop it. */
  beforeSend?: (event: JinjuEvent) => JinjuEvent | null | undefined | false
  /** Events per batch (default 50). */
  maxBatch?: number
  /** Bytes per batch (default 16 KiB). */
  maxBatchBytes?: number
  /** A non-empty batch is sent after this many ms (default 5000). */
  flushIntervalMs?: number
  /** Record console calls: `true` = console.error; or a list of methods (default off). */
  captureConsole?: boolean | ConsoleMethod[]
  /** Record failed fetch / XMLHttpRequest calls (status >= 400 or network error) (default off). */
  captureHttp?: boolean
  /** Record `window` error events (default on). */
  captureErrors?: boolean
  /** Record unhandled promise rejections (default on). */
  captureRejections?: boolean
  /** Retries of a failed send before the batch is kept in localStorage (default 5). */
  maxRetries?: number
  /** Log the SDK's own problems to the console (default off). */
  debug?: boolean
}
