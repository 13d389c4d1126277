// End-to-end test of the Jinju dashboard in a real Chromium against a running Jinju with demo data
// (java -Djinju.demo=true ... ; JINJU_URL=http://localhost:8080 by default).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { BASE_URL, launchBrowser, login, parseCsv, screenshotPath, waitForServer } from './helpers.mjs'

const XSS = '<img src=x onerror=alert(1)>'
const QUERY = 'has:stackTrace has:user.id'

describe('Jinju dashboard', () => {
  let browser
  let context
  let page
  const dialogs = []
  const pageErrors = []
  const cspViolations = []
  let exploreUrl = null
  let openedEventId = null
  let chosenLevel = null

  before(async () => {
    await waitForServer()
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    page = await context.newPage()
    page.setDefaultTimeout(20_000)
    page.on('dialog', async (d) => {
      dialogs.push(d.message())
      await d.dismiss()
    })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text())
    })
    await login(page)
  })

  after(async () => {
    await browser?.close()
  })

  it('serves noindex: meta tag, X-Robots-Tag header and robots.txt', async () => {
    const res = await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' })
    assert.ok(res, 'no response for /')
    assert.equal(res.status(), 200)
    assert.match(res.headers()['x-robots-tag'] ?? '', /noindex,\s*nofollow/i, 'X-Robots-Tag on the page')
    // security headers (docs/security.md): a strict CSP, no framing, and index.html revalidated on every load
    assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/)
    assert.doesNotMatch(res.headers()['content-security-policy'] ?? '', /unsafe-inline/)
    assert.equal(res.headers()['x-frame-options'], 'DENY')
    assert.equal(res.headers()['x-content-type-options'], 'nosniff')
    assert.match(res.headers()['cache-control'] ?? '', /no-cache/, 'index.html must be revalidated')
    const meta = await page.locator('meta[name="robots"]').getAttribute('content')
    assert.match(meta ?? '', /noindex,\s*nofollow/i)
    // the API and a deep SPA link carry the header too
    const deep = await page.request.get(`${BASE_URL}/explore?project=demo`)
    assert.equal(deep.status(), 200, 'SPA route /explore serves index.html')
    assert.match(deep.headers()['x-robots-tag'] ?? '', /noindex/i)
    const robots = await page.request.get(`${BASE_URL}/robots.txt`)
    assert.equal(robots.status(), 200)
    assert.match(await robots.text(), /Disallow:\s*\//)
    // no inline scripts in the served HTML (CSP script-src 'self')
    const html = await (await page.request.get(`${BASE_URL}/`)).text()
    for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) assert.equal(m[1].trim(), '', 'inline script in index.html')
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'inline event handler in index.html')
  })

  it('home page shows a card per project and environment', async () => {
    await page.goto(`${BASE_URL}/`, { waitUntil: 'networkidle' })
    const card = page.getByTestId('card-demo-production')
    await card.waitFor()
    await page.getByTestId('card-demo-staging').waitFor()
    // the card has loaded its numbers and chart
    await card.locator('.card-chart canvas').first().waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: screenshotPath('home.png'), fullPage: true })
    assert.match(await card.locator('.stat-errors .stat-value').innerText(), /^\d/)
    // the home view shows the alert history (none has fired in a fresh demo)
    const alerts = page.getByTestId('alert-history')
    await alerts.waitFor()
    assert.match(await alerts.innerText(), /Recent alerts[\s\S]*(No alert has fired|Firing|Resolved)/)
    // go to the project
    await card.locator('.card-link').click()
    await page.waitForURL(/\/explore\?/)
    const url = new URL(page.url())
    assert.equal(url.searchParams.get('project'), 'demo')
    assert.equal(url.searchParams.get('env'), 'production')
    await page.getByTestId('event-row').first().waitFor()
  })

  it('explore: pick a group, set a range, type a query, filter by level, open an event', async () => {
    // pick one group (the web front end's /jinju/demo/production when there are several)
    const boxes = page.locator('.tree-groups input[type=checkbox]')
    const names = await boxes.evaluateAll((els) => els.map((e) => e.value))
    assert.ok(names.length > 0, 'the environment lists its log groups')
    const keep = names.find((n) => n === '/jinju/demo/production') ?? names[0]
    for (const n of names) {
      if (n === keep) continue
      await page.locator(`.tree-groups input[value="${n}"]`).uncheck()
    }
    if (names.length > 1) await page.waitForURL((u) => u.searchParams.getAll('group').join() === keep)

    // range: last 24 h
    await page.getByTestId('range-24h').click()
    await page.waitForURL((u) => u.searchParams.get('range') === '24h')

    // query
    const input = page.getByTestId('search-input')
    await input.fill(QUERY)
    await input.press('Enter')
    await page.waitForURL((u) => u.searchParams.get('q') === QUERY)
    await page.getByTestId('event-row').first().waitFor()

    // level: ERROR if it has events for this search, else FATAL, else WARN
    // counts of this search (not the previous one's)
    await page.waitForLoadState('networkidle')
    await page.locator('[data-testid=level-chips][aria-busy=false]').waitFor()
    for (const level of ['ERROR', 'FATAL', 'WARN']) {
      const count = await page.getByTestId(`level-${level}`).locator('.chip-count').innerText()
      if (count.trim() !== '0') {
        chosenLevel = level
        break
      }
    }
    assert.ok(chosenLevel, 'demo data has ERROR/FATAL/WARN events with stack trace and user')
    await page.getByTestId(`level-${chosenLevel}`).click()
    await page.waitForURL((u) => u.searchParams.getAll('level').join() === chosenLevel)
    await page.waitForFunction((lvl) => {
      const rows = [...document.querySelectorAll('[data-testid=event-row]')]
      return rows.length > 0 && rows.every((r) => r.querySelector('.level-badge')?.textContent?.trim() === lvl)
    }, chosenLevel)
    await page.screenshot({ path: screenshotPath('explore.png') })

    // open the first event
    const row = page.getByTestId('event-row').first()
    openedEventId = await row.getAttribute('data-id')
    await row.click()
    await page.waitForURL((u) => u.searchParams.get('event') === openedEventId)
    const detail = page.getByTestId('event-detail')
    await detail.getByTestId('detail-stack').waitFor()
    const stack = await detail.getByTestId('detail-stack').innerText()
    assert.ok(stack.trim().length > 0, 'stack trace shown')
    const user = await detail.getByTestId('detail-user').innerText()
    assert.ok(user.trim().length > 0, 'user shown')
    assert.equal(await detail.locator('.level-badge').first().innerText(), chosenLevel)
    assert.ok((await detail.innerText()).includes(openedEventId), 'ids section shows the event id')
    await page.screenshot({ path: screenshotPath('detail.png') })
    exploreUrl = page.url()
  })

  it('reloading the URL restores the same view', async () => {
    assert.ok(exploreUrl, 'previous step set the URL')
    await page.reload({ waitUntil: 'networkidle' })
    assert.equal(page.url(), exploreUrl)
    await page.getByTestId('detail-stack').waitFor()
    assert.equal(await page.getByTestId('search-input').inputValue(), QUERY)
    assert.equal(await page.getByTestId('range-24h').getAttribute('aria-pressed'), 'true')
    assert.equal(await page.getByTestId(`level-${chosenLevel}`).getAttribute('aria-pressed'), 'true')
    assert.ok((await page.getByTestId('event-detail').innerText()).includes(openedEventId))
    await page.getByTestId('event-row').first().waitFor()
    // the same view opened in a fresh tab
    const other = await context.newPage()
    await other.goto(exploreUrl, { waitUntil: 'networkidle' })
    await other.getByTestId('detail-stack').waitFor()
    assert.ok((await other.getByTestId('event-detail').innerText()).includes(openedEventId))
    await other.close()
  })

  it('keyboard: Esc closes, j/k move, Enter opens, / focuses the search', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    await page.keyboard.press('Escape')
    await page.waitForURL((u) => !u.searchParams.has('event'))
    assert.equal(await page.getByTestId('event-detail').count(), 0)
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    await page.waitForURL((u) => u.searchParams.has('event'))
    await page.getByTestId('event-detail').waitFor()
    await page.keyboard.press('/')
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'search-input')
    await page.keyboard.press('Escape')
  })

  it('a malformed query shows the error at the reported position', async () => {
    const input = page.getByTestId('search-input')
    const bad = 'level:error bogusfield:1'
    await input.fill(bad)
    await input.press('Enter')
    const error = page.getByTestId('query-error')
    await error.waitFor()
    assert.equal((await error.locator('.query-error-at').innerText()).trim(), 'b', 'marker on the unknown field (position 12)')
    assert.match(await error.innerText(), /bogusfield/)
    // back to the good query (history back restores the previous URL state)
    await page.goBack()
    await page.waitForURL((u) => u.searchParams.get('q') === QUERY)
    await page.getByTestId('event-row').first().waitFor()
    assert.equal(await page.getByTestId('query-error').count(), 0)
  })

  it('CSV export downloads the rows of the current search', async () => {
    const link = page.getByTestId('export-csv')
    const href = await link.getAttribute('href')
    const params = new URL(href, BASE_URL).searchParams
    assert.equal(params.get('format'), 'csv')
    assert.equal(params.get('query'), QUERY)
    assert.deepEqual(params.getAll('levels'), [chosenLevel])
    assert.ok(params.getAll('groups').length > 0)
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.match(download.suggestedFilename(), /\.csv$/i, 'file name from Content-Disposition')
    const file = await download.path()
    const rows = parseCsv(fs.readFileSync(file, 'utf8'))
    assert.ok(rows.length >= 2, 'header and at least one row')
    const header = rows[0].map((h) => h.trim().toLowerCase())
    const levelCol = header.indexOf('level')
    const idCol = header.indexOf('id')
    assert.ok(levelCol >= 0, `CSV has a level column: ${header.join(',')}`)
    const data = rows.slice(1)
    for (const r of data) assert.equal(r[levelCol], chosenLevel, 'every row has the filtered level')
    if (idCol >= 0) assert.ok(data.some((r) => r[idCol] === openedEventId), 'the opened event is in the export')
    // same search through the JSON-lines link
    const jsonl = await page.request.get(new URL(await page.getByTestId('export-jsonl').getAttribute('href'), BASE_URL).toString())
    assert.equal(jsonl.status(), 200)
    const lines = (await jsonl.text()).split('\n').filter((l) => l.trim())
    assert.equal(lines.length, data.length, 'CSV and JSON lines carry the same events')
    for (const l of lines) assert.equal(JSON.parse(l).level, chosenLevel)
  })

  it('the event list pages as it scrolls and keeps the DOM small', async () => {
    await page.goto(`${BASE_URL}/explore?project=demo&env=production&range=24h`, { waitUntil: 'networkidle' })
    await page.getByTestId('event-row').first().waitFor()
    const loaded = async () => Number((await page.locator('.event-list-footer').innerText()).match(/([\d,.]+) loaded/)?.[1].replace(/[,.]/g, '') ?? 0)
    const first = await loaded()
    assert.ok(first > 0)
    const hasMore = (await page.locator('.event-list-footer').innerText()).includes('more as you scroll')
    if (hasMore) {
      for (let i = 0; i < 3; i++) {
        await page.getByTestId('event-list').evaluate((el) => (el.scrollTop = el.scrollHeight))
        await page.waitForTimeout(400)
      }
      await page.waitForFunction((n) => {
        const m = document.querySelector('.event-list-footer')?.textContent?.match(/([\d,.]+) loaded/)
        return m && Number(m[1].replace(/[,.]/g, '')) > n
      }, first)
    }
    const rendered = await page.getByTestId('event-row').count()
    assert.ok(rendered > 0 && rendered < 120, `only the visible rows are rendered (${rendered})`)
  })

  it('live tail: new events come on top (flash), live=1 in the URL, stays after turning it off', async () => {
    await page.goto(`${BASE_URL}/explore?project=demo&env=production&range=15m`, { waitUntil: 'networkidle' })
    await page.getByTestId('live-toggle').click()
    await page.waitForURL(/[?&]live=1(&|$)/)
    // subscribed: the range reads just "live" (not "connecting…")
    await page.waitForFunction(() => document.querySelector('[data-testid=range-live]')?.textContent?.trim() === 'live')
    const marker = `live-e2e-${Date.now()}`
    const res = await page.request.post(`${BASE_URL}/api/ingest`, {
      data: {
        key: 'demo-key',
        project: 'demo',
        environment: 'production',
        batchId: marker,
        events: [1, 2].map((i) => ({ timestamp: new Date().toISOString(), level: 'error', message: `${marker} #${i}` })),
      },
    })
    assert.equal(res.status(), 200, await res.text())
    const top = page.getByTestId('event-row').first()
    await page.waitForFunction((m) => document.querySelector('[data-testid=event-row] .col-message')?.textContent?.includes(`${m} #2`), marker)
    assert.match((await top.getAttribute('class')) ?? '', /\bflash\b/, 'a new row flashes')
    assert.ok((await page.getByTestId('event-row').nth(1).innerText()).includes(`${marker} #1`), 'newest first')
    await page.getByTestId('live-toggle').click()
    await page.waitForURL((u) => !u.searchParams.has('live'))
    await page.getByTestId('event-row').filter({ hasText: `${marker} #2` }).first().waitFor()
  })

  it('an XSS payload in a message stays inert text', async () => {
    let found = false
    for (const env of ['production', 'staging']) {
      const url = `${BASE_URL}/explore?project=demo&env=${env}&range=24h&q=${encodeURIComponent('onerror alert')}`
      await page.goto(url, { waitUntil: 'networkidle' })
      const row = page.getByTestId('event-row').filter({ hasText: XSS }).first()
      try {
        await row.waitFor({ timeout: 5000 })
      } catch {
        continue
      }
      found = true
      assert.equal(await row.locator('.col-message').innerText().then((t) => t.includes(XSS)), true, 'payload visible as text in the list')
      await row.click()
      const message = page.getByTestId('detail-message')
      await message.waitFor()
      assert.equal((await message.innerText()).trim(), XSS)
      break
    }
    assert.ok(found, 'the demo data holds the XSS event')
    await page.waitForTimeout(500)
    // no element was created from the payload, no dialog fired
    assert.equal(await page.locator('[data-testid=event-list] img, [data-testid=event-detail] img, .card-latest img').count(), 0)
    assert.deepEqual(dialogs, [])
  })

  it('an explore URL searches the groups this browser remembers, without waiting for the projects list', async () => {
    // The pages above loaded the list, so this browser remembers it. Hold the next load of it back for 3 s.
    const p = await context.newPage()
    let projectsAnswered = false
    await p.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('query Projects')) await new Promise((r) => setTimeout(r, 3000))
      await route.continue()
    })
    p.on('requestfinished', (r) => {
      if ((r.postData() ?? '').includes('query Projects')) projectsAnswered = true
    })
    try {
      await p.goto(`${BASE_URL}/explore?project=demo&env=production&range=24h`, { waitUntil: 'commit' })
      await p.getByTestId('event-row').first().waitFor()
      assert.equal(projectsAnswered, false, 'the first rows came before the projects list')
      await p.waitForEvent('requestfinished', { predicate: (r) => (r.postData() ?? '').includes('query Projects') })
      assert.ok((await p.getByTestId('event-row').count()) > 0, 'the rows stay once the list answers')
    } finally {
      await p.close()
    }
  })

  it('a remembered projects list that is out of date is replaced, and the search follows the fresh groups', async () => {
    const p = await context.newPage()
    const stale = [{ name: 'demo', environments: [{ name: 'production', logGroups: [{ name: '/jinju/demo/gone' }] }] }]
    await p.addInitScript((list) => localStorage.setItem('jinju.projects', JSON.stringify(list)), stale)
    const searched = []
    p.on('request', (r) => {
      const body = r.postData() ?? ''
      if (body.includes('query Events')) searched.push(JSON.parse(body).variables.filter.groups)
    })
    try {
      await p.goto(`${BASE_URL}/explore?project=demo&env=production&range=24h`)
      await p.getByTestId('event-row').first().waitFor()
      assert.deepEqual(searched[0], ['/jinju/demo/gone'], 'the first search used the remembered groups')
      assert.ok(searched.at(-1).includes('/jinju/demo/production'), `then the fresh ones: ${JSON.stringify(searched)}`)
      const remembered = JSON.parse(await p.evaluate(() => localStorage.getItem('jinju.projects')))
      const groups = remembered.find((x) => x.name === 'demo').environments.flatMap((e) => e.logGroups.map((g) => g.name))
      assert.ok(groups.includes('/jinju/demo/production') && !groups.includes('/jinju/demo/gone'), 'the fresh list is remembered')
    } finally {
      await p.close()
    }
  })

  it('signing out ends the session and forgets the remembered projects list', async () => {
    // its own context: the other tests keep their session
    const own = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const p = await own.newPage()
    p.setDefaultTimeout(20_000)
    p.on('pageerror', (e) => pageErrors.push(e.message))
    p.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text())
    })
    try {
      await login(p)
      await p.locator('.service-card').first().waitFor()
      await p.waitForFunction(() => localStorage.getItem('jinju.projects') !== null)
      await Promise.all([
        p.waitForURL((u) => u.pathname === '/login.html'),
        p.getByTestId('sign-out').click(),
      ])
      assert.equal(await p.evaluate(() => localStorage.getItem('jinju.projects')), null, 'the projects list is forgotten')
      const cookies = (await own.cookies()).map((c) => c.name)
      assert.ok(!cookies.includes('quarkus-credential'), `no session cookie is left: ${cookies}`)
      await p.goto(`${BASE_URL}/explore?project=demo&env=production`)
      assert.equal(new URL(p.url()).pathname, '/login.html', 'the dashboard asks for a login again')
    } finally {
      await own.close()
    }
  })

  it('ran without page errors or CSP violations', () => {
    assert.deepEqual(pageErrors, [])
    assert.deepEqual(cspViolations, [])
    assert.deepEqual(dialogs, [])
  })
})
