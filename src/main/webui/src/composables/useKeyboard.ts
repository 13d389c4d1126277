// Global keyboard shortcuts: `/` search, `j`/`k` move, Enter open, Esc close.

import { onBeforeUnmount, onMounted } from 'vue'

export type ShortcutHandlers = Partial<Record<'/' | 'j' | 'k' | 'Enter' | 'Escape', (e: KeyboardEvent) => void>>

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable
}

/** Decides which shortcut a key press triggers; null when none (typing, modifiers, unknown keys). */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, typing: boolean): keyof ShortcutHandlers | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  if (e.key === 'Escape') return 'Escape'
  if (typing) return null
  if (e.key === '/' || e.key === 'j' || e.key === 'k' || e.key === 'Enter') return e.key
  return null
}

export function useKeyboard(handlers: ShortcutHandlers): void {
  function onKey(e: KeyboardEvent): void {
    const typing = isTypingTarget(e.target)
    const key = shortcutFor(e, typing)
    if (!key) return
    // Enter on a focused button or link keeps its own meaning
    if (key === 'Enter' && e.target instanceof HTMLElement && (e.target.tagName === 'BUTTON' || e.target.tagName === 'A')) return
    const handler = handlers[key]
    if (!handler) return
    handler(e)
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
