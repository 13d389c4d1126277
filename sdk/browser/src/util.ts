/** Random 32-hex-digit id (crypto when available: works outside secure contexts too). */
export function rid(): string {
  const c = globalThis.crypto
  const b = new Uint8Array(16)
  if (c && c.getRandomValues) c.getRandomValues(b)
  else for (let i = 0; i < 16; i++) b[i] = (Math.random() * 256) | 0
  let s = ''
  for (let i = 0; i < 16; i++) s += (b[i]! + 256).toString(16).slice(1)
  return s
}

/** UTF-8 byte length of a string, without allocating. */
export function utf8(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c > 0x7f) n += c > 0x7ff && (c < 0xd800 || c > 0xdbff) ? 2 : 1
  }
  return n
}

export function cut(s: string | undefined, max: number): string | undefined {
  return s && s.length > max ? s.slice(0, max) + '…' : s
}

/** JSON.stringify that survives cycles, BigInt and Errors. */
export function json(v: unknown): string | undefined {
  const seen = new WeakSet<object>()
  try {
    return JSON.stringify(v, (_k, x: unknown) => {
      if (typeof x === 'bigint') return String(x)
      if (isErr(x)) return { name: x.name, message: x.message, stack: x.stack }
      if (x && typeof x === 'object') {
        if (seen.has(x)) return '[Circular]'
        seen.add(x)
      }
      return x
    })
  } catch {
    return undefined
  }
}

export function isErr(x: unknown): x is Error {
  return x instanceof Error || (!!x && typeof x === 'object' && typeof (x as Error).message === 'string' && typeof (x as Error).stack === 'string')
}

/** A readable one-line text for any value. */
export function str(v: unknown): string {
  if (typeof v === 'string') return v
  if (isErr(v)) return (v.name || 'Error') + ': ' + v.message
  const s = v !== null && typeof v === 'object' ? json(v) : undefined
  return s === undefined ? String(v) : s
}
