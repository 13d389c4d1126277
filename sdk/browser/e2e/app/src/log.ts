// The views log through the SDK only when this build/page uses it (the benchmark runs without it too).
export function info(message: string, extra?: Record<string, unknown>): void {
  window.__jinju?.log.info(message, extra)
}
export function warn(message: string, extra?: Record<string, unknown>): void {
  window.__jinju?.log.warn(message, extra)
}
