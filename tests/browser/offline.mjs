// Offline, installable, storage the browser keeps (issue 18, points 3–5): the service worker
// (tools/sw.mjs, src/edge/offline.rs), a new build taken whole, the manifest and its file
// handlers, persist() and the storage estimate.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, assert, assertEqual, assertAccessible, assertSoon } from './harness.mjs';
import { documents, exportJson, highlights, tag } from './page.mjs';
import { serve } from '../../tools/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;

/** Waits until the page's service worker is active (every file of its build kept). */
async function workerActive(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== 'activated') {
      await new Promise((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done()));
    }
  });
}

async function ready(page) {
  await page.waitForSelector('article.text [data-p]');
}

test('after one visit the app opens with the network off: the article shows, a span is tagged and exported', async ({ page, context }) => {
  await workerActive(page);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page offline is served by the worker');
  assertEqual(await page.locator('article.text').evaluate((a) => a.textContent.includes('Ron Dermer')), true, 'the article shows');
  await tag(page, 'Ron Dermer', '1');
  assertEqual((await highlights(page)).map((h) => [h.text, h.label]), [['Ron Dermer', 'actor']], 'tagged offline');
  const { json } = await exportJson(page);
  assertEqual(json.annotations.map((a) => [a.text, a.label]), [['Ron Dermer', 'actor']], 'exported offline (the download read back)');
  // And a fresh tab opened offline.
  const again = await context.newPage();
  await again.goto(page.url());
  await ready(again);
  assertEqual((await highlights(again)).map((h) => h.text), ['Ron Dermer'], 'a new tab offline opens on the same work');
});

// ---- A new build: a copy of dist/ on a server of the test's own, rebuilt as a deploy would.

/** A copy of dist/ served from a temporary folder; `dir` and `url`, `close()` when done. */
async function servedCopy() {
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-build-'));
  await cp(join(root, 'dist'), dir, { recursive: true });
  const { server, url } = await serve(dir);
  return { dir, url, close: () => new Promise((done) => server.close(done)).then(() => rm(dir, { recursive: true })) };
}

/** The wasm-bindgen file stem index.html loads (`spanmark-<hash>`). */
async function stemOf(dir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const stem = html.match(/spanmark-[0-9a-f]+(?=\.js)/)?.[0];
  assert(stem, 'index.html names the JS glue');
  return stem;
}

/** Rewrites the build in `dir` as a new one would be deployed: the JS and wasm under new hashed
 * names (the old ones gone), index.html naming them and marked `data-build="2"`, the policy's
 * hash of the loader updated where index.html carries one, and sw.js written by tools/sw.mjs. */
async function deployNewBuild(dir) {
  const old = await stemOf(dir);
  const stem = 'spanmark-0000000000000002';
  for (const file of await readdir(dir)) {
    if (!file.startsWith(old)) continue;
    await writeFile(join(dir, file.replace(old, stem)), await readFile(join(dir, file)));
    await rm(join(dir, file));
  }
  let html = (await readFile(join(dir, 'index.html'), 'utf8')).replaceAll(old, stem).replace(/<html\b/, '<html data-build=2');
  // The inline loader changed: a Content-Security-Policy's hash of it follows (tools/csp.mjs).
  const before = (await readFile(join(dir, 'index.html'), 'utf8')).match(/<script type=module>([\s\S]*?)<\/script>/)?.[1];
  const after = html.match(/<script type=module>([\s\S]*?)<\/script>/)?.[1];
  const sha = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
  if (before !== undefined && after !== undefined) html = html.replace(sha(before), sha(after));
  await writeFile(join(dir, 'index.html'), html);
  await promisify(execFile)(process.execPath, [join(root, 'tools/sw.mjs')], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: 'release' },
  });
  return { old, stem };
}

/** Which build the page is, whole: its index.html's mark, and the glue and wasm it loaded. */
async function build(page) {
  return page.evaluate(() => ({
    mark: document.documentElement.dataset.build ?? '1',
    loaded: [
      ...new Set(
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname.match(/\/(spanmark-[0-9a-f]+)(?:\.js|_bg\.wasm)$/)?.[1])
          .filter(Boolean),
      ),
    ],
  }));
}

/** Opens the copy, lets its worker keep build 1, deploys build 2 and reloads: the page is still
 * build 1 whole, and says a new version is ready. */
async function announced(context) {
  const site = await servedCopy();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url);
  await ready(page);
  await workerActive(page);
  const { old, stem } = await deployNewBuild(site.dir);
  await page.reload();
  await ready(page);
  assertEqual(await build(page), { mark: '1', loaded: [old] }, 'the reload after the deploy is still build 1, whole (from the cache)');
  const reload = page.getByRole('button', { name: 'Reload for the new version' });
  await reload.waitFor({ timeout: 10_000 });
  assert((await page.locator('.update-banner').textContent()).includes('A new version of spanmark is ready'), 'the new version is announced');
  return { site, page, old, stem, reload, errors };
}

