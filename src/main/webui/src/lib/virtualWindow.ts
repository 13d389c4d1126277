// Window math for the virtual event list: which rows to render for a scroll position.

export interface WindowInput {
  scrollTop: number
  viewportHeight: number
  rowHeight: number
  count: number
  overscan?: number
}

export interface WindowResult {
  /** first rendered row (inclusive) */
  start: number
  /** last rendered row (exclusive) */
  end: number
  /** translateY of the first rendered row */
  offset: number
  /** height of the whole scrollable content */
  totalHeight: number
}

export function computeWindow({ scrollTop, viewportHeight, rowHeight, count, overscan = 8 }: WindowInput): WindowResult {
  const totalHeight = Math.max(0, count * rowHeight)
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, totalHeight }
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, totalHeight - viewportHeight)))
  const firstVisible = Math.floor(top / rowHeight)
  const lastVisible = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight)
  const start = Math.max(0, firstVisible - overscan)
  const end = Math.min(count, lastVisible + overscan)
  return { start, end, offset: start * rowHeight, totalHeight }
}

/** True when the rendered window comes within `threshold` rows of the loaded rows' end. */
export function shouldLoadMore(windowEnd: number, loaded: number, hasNextPage: boolean, threshold = 50): boolean {
  return hasNextPage && windowEnd >= loaded - threshold
}

/** scrollTop that brings row `index` into view (minimal scrolling), or null when already visible. */
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight
  return null
}

/** Index after moving by `delta` (j/k), clamped to the list; -1 (nothing active) moves to the first row. */
export function moveIndex(current: number, delta: number, count: number): number {
  if (count <= 0) return -1
  if (current < 0) return delta > 0 ? 0 : 0
  return Math.max(0, Math.min(count - 1, current + delta))
}
