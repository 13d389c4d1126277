import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ENDPOINT, fresh, mockFetch, opts, settle, type Sdk } from './helpers'
import { utf8 } from '../src/util'

let sdk: Sdk
beforeEach(async () => {
  localStorage.clear()
  vi.useFakeTimers()
  sdk = await fresh()
})
afterEach(() => {
  void sdk.close()
  vi.clearAllTimers()
  vi.useRealTimers()
})

describe('batching', () => {
  it('sends the GraphQL ingest mutation with the batch shape of SPEC §8', async () => {
    const { calls } = mockFetch()
    sdk.init(opts({ release: '1.2.3', user: { id: 42 as unknown as string, email: 'a@b.c' } }))
    sdk.log.warn('slow checkout', { orderId: 9 })
    await settle(sdk)
    expect(calls).toHaveLength(1)
    const c = calls[0]!
    expect(c.url).toBe(ENDPOINT + '/graphql')
    expect(c.init.method).toBe('POST')
    expect((c.init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
    const body = JSON.parse(String(c.init.body))
    expect(body.query).toBe('mutation Ingest($batch: IngestBatch!) { ingest(batch: $batch) { accepted rejected { index reason } } }')
    const b = body.variables.batch
    expect(b).toMatchObject({ key: 'k1', project: 'shop', environment: 'prod' })
    expect(b.batchId).toMatch(/^[0-9a-f]{32}$/)
    expect(b.context).toEqual({
      url: location.href,
      userAgent: navigator.userAgent,
      user: { id: '42', email: 'a@b.c' },
      release: '1.2.3',
      pageViewId: expect.stringMatching(/^[0-9a-f]{32}$/),
    })
    expect(b.events).toEqual([
      { timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), level: 'WARN', type: 'log', message: 'slow checkout', url: location.href, extra: { orderId: 9 } },
    ])
    expect(Object.keys(body)).toEqual(['query', 'variables'])
  })

  it('sends as soon as maxBatch events are waiting', async () => {
    const { calls } = mockFetch()
    sdk.init(opts({ maxBatch: 3 }))
    for (let i = 0; i < 7; i++) sdk.log.info('e' + i)
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.map((c) => c.batch.events.map((e) => e.message))).toEqual([
      ['e0', 'e1', 'e2'],
      ['e3', 'e4', 'e5'],
    ])
    await vi.advanceTimersByTimeAsync(5000)
    await vi.advanceTimersByTimeAsync(1) // the send itself starts on the next task
    expect(calls).toHaveLength(3)
    expect(calls[2]!.batch.events.map((e) => e.message)).toEqual(['e6'])
    expect(new Set(calls.map((c) => c.batch.batchId)).size).toBe(3)
  })

  it('keeps each request body within maxBatchBytes (16 KiB by default)', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    for (let i = 0; i < 40; i++) sdk.log.error('결제 실패 '.repeat(60) + i) // ~1.2 KB of UTF-8 each
    await settle(sdk)
    expect(calls.length).toBeGreaterThan(2)
    for (const c of calls) expect(utf8(String(c.init.body))).toBeLessThanOrEqual(16 * 1024)
    expect(calls.flatMap((c) => c.batch.events).map((e) => e.message.slice(-2).trim())).toEqual(Array.from({ length: 40 }, (_, i) => String(i)))
  })

  it('sends a partial batch after flushIntervalMs', async () => {
    const { calls } = mockFetch()
    sdk.init(opts({ flushIntervalMs: 5000 }))
    sdk.log.info('one')
    await vi.advanceTimersByTimeAsync(4999)
    expect(calls).toHaveLength(0)
    sdk.log.info('two')
    await vi.advanceTimersByTimeAsync(1)
    await vi.advanceTimersByTimeAsync(1) // the send itself starts on the next task
    expect(calls).toHaveLength(1)
    expect(calls[0]!.batch.events.map((e) => e.message)).toEqual(['one', 'two'])
    await vi.advanceTimersByTimeAsync(60000)
    expect(calls).toHaveLength(1)
  })

  it('applies sampleRate and beforeSend', async () => {
    const { calls } = mockFetch()
    sdk.init(
      opts({
        beforeSend: (e) => (e.message === 'drop me' ? null : { ...e, message: e.message.replace(/\d{4}-\d{4}/, '****') }),
      }),
    )
    sdk.log.info('card 1234-5678')
    sdk.log.info('drop me')
    await settle(sdk)
    expect(calls[0]!.batch.events.map((e) => e.message)).toEqual(['card ****'])
    void sdk.close()

    sdk = await fresh()
    const m = mockFetch()
    sdk.init(opts({ sampleRate: 0.25 }))
    const r = vi.spyOn(Math, 'random')
    r.mockReturnValueOnce(0.3).mockReturnValueOnce(0.1)
    sdk.log.info('dropped')
    sdk.log.info('kept')
    await settle(sdk)
    expect(m.calls[0]!.batch.events.map((e) => e.message)).toEqual(['kept'])
  })

  it('setUser sends what was recorded before under the old user', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    sdk.log.info('anonymous')
    sdk.setUser({ id: 'u1', name: 'Kim' })
    sdk.log.info('signed in')
    await settle(sdk)
    expect(calls.map((c) => [c.batch.context.user, c.batch.events[0]!.message])).toEqual([
      [undefined, 'anonymous'],
      [{ id: 'u1', name: 'Kim' }, 'signed in'],
    ])
  })

  it('log.error with an Error keeps its stack; captureException records type error', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    const err = new TypeError('x is undefined')
    sdk.log.error('render failed', err)
    sdk.captureException(Object.assign(new Error('nope'), { code: 'E101' }), { orderId: 7 })
    sdk.captureException('a string')
    await settle(sdk)
    const [a, b, c] = calls[0]!.batch.events
    expect(a).toMatchObject({ type: 'log', level: 'ERROR', message: 'render failed', stackTrace: err.stack, extra: { error: 'TypeError: x is undefined' } })
    expect(b).toMatchObject({ type: 'error', level: 'ERROR', message: 'Error: nope', code: 'E101', extra: { orderId: 7 } })
    expect(b!.stackTrace).toContain('nope')
    expect(c).toMatchObject({ type: 'error', message: 'a string' })
  })

  it('truncates huge fields and survives circular extra', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    const extra: Record<string, unknown> = { a: 1 }
    extra.self = extra
    sdk.log.info('x'.repeat(100000), extra)
    await settle(sdk)
    const e = calls[0]!.batch.events[0]!
    expect(e.message.length).toBeLessThan(4200)
    expect(e.extra).toEqual({ a: 1, self: '[Circular]' })
  })
})
