/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const backend = process.env.JINJU_BACKEND ?? 'http://localhost:8080'

// Dev server proxies the API to a running Jinju (Quarkus) so `npm run dev` works against it.
export default defineConfig({
  plugins: [vue()],
  server: {
    port: 5173,
    proxy: {
      // ws: the live tail subscription (graphql-ws) goes through the proxy too
      '/graphql': { target: backend, changeOrigin: true, ws: true },
      '/api': { target: backend, changeOrigin: true },
      '/q': { target: backend, changeOrigin: true },
      '/robots.txt': { target: backend, changeOrigin: true },
    },
  },
  build: {
    target: 'es2022',
    // no inline scripts or styles: a strict CSP (script-src 'self') is served with the app
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
