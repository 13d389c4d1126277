// Live tail: a minimal graphql-ws ("graphql-transport-ws") client for the `tail` subscription, with
// reconnect and backoff, and a composable that batches new events into a LiveBuffer.
// Loaded with the explore page only (the router lazy-loads it).

import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import type { Level, LogEvent } from '../graphql/types'
import { LiveBuffer } from '../lib/liveBuffer'
import { GraphqlError, toGraphqlError, type GraphqlErrorItem } from './useGraphql'

export const TAIL_SUBSCRIPTION = /* GraphQL */ `
  subscription Tail($filter: TailFilter!) {
    tail(filter: $filter) {
      id group stream project environment timestamp receivedAt level type code message stackTrace url location
      componentTrace http { method status } user { id email name } release userAgent pageViewId requestId
      source fingerprint extra
    }
  }
`

export const TAIL_PROTOCOL = 'graphql-transport-ws'

export interface TailFilter {
  groups: string[]
  levels?: Level[] | null
  query?: string | null
}

/** The part of the browser WebSocket the client uses (tests pass a fake). */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  onclose: ((ev: { code: number; reason: string }) => void) | null
  onerror: ((ev: unknown) => void) | null
}

export type SocketFactory = (url: string, protocol: string) => WebSocketLike

/** connecting: opening / waiting for connection_ack; live: subscribed; reconnecting: waiting to retry. */
export type TailStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'error'

export interface TailClientOptions {
  url: string
  filter: TailFilter
  onEvent: (event: LogEvent) => void
  onStatus?: (status: TailStatus) => void
  /** a permanent error (bad query, unknown group, not signed in): the client stops */
  onError?: (error: GraphqlError) => void
  createSocket?: SocketFactory
  /** delay before reconnect attempt `n` (0-based) */
  backoff?: (attempt: number) => number
  /** close and retry when connection_ack does not come within this time */
  ackTimeoutMs?: number
}

const OPEN = 1
const SUB_ID = '1'

/** 0.5 s, 1 s, 2 s … up to 30 s, with ±20 % jitter so clients do not reconnect in step. */
export function defaultBackoff(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.min(attempt, 10))
  return Math.round(base * (0.8 + 0.4 * random()))
}

