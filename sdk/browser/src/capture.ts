import { captureError, cfg, debug, flush, isOwn, nativeConsole, nativeFetch, record, replay, unconfigure, unload, wasSeen } from './core'
import type { ConsoleMethod, Level } from './types'
import { str } from './util'

type Undo = () => void
let undo: Undo[] = []

function on(t: EventTarget, name: string, fn: (e: any) => void): void {
  t.addEventListener(name, fn)
  undo.push(() => t.removeEventListener(name, fn))
}

function onError(e: ErrorEvent): void {
  const err = e.error
  if (wasSeen(err)) return
  captureError(err !== undefined && err !== null ? err : e.message, 'error', {
    location: e.filename ? e.filename + ':' + e.lineno + ':' + e.colno : undefined,
  })
}

function onRejection(e: PromiseRejectionEvent): void {
  const r = e.reason
  captureError(r, 'unhandledrejection', r && typeof r === 'object' && !(r instanceof Error) ? { extra: { reason: r } } : undefined)
}

const LEVELS: Record<string, Level> = { error: 'ERROR', warn: 'WARN', info: 'INFO', log: 'INFO', debug: 'DEBUG' }

function wrapConsole(methods: ConsoleMethod[]): void {
  for (const m of methods) {
    const orig = console[m]
    if (typeof orig != 'function') continue
    nativeConsole[m] = orig
    console[m] = function (this: Console, ...args: unknown[]) {
      const err = args.find((a) => a instanceof Error) as Error | undefined
      if (!wasSeen(err))
        record({
          type: 'console',
          level: LEVELS[m]!,
          message: args.map(str).join(' '),
          stackTrace: err && err.stack,
        })
      return orig.apply(this, args)
    }
    undo.push(() => {
      console[m] = orig
      delete nativeConsole[m]
    })
  }
}

function httpEvent(method: string, url: string, status: number, error?: unknown): void {
  try {
    url = new URL(url, location.href).href
  } catch {
    /* keep it as given */
  }
  if (isOwn(url)) return
  method = method.toUpperCase()
  record({
    type: 'http',
    level: status && status < 500 ? 'WARN' : 'ERROR',
    message: method + ' ' + url + (status ? ' → ' + status : ' failed: ' + str(error)),
    http: status ? { method, status } : { method },
    extra: { requestUrl: url },
  })
}

function wrapFetch(): void {
  const orig = nativeFetch
  if (!orig) return
  const w = function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const req = typeof Request != 'undefined' && input instanceof Request ? input : undefined
    const url = req ? req.url : String(input)
    const method = (init && init.method) || (req && req.method) || 'GET'
    return orig(input, init).then(
      (res) => {
        if (res.status >= 400) httpEvent(method, url, res.status)
        return res
      },
      (err) => {
        if (!(err && err.name === 'AbortError')) httpEvent(method, url, 0, err)
        throw err
      },
    )
  }
  const before = globalThis.fetch
  globalThis.fetch = w
  undo.push(() => {
    if (globalThis.fetch === w) globalThis.fetch = before
  })
}

function wrapXhr(): void {
  if (typeof XMLHttpRequest == 'undefined') return
  const P = XMLHttpRequest.prototype
  const open = P.open
  const sendX = P.send
  const K = '__jinju'
  P.open = function (this: XMLHttpRequest & { [K]?: [string, string] }, method: string, url: string | URL) {
    this[K] = [method, String(url)]
    return open.apply(this, arguments as unknown as Parameters<typeof open>)
  } as typeof open
  P.send = function (this: XMLHttpRequest & { [K]?: [string, string] }, body?: Document | XMLHttpRequestBodyInit | null) {
    const m = this[K]
    if (m) {
      let aborted = false
      this.addEventListener('abort', () => (aborted = true))
      this.addEventListener('loadend', () => {
        if (!aborted && (this.status >= 400 || this.status === 0)) httpEvent(m[0], m[1], this.status, 'network error')
      })
    }
    return sendX.call(this, body)
  }
  undo.push(() => {
    P.open = open
    P.send = sendX
  })
}

export function install(): void {
  const c = cfg!
  uninstall()
  if (typeof window == 'undefined') return
  if (c.captureErrors !== false) on(window, 'error', onError)
  if (c.captureRejections !== false) on(window, 'unhandledrejection', onRejection)
  if (c.captureConsole) wrapConsole(c.captureConsole === true ? ['error'] : c.captureConsole)
  if (c.captureHttp) {
    wrapFetch()
    wrapXhr()
  }
  on(document, 'visibilitychange', () => document.visibilityState === 'hidden' && unload())
  on(window, 'pagehide', unload)
  on(window, 'online', replay)
  debug('installed')
}

export function uninstall(): void {
  for (const u of undo.reverse()) u()
  undo = []
}

/** Removes every hook the SDK installed and sends what is waiting. */
export function close(): Promise<void> {
  uninstall()
  const p = flush()
  unconfigure()
  return p
}