test('a new build is announced; "Reload for the new version" gives the new build whole, and the old cache is gone', async ({ context }) => {
  const { site, page, stem, reload, errors } = await announced(context);
  try {
    await assertAccessible(page, 'the new-version banner');
    await reload.click();
    await page.locator('html[data-build="2"]').waitFor({ state: 'attached' });
    await ready(page);
    assertEqual(await build(page), { mark: '2', loaded: [stem] }, 'after the reload: index.html and the JS and wasm it names are all build 2');
    assertEqual(await page.locator('.update-banner .notice').count(), 0, 'no banner on the new build');
    const caches = await page.evaluate(() => caches.keys());
    assertEqual(caches.length, 1, `one cache, the new build's: ${caches}`);
    await tag(page, 'Ron Dermer', '1');
    assertEqual((await highlights(page)).map((h) => h.text), ['Ron Dermer'], 'the new build works');
    assertEqual(errors, [], 'no page error');
  } finally {
    await site.close();
  }
});

test('a plain reload after the announcement also gives the new build whole', async ({ context }) => {
  const { site, page, stem, errors } = await announced(context);
  try {
    await page.reload();
    await page.locator('html[data-build="2"]').waitFor({ state: 'attached' });
    await ready(page);
    assertEqual(await build(page), { mark: '2', loaded: [stem] }, 'after a plain reload: all build 2');
    assertEqual(errors, [], 'no page error');
  } finally {
    await site.close();
  }
});

test('a half-deployed build (a new sw.js before its files) is not kept: the page stays build 1 whole, offline too', async ({ context }) => {
  const site = await servedCopy();
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await ready(page);
    await workerActive(page);
    // The new sw.js is up, but index.html is still build 1's: the worker's check of it fails.
    const html = await readFile(join(site.dir, 'index.html'));
    const { old } = await deployNewBuild(site.dir);
    await writeFile(join(site.dir, 'index.html'), html);
    const installed = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const found = new Promise((done) => registration.addEventListener('updatefound', () => done(registration.installing), { once: true }));
      await registration.update().catch(() => {});
      const worker = await found;
      if (worker.state === 'installing') {
        await new Promise((done) => worker.addEventListener('statechange', () => worker.state !== 'installing' && done()));
      }
      return { state: worker.state, waiting: registration.waiting !== null };
    });
    assertEqual(installed, { state: 'redundant', waiting: false }, 'the new worker failed its install: nothing waits');
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assertEqual(await build(page), { mark: '1', loaded: [old] }, 'offline, the page is build 1 whole');
    assertEqual(await page.locator('.update-banner .notice').count(), 0, 'no new version announced');
  } finally {
    await site.close();
  }
});

// ---- Installable: the manifest, its icons, the files it opens.

