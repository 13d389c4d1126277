// Time ranges: relative presets ("last 1 h", kept relative in the URL) or absolute from/to.

export const PRESETS = {
  '15m': { label: 'Last 15 min', ms: 15 * 60_000 },
  '1h': { label: 'Last 1 h', ms: 60 * 60_000 },
  '24h': { label: 'Last 24 h', ms: 24 * 60 * 60_000 },
  '7d': { label: 'Last 7 d', ms: 7 * 24 * 60 * 60_000 },
} as const

export type PresetKey = keyof typeof PRESETS
export const PRESET_KEYS = Object.keys(PRESETS) as PresetKey[]
export const DEFAULT_PRESET: PresetKey = '1h'

export type TimeRange =
  | { kind: 'relative'; preset: PresetKey }
  | { kind: 'absolute'; from: string; to: string }

export interface ResolvedRange {
  from: Date
  to: Date
}

export function isPresetKey(value: unknown): value is PresetKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PRESETS, value)
}

/** Turns a range into concrete instants; relative ranges end at `now`. */
export function resolveRange(range: TimeRange, now: number = Date.now()): ResolvedRange {
  if (range.kind === 'relative') {
    return { from: new Date(now - PRESETS[range.preset].ms), to: new Date(now) }
  }
  return { from: new Date(range.from), to: new Date(range.to) }
}

export function isValidInstant(value: string): boolean {
  return value.length > 0 && !Number.isNaN(new Date(value).getTime())
}

/** Builds an absolute range from two instants (ISO, millisecond precision, UTC); order is normalised. */
export function absoluteRange(a: Date | number, b: Date | number): TimeRange {
  const x = typeof a === 'number' ? a : a.getTime()
  const y = typeof b === 'number' ? b : b.getTime()
  const [from, to] = x <= y ? [x, y] : [y, x]
  return { kind: 'absolute', from: new Date(from).toISOString(), to: new Date(to).toISOString() }
}

export function rangeLabel(range: TimeRange): string {
  return range.kind === 'relative' ? PRESETS[range.preset].label : 'Custom range'
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Value for <input type="datetime-local"> in the browser's time zone. */
export function toDatetimeLocal(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}

/** Parses a datetime-local value (browser time zone); null when empty or invalid. */
export function fromDatetimeLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value)
  if (!m) return null
  const [, y, mo, d, h, mi, s, ms] = m
  const date = new Date(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
    Number((ms ?? '0').padEnd(3, '0')),
  )
  return Number.isNaN(date.getTime()) ? null : date
}
