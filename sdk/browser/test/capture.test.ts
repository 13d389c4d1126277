import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ENDPOINT, fresh, mockFetch, opts, type Sdk } from './helpers'

let sdk: Sdk
beforeEach(async () => {
  localStorage.clear()
  sdk = await fresh()
})
afterEach(() => {
  void sdk.close()
})

function rejection(reason: unknown): Event {
  const e = new Event('unhandledrejection')
  Object.defineProperty(e, 'reason', { value: reason })
  return e
}

describe('window events', () => {
  it('records window error events with location file:line:col and the stack', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    const err = new TypeError('x is not a function')
    window.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught TypeError: x is not a function', filename: 'https://app.example.com/assets/app.js', lineno: 12, colno: 34, error: err }))
    window.dispatchEvent(new ErrorEvent('error', { message: 'Script error.', filename: '', lineno: 0, colno: 0 }))
    await sdk.flush()
    const [a, b] = calls[0]!.batch.events
    expect(a).toMatchObject({ type: 'error', level: 'ERROR', message: 'TypeError: x is not a function', location: 'https://app.example.com/assets/app.js:12:34', stackTrace: err.stack, url: location.href })
    expect(b).toMatchObject({ type: 'error', level: 'ERROR', message: 'Script error.' })
    expect(b!.location).toBeUndefined()
  })

  it('records unhandled rejections, Errors and other values', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    const err = new Error('payment failed')
    window.dispatchEvent(rejection(err))
    window.dispatchEvent(rejection('plain string'))
    window.dispatchEvent(rejection({ status: 402 }))
    window.dispatchEvent(rejection(undefined))
    await sdk.flush()
    const ev = calls[0]!.batch.events
    expect(ev.map((e) => [e.type, e.level, e.message])).toEqual([
      ['unhandledrejection', 'ERROR', 'Error: payment failed'],
      ['unhandledrejection', 'ERROR', 'plain string'],
      ['unhandledrejection', 'ERROR', '{"status":402}'],
      ['unhandledrejection', 'ERROR', 'undefined'],
    ])
    expect(ev[0]!.stackTrace).toBe(err.stack)
    expect(ev[2]!.extra).toEqual({ reason: { status: 402 } })
  })

  it('does not record an error twice (captureException, then rethrown)', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    const err = new Error('once')
    sdk.captureException(err)
    window.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught Error: once', error: err }))
    await sdk.flush()
    expect(calls[0]!.batch.events).toHaveLength(1)
  })

  it('can be turned off, and close() removes the hooks', async () => {
    const { calls } = mockFetch()
    sdk.init(opts({ captureErrors: false, captureRejections: false }))
    window.dispatchEvent(new ErrorEvent('error', { message: 'x', error: new Error('x') }))
    window.dispatchEvent(rejection('y'))
    await sdk.flush()
    expect(calls).toHaveLength(0)
  })
})

describe('console', () => {
  it('is off by default', async () => {
    const { calls } = mockFetch()
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    sdk.init(opts())
    console.error('nope')
    await sdk.flush()
    expect(calls).toHaveLength(0)
    expect(spy).toHaveBeenCalledWith('nope')
  })

  it('records console.error with captureConsole: true and still prints', async () => {
    const { calls } = mockFetch()
    const printed: unknown[][] = []
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void printed.push(a))
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    sdk.init(opts({ captureConsole: true }))
    const err = new Error('bad')
    console.error('failed:', err, { id: 1 })
    console.warn('not captured')
    await sdk.flush()
    expect(printed).toEqual([['failed:', err, { id: 1 }]])
    expect(calls[0]!.batch.events).toHaveLength(1)
    expect(calls[0]!.batch.events[0]).toMatchObject({ type: 'console', level: 'ERROR', message: 'failed: Error: bad {"id":1}', stackTrace: err.stack })
    await sdk.close()
    console.error('after close')
    expect(printed).toHaveLength(2)
  })

  it('captureConsole takes a list of methods', async () => {
    const { calls } = mockFetch()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    sdk.init(opts({ captureConsole: ['warn'] }))
    console.warn('careful')
    await sdk.flush()
    expect(calls[0]!.batch.events[0]).toMatchObject({ type: 'console', level: 'WARN', message: 'careful' })
  })
})

describe('http', () => {
  it('records failed fetch calls (method, url, status) but never the SDK\'s own requests', async () => {
    const app = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input)
      if (url.startsWith(ENDPOINT)) return new Response('oops', { status: 500 })
      if (url.includes('down')) throw new TypeError('Failed to fetch')
      return new Response('', { status: url.includes('missing') ? 404 : url.includes('err') ? 502 : 200 })
    })
    vi.stubGlobal('fetch', app)
    sdk.init(opts({ captureHttp: true, maxRetries: 0 }))
    await fetch('https://api.example.com/ok')
    await fetch('https://api.example.com/err', { method: 'post' })
    await fetch(new Request('https://api.example.com/missing', { method: 'DELETE' }))
    await expect(fetch('https://api.example.com/down')).rejects.toThrow('Failed to fetch')
    await fetch(ENDPOINT + '/graphql', { method: 'POST' }) // the app calling Jinju itself: not recorded
    await sdk.flush() // the SDK's send gets a 500: not recorded either
    const sdkCalls = app.mock.calls.filter(([, i]) => typeof i?.body === 'string' && i.body.includes('mutation Ingest'))
    expect(sdkCalls.length).toBeGreaterThan(0)
    const events = sdkCalls.flatMap(([, i]) => JSON.parse(String(i!.body)).variables.batch.events)
    expect(events.map((e: { type: string; level: string; message: string; http: unknown }) => [e.type, e.level, e.message, e.http])).toEqual([
      ['http', 'ERROR', 'POST https://api.example.com/err → 502', { method: 'POST', status: 502 }],
      ['http', 'WARN', 'DELETE https://api.example.com/missing → 404', { method: 'DELETE', status: 404 }],
      ['http', 'ERROR', 'GET https://api.example.com/down failed: TypeError: Failed to fetch', { method: 'GET' }],
    ])
    expect(events[0].extra).toEqual({ requestUrl: 'https://api.example.com/err' })
  })

  it('records failed XMLHttpRequests', async () => {
    class FakeXhr extends EventTarget {
      status = 0
      open(_m: string, _u: string) {}
      send() {
        this.status = 503
        queueMicrotask(() => this.dispatchEvent(new Event('loadend')))
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const { calls } = mockFetch()
    sdk.init(opts({ captureHttp: true }))
    const x = new XMLHttpRequest()
    x.open('put', '/api/cart')
    x.send()
    await new Promise((r) => setTimeout(r, 0))
    await sdk.flush()
    expect(calls[0]!.batch.events[0]).toMatchObject({ type: 'http', level: 'ERROR', http: { method: 'PUT', status: 503 }, message: `PUT ${new URL('/api/cart', location.href).href} → 503` })
  })
})
