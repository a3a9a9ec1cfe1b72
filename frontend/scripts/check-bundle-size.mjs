// Fails the build when the JavaScript a citizen's browser loads first grows past the budget.
// "Initial" = the entry script of index.html plus every chunk it preloads; lazily imported chunks
// (later: admin console, staff portal) do not count.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT_BYTES = 150 * 1000;
// same default as vite.config.ts build.outDir, relative to frontend/
const outDir = resolve(import.meta.dirname, '..', process.argv[2] ?? '../target/classes/static');

const html = await readFile(resolve(outDir, 'index.html'), 'utf8');
const scripts = new Set();
for (const match of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) scripts.add(match[1]);
for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) scripts.add(match[1]);
if (scripts.size === 0) {
  console.error(`bundle size: no module script found in ${outDir}/index.html`);
  process.exit(1);
}

let total = 0;
for (const src of scripts) {
  const file = resolve(outDir, src.replace(/^\//, ''));
  const size = gzipSync(await readFile(file), { level: 9 }).length;
  total += size;
  console.log(`  ${src}  ${(size / 1000).toFixed(1)} kB gzipped`);
}
const verdict = total <= LIMIT_BYTES ? 'within' : 'OVER';
console.log(`bundle size: initial JS ${(total / 1000).toFixed(1)} kB gzipped, ${verdict} the ${LIMIT_BYTES / 1000} kB budget`);
if (total > LIMIT_BYTES) process.exit(1);
