declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const c: DefineComponent<object, object, unknown>
  export default c
}
interface Window {
  JINJU_E2E: { endpoint: string; key: string; project: string; environment: string; release: string; sdk: boolean }
  __router: import('vue-router').Router
  __hookMs: number[]
  __jinju?: typeof import('@jinju/browser')
}
