// Prints minified + gzip sizes: the core (everything but the Vue plugin), the Vue plugin alone
// (core external), the whole ESM bundle, and the built files in dist/.
import { build } from 'esbuild'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

async function bundle(contents, external = []) {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2019',
    write: false,
    plugins: [{ name: 'ext', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (external.includes(a.path) ? { path: a.path, external: true } : undefined)) }],
  })
  return r.outputFiles[0].contents
}

const rows = [
  ['core (init, log, captureException, setUser, flush)', await bundle("export { init, log, captureException, setUser, flush, close } from './src/index'"), 5 * 1024],
  ['Vue plugin alone (core external)', await bundle("export { JinjuVue } from './src/vue'", ['./core', './util']), 2 * 1024],
  ['whole ESM bundle, minified', await bundle("export * from './src/index'")],
]
for (const f of ['dist/index.mjs', 'dist/jinju.iife.js']) if (existsSync(f)) rows.push([f, readFileSync(f)])

const kb = (n) => (n / 1024).toFixed(2).padStart(7) + ' KB'
console.log('bundle'.padEnd(52), 'minified'.padStart(10), 'gzip'.padStart(10), ' budget')
let over = false
for (const [name, buf, budget] of rows) {
  const gz = gzipSync(buf, { level: 9 }).length
  const ok = budget === undefined ? '' : gz <= budget ? ` ≤ ${budget / 1024} KB ok` : ` > ${budget / 1024} KB OVER`
  if (budget !== undefined && gz > budget) over = true
  console.log(name.padEnd(52), kb(buf.length), kb(gz), ok)
}
process.exitCode = over ? 1 : 0