/** ws(s)://host/graphql of the page's own origin. */
export function tailUrl(location: { protocol: string; host: string }, path = '/graphql'): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`
}

/** Close codes after which retrying cannot help (graphql-ws: 4400 bad message, 4401/4403 auth, 4409 duplicate id). */
const FATAL_CLOSE: Record<number, string> = {
  4400: 'The server rejected the live tail request.',
  4401: 'Not signed in.',
  4403: 'Not allowed.',
  4409: 'The live tail was subscribed twice.',
}

export class TailClient {
  private socket: WebSocketLike | null = null
  private attempt = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private ackTimer: ReturnType<typeof setTimeout> | null = null
  private stopped = true
  private _status: TailStatus = 'idle'

  constructor(private readonly options: TailClientOptions) {}

  get status(): TailStatus {
    return this._status
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.attempt = 0
    this.connect()
  }

  stop(): void {
    this.stopped = true
    this.clearTimers()
    const s = this.socket
    this.socket = null
    if (s) {
      this.detach(s)
      try {
        if (s.readyState === OPEN) s.send(JSON.stringify({ id: SUB_ID, type: 'complete' }))
        s.close(1000, 'Normal Closure')
      } catch {
        // already closing
      }
    }
    this.setStatus('idle')
  }

  private connect(): void {
    this.setStatus(this.attempt === 0 ? 'connecting' : 'reconnecting')
    const create: SocketFactory = this.options.createSocket ?? ((url, protocol) => new WebSocket(url, protocol) as unknown as WebSocketLike)
    let s: WebSocketLike
    try {
      s = create(this.options.url, TAIL_PROTOCOL)
    } catch {
      this.scheduleReconnect()
      return
    }
    this.socket = s
    s.onopen = () => {
      this.send({ type: 'connection_init', payload: {} })
      const timeout = this.options.ackTimeoutMs ?? 10_000
      this.ackTimer = setTimeout(() => this.drop(s), timeout)
    }
    s.onmessage = (ev) => this.onMessage(s, ev.data)
    s.onerror = () => {
      // a close event follows; nothing to do here
    }
    s.onclose = (ev) => this.onClose(s, ev.code, ev.reason)
  }

  private onMessage(s: WebSocketLike, data: unknown): void {
    if (s !== this.socket || typeof data !== 'string') return
    let msg: { type?: unknown; id?: unknown; payload?: unknown }
    try {
      msg = JSON.parse(data) as typeof msg
    } catch {
      return
    }
    switch (msg.type) {
      case 'connection_ack':
        if (this.ackTimer) clearTimeout(this.ackTimer)
        this.ackTimer = null
        this.attempt = 0
        this.send({ id: SUB_ID, type: 'subscribe', payload: { query: TAIL_SUBSCRIPTION, variables: { filter: this.options.filter } } })
        this.setStatus('live')
        break
      case 'ping':
        this.send(msg.payload === undefined ? { type: 'pong' } : { type: 'pong', payload: msg.payload })
        break
      case 'next': {
        if (msg.id !== SUB_ID) return
        const payload = msg.payload as { data?: { tail?: LogEvent | null } | null; errors?: GraphqlErrorItem[] } | undefined
        if (payload?.errors?.length) {
          this.fail(toGraphqlError(payload.errors))
          return
        }
        const event = payload?.data?.tail
        if (event) this.options.onEvent(event)
        break
      }
      case 'error': {
        if (msg.id !== SUB_ID) return
        const errors = Array.isArray(msg.payload) ? (msg.payload as GraphqlErrorItem[]) : []
        this.fail(errors.length ? toGraphqlError(errors) : new GraphqlError('The live tail failed.', [], 'TAIL_ERROR'))
        break
      }
      case 'complete':
        // the server ended the stream (e.g. shutting down): start again
        if (msg.id === SUB_ID) this.drop(s)
        break
      default:
        break
    }
  }

  private onClose(s: WebSocketLike, code: number, reason: string): void {
    if (s !== this.socket) return
    this.socket = null
    this.clearTimers()
    if (this.stopped) return
    const fatal = FATAL_CLOSE[code]
    if (fatal) {
      this.fail(new GraphqlError(reason || fatal, [], code === 4401 ? 'UNAUTHENTICATED' : `WS_${code}`))
      return
    }
    this.scheduleReconnect()
  }

  /** Closes the socket and reconnects (unless stopped). */
  private drop(s: WebSocketLike): void {
    if (s !== this.socket) return
    this.detach(s)
    this.socket = null
    this.clearTimers()
    try {
      s.close(4000, 'reconnect')
    } catch {
      // ignore
    }
    if (!this.stopped) this.scheduleReconnect()
  }

  private scheduleReconnect(): void {
    const delay = (this.options.backoff ?? defaultBackoff)(this.attempt)
    this.attempt++
    this.setStatus('reconnecting')
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (!this.stopped) this.connect()
    }, delay)
  }

  private fail(error: GraphqlError): void {
    this.stop()
    this.setStatus('error')
    this.options.onError?.(error)
  }

  private send(msg: object): void {
    const s = this.socket
    if (s && s.readyState === OPEN) s.send(JSON.stringify(msg))
  }

  private detach(s: WebSocketLike): void {
    s.onopen = null
    s.onmessage = null
    s.onclose = null
    s.onerror = null
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    if (this.ackTimer) clearTimeout(this.ackTimer)
    this.retryTimer = null
    this.ackTimer = null
  }

  private setStatus(status: TailStatus): void {
    if (status === this._status) return
    this._status = status
    this.options.onStatus?.(status)
  }
}

export interface UseTailOptions {
  createSocket?: SocketFactory
  url?: string
  /** new events are applied at most this often (one re-render per batch) */
  batchMs?: number
  /** how long new rows keep the `flash` mark */
  flashMs?: number
  cap?: number
}

/**
 * Live tail while `filter` is set: `items` (newest first) grows as events arrive; `paused` holds them back
 * in `pending`. A new filter starts over; the subscription ends when the calling scope is disposed.
 */
export function useTail(filter: Ref<TailFilter | null>, options: UseTailOptions = {}) {
  const buffer = new LiveBuffer<LogEvent>(options.cap)
  const items = shallowRef<readonly LogEvent[]>([])
  const pendingCount = ref(0)
  const fresh = shallowRef<ReadonlySet<string>>(new Set())
  const status = ref<TailStatus>('idle')
  const error = shallowRef<GraphqlError | null>(null)
  /** bumped on every (re)connect ack, so the caller can re-run its search up to now */
  const connectedCount = ref(0)
  /** called with the events that became visible (newest first) */
  const added = shallowRef<{ count: number; at: number }>({ count: 0, at: 0 })

  let client: TailClient | null = null
  let queue: LogEvent[] = []
  let batchTimer: ReturnType<typeof setTimeout> | null = null
  const flashTimers = new Set<ReturnType<typeof setTimeout>>()

  function publish(visible: LogEvent[]): void {
    items.value = buffer.items
    pendingCount.value = buffer.pending.length
    if (visible.length === 0) return
    added.value = { count: visible.length, at: Date.now() }
    const ids = visible.map((e) => e.id)
    fresh.value = new Set([...fresh.value, ...ids])
    const t = setTimeout(() => {
      flashTimers.delete(t)
      const next = new Set(fresh.value)
      for (const id of ids) next.delete(id)
      fresh.value = next
    }, options.flashMs ?? 1500)
    flashTimers.add(t)
  }

  function flushQueue(): void {
    batchTimer = null
    const batch = queue
    queue = []
    publish(buffer.add(batch))
  }

  function onEvent(e: LogEvent): void {
    queue.push(e)
    batchTimer ??= setTimeout(flushQueue, options.batchMs ?? 100)
  }

  function stopClient(): void {
    client?.stop()
    client = null
    if (batchTimer) clearTimeout(batchTimer)
    batchTimer = null
    queue = []
  }

  function reset(): void {
    buffer.clear()
    for (const t of flashTimers) clearTimeout(t)
    flashTimers.clear()
    fresh.value = new Set()
    publish([])
  }

  watch(
    () => (filter.value ? JSON.stringify(filter.value) : ''),
    (key) => {
      stopClient()
      reset()
      error.value = null
      status.value = 'idle'
      if (!key) return
      const c = new TailClient({
        url: options.url ?? tailUrl(window.location),
        filter: JSON.parse(key) as TailFilter,
        createSocket: options.createSocket,
        onEvent,
        onStatus: (s) => {
          if (client !== c) return
          status.value = s
          if (s === 'live') connectedCount.value++
        },
        onError: (e) => {
          if (client === c) error.value = e
        },
      })
      client = c
      c.start()
    },
    { immediate: true },
  )

  function setPaused(paused: boolean): void {
    publish(buffer.setPaused(paused))
  }

  onScopeDispose(() => {
    stopClient()
    for (const t of flashTimers) clearTimeout(t)
  })

  return { items, pendingCount, fresh, status, error, connectedCount, added, setPaused, clear: reset }
}
