import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import type { LogEvent } from '../graphql/types'
import { GraphqlError } from './useGraphql'
import { TAIL_PROTOCOL, TailClient, defaultBackoff, tailUrl, useTail, type TailFilter, type TailStatus, type WebSocketLike } from './useTail'

/** A fake WebSocket: records what the client sends; the test plays the server. */
class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = []
  readyState = 0
  sent: Record<string, unknown>[] = []
  closed: { code?: number; reason?: string } | null = null
  onopen: ((ev: unknown) => void) | null = null
  onmessage: ((ev: { data: unknown }) => void) | null = null
  onclose: ((ev: { code: number; reason: string }) => void) | null = null
  onerror: ((ev: unknown) => void) | null = null

  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.all.push(this)
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open')
    this.sent.push(JSON.parse(data) as Record<string, unknown>)
  }

  close(code?: number, reason?: string): void {
    this.closed = { code, reason }
    this.readyState = 3
  }

  // server side
  open(): void {
    this.readyState = 1
    this.onopen?.({})
  }
  receive(msg: object | string): void {
    this.onmessage?.({ data: typeof msg === 'string' ? msg : JSON.stringify(msg) })
  }
  serverClose(code = 1006, reason = ''): void {
    this.readyState = 3
    this.onclose?.({ code, reason })
  }
  /** open, ack: the client subscribes */
  accept(): void {
    this.open()
    this.receive({ type: 'connection_ack' })
  }
  types(): unknown[] {
    return this.sent.map((m) => m.type)
  }
}

const last = (): FakeSocket => {
  const s = FakeSocket.all.at(-1)
  if (!s) throw new Error('no socket')
  return s
}

const FILTER: TailFilter = { groups: ['/jinju/shop/prod'], levels: ['ERROR'], query: 'payment' }

function event(id: string): LogEvent {
  return {
    id,
    group: '/jinju/shop/prod',
    stream: 's',
    project: 'shop',
    environment: 'prod',
    timestamp: '2026-11-26T10:00:00Z',
    receivedAt: '2026-11-26T10:00:00Z',
    level: 'ERROR',
    message: 'm' + id,
  }
}

function client(extra: Partial<ConstructorParameters<typeof TailClient>[0]> = {}) {
  const events: LogEvent[] = []
  const statuses: TailStatus[] = []
  const errors: GraphqlError[] = []
  const c = new TailClient({
    url: 'ws://jinju.test/graphql',
    filter: FILTER,
    createSocket: (url, protocol) => new FakeSocket(url, protocol),
    onEvent: (e) => events.push(e),
    onStatus: (s) => statuses.push(s),
    onError: (e) => errors.push(e),
    backoff: (n) => 1000 * (n + 1),
    ...extra,
  })
  return { c, events, statuses, errors }
}

