// A stand-in for the Jinju server, used by e2e.test.mjs only when JINJU_URL is not set.
// It does what the SDK relies on: CORS (with preflight caching and Retry-After exposed),
// the GraphQL `ingest` mutation, `POST /api/ingest` with text/plain, deduplication by
// batchId + index, and an `events` query returning every event of a group.
import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'

export function startFakeJinju(port = 0) {
  const events = new Map() // `${batchId}:${index}` → LogEvent
  const stats = { graphql: 0, beacon: 0, preflight: 0, contentTypes: new Set() }

  function ingest(batch) {
    let accepted = 0
    batch.events.forEach((e, i) => {
      const k = batch.batchId + ':' + i
      accepted++
      if (events.has(k)) return
      events.set(k, {
        id: randomUUID(),
        group: `/jinju/${batch.project}/${batch.environment}`,
        project: batch.project,
        environment: batch.environment,
        receivedAt: new Date().toISOString(),
        ...e,
        level: String(e.level).toUpperCase(),
        release: batch.context?.release,
        pageViewId: batch.context?.pageViewId,
        userAgent: batch.context?.userAgent,
        user: e.user ?? batch.context?.user,
        url: e.url ?? batch.context?.url,
      })
    })
    return { accepted, rejected: [] }
  }

  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After')
    if (req.method === 'OPTIONS') {
      stats.preflight++
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'POST, GET, OPTIONS', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Max-Age': '86400' })
      return res.end()
    }
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const send = (status, obj) => {
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(obj))
      }
      try {
        stats.contentTypes.add(req.url + ' ' + req.headers['content-type'])
        if (req.method === 'POST' && req.url === '/api/ingest') {
          stats.beacon++
          return send(200, ingest(JSON.parse(body)))
        }
        if (req.method === 'POST' && req.url === '/graphql') {
          const { query, variables } = JSON.parse(body)
          if (/\bingest\s*\(/.test(query)) {
            stats.graphql++
            return send(200, { data: { ingest: ingest(variables.batch) } })
          }
          if (/\bevents\s*\(/.test(query)) {
            const groups = variables?.filter?.groups ?? []
            const edges = [...events.values()].filter((e) => groups.includes(e.group)).map((node) => ({ cursor: node.id, node }))
            return send(200, { data: { events: { edges, pageInfo: { hasNextPage: false, endCursor: null } } } })
          }
        }
        send(404, { error: 'not found' })
      } catch (e) {
        send(400, { error: String(e) })
      }
    })
  })
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, stats, events, close: () => new Promise((r) => server.close(r)) })),
  )
}
