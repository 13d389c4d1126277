import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ENDPOINT, fresh, mockBeacon, mockFetch, ok, opts, settle, stored, STORE_KEY, type Sdk } from './helpers'
import { backoff, retryAfter } from '../src/core'
import { utf8 } from '../src/util'

let sdk: Sdk
beforeEach(async () => {
  localStorage.clear()
  vi.useFakeTimers()
  sdk = await fresh()
})
afterEach(() => {
  void sdk.close() // not awaited: some tests leave requests that never answer
  vi.clearAllTimers()
  vi.useRealTimers()
})

const status = (s: number, headers: Record<string, string> = {}) => new Response('{}', { status: s, headers })

describe('retry', () => {
  it('retries network errors with exponential backoff and jitter, reusing the batchId', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5) // jitter: 75 % of 1 s, 2 s, 4 s …
    const { calls } = mockFetch((_c, n) => (n <= 3 ? Promise.reject(new TypeError('Failed to fetch')) : ok()))
    sdk.init(opts())
    sdk.log.error('boom')
    void sdk.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(749)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1499)
    expect(calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(3000)
    expect(calls).toHaveLength(4)
    expect(new Set(calls.map((c) => c.batch.batchId)).size).toBe(1)
    await vi.advanceTimersByTimeAsync(120000)
    expect(calls).toHaveLength(4)
    expect(stored()).toEqual([])
  })

  it('backoff grows exponentially, capped, with jitter between half and all of it', () => {
    const r = vi.spyOn(Math, 'random')
    r.mockReturnValue(0)
    expect([0, 1, 2, 3, 10].map(backoff)).toEqual([500, 1000, 2000, 4000, 30000])
    r.mockReturnValue(0.999999)
    expect(backoff(2)).toBeCloseTo(4000, 0)
  })

  it('retries 5xx, drops 4xx (bad input is not retried)', async () => {
    const { calls } = mockFetch((_c, n) => status(n === 1 ? 503 : n === 2 ? 500 : 400))
    sdk.init(opts())
    sdk.log.info('x')
    const p = sdk.flush()
    await vi.advanceTimersByTimeAsync(60000)
    await p
    expect(calls).toHaveLength(3)
    expect(stored()).toEqual([])
  })

  it('retries a GraphQL STORE_UNAVAILABLE error, not other GraphQL errors', async () => {
    const gqlError = (code: string) =>
      new Response(JSON.stringify({ errors: [{ message: 'x', extensions: { code } }], data: null }), { status: 200, headers: { 'Content-Type': 'application/json' } })
    const { calls } = mockFetch((c, n) => (c.batch.events[0]!.message === 'a' ? (n === 1 ? gqlError('STORE_UNAVAILABLE') : ok()) : gqlError('INVALID_KEY')))
    sdk.init(opts())
    sdk.log.info('a')
    const p = sdk.flush()
    await vi.advanceTimersByTimeAsync(60000)
    await p
    expect(calls.map((c) => c.batch.events[0]!.message)).toEqual(['a', 'a'])
    sdk.log.info('b')
    const q = sdk.flush()
    await vi.advanceTimersByTimeAsync(60000)
    await q
    expect(calls.map((c) => c.batch.events[0]!.message)).toEqual(['a', 'a', 'b'])
    expect(stored()).toEqual([])
  })

  it('honours Retry-After in seconds on 429', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const { calls } = mockFetch((_c, n) => (n === 1 ? status(429, { 'Retry-After': '7' }) : ok()))
    sdk.init(opts())
    sdk.log.info('x')
    void sdk.flush()
    await vi.advanceTimersByTimeAsync(6999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(2)
  })

  it('honours Retry-After as an HTTP date', async () => {
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'))
    const { calls } = mockFetch((_c, n) => (n === 1 ? status(503, { 'Retry-After': 'Thu, 26 Nov 2026 10:00:30 GMT' }) : ok()))
    sdk.init(opts())
    sdk.log.info('x')
    void sdk.flush()
    await vi.advanceTimersByTimeAsync(29999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(2)
  })

  it('parses Retry-After', () => {
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'))
    expect(retryAfter('120')).toBe(120000)
    expect(retryAfter('Thu, 26 Nov 2026 10:01:00 GMT')).toBe(60000)
    expect(retryAfter('Thu, 26 Nov 2026 09:00:00 GMT')).toBe(0)
    expect(retryAfter('soon')).toBeUndefined()
    expect(retryAfter(null)).toBeUndefined()
  })
})

