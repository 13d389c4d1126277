import { vi } from 'vitest'
import type { IngestBatch, JinjuOptions } from '../src/types'

export type Sdk = typeof import('../src/index')
export const ENDPOINT = 'https://logs.example.com'

/** A fresh copy of the SDK (module state reset). */
export async function fresh(): Promise<Sdk> {
  vi.resetModules()
  return await import('../src/index')
}

export interface Call {
  url: string
  init: RequestInit
  batch: IngestBatch
}

type Responder = (call: Call, n: number) => Response | Promise<Response>

export const ok = () =>
  new Response(JSON.stringify({ data: { ingest: { accepted: 1, rejected: [] } } }), { status: 200, headers: { 'Content-Type': 'application/json' } })

/** Stubs global fetch; records each call with its parsed batch. */
export function mockFetch(respond: Responder = ok) {
  const calls: Call[] = []
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const body = JSON.parse(String(init!.body))
    const call = { url, init: init!, batch: url.endsWith('/graphql') ? body.variables.batch : body }
    calls.push(call)
    return respond(call, calls.length)
  })
  vi.stubGlobal('fetch', fn)
  return { fn, calls }
}

export interface Beacon {
  url: string
  type: string
  size: number
  batch: IngestBatch
}

/** Stubs navigator.sendBeacon; records each call. */
export function mockBeacon(result = true) {
  const beacons: Beacon[] = []
  const pending: Promise<void>[] = []
  const fn = vi.fn((url: string | URL, data?: BodyInit | null) => {
    const blob = data as Blob
    pending.push(
      blob.text().then((t) => {
        beacons.push({ url: String(url), type: blob.type, size: blob.size, batch: JSON.parse(t) })
      }),
    )
    return result
  })
  Object.defineProperty(navigator, 'sendBeacon', { value: fn, configurable: true, writable: true })
  return { fn, beacons, settled: () => Promise.all(pending) }
}

export function opts(o: Partial<JinjuOptions> = {}): JinjuOptions {
  return { endpoint: ENDPOINT + '/', key: 'k1', project: 'shop', environment: 'prod', ...o }
}

export const STORE_KEY = 'jinju:outbox'
export const stored = (): IngestBatch[] => JSON.parse(localStorage.getItem(STORE_KEY) || '[]')

/** flush() under fake timers: sends start on a 0 ms timer (requestIdleCallback in browsers). */
export async function settle(sdk: Sdk): Promise<void> {
  const p = sdk.flush()
  await vi.advanceTimersByTimeAsync(0)
  await p
}
