// Shipping (issue 18, points 1, 2 and 7): the one file dist/spanmark.html opened from disk, dist/
// served from a sub-path of a static host, and the Content-Security-Policy of both pages.
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { test, assert, assertEqual, assertSoon, leavesOrigin } from './harness.mjs';
import { checkSpanmark, exportJson, highlights, saved, seedText, tag } from './page.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const oneFile = pathToFileURL(`${dist}spanmark.html`).href;

async function ready(page) {
  await page.waitForSelector('article.text [data-p]');
}

/** The page's Content-Security-Policy (its meta tag), as a map from directive to sources. */
async function policy(page) {
  const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

/** Tags Ron Dermer as Actor, exports, checks the file against the seed text; gives the export. */
async function tagAndExport(page) {
  await tag(page, 'Ron Dermer', '1');
  assertEqual((await highlights(page)).map((h) => [h.text, h.label]), [['Ron Dermer', 'actor']], 'Ron Dermer is tagged');
  const { filename, json } = await exportJson(page);
  assertEqual(filename, 'article.spanmark.json', 'the export is downloaded under its name');
  checkSpanmark(json, await seedText());
  assertEqual(json.annotations.map((a) => [a.text, a.label]), [['Ron Dermer', 'actor']], 'the export holds the span');
  return json;
}

test('the one file: spanmark.html opened from disk shows the article, tags by drag and key, keeps it through a reload (and in a copy elsewhere), exports it, and loads nothing', async ({ page, requests }) => {
  const html = await readFile(`${dist}spanmark.html`, 'utf8');
  assert(!/<(script|link)\b[^>]*\b(src|href)=(?!["']?data:)/i.test(html), 'spanmark.html names no other file (but data: icons)');
  const before = requests.length;
  await page.goto(oneFile);
  await ready(page);
  await tagAndExport(page);
  // Autosave works from a file: page in Chromium (IndexedDB, per file origin): after a reload the span is there.
  await saved(page);
  assertEqual(await page.locator('.save-status').textContent(), 'Saved', 'the toolbar says the work is stored');
  await page.reload();
  await ready(page);
  await assertSoon(async () => (await highlights(page)).map((h) => h.text), ['Ron Dermer'], 'the span is back after a reload');
  assertEqual(requests.slice(before), [oneFile, oneFile], 'the page asked for itself (opened, then reloaded) and nothing else');
  assertEqual(await page.evaluate(() => performance.getEntriesByType('resource').length), 0, 'no resource loaded');
  // Chromium keeps one store for every file: page, so a copy elsewhere opens on the same work
  // (docs/hosting.md says so, and what it means).
  const copy = join(await mkdtemp(join(tmpdir(), 'spanmark-copy-')), 'copy.html');
  await copyFile(`${dist}spanmark.html`, copy);
  await page.goto(pathToFileURL(copy).href);
  await ready(page);
  await assertSoon(async () => (await highlights(page)).map((h) => h.text), ['Ron Dermer'], 'a copy at another path opens on the same work');
});

test('the one file: where the browser keeps nothing from a file: page, it says the work is not saved, and export still works', async ({ page, context }) => {
  await context.addInitScript(() => {
    if (location.protocol !== 'file:') return;
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('Storage is not allowed for file: pages.', 'SecurityError'); } });
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); } });
  });
  await page.goto(oneFile);
  await ready(page);
  const warning = page.locator('.notice.warning');
  assert((await warning.textContent()).includes('Your work is not being saved'), `the warning is shown: ${await warning.textContent()}`);
  assertEqual(await page.locator('.save-status').textContent(), 'Not saved', 'the toolbar says so');
  await tagAndExport(page);
  const [download] = await Promise.all([page.waitForEvent('download'), warning.getByRole('button', { name: 'Export now' }).click()]);
  assertEqual(download.suggestedFilename(), 'article.spanmark.json', 'the warning exports too');
});

test('a sub-path: dist/ served under /tools/spanmark/ opens, tags and exports, asking for nothing outside the sub-path', async ({ page, requests }) => {
  const { server, url } = await serve(dist, 0, { base: '/tools/spanmark/' });
  try {
    const before = requests.length;
    await page.goto(url);
    await ready(page);
    await tagAndExport(page);
    const asked = requests.slice(before);
    assert(asked.length >= 4, `the page, its script, its wasm and its styles were asked for: ${asked.join(', ')}`);
    const outside = asked.filter((r) => !r.startsWith(url) && !/^(data|blob):/.test(r));
    assertEqual(outside, [], 'every request is under /tools/spanmark/');
    assertEqual(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.responseStatus !== 200).map((e) => e.name)), [], 'every file was found');
  } finally {
    server.close();
  }
});