beforeEach(() => {
  FakeSocket.all = []
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('TailClient (graphql-transport-ws)', () => {
  it('connects with the subprotocol, inits, subscribes after the ack and delivers events', () => {
    const { c, events, statuses } = client()
    c.start()
    const s = last()
    expect(s.url).toBe('ws://jinju.test/graphql')
    expect(s.protocol).toBe(TAIL_PROTOCOL)
    expect(statuses).toEqual(['connecting'])
    s.open()
    expect(s.sent).toEqual([{ type: 'connection_init', payload: {} }])
    s.receive({ type: 'connection_ack' })
    expect(statuses).toEqual(['connecting', 'live'])
    const sub = s.sent[1] as { id: string; type: string; payload: { query: string; variables: unknown } }
    expect(sub.type).toBe('subscribe')
    expect(sub.id).toBe('1')
    expect(sub.payload.query).toContain('tail(filter: $filter)')
    expect(sub.payload.query).toContain('http { method status }')
    expect(sub.payload.variables).toEqual({ filter: FILTER })
    s.receive({ type: 'next', id: '1', payload: { data: { tail: event('a') } } })
    s.receive({ type: 'next', id: '2', payload: { data: { tail: event('other') } } })
    s.receive('not json')
    s.receive({ type: 'next', id: '1', payload: { data: { tail: event('b') } } })
    expect(events.map((e) => e.id)).toEqual(['a', 'b'])
  })

  it('answers ping with pong (echoing the payload)', () => {
    const { c } = client()
    c.start()
    const s = last()
    s.accept()
    s.receive({ type: 'ping' })
    s.receive({ type: 'ping', payload: { t: 1 } })
    expect(s.sent.slice(-2)).toEqual([{ type: 'pong' }, { type: 'pong', payload: { t: 1 } }])
  })

  it('stop completes the subscription and closes normally; no reconnect', () => {
    const { c, statuses } = client()
    c.start()
    const s = last()
    s.accept()
    c.stop()
    expect(s.sent.at(-1)).toEqual({ id: '1', type: 'complete' })
    expect(s.closed).toEqual({ code: 1000, reason: 'Normal Closure' })
    expect(statuses.at(-1)).toBe('idle')
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all.length).toBe(1)
  })

  it('reconnects with growing backoff after a drop, and resets it after an ack', () => {
    const { c, statuses } = client()
    c.start()
    last().serverClose(1006)
    expect(statuses.at(-1)).toBe('reconnecting')
    vi.advanceTimersByTime(999)
    expect(FakeSocket.all.length).toBe(1)
    vi.advanceTimersByTime(1)
    expect(FakeSocket.all.length).toBe(2)
    last().serverClose(1006) // second failure: 2 s
    vi.advanceTimersByTime(1999)
    expect(FakeSocket.all.length).toBe(2)
    vi.advanceTimersByTime(1)
    expect(FakeSocket.all.length).toBe(3)
    last().accept()
    expect(statuses.at(-1)).toBe('live')
    expect(last().types()).toEqual(['connection_init', 'subscribe'])
    last().serverClose(1001) // after a success the backoff starts over: 1 s
    vi.advanceTimersByTime(1000)
    expect(FakeSocket.all.length).toBe(4)
    c.stop()
  })

  it('reconnects when the server completes the stream or the ack does not come', () => {
    const { c } = client({ ackTimeoutMs: 5000 })
    c.start()
    last().accept()
    last().receive({ type: 'complete', id: '1' })
    expect(FakeSocket.all[0]?.closed?.code).toBe(4000)
    vi.advanceTimersByTime(1000)
    expect(FakeSocket.all.length).toBe(2)
    last().open() // no ack
    vi.advanceTimersByTime(5000)
    expect(last().closed?.code).toBe(4000)
    vi.advanceTimersByTime(2000) // no ack in between: the second attempt waits longer
    expect(FakeSocket.all.length).toBe(3)
    c.stop()
  })

  it('an error message (bad query) is reported and stops the client', () => {
    const { c, errors, statuses } = client()
    c.start()
    const s = last()
    s.accept()
    s.receive({ type: 'error', id: '1', payload: [{ message: 'at position 3: unknown field', extensions: { code: 'BAD_QUERY' } }] })
    expect(errors.length).toBe(1)
    expect(errors[0]?.isBadQuery).toBe(true)
    expect(errors[0]?.position).toBe(3)
    expect(statuses.at(-1)).toBe('error')
    expect(s.closed?.code).toBe(1000)
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all.length).toBe(1)
  })

  it('errors inside a next payload stop it too', () => {
    const { c, errors } = client()
    c.start()
    last().accept()
    last().receive({ type: 'next', id: '1', payload: { errors: [{ message: 'no such group', extensions: { code: 'UNKNOWN_GROUP' } }] } })
    expect(errors[0]?.code).toBe('UNKNOWN_GROUP')
  })

  it('does not retry after an auth close (4401) but does after others', () => {
    const { c, errors } = client()
    c.start()
    last().serverClose(4401, 'Unauthorized')
    expect(errors[0]?.code).toBe('UNAUTHENTICATED')
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all.length).toBe(1)
  })

  it('ignores a late close of a replaced socket', () => {
    const { c, statuses } = client()
    c.start()
    const first = last()
    first.accept()
    first.receive({ type: 'complete', id: '1' }) // client drops it and schedules a reconnect
    vi.advanceTimersByTime(1000)
    last().accept()
    first.serverClose(1006) // handlers were detached: no effect
    expect(statuses.at(-1)).toBe('live')
    c.stop()
  })
})

