// Formatting helpers: times in the browser's time zone (UTC on hover), counts, changes.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** 2026-11-26 11:00:00.123 in the browser's time zone. */
export function formatTime(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(d.getTime())) return String(iso)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  )
}

/** Short time for list rows of one day: 11:00:00.123 (full date kept for the hover title). */
export function formatShortTime(iso: string | Date): string {
  return formatTime(iso).slice(11)
}

/** List rows: 11-26 11:00:00.123 (month-day and time, browser time zone). */
export function formatListTime(iso: string | Date): string {
  return formatTime(iso).slice(5)
}

/** Axis label for a chart tick (unix seconds): HH:mm, with the date when the span is long. */
export function formatAxisTime(seconds: number, spanSeconds: number): string {
  const t = formatTime(new Date(seconds * 1000))
  if (spanSeconds > 2 * 86400) return `${t.slice(5, 10)} ${t.slice(11, 16)}`
  if (spanSeconds < 600) return t.slice(11, 19)
  return t.slice(11, 16)
}

/** Full UTC instant for title attributes. */
export function formatUtc(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(d.getTime())) return String(iso)
  return `${d.toISOString().replace('T', ' ').replace('Z', '')} UTC`
}

export function timeZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time'
  } catch {
    return 'local time'
  }
}

/** 1234 -> 1.2k, 1234567 -> 1.2M */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–'
  const abs = Math.abs(n)
  if (abs < 1000) return String(n)
  if (abs < 1_000_000) return `${trim(n / 1000)}k`
  return `${trim(n / 1_000_000)}M`
}

function trim(x: number): string {
  return (Math.abs(x) < 10 ? x.toFixed(1) : Math.round(x).toString()).replace(/\.0$/, '')
}

export interface Change {
  text: string
  direction: 'up' | 'down' | 'same'
}

/** Change of a count against the previous period: "+25%", "−50%", "new", "±0". */
export function formatChange(current: number, previous: number): Change {
  if (current === previous) return { text: '±0', direction: 'same' }
  if (previous === 0) return { text: 'new', direction: 'up' }
  const pct = Math.round(((current - previous) / previous) * 100)
  if (pct === 0) return { text: current > previous ? '+<1%' : '−<1%', direction: current > previous ? 'up' : 'down' }
  return pct > 0 ? { text: `+${pct}%`, direction: 'up' } : { text: `−${Math.abs(pct)}%`, direction: 'down' }
}

/** Human "duration" of a range, e.g. 15 min, 3 h, 2 d. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 120) return `${s} s`
  const m = Math.round(s / 60)
  if (m < 120) return `${m} min`
  const h = Math.round(m / 60)
  if (h < 72) return `${h} h`
  return `${Math.round(h / 24)} d`
}