describe('offline replay', () => {
  it('keeps a batch that could not be sent in localStorage and sends it on the next page load with the same batchId', async () => {
    mockFetch(() => Promise.reject(new TypeError('offline')))
    sdk.init(opts({ maxRetries: 2 }))
    sdk.log.error('while offline')
    const p = sdk.flush()
    await vi.advanceTimersByTimeAsync(60000)
    await p
    const kept = stored()
    expect(kept).toHaveLength(1)
    expect(kept[0]!.events[0]!.message).toBe('while offline')
    void sdk.close()

    // next page load
    sdk = await fresh()
    const { calls } = mockFetch()
    sdk.init(opts())
    expect(localStorage.getItem(STORE_KEY)).toBeNull()
    await settle(sdk)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.batch).toEqual(kept[0])
  })

  it('bounds the outbox (200 events), keeping the newest', async () => {
    mockFetch(() => Promise.reject(new TypeError('offline')))
    sdk.init(opts({ maxRetries: 0, maxBatch: 50 }))
    for (let i = 0; i < 300; i++) sdk.log.info('e' + i)
    const p = sdk.flush()
    await vi.advanceTimersByTimeAsync(1000)
    await p
    const events = stored().flatMap((b) => b.events)
    expect(events).toHaveLength(200)
    expect(events[0]!.message).toBe('e100')
    expect(events[199]!.message).toBe('e299')
    expect(utf8(localStorage.getItem(STORE_KEY)!)).toBeLessThanOrEqual(256 * 1024)
  })
})

describe('page exit', () => {
  it('on visibilitychange → hidden sends the waiting batch by sendBeacon as text/plain to /api/ingest', async () => {
    const { calls } = mockFetch()
    const b = mockBeacon()
    sdk.init(opts())
    sdk.log.info('bye')
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    delete (document as { visibilityState?: string }).visibilityState
    await b.settled()
    expect(calls).toHaveLength(0)
    expect(b.beacons).toHaveLength(1)
    expect(b.beacons[0]).toMatchObject({ url: ENDPOINT + '/api/ingest', type: 'text/plain' })
    expect(b.beacons[0]!.batch).toMatchObject({ key: 'k1', project: 'shop', environment: 'prod', events: [{ message: 'bye' }] })
    window.dispatchEvent(new Event('pagehide'))
    expect(b.fn).toHaveBeenCalledTimes(1)
  })

  it('keeps everything sent at exit under the 64 KiB budget, the rest in localStorage', async () => {
    mockFetch(() => new Promise<Response>(() => {})) // requests never answer
    const b = mockBeacon()
    sdk.init(opts({ maxBatch: 1000 }))
    for (let i = 0; i < 90; i++) sdk.log.info('e' + i + ' ' + 'x'.repeat(2000))
    window.dispatchEvent(new Event('pagehide'))
    await b.settled()
    const sent = b.beacons.reduce((n, x) => n + x.size, 0)
    expect(b.beacons.length).toBeGreaterThan(1)
    expect(sent).toBeLessThanOrEqual(64 * 1024)
    for (const x of b.beacons) expect(x.size).toBeLessThanOrEqual(16 * 1024)
    const all = [...b.beacons.map((x) => x.batch), ...stored()].flatMap((x) => x.events.map((e) => e.message.split(' ')[0]))
    expect(all.sort()).toEqual(Array.from({ length: 90 }, (_, i) => 'e' + i).sort())
  })

  it('falls back to fetch keepalive (text/plain) when sendBeacon refuses, and keeps a copy until it succeeds', async () => {
    const { calls } = mockFetch()
    mockBeacon(false)
    sdk.init(opts())
    sdk.log.info('bye')
    window.dispatchEvent(new Event('pagehide'))
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe(ENDPOINT + '/api/ingest')
    expect(calls[0]!.init).toMatchObject({ method: 'POST', keepalive: true, headers: { 'Content-Type': 'text/plain' } })
    expect(stored()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(0)
    expect(stored()).toHaveLength(0)
  })

  it('batches already failing are kept for the next load; a batch being sent is also beaconed', async () => {
    mockFetch((c) => (c.batch.events[0]!.message === 'failing' ? Promise.reject(new TypeError('down')) : new Promise<Response>(() => {})))
    const b = mockBeacon()
    sdk.init(opts())
    sdk.log.info('failing')
    void sdk.flush()
    await vi.advanceTimersByTimeAsync(0)
    sdk.log.info('in flight')
    void sdk.flush()
    sdk.log.info('waiting')
    window.dispatchEvent(new Event('pagehide'))
    await b.settled()
    expect(b.beacons.map((x) => x.batch.events[0]!.message).sort()).toEqual(['in flight', 'waiting'])
    expect(stored().map((x) => x.events[0]!.message)).toEqual(['failing'])
  })

  it('never sends synchronously: no XMLHttpRequest is opened by the SDK', async () => {
    const open = vi.spyOn(XMLHttpRequest.prototype, 'open')
    mockFetch()
    mockBeacon()
    sdk.init(opts())
    sdk.log.info('x')
    window.dispatchEvent(new Event('pagehide'))
    await sdk.flush()
    expect(open).not.toHaveBeenCalled()
  })
})