describe('helpers', () => {
  it('tailUrl follows the page origin', () => {
    expect(tailUrl({ protocol: 'https:', host: 'logs.example.com' })).toBe('wss://logs.example.com/graphql')
    expect(tailUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/graphql')
  })

  it('defaultBackoff doubles up to 30 s with jitter', () => {
    expect(defaultBackoff(0, () => 0.5)).toBe(500)
    expect(defaultBackoff(3, () => 0.5)).toBe(4000)
    expect(defaultBackoff(20, () => 0.5)).toBe(30_000)
    expect(defaultBackoff(0, () => 0)).toBe(400)
    expect(defaultBackoff(0, () => 1)).toBe(600)
  })
})

describe('useTail', () => {
  function setup() {
    const scope = effectScope()
    const filter = ref<TailFilter | null>(FILTER)
    const tail = scope.run(() =>
      useTail(filter, { url: 'ws://x/graphql', createSocket: (u, p) => new FakeSocket(u, p), batchMs: 100, flashMs: 1000, cap: 3 }),
    )
    if (!tail) throw new Error('no tail')
    return { scope, filter, tail }
  }

  it('batches events into the capped buffer, flashes them, and pauses', async () => {
    const { scope, tail } = setup()
    last().accept()
    expect(tail.status.value).toBe('live')
    expect(tail.connectedCount.value).toBe(1)
    for (const id of ['a', 'b']) last().receive({ type: 'next', id: '1', payload: { data: { tail: event(id) } } })
    expect(tail.items.value).toEqual([]) // not yet: one update per batch
    vi.advanceTimersByTime(100)
    expect(tail.items.value.map((e) => e.id)).toEqual(['b', 'a'])
    expect([...tail.fresh.value]).toEqual(['a', 'b'].reverse())
    expect(tail.added.value.count).toBe(2)
    vi.advanceTimersByTime(1000)
    expect(tail.fresh.value.size).toBe(0)

    tail.setPaused(true)
    for (const id of ['c', 'd', 'e']) last().receive({ type: 'next', id: '1', payload: { data: { tail: event(id) } } })
    vi.advanceTimersByTime(100)
    expect(tail.items.value.map((e) => e.id)).toEqual(['b', 'a'])
    expect(tail.pendingCount.value).toBe(3)
    tail.setPaused(false)
    expect(tail.items.value.map((e) => e.id)).toEqual(['e', 'd', 'c'])
    expect(tail.pendingCount.value).toBe(0)
    scope.stop()
    expect(last().closed?.code).toBe(1000)
  })

  it('a new filter starts over; null stops', async () => {
    const { scope, filter, tail } = setup()
    last().accept()
    last().receive({ type: 'next', id: '1', payload: { data: { tail: event('a') } } })
    vi.advanceTimersByTime(100)
    filter.value = { groups: ['/other'] }
    await nextTick()
    expect(FakeSocket.all[0]?.closed?.code).toBe(1000)
    expect(tail.items.value).toEqual([])
    expect(FakeSocket.all.length).toBe(2)
    last().accept()
    expect((last().sent[1] as { payload: { variables: unknown } }).payload.variables).toEqual({ filter: { groups: ['/other'] } })
    filter.value = null
    await nextTick()
    expect(last().closed?.code).toBe(1000)
    expect(tail.status.value).toBe('idle')
    scope.stop()
  })
})
