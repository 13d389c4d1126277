#!/usr/bin/env node
// First rows timing: from opening an explore URL to the first event rows on screen (budget: 500 ms with
// 1 million events). Warm browser, a fresh page per run; the dashboard marks `jinju:first-rows`
// (performance.mark, relative to the navigation start) when the first page of rows is in the DOM.
//
//   JINJU_URL=http://localhost:8080 [JINJU_USER=… JINJU_PASSWORD=…] [JINJU_GROUP=/jinju/bench/prod] \
//     node bench/first-rows.mjs
//
// The last line of stdout is JSON: {"firstRowsMs":{"p50":…,"p90":…,"max":…},"runs":20}
import { chromium } from 'playwright-core'
import fs from 'node:fs'

const BASE_URL = (process.env.JINJU_URL || 'http://localhost:8080').replace(/\/+$/, '')
const USER = process.env.JINJU_USER || ''
const PASSWORD = process.env.JINJU_PASSWORD || ''
const GROUP = process.env.JINJU_GROUP || '/jinju/bench/prod'
const RUNS = Math.max(1, Number(process.env.JINJU_RUNS || 20))
const WARMUP = Math.max(0, Number(process.env.JINJU_WARMUP ?? 1))
const RANGE = process.env.JINJU_RANGE || '24h'
const BUDGET_MS = process.env.JINJU_BUDGET_MS ? Number(process.env.JINJU_BUDGET_MS) : null
const TIMEOUT_MS = Number(process.env.JINJU_TIMEOUT_MS || 30_000)
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
const MARK = 'jinju:first-rows'
const ROW = '[data-testid="event-row"]'

/** Project and environment of a web front end's group `/jinju/{project}/{environment}` (or from the env). */
function projectAndEnv(group) {
  const m = /^\/jinju\/([^/]+)\/([^/]+)$/.exec(group)
  const project = process.env.JINJU_PROJECT || m?.[1]
  const env = process.env.JINJU_ENV || m?.[2]
  if (!project || !env) throw new Error(`set JINJU_PROJECT and JINJU_ENV for the group ${group}`)
  return { project, env }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null
  const rank = Math.ceil((p / 100) * sorted.length) // nearest rank
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

const round = (x) => (x == null ? null : Math.round(x * 10) / 10)

/** Form login (j_security_check) in the browser context, so every page of the run has the session cookie. */
async function login(context) {
  const page = await context.newPage()
  try {
    const res = await page.goto(`${BASE_URL}/login.html`, { waitUntil: 'domcontentloaded' }).catch(() => null)
    const hasForm = res?.ok() && (await page.locator('input[name="j_username"]').count()) > 0
    if (hasForm) {
      await page.fill('input[name="j_username"]', USER)
      await page.fill('input[name="j_password"]', PASSWORD)
      await Promise.all([page.waitForNavigation({ timeout: TIMEOUT_MS }).catch(() => null), page.press('input[name="j_password"]', 'Enter')])
    } else {
      // no login page: POST the form through the page (same origin, the browser keeps the cookie)
      if (!res) await page.goto(`${BASE_URL}/robots.txt`, { waitUntil: 'domcontentloaded' })
      await page.evaluate(
        async ([u, p]) => {
          await fetch('/j_security_check', {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ j_username: u, j_password: p }),
            credentials: 'same-origin',
          })
        },
        [USER, PASSWORD],
      )
    }
    // signed in? a GraphQL query must answer with data
    const ok = await page.evaluate(async () => {
      const r = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ projects { name } }' }),
        credentials: 'same-origin',
      })
      const body = await r.json().catch(() => null)
      return r.ok && body?.data?.projects != null
    })
    if (!ok) throw new Error(`login as ${USER} failed (wrong JINJU_USER / JINJU_PASSWORD?)`)
  } finally {
    await page.close()
  }
}

/** One run: a fresh page, navigation start → first row visible. */
async function measure(context, url) {
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    const t0 = Date.now()
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS })
    try {
      await page.locator(ROW).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS })
    } catch (e) {
      const text = (await page.locator('[data-testid="event-list"]').textContent().catch(() => ''))?.trim()
      throw new Error(`no event row within ${TIMEOUT_MS} ms at ${page.url()}${text ? ` (list: ${text.slice(0, 120)})` : ''}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`, { cause: e })
    }
    const wallMs = Date.now() - t0
    const timing = await page.evaluate((mark) => {
      const m = performance.getEntriesByName(mark)[0]
      const nav = performance.getEntriesByType('navigation')[0]
      return { mark: m ? m.startTime : null, responseEnd: nav ? nav.responseEnd : null, now: performance.now() }
    }, MARK)
    // the mark is exact; without it (an older dashboard) the time the row was seen is an upper bound
    return { firstRowsMs: timing.mark ?? timing.now, marked: timing.mark != null, wallMs, htmlMs: timing.responseEnd }
  } finally {
    await page.close()
  }
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`)
  const { project, env } = projectAndEnv(GROUP)
  const q = new URLSearchParams({ project, env, group: GROUP, range: RANGE })
  const url = `${BASE_URL}/explore?${q}`
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    if (USER && PASSWORD) await login(context)
    else console.log('# no JINJU_USER/JINJU_PASSWORD: not logging in')
    console.log(`# ${url}: ${WARMUP} warm-up, ${RUNS} runs`)
    for (let i = 0; i < WARMUP; i++) await measure(context, url)
    const samples = []
    let unmarked = 0
    for (let i = 0; i < RUNS; i++) {
      const r = await measure(context, url)
      samples.push(r.firstRowsMs)
      if (!r.marked) unmarked++
      console.log(`# run ${i + 1}: first rows ${round(r.firstRowsMs)} ms${r.marked ? '' : ' (no mark: time seen)'}, html ${round(r.htmlMs)} ms, wall ${r.wallMs} ms`)
    }
    if (unmarked) console.log(`# ${unmarked} run(s) without the ${MARK} mark`)
    const sorted = [...samples].sort((a, b) => a - b)
    const result = {
      firstRowsMs: { p50: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), max: round(sorted.at(-1)) },
      runs: RUNS,
    }
    if (BUDGET_MS != null && result.firstRowsMs.p90 > BUDGET_MS) {
      console.log(`# over budget: p90 ${result.firstRowsMs.p90} ms > ${BUDGET_MS} ms`)
      process.exitCode = 1
    }
    console.log(JSON.stringify(result))
  } finally {
    await browser.close()
  }
}

main().catch((e) => {
  console.error(`first-rows: ${e.message}`)
  process.exit(2)
})
