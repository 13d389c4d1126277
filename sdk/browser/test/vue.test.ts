import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h, nextTick } from 'vue'
import { fresh, mockFetch, opts, type Sdk } from './helpers'
import type { RouteLike } from '../src/vue'

let sdk: Sdk
const tick = () => new Promise((r) => setTimeout(r, 0))
beforeEach(async () => {
  localStorage.clear()
  sdk = await fresh()
})
afterEach(() => {
  void sdk.close()
})

// A real component tree: App (script-setup style __name) > CheckoutLayout (name) > CartItem (only __file)
const CartItem = defineComponent({
  __file: '/src/components/CartItem.vue',
  props: { failIn: { type: String, default: 'click' } },
  setup(props: { failIn?: string }) {
    if (props.failIn === 'setup') throw new Error('setup exploded')
    return () =>
      h(
        'button',
        {
          onClick: () => {
            throw new Error('cart exploded')
          },
        },
        'remove',
      )
  },
} as Parameters<typeof defineComponent>[0])
const CheckoutLayout = defineComponent({
  name: 'CheckoutLayout',
  props: { failIn: String },
  render() {
    return h('div', [h(CartItem, { failIn: this.failIn })])
  },
})
const App = defineComponent({
  __name: 'App',
  props: { failIn: String },
  setup: (props: { failIn?: string }) => () => h(CheckoutLayout, { failIn: props.failIn }),
} as Parameters<typeof defineComponent>[0])

describe('JinjuVue', () => {
  it('records the component, the trace to the root (innermost first) and Vue info; then calls the previous handler', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    const prev = vi.fn()
    const w = mount(App, { global: { config: { errorHandler: prev }, plugins: [[sdk.JinjuVue]] } })
    await w.find('button').trigger('click')
    await sdk.flush()
    const ev = calls[0]!.batch.events
    expect(ev).toHaveLength(1)
    expect(ev[0]).toMatchObject({
      type: 'vue',
      level: 'ERROR',
      message: 'Error: cart exploded',
      location: 'CartItem',
      componentTrace: ['CartItem', 'CheckoutLayout', 'App', 'VTU_ROOT'], // test-utils mounts App under its own root
      extra: { component: 'CartItem', file: '/src/components/CartItem.vue', info: expect.stringContaining('event handler') },
    })
    expect(ev[0]!.stackTrace).toContain('cart exploded')
    // the previous handler got the same arguments
    expect(prev).toHaveBeenCalledTimes(1)
    const [err, vm, info] = prev.mock.calls[0]!
    expect((err as Error).message).toBe('cart exploded')
    expect((vm as { $: { type: unknown } }).$.type).toBe(CartItem)
    expect(info).toEqual(ev[0]!.extra!.info)
    w.unmount()
  })

  it('records errors thrown while setting a component up', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    const app = createApp(App, { failIn: 'setup' })
    app.config.errorHandler = () => {}
    app.use(sdk.JinjuVue).mount(document.createElement('div'))
    await sdk.flush()
    expect(calls[0]!.batch.events[0]).toMatchObject({ type: 'vue', message: 'Error: setup exploded', componentTrace: ['CartItem', 'CheckoutLayout', 'App'] })
  })

  it('wraps, never replaces, an errorHandler set before app.use; without one it logs like Vue', async () => {
    mockFetch()
    sdk.init(opts())
    const app = createApp(App)
    const prev = vi.fn()
    app.config.errorHandler = prev
    app.use(sdk.JinjuVue)
    expect(app.config.errorHandler).not.toBe(prev)
    const err = new Error('direct')
    app.config.errorHandler!(err, null, 'test info')
    expect(prev).toHaveBeenCalledWith(err, null, 'test info')

    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const app2 = createApp(App)
    app2.use(sdk.JinjuVue)
    app2.config.errorHandler!(err, null, 'x')
    expect(spy).toHaveBeenCalledWith(err)
  })

  it('works before init (records nothing) and with an app that has no root component name', async () => {
    const { calls } = mockFetch()
    const Anon = defineComponent({ setup: () => () => h('i', [h(defineComponent({ setup: () => () => h('b', { onClick: () => { throw new Error('anon') } }) }))]) })
    const el = document.createElement('div')
    const app = createApp(Anon)
    app.config.errorHandler = () => {}
    app.use(sdk.JinjuVue).mount(el)
    el.querySelector('b')!.click()
    sdk.init(opts())
    el.querySelector('b')!.click()
    await sdk.flush()
    expect(calls[0]!.batch.events.map((e) => e.componentTrace)).toEqual([['Anonymous', 'Root']])
  })

  it('with a router, each route change sends the previous page view and starts a new pageViewId', async () => {
    const { calls } = mockFetch()
    sdk.init(opts())
    let guard: (to: RouteLike, from: RouteLike, failure?: unknown) => unknown = () => {}
    const router = { afterEach: (g: typeof guard) => void (guard = g) }
    mount(App, { global: { plugins: [[sdk.JinjuVue, { router }]] } })
    const start = { fullPath: '/', matched: [] }
    const home = { fullPath: '/', matched: [{}] }
    const cart = { fullPath: '/cart', matched: [{}] }
    sdk.log.info('before initial navigation')
    guard(home, start) // the initial navigation is the page load's own page view
    sdk.log.info('on home')
    await tick()
    expect(calls).toHaveLength(0)
    guard(cart, home)
    await tick() // the send starts off the route change's task
    expect(calls).toHaveLength(1)
    sdk.log.info('on cart')
    guard(home, cart, { type: 4 }) // a failed navigation changes nothing
    sdk.log.info('still on cart')
    guard(home, cart)
    await sdk.flush()
    expect(calls.map((c) => c.batch.events.map((e) => e.message))).toEqual([
      ['before initial navigation', 'on home'],
      ['on cart', 'still on cart'],
    ])
    const ids = calls.map((c) => c.batch.context.pageViewId)
    expect(new Set(ids).size).toBe(2)
    sdk.log.info('home again')
    await sdk.flush()
    expect(new Set(calls.map((c) => c.batch.context.pageViewId)).size).toBe(3)
    await nextTick()
  })
})
