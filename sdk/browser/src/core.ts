import type { IngestBatch, JinjuEvent, JinjuOptions, JinjuUser, Level } from './types'
import { cut, isErr, json, rid, str, utf8 } from './util'

type Cfg = Required<Pick<JinjuOptions, 'endpoint' | 'key' | 'project' | 'environment' | 'sampleRate' | 'maxBatch' | 'maxBatchBytes' | 'flushIntervalMs' | 'maxRetries'>> & JinjuOptions

export const QUERY = 'mutation Ingest($batch: IngestBatch!) { ingest(batch: $batch) { accepted rejected { index reason } } }'
export const STORE_KEY = 'jinju:outbox'
/** localStorage bounds of the outbox. */
const STORE_EVENTS = 200
const STORE_BYTES = 256 * 1024
/** What a page may have in flight at exit (fetch keepalive + sendBeacon share 64 KiB). */
const UNLOAD_BUDGET = 64 * 1024 - 1024

export let cfg: Cfg | undefined
let user: JinjuUser | undefined
export let pageViewId = rid()
let cur: IngestBatch | undefined
let curBytes = 0
let timer: ReturnType<typeof setTimeout> | undefined
/** Sent and not yet acknowledged, by batchId; `true` once a first attempt failed (retrying). */
const inflight = new Map<string, { b: IngestBatch; p?: Promise<void>; retrying?: boolean; beaconed?: boolean }>()
/** Re-entrancy guard: nothing the SDK does while capturing is captured. */
let busy = 0
/** Error objects already recorded, so a rethrown one is not recorded twice. */
const seen = new WeakSet<object>()
/** `fetch` as it was before captureHttp wrapped it. */
export let nativeFetch: typeof fetch | undefined
/** Console methods as they were before captureConsole wrapped them. */
export const nativeConsole: Partial<Console> = {}

export function configure(o: JinjuOptions): void {
  if (!o || !o.endpoint || !o.key || !o.project || !o.environment) throw new Error('Jinju: init needs endpoint, key, project and environment')
  cfg = {
    sampleRate: 1,
    maxBatch: 50,
    maxBatchBytes: 16 * 1024,
    flushIntervalMs: 5000,
    maxRetries: 5,
    ...o,
    endpoint: o.endpoint.replace(/\/+$/, ''),
  }
  user = normUser(o.user)
  nativeFetch = nativeFetch || (typeof fetch == 'function' ? fetch.bind(globalThis) : undefined)
}

export function unconfigure(): void {
  cfg = undefined
}

function normUser(u: JinjuUser | null | undefined): JinjuUser | undefined {
  if (!u) return undefined
  const r: JinjuUser = {}
  if (u.id != null) r.id = String(u.id)
  if (u.email != null) r.email = String(u.email)
  if (u.name != null) r.name = String(u.name)
  return r
}

export function setUser(u: JinjuUser | null | undefined): void {
  flush()
  user = normUser(u)
}

/** Starts a new page view: the current batch is sent with the old pageViewId first. */
export function newPageView(): string {
  flush()
  return (pageViewId = rid())
}

export function debug(...a: unknown[]): void {
  if (cfg && cfg.debug) (nativeConsole.warn || console.warn).call(console, '[jinju]', ...a)
}

/** True for URLs of the Jinju server, whose requests are never recorded. */
export function isOwn(url: string): boolean {
  return !!cfg && url.indexOf(cfg.endpoint) === 0
}

export type EventInit = Omit<JinjuEvent, 'timestamp'> & { timestamp?: string }

/** Records an event: sampling, beforeSend, size limits, then into the batch. */
export function record(p: EventInit): void {
  if (!cfg || busy) return
  busy++
  try {
    if (Math.random() >= cfg.sampleRate) return
    let ev: JinjuEvent | null | undefined | false = {
      timestamp: new Date().toISOString(),
      url: typeof location != 'undefined' ? location.href : undefined,
      ...p,
    }
    if (ev.extra !== undefined) {
      const s = json(ev.extra)
      ev.extra = s && s.length <= 8192 ? JSON.parse(s) : { truncated: cut(s, 2048) }
    }
    if (cfg.beforeSend) ev = cfg.beforeSend(ev)
    if (!ev) return
    ev.message = cut(str(ev.message), 4096)!
    ev.stackTrace = cut(ev.stackTrace, 8192)
    ev.url = cut(ev.url, 2048)
    ev.location = cut(ev.location, 1024)
    enqueue(ev)
  } catch (e) {
    debug('could not record an event', e)
  } finally {
    busy--
  }
}

