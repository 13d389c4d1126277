// Tracks prefers-color-scheme so charts (drawn on canvas) can re-read the CSS colours.

import { onBeforeUnmount, ref } from 'vue'

export function useColorScheme() {
  const mq = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null
  const dark = ref(mq?.matches ?? false)
  const onChange = (e: MediaQueryListEvent) => (dark.value = e.matches)
  mq?.addEventListener('change', onChange)
  onBeforeUnmount(() => mq?.removeEventListener('change', onChange))
  return { dark }
}

export function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return v || fallback
}
