// The fixtures of spanmark's browser tests, on @playwright/test (playwright.config.mjs runs them).
// Each test gets a fresh context (1280×800, downloads accepted) and its `page` already on the app,
// with the article drawn; `url` is the app's address; `requests` lists every URL the page asked
// for from before it opened; a page error or a console error on `page` fails the test, and so
// does, on any page of the context, a request that leaves its page's origin or a refusal by the
// Content-Security-Policy (`guard`).
import { readFile } from 'node:fs/promises';
import { test as base } from '@playwright/test';

/** Why `request` leaves the origin of what made it, or null when it does not: data: and blob:
 * URLs stay in the page; a file: page reaches only file: URLs; a navigation goes only to a test's
 * own server (127.0.0.1) or a file; anything else goes to the origin of its frame or service
 * worker (or, made by something else, to a test's server). */
export function leavesOrigin(request) {
  const url = new URL(request.url());
  if (url.protocol === 'data:' || url.protocol === 'blob:') return null;
  const worker = request.serviceWorker();
  if (!worker && request.isNavigationRequest()) {
    return url.protocol === 'file:' || url.hostname === '127.0.0.1' ? null : `a navigation to ${url.href}`;
  }
  let from;
  try {
    from = new URL(worker ? worker.url() : request.frame().url());
  } catch {
    // Made by nothing Playwright names (a worker of another kind): only a test's server is home.
    return url.hostname === '127.0.0.1' ? null : `${url.href} asked for by a worker`;
  }
  const same = from.protocol === 'file:' ? url.protocol === 'file:' : url.origin === from.origin;
  return same ? null : `${url.href} asked for by ${from.href}`;
}

export const test = base.extend({
  /** The app's address: the config's baseURL (tools/serve.mjs serving dist/). */
  url: async ({ baseURL }, use) => {
    await use(new URL('/', baseURL).href);
  },
  /** Every URL `page` requested, in order, from before the app opened. */
  requests: async ({ page }, use) => {
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await use(requests);
  },
  /** Every page of the context is watched: after the test, a request that left its page's
   * origin (`leavesOrigin`) or a `securitypolicyviolation` fails it. */
  guard: [
    async ({ context }, use) => {
      const problems = [];
      context.on('request', (r) => {
        const why = leavesOrigin(r);
        if (why) problems.push(`a request left the origin: ${why}`);
      });
      await context.exposeBinding('__spanmarkViolation', ({ page }, v) => problems.push(`Content-Security-Policy refused ${v} on ${page?.url()}`));
      await context.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__spanmarkViolation(`${e.blockedURI || 'inline'} (${e.effectiveDirective}, at ${e.sourceFile}:${e.lineNumber})`),
        ),
      );
      await use(problems);
      assert(problems.length === 0, problems.join('\n'));
    },
    { auto: true },
  ],
  /** Page errors and console errors on `page`; after the test, any of them fails it. */
  pageErrors: [
    async ({ page }, use) => {
      const errors = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
      await use(errors);
      assert(errors.length === 0, errors.join('\n'));
    },
    { auto: true },
  ],
  /** Before each test: the app is open on `page` and its article drawn. */
  opened: [
    async ({ page, url, requests, pageErrors, guard }, use) => {
      void [requests, pageErrors, guard]; // set up first, so that they see the page open
      await page.goto(url);
      await page.waitForSelector('article.text [data-p]');
      await use();
    },
    { auto: true },
  ],
});

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

const axePath = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

/** Puts axe-core on the page (once): evaluated rather than added as a <script>, which the
 * page's Content-Security-Policy refuses. */
export async function loadAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(`${await readFile(axePath, 'utf8')}\n;0`);
}

/**
 * Runs axe-core (npm `axe-core`, WCAG 2 A and AA rules and best practices) on the page as it is
 * now and fails with every violation named (rule, impact, the elements) when there is one.
 * `what` names the view in the message.
 */
export async function assertAccessible(page, what) {
  await loadAxe(page);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('; ')}`);
  });
  assert(violations.length === 0, `axe-core on ${what}: ${violations.length} violation(s)\n    ${violations.join('\n    ')}`);
}
