import { createApp } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import * as Jinju from '@jinju/browser'
import App from './App.vue'
import HomeView from './views/HomeView.vue'
import CartView from './views/CartView.vue'
import AboutView from './views/AboutView.vue'

const cfg = window.JINJU_E2E
const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: HomeView },
    { path: '/cart', component: CartView },
    { path: '/about', component: AboutView },
  ],
})
const app = createApp(App).use(router)
// benchmark probe: time spent in the SDK's own afterEach hook (guards run in registration order)
let t0 = 0
window.__hookMs = []
router.afterEach(() => void (t0 = performance.now()))
if (cfg.sdk) {
  Jinju.init({
    endpoint: cfg.endpoint,
    key: cfg.key,
    project: cfg.project,
    environment: cfg.environment,
    release: cfg.release,
    user: { id: 'e2e-user', name: 'E2E' },
    captureHttp: true,
  })
  app.use(Jinju.JinjuVue, { router })
  window.__jinju = Jinju
}
router.afterEach(() => void window.__hookMs.push(performance.now() - t0))
window.__router = router
app.mount('#app')
