import { captureError, nativeConsole, newPageView } from './core'

/** The parts of a Vue 3 component instance the plugin reads (no runtime import of vue). */
interface VueInternal {
  type?: { name?: string; __name?: string; __file?: string } | null
  parent?: VueInternal | null
}

type ErrorHandler = (err: unknown, instance: any, info: string) => unknown

/** The parts of a Vue 3 `App` the plugin uses. */
export interface VueAppLike {
  config: { errorHandler?: ErrorHandler }
}

/** The parts of a vue-router route location the plugin reads. */
export interface RouteLike {
  fullPath: string
  matched: unknown[]
}

/** The parts of a vue-router `Router` the plugin uses. */
export interface RouterLike {
  afterEach(guard: (to: RouteLike, from: RouteLike, failure?: unknown) => unknown): unknown
}

export interface JinjuVueOptions {
  /** With a router, each route change starts a new page view and sends the previous one's events. */
  router?: RouterLike
  /** Without an earlier errorHandler, also log the error to the console as Vue would (default true). */
  logErrors?: boolean
}

/** Component name: `name`, `__name` (script setup), or the file name of `__file`. */
export function componentName(i: VueInternal): string {
  const t = i.type || {}
  const f = t.__file && t.__file.match(/([^/\\]+?)(\.\w+)?$/)
  return t.name || t.__name || (f && f[1]) || (i.parent ? 'Anonymous' : 'Root')
}

function internal(vm: unknown): VueInternal | null | undefined {
  return vm ? (vm as { $?: VueInternal }).$ || (vm as VueInternal) : undefined
}

/** Component hierarchy from the component that failed up to the root, innermost first. */
export function componentTrace(vm: unknown): string[] {
  const trace: string[] = []
  let i = internal(vm)
  while (i && trace.length < 64) {
    trace.push(componentName(i))
    i = i.parent
  }
  return trace
}

/** Vue 3 plugin: `app.use(JinjuVue, { router })`. */
export const JinjuVue = {
  install(app: VueAppLike, options?: JinjuVueOptions): void {
    const o = options || {}
    const prev = app.config.errorHandler
    app.config.errorHandler = function (this: unknown, err: unknown, vm: unknown, info: string) {
      const trace = componentTrace(vm)
      const t = internal(vm)
      captureError(err, 'vue', {
        location: trace[0],
        componentTrace: trace.length ? trace : undefined,
        extra: { component: trace[0], file: t && t.type && t.type.__file, info },
      })
      if (prev) return prev.call(this, err, vm, info)
      if (o.logErrors !== false) (nativeConsole.error || console.error).call(console, err)
    }
    let first = true
    if (o.router)
      o.router.afterEach((to, from, failure) => {
        if (!failure && to.fullPath !== from.fullPath && (!first || from.matched.length)) newPageView()
        first = false
      })
  },
}
