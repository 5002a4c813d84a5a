// A small test harness for spanmark's browser tests: one Chromium, a fresh context per test,
// the built app served from dist/ on a free 127.0.0.1 port. Prints `N passed, N failed` last.
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';
import { launchOptions } from './chromium.mjs';

const registered = [];

/** Registers a test: `fn({ page, url, requests, context })`. */
export function test(name, fn) {
  registered.push({ name, fn });
}

export class AssertionError extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message}\n    expected: ${e}\n    actual:   ${a}`);
}

/**
 * Polls `read()` until it equals `expected` (for what follows an asynchronous step, such as a
 * file being read), then asserts; up to `ms` milliseconds.
 */
export async function assertSoon(read, expected, message, ms = 3000) {
  const until = Date.now() + ms;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 25));
    actual = await read();
  }
  assertEqual(actual, expected, message);
}

/** Runs every registered test whose name contains the FILTER environment variable. */
export async function run({ dist = 'dist', viewport = { width: 1280, height: 800 } } = {}) {
  const filter = process.env.FILTER ?? '';
  const { server, url } = await serve(dist, 0);
  const browser = await chromium.launch(launchOptions());
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of registered.filter((t) => t.name.includes(filter))) {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
    const started = Date.now();
    try {
      await page.goto(url);
      await page.waitForSelector('article.text [data-p]');
      await fn({ page, url, requests, context });
      assert(errors.length === 0, errors.join('\n'));
      passed += 1;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${name}\n     ${String(e.stack ?? e).split('\n').slice(0, 6).join('\n     ')}`);
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${name.replace(/\W+/g, '-')}.png` }).catch(() => {});
    } finally {
      await context.close();
    }
  }
  await browser.close();
  server.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}
