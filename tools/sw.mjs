// Trunk's post-build hook (Trunk.toml): writes sw.js, the service worker that keeps the app's own
// files so that it opens with the network off (src/edge/offline.rs registers it over http(s)).
//
// A release build's worker keeps every file the build wrote (index.html, the hashed JS, wasm and
// CSS, the manifest and icons), each with its sha384, in one cache named after a
// hash of them all and of the worker's own code: `spanmark-<16 hex>`. Installing fetches each
// file (the HTTP cache revalidated with the server, so a file the page just loaded is not sent
// twice where the host gives an ETag) and checks it against its hash, so a cache holds one
// build whole or the install fails (a server caught half-way through a deploy); activating
// deletes every other `spanmark-` cache. The active worker answers from its own cache only, so index.html and the
// wasm and JS it names always come from the same build. A new worker waits until the page asks
// it to take over ("Reload for the new version"), or until the next load of the app's only
// window: then the old worker hands over and answers that load with a refresh, which the new
// one serves.
//
// A debug build (`trunk serve`) writes a worker that removes itself and its caches instead, so
// a release build's worker left on the same address never serves stale files during work.
//
// Run by hand on a folder (a test's copy of dist/): TRUNK_STAGING_DIR=dir TRUNK_PROFILE=release node tools/sw.mjs
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { minify } from 'terser';
import { sri } from './sri.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) process.exit(0);
const WORKER = 'sw.js';

/** The release worker. Its source is written into sw.js after the two constants it reads:
 * `CACHE`, this build's cache name, and `FILES`, [path relative to sw.js, sha384] per file. */
function worker() {
  const PREFIX = 'spanmark-';
  const url = (name) => new URL(name, self.location).href;
  const INDEX = url('./index.html');
  const ROOT = url('./');
  const KEPT = new Set(FILES.map(([name]) => url(name)));

  self.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          await Promise.all(
            FILES.map(async ([name, integrity]) => {
              let response = await fetch(new Request(url(name), { cache: 'no-cache', integrity }));
              if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
              // A host that redirects (index.html to its folder): a navigation refuses a
              // redirected response, so keep its body and headers only.
              if (response.redirected) response = new Response(await response.blob(), { headers: response.headers });
              await cache.put(url(name), response);
            }),
          );
        } catch (e) {
          // Never a cache holding part of a build: this worker is discarded, the old one stays.
          await caches.delete(CACHE);
          throw e;
        }
      })(),
    );
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) {
          if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
        }
      })(),
    );
  });

  // The page's "Reload for the new version".
  self.addEventListener('message', (event) => {
    if (event.data === 'skip-waiting') self.skipWaiting();
  });

  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const navigation = request.mode === 'navigate';
    let key = request.url;
    if (navigation) {
      const page = new URL(request.url);
      page.search = '';
      if (page.href !== ROOT && page.href !== INDEX) return; // another page: the network's
      key = INDEX;
    } else if (!KEPT.has(key)) {
      return; // not one of the app's files: the network's
    }
    event.respondWith(
      (async () => {
        // A newer build waits and this load is the app's only window: hand over, and answer
        // with a refresh, which the new worker serves whole.
        const waiting = self.registration.waiting;
        if (navigation && waiting && (await self.clients.matchAll({ type: 'window' })).length <= 1) {
          waiting.postMessage('skip-waiting');
          return new Response('', { headers: { 'content-type': 'text/html', refresh: '0' } });
        }
        const cache = await caches.open(CACHE);
        return (await cache.match(key)) ?? fetch(request);
      })(),
    );
  });
}

/** The debug worker: takes over at once, deletes the app's caches and unregisters itself. */
function remover() {
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) if (name.startsWith('spanmark-')) await caches.delete(name);
        await self.registration.unregister();
      })(),
    );
  });
}

const header = '// spanmark\'s service worker, written by tools/sw.mjs after each build.\n';
if (process.env.TRUNK_PROFILE !== 'release') {
  await writeFile(join(dir, WORKER), `${header}(${remover.toString()})();\n`);
  process.exit(0);
}

const files = [];
for (const path of (await readdir(dir, { recursive: true })).sort()) {
  const name = path.split(sep).join('/');
  // sw.js itself, and the one-file build should it be there (it is opened from disk, not kept).
  if (name === WORKER || name === 'spanmark.html' || !(await stat(join(dir, path))).isFile()) continue;
  files.push([`./${name}`, sri(await readFile(join(dir, path)))]);
}
if (!files.some(([name]) => name === './index.html')) throw new Error(`sw.mjs: no index.html in ${dir}`);

// Minified (terser, as the glue): the worker is one of the files every visit downloads, and
// its comments and names were a quarter of its gzipped size (1,785 → 1,349 B, 2026-12-01).
const minified = await minify(`(${worker.toString()})();`, { compress: true, mangle: true });
if (minified.code === undefined) throw new Error('sw.mjs: terser gave nothing for the worker');
const body = `${minified.code}\n`;
const version = createHash('sha256').update(body).update(JSON.stringify(files)).digest('hex').slice(0, 16);
const source =
  header +
  `const CACHE = ${JSON.stringify(`spanmark-${version}`)};\n` +
  `const FILES = [\n${files.map((f) => ` ${JSON.stringify(f)}`).join(',\n')}\n];\n` +
  body;
await writeFile(join(dir, WORKER), source);
console.log(`sw.js: ${files.length} files kept as spanmark-${version}`);