test('the Content-Security-Policy of index.html and spanmark.html: scripts only their own, no inline script runs, nothing is fetched elsewhere', async ({ page, guard, pageErrors }) => {
  for (const address of [page.url(), oneFile]) {
    if (address !== page.url()) {
      await page.goto(address);
      await ready(page);
    }
    const csp = await policy(page);
    const file = address === oneFile ? 'spanmark.html' : 'index.html';
    for (const [name, sources] of [['default-src', ["'none'"]], ['base-uri', ["'none'"]], ['form-action', ["'none'"]], ['style-src-attr', ["'unsafe-inline'"]]]) {
      assertEqual(csp.get(name), sources, `${file}: ${name}`);
    }
    const scripts = csp.get('script-src');
    const own = (s) => s === "'self'" || s === "'wasm-unsafe-eval'" || /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s);
    assert(scripts.every(own), `${file}: script-src allows only the page's own scripts: ${scripts.join(' ')}`);
    assert(scripts.includes("'wasm-unsafe-eval'") && scripts.some((s) => s.startsWith("'sha256-")), `${file}: script-src has the loader's hash and WebAssembly`);
    assert(!csp.has('object-src') && !csp.has('frame-src'), `${file}: objects and frames fall to default-src 'none'`);
    if (file === 'spanmark.html') assert(![...csp.values()].flat().includes("'self'"), "spanmark.html allows nothing by 'self' (on a file: page, any file)");
    else assertEqual(csp.get('connect-src'), ["'self'"], 'index.html connects only to its own origin');

    // An inline script, a script from elsewhere and a fetch elsewhere are refused; the guard sees each.
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__ran = true';
      document.head.append(inline);
      const remote = document.createElement('script');
      remote.src = 'http://evil.example/x.js';
      document.head.append(remote);
      fetch('http://evil.example/data').catch(() => {});
    });
    const refused = () => guard.filter((g) => g.startsWith('Content-Security-Policy refused')).map((g) => g.split(' ')[2]);
    await assertSoon(refused, ['inline', 'http://evil.example/x.js', 'http://evil.example/data'], `${file}: the policy refused each: ${guard.join('; ')}`);
    assertEqual(await page.evaluate(() => window.__ran), undefined, `${file}: the inline script did not run`);
    // Chromium reports the refused script's request before refusing it: the guard saw that too.
    const others = guard.filter((g) => !g.startsWith('Content-Security-Policy refused'));
    assert(others.every((g) => g.includes('http://evil.example/x.js')), `${file}: nothing else: ${others.join('; ')}`);
    guard.length = 0; // expected here
    pageErrors.length = 0; // Chromium's console errors for the same refusals
  }
});

test('the harness guard: a request to another origin, from a page or its worker, fails the test that made it', async () => {
  const request = (url, from, { navigation = false, worker = false } = {}) => ({
    url: () => url,
    isNavigationRequest: () => navigation,
    serviceWorker: () => (worker ? { url: () => from } : null),
    frame: () => {
      if (from === null) throw new Error('no frame');
      return { url: () => from };
    },
  });
  const page = 'http://127.0.0.1:8080/tools/spanmark/';
  assertEqual(leavesOrigin(request(`${page}app.css`, page)), null, 'the same origin');
  assertEqual(leavesOrigin(request('data:image/png;base64,AA', page)), null, 'data:');
  assertEqual(leavesOrigin(request('blob:http://127.0.0.1:8080/1', page)), null, 'blob:');
  assertEqual(leavesOrigin(request('file:///tmp/spanmark.html', 'about:blank', { navigation: true })), null, 'a test opening a file');
  assertEqual(leavesOrigin(request('http://127.0.0.1:9/', page, { navigation: true })), null, "a test opening another of its servers");
  assert(leavesOrigin(request('http://evil.example/x.png', page)), 'another host');
  assert(leavesOrigin(request('http://127.0.0.1:9/x.png', page)), 'another port');
  assert(leavesOrigin(request('http://evil.example/', page, { worker: true })), 'from the service worker');
  assert(leavesOrigin(request('http://evil.example/', page, { navigation: true })), 'a navigation elsewhere');
  assert(leavesOrigin(request('http://127.0.0.1:8080/x', 'file:///tmp/spanmark.html')), 'a file: page asking a server');
  assertEqual(leavesOrigin(request(`${page}x.js`, null)), null, 'made by another worker, to a test server');
  assert(leavesOrigin(request('http://evil.example/', null)), 'made by another worker, elsewhere');
});
