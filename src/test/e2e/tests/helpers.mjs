// Helpers for the end-to-end test: browser launch, CSV parsing, paths.
import { chromium } from 'playwright-core'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const E2E_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const BASE_URL = (process.env.JINJU_URL || 'http://localhost:8080').replace(/\/+$/, '')
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || path.resolve(E2E_ROOT, '../../../target/screenshots')
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
// The dashboard needs a login (docs/security.md); with jinju.demo=true the user demo/demo exists.
export const USER = process.env.JINJU_USER || 'demo'
export const PASSWORD = process.env.JINJU_PASSWORD || 'demo'

/** Logs in through the real login page: an anonymous page load is redirected there first. */
export async function login(page) {
  await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' })
  const at = new URL(page.url())
  if (at.pathname !== '/login.html') throw new Error(`an anonymous page load should land on /login.html, not ${page.url()}`)
  await page.locator('#j_username').fill(USER)
  await page.locator('#j_password').fill(PASSWORD)
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 }),
    page.locator('button[type=submit]').click(),
  ])
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Launches the system Chromium (never downloads a browser). */
export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
}

/** Waits until the server answers (it may still be starting). */
export async function waitForServer(base = BASE_URL, timeoutMs = Number(process.env.JINJU_WAIT_MS || 60_000)) {
  const deadline = Date.now() + timeoutMs
  let last = null
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ projects { name } }' }),
      })
      if (res.ok) return
      last = new Error(`HTTP ${res.status}`)
    } catch (e) {
      last = e
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`Jinju is not reachable at ${base} (set JINJU_URL; start it with -Djinju.demo=true): ${last?.message ?? last}`)
}

export function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return path.join(SCREENSHOT_DIR, name)
}

/** RFC 4180 CSV parser (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  let i = 0
  if (text.charCodeAt(0) === 0xfeff) i = 1 // BOM
  for (; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''))
}