/** Fields of an error (or any thrown value), marking it seen. */
export function fromError(err: unknown): { message: string; stackTrace?: string; code?: string } {
  if (err && typeof err === 'object') seen.add(err)
  const code = err && typeof err === 'object' ? (err as { code?: unknown }).code : undefined
  return {
    message: str(err),
    stackTrace: isErr(err) ? err.stack : undefined,
    code: typeof code == 'string' || typeof code == 'number' ? String(code) : undefined,
  }
}

export function wasSeen(err: unknown): boolean {
  return !!err && typeof err === 'object' && seen.has(err)
}

export function captureError(err: unknown, type: string, more?: Partial<JinjuEvent>, level: Level = 'ERROR'): void {
  if (wasSeen(err)) return
  record({ type, level, ...fromError(err), ...more })
}

function enqueue(ev: JinjuEvent): void {
  const c = cfg!
  const size = utf8(JSON.stringify(ev)) + 1
  if (cur && curBytes + size > c.maxBatchBytes) flush()
  if (!cur) {
    cur = {
      key: c.key,
      project: c.project,
      environment: c.environment,
      batchId: rid(),
      context: {
        url: typeof location != 'undefined' ? cut(location.href, 2048) : undefined,
        userAgent: typeof navigator != 'undefined' ? navigator.userAgent : undefined,
        user,
        release: c.release,
        pageViewId,
      },
      events: [],
    }
    curBytes = utf8(JSON.stringify(cur)) + QUERY.length + 40
  }
  cur.events.push(ev)
  curBytes += size
  if (cur.events.length >= c.maxBatch) flush()
  else if (!timer) timer = setTimeout(flush, c.flushIntervalMs)
}

/**
 * Sends what is waiting now. The promise settles once every batch in flight has been
 * delivered, dropped (rejected by the server) or kept in localStorage.
 */
export function flush(): Promise<void> {
  clearTimeout(timer)
  timer = undefined
  const b = cur
  cur = undefined
  if (b) send(b)
  return Promise.all(Array.from(inflight.values(), (f) => f.p)).then(() => undefined)
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Retry-After (seconds or HTTP date) in ms, or undefined. */
export function retryAfter(h: string | null | undefined): number | undefined {
  if (!h) return undefined
  const ms = /^\s*\d+\s*$/.test(h) ? +h * 1000 : Date.parse(h) - Date.now()
  return ms === ms ? Math.min(Math.max(ms, 0), 600000) : undefined
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 60 s, each between half and all of it. */
export function backoff(attempt: number): number {
  const base = Math.min(1000 * 2 ** attempt, 60000)
  return base / 2 + (Math.random() * base) / 2
}

/** Sends one batch to the GraphQL `ingest` mutation, retrying; keeps it in localStorage if it cannot. */
export function send(b: IngestBatch): Promise<void> {
  const f: { b: IngestBatch; p?: Promise<void>; retrying?: boolean } = { b }
  inflight.set(b.batchId, f)
  return (f.p = (async () => {
    const c = cfg
    // off the current task (a route change renders first), when the browser is idle
    await new Promise((r) => (typeof requestIdleCallback == 'function' ? requestIdleCallback(r, { timeout: 1000 }) : setTimeout(r, 0)))
    if (!inflight.has(b.batchId)) return // sent by the page-exit beacon meanwhile
    for (let attempt = 0; ; attempt++) {
      let wait: number | undefined
      try {
        if (!c || !nativeFetch) break
        const res = await nativeFetch(c.endpoint + '/graphql', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: QUERY, variables: { batch: b } }),
          credentials: 'omit',
        })
        const s = res.status
        if (s < 500 && s != 429 && s != 408) {
          const r = await res.json().catch(() => undefined)
          const errors: { extensions?: { code?: string } }[] = (r && r.errors) || []
          // GraphQL answers 200 with errors; a store that is unavailable (or a rate limit) is worth a retry
          if (!errors.some((e) => /UNAVAILABLE|RATE_LIMIT/.test(String(e.extensions && e.extensions.code)))) {
            if (!res.ok || errors.length || !r || (r.data && r.data.ingest && r.data.ingest.rejected.length)) debug('batch', b.batchId, s, r)
            break
          }
        }
        wait = retryAfter(res.headers.get('Retry-After'))
      } catch (e) {
        debug('send failed', e)
      }
      if (!inflight.has(b.batchId)) return
      if (attempt >= c!.maxRetries) {
        inflight.delete(b.batchId)
        return store([b])
      }
      f.retrying = true
      await sleep(wait !== undefined ? wait : backoff(attempt))
      if (!inflight.has(b.batchId)) return
    }
    inflight.delete(b.batchId)
    unstore(b.batchId)
  })())
}

