// Builds dist/: index.mjs (ESM), jinju.iife.js (single file, window.Jinju), *.d.ts.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
rmSync('dist', { recursive: true, force: true })

const common = { entryPoints: ['src/index.ts'], bundle: true, target: 'es2019', sourcemap: true, logLevel: 'warning' }
await build({ ...common, format: 'esm', outfile: 'dist/index.mjs' })
await build({
  ...common,
  format: 'iife',
  globalName: 'Jinju',
  minify: true,
  outfile: 'dist/jinju.iife.js',
  footer: { js: 'typeof window!="undefined"&&(window.Jinju=Jinju);' },
})
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--emitDeclarationOnly'], { stdio: 'inherit' })
console.log('built dist/index.mjs, dist/jinju.iife.js, dist/index.d.ts')
