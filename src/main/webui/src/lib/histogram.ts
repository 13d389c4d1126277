// Histogram helpers: per-level totals and series for uPlot.

import { LEVELS, type HistogramBucket, type Level } from '../graphql/types'

export type LevelTotals = Record<Level, number>

export function emptyTotals(): LevelTotals {
  return { TRACE: 0, DEBUG: 0, INFO: 0, WARN: 0, ERROR: 0, FATAL: 0 }
}

export function levelTotals(buckets: HistogramBucket[]): LevelTotals {
  const totals = emptyTotals()
  for (const b of buckets) for (const c of b.counts) if (c.level in totals) totals[c.level] += c.count
  return totals
}

export function countOf(bucket: HistogramBucket, level: Level): number {
  let n = 0
  for (const c of bucket.counts) if (c.level === level) n += c.count
  return n
}

export function sumLevels(totals: LevelTotals, levels: readonly Level[]): number {
  return levels.reduce((acc, l) => acc + totals[l], 0)
}

/**
 * Data for a stacked bar chart in uPlot: x = bucket start (unix seconds), then one cumulative series
 * per level (bottom level first). Drawing the series top-down with bars from zero makes them look stacked.
 */
export function stackedSeries(buckets: HistogramBucket[], levels: readonly Level[] = LEVELS): { x: number[]; raw: number[][]; stacked: number[][] } {
  const x = buckets.map((b) => new Date(b.start).getTime() / 1000)
  const raw = levels.map((l) => buckets.map((b) => countOf(b, l)))
  const stacked: number[][] = []
  raw.forEach((series, i) => {
    const below = i === 0 ? null : stacked[i - 1]
    stacked.push(series.map((v, j) => v + (below ? (below[j] ?? 0) : 0)))
  })
  return { x, raw, stacked }
}

/** Splits buckets into those before and at/after `at` (ms). */
export function splitAt(buckets: HistogramBucket[], at: number): [HistogramBucket[], HistogramBucket[]] {
  const before: HistogramBucket[] = []
  const after: HistogramBucket[] = []
  for (const b of buckets) (new Date(b.start).getTime() < at ? before : after).push(b)
  return [before, after]
}