// ---- outbox in localStorage -------------------------------------------------------------

function ls(): Storage | undefined {
  try {
    return localStorage
  } catch {
    return undefined
  }
}

function load(): IngestBatch[] {
  try {
    const v = JSON.parse(ls()!.getItem(STORE_KEY) || '[]')
    return Array.isArray(v) ? v : []
  } catch {
    return []
  }
}

function save(list: IngestBatch[]): void {
  try {
    if (list.length) ls()!.setItem(STORE_KEY, JSON.stringify(list))
    else ls()!.removeItem(STORE_KEY)
  } catch {
    /* storage full or blocked: nothing more to do */
  }
}

/** Keeps batches for the next page load, newest kept when over the bounds. */
export function store(add: IngestBatch[]): void {
  const ids = new Set(add.map((b) => b.batchId))
  const list = load().filter((b) => !ids.has(b.batchId)).concat(add)
  let events = 0
  let bytes = 0
  let i = list.length
  while (i > 0) {
    const b = list[i - 1]!
    const n = utf8(JSON.stringify(b))
    if (events + b.events.length > STORE_EVENTS || bytes + n > STORE_BYTES) break
    events += b.events.length
    bytes += n
    i--
  }
  save(list.slice(i))
}

export function unstore(id: string): void {
  const list = load()
  const rest = list.filter((b) => b.batchId !== id)
  if (rest.length !== list.length) save(rest)
}

/** Sends the batches kept by an earlier page (same batchIds: the server deduplicates). */
export function replay(): void {
  const list = load()
  if (!list.length) return
  save(list.filter((b) => inflight.has(b.batchId)))
  for (const b of list) if (!inflight.has(b.batchId)) send(b)
}

// ---- page exit ----------------------------------------------------------------------------

/**
 * The page is hidden or going away: the current batch and those whose first send is still
 * under way go by sendBeacon to /api/ingest (text/plain: no CORS preflight), falling back to
 * fetch keepalive, within the 64 KiB budget; batches already failing, and what does not fit,
 * go to localStorage for the next page load.
 */
export function unload(): void {
  if (!cfg) return
  clearTimeout(timer)
  timer = undefined
  const out: IngestBatch[] = []
  const keep: IngestBatch[] = []
  if (cur) out.push(cur)
  cur = undefined
  for (const f of inflight.values()) {
    if (f.retrying) keep.push(f.b)
    else if (!f.beaconed) {
      f.beaconed = true
      out.push(f.b)
    }
  }
  const url = cfg.endpoint + '/api/ingest'
  let budget = UNLOAD_BUDGET
  for (const b of out) {
    const body = JSON.stringify(b)
    const n = utf8(body)
    let ok = false
    if (n <= budget) {
      try {
        ok = navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }))
      } catch {
        /* no sendBeacon */
      }
      if (!ok && nativeFetch) {
        try {
          nativeFetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'text/plain' } }).then(
            (r) => r.status < 500 && r.status != 429 && unstore(b.batchId),
            () => undefined,
          )
        } catch {
          /* ignored: kept below */
        }
      }
      budget -= n
    }
    if (ok) inflight.delete(b.batchId)
    else keep.push(b)
  }
  if (keep.length) store(keep)
}
