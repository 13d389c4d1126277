// Live tail buffer: new events newest first, capped, without duplicates; while paused (the user scrolled
// away from the top, as in Seq) new events wait in `pending` so the rows under the reader do not move.

export interface HasId {
  id: string
}

export const LIVE_BUFFER_CAP = 5000

export class LiveBuffer<T extends HasId> {
  /** shown events, newest first (at most `cap`) */
  items: readonly T[] = []
  /** events received while paused, newest first (at most `cap`) */
  pending: readonly T[] = []
  /** events dropped from the end because of the cap (since the last clear) */
  dropped = 0
  private paused = false
  private readonly seen = new Set<string>()

  constructor(readonly cap: number = LIVE_BUFFER_CAP) {}

  get isPaused(): boolean {
    return this.paused
  }

  /**
   * Adds events in arrival order (oldest first, as the subscription delivers them). Returns the events
   * that became visible, newest first (empty while paused or when every event was a duplicate).
   */
  add(batch: readonly T[]): T[] {
    const fresh: T[] = []
    for (let i = batch.length - 1; i >= 0; i--) {
      const e = batch[i]
      if (!e || this.seen.has(e.id)) continue
      this.seen.add(e.id)
      fresh.push(e)
    }
    if (fresh.length === 0) return []
    if (this.paused) {
      this.pending = this.capped(fresh.concat(this.pending))
      return []
    }
    this.items = this.capped(fresh.concat(this.items))
    return fresh.slice(0, this.cap)
  }

  /** Pauses, or resumes and moves the pending events on top; returns the events that became visible. */
  setPaused(paused: boolean): T[] {
    if (paused === this.paused) return []
    this.paused = paused
    if (paused || this.pending.length === 0) return []
    const moved = this.pending.slice()
    this.pending = []
    this.items = this.capped(moved.concat(this.items))
    return moved
  }

  clear(): void {
    this.items = []
    this.pending = []
    this.dropped = 0
    this.seen.clear()
  }

  private capped(list: T[]): T[] {
    if (list.length <= this.cap) return list
    const cut = list.slice(this.cap)
    for (const e of cut) this.seen.delete(e.id)
    this.dropped += cut.length
    return list.slice(0, this.cap)
  }
}

/**
 * The live events on top of the searched ones (both newest first); searched events already in the live
 * buffer are left out (the search and the tail may overlap around the moment live was switched on).
 */
export function mergeLive<T extends HasId>(live: readonly T[], searched: readonly T[]): T[] {
  if (live.length === 0) return searched as T[]
  if (searched.length === 0) return live as T[]
  const ids = new Set<string>()
  for (const e of live) ids.add(e.id)
  const out = live.slice()
  for (const e of searched) if (!ids.has(e.id)) out.push(e)
  return out
}