test('the manifest: a name, a relative start, standalone, icons that load, .txt and .spanmark.json handled; Chromium finds it installable', async ({ page, url }) => {
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert(!href.startsWith('/') && !/^[a-z]+:/.test(href), `the manifest link is relative: ${href}`);
  const manifestUrl = new URL(href, url).href;
  const response = await page.request.get(manifestUrl);
  assertEqual(response.status(), 200, 'the manifest is served');
  const manifest = await response.json();
  assertEqual([manifest.name, manifest.start_url, manifest.scope, manifest.display], ['spanmark', './', './', 'standalone'], 'name, start, scope, display');
  const sizes = [];
  for (const icon of manifest.icons) {
    assert(!icon.src.startsWith('/') && !/^[a-z]+:/.test(icon.src), `icon ${icon.src} is relative`);
    const image = await page.request.get(new URL(icon.src, manifestUrl).href);
    assertEqual([image.status(), image.headers()['content-type']], [200, icon.type], `${icon.src} loads as ${icon.type}`);
    if (icon.type === 'image/png') {
      const bytes = await image.body();
      sizes.push(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`);
      assertEqual(sizes.at(-1), icon.sizes, `${icon.src} is as large as it says`);
    }
  }
  assertEqual(sizes, ['192x192', '512x512'], 'PNG icons at 192 and 512');
  const accepted = manifest.file_handlers.flatMap((h) => Object.values(h.accept).flat());
  assertEqual(accepted.sort(), ['.spanmark.json', '.txt'], 'the installed app opens .txt and .spanmark.json');
  // Chromium's own reading of it: no error, and nothing that keeps it from being installed.
  const cdp = await page.context().newCDPSession(page);
  const read = await cdp.send('Page.getAppManifest');
  assertEqual(read.errors, [], 'Chromium reads the manifest without an error');
  // A test's browser context is off the record, where Chromium installs nothing: that reason aside.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assertEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), [], 'nothing else keeps Chromium from installing the app');
});

test('files the installed app is opened with (launchQueue) open as with the Open button', async ({ page }) => {
  // Headless Chromium launches no installed app: the browser's launchQueue is played by a
  // stand-in that hands the app's consumer file handles, as the browser does on a launch.
  await page.addInitScript(() => {
    const queue = { consumer: null, setConsumer(f) { this.consumer = f; } };
    Object.defineProperty(window, 'launchQueue', { value: queue, configurable: true });
    window.launch = (files) =>
      queue.consumer({ files: files.map(([name, text]) => ({ kind: 'file', name, getFile: async () => new File([text], name) })) });
  });
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => typeof window.launchQueue.consumer === 'function');
  await page.evaluate(() => window.launch([['launched.txt', 'Launched from the desktop: Paris and Daraa.']]));
  await assertSoon(() => documents(page), ['article.txt', 'launched.txt *'], 'the .txt opens as a new document');
  await tag(page, 'Daraa', '2');
  const { raw } = await exportJson(page);
  await page.evaluate((raw) => window.launch([['launched.spanmark.json', raw]]), raw);
  // Read as the Open button reads it: a spanmark file of a text already open asks what to do.
  const dialog = page.getByRole('dialog', { name: 'Same text already open' });
  await dialog.waitFor();
  assert((await dialog.textContent()).includes('launched.spanmark.json has the same text as “launched.txt”, which has 1 annotation. The file has 1.'), 'the question names the launched file');
  await dialog.getByRole('button', { name: 'Open a copy' }).click();
  await assertSoon(() => documents(page).then((d) => d.length), 3, 'opened as a copy');
});

// ---- Storage the browser keeps.

/** What the status should say of `bytes` (the component's rule, written again): tenths of a
 * megabyte (10⁵ bytes) below 10 MB, whole megabytes below 10,000, whole gigabytes above; what is
 * stored rounded up, what is allowed down. */
function size(bytes, up) {
  const tenths = up ? Math.ceil(bytes / 1e5) : Math.floor(bytes / 1e5);
  const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (tenths >= 100_000) return `${group(Math.floor(tenths / 10_000))} GB`;
  if (tenths >= 100) return `${group(Math.floor(tenths / 10))} MB`;
  return `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
}

test('the storage status: the browser’s answer to persist(), and how much is stored of how much is allowed', async ({ page }) => {
  const status = page.locator('.storage-status');
  await status.locator('.storage-kept:not(:has-text("Asking"))').waitFor();
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  const quota = await page.evaluate(async () => (await navigator.storage.estimate()).quota);
  await assertSoon(
    async () => (await status.locator('.storage-use').textContent()).replace(/^.* stored of /, ''),
    `${size(quota, false)} allowed`,
    'the estimate: what the browser allows',
  );
  assert(/^(\d+\.\d|[\d,]+) [MG]B stored of /.test(await status.locator('.storage-use').textContent()), 'the estimate: what is stored');
  if (persisted) {
    assertEqual(await status.locator('.storage-kept').textContent(), 'Kept: the browser will not clear your work.', 'granted: said so');
  } else {
    assertEqual(
      await status.locator('.storage-kept').textContent(),
      'The browser may clear your work when it runs short of space. Export a copy to keep it.',
      'refused (Chromium’s answer here): the risk said, an export offered',
    );
    await tag(page, 'Ron Dermer', '1');
    const [download] = await Promise.all([page.waitForEvent('download'), status.getByRole('button', { name: 'Export now' }).click()]);
    const json = JSON.parse(await readFile(await download.path(), 'utf8'));
    assertEqual(json.annotations.map((a) => a.text), ['Ron Dermer'], 'Export now downloads the work');
    // The toolbar says it too, wherever the documents column is, and offers the same export.
    const bar = page.locator('header.toolbar').getByRole('button', { name: 'May be cleared' });
    assertEqual(await bar.getAttribute('title'), 'The browser may clear your work when it runs short of space. Click to export a copy.', 'the toolbar names the risk and the remedy');
    const [again] = await Promise.all([page.waitForEvent('download'), bar.click()]);
    assertEqual(JSON.parse(await readFile(await again.path(), 'utf8')).annotations.map((a) => a.text), ['Ron Dermer'], 'the toolbar’s button downloads the work');
  }
  assert(size(1, true) === '0.1 MB' && size(12_345_678_901, false) === '12 GB' && size(23_456_789, false) === '23 MB', 'the rule as written here');
  await assertAccessible(page, 'the storage status');
});
