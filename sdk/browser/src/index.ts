import { install } from './capture'
import { captureError, configure, record, replay } from './core'
import type { JinjuEvent, JinjuOptions, Level } from './types'
import { isErr, str } from './util'

export type { ConsoleMethod, IngestBatch, IngestContext, JinjuEvent, JinjuHttp, JinjuOptions, JinjuUser, Level } from './types'
export type { JinjuVueOptions, RouteLike, RouterLike, VueAppLike } from './vue'
export { JinjuVue } from './vue'
export { close } from './capture'
export { flush, setUser, newPageView } from './core'

/** Starts the SDK: hooks error events, sends batches to `endpoint`, replays what an earlier page kept. */
export function init(options: JinjuOptions): void {
  configure(options)
  install()
  replay()
}

/** Records a caught error (type `error`). `extra` is a free JSON object. */
export function captureException(err: unknown, extra?: Record<string, unknown>): void {
  captureError(err, 'error', extra ? { extra } : undefined)
}

type LogFn = (message: string, extra?: Record<string, unknown> | Error) => void

function logAt(level: Level): LogFn {
  return (message, extra) => {
    const e: Omit<JinjuEvent, 'timestamp'> = { type: 'log', level, message: str(message) }
    if (isErr(extra)) {
      e.stackTrace = extra.stack
      e.extra = { error: str(extra) }
    } else if (extra) e.extra = extra
    record(e)
  }
}

/** Custom events (type `log`): `log.info('paid', { orderId })`; `log(message)` is `log.info`. */
export const log: LogFn & { trace: LogFn; debug: LogFn; info: LogFn; warn: LogFn; error: LogFn; fatal: LogFn } = Object.assign(logAt('INFO'), {
  trace: logAt('TRACE'),
  debug: logAt('DEBUG'),
  info: logAt('INFO'),
  warn: logAt('WARN'),
  error: logAt('ERROR'),
  fatal: logAt('FATAL'),
})

