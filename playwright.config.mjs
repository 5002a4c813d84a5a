// spanmark's browser tests on @playwright/test: `make test-browser`, `node tests/browser/run.mjs`
// or `npx playwright test`. They drive the release build in dist/ (`make build` first) in Debian's
// Chromium, two at a time, each in a fresh context. FILTER=words runs the tests whose names
// contain the words. A failed test keeps its trace and screenshot in tests/browser/out/
// (`npx playwright show-trace tests/browser/out/<test>/trace.zip`).
import { createServer } from 'node:net';
import { defineConfig } from '@playwright/test';
import { launchOptions } from './tests/browser/chromium.mjs';

/** A port free now on 127.0.0.1 (the server below takes it a moment later). */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

// SPANMARK_TEST_PORT, or a free port picked once by the main process: the workers it starts
// inherit the variable, so they all load this file with the same port.
process.env.SPANMARK_TEST_PORT ??= String(await freePort());
const port = Number(process.env.SPANMARK_TEST_PORT);
const baseURL = `http://127.0.0.1:${port}/`;

/** FILTER as a plain substring of the test's name (grep sees "<file>.mjs <name>"). */
const filter = process.env.FILTER
  ? new RegExp(`\\.mjs .*${process.env.FILTER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
  : undefined;

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: ['annotator.mjs', 'agreement.mjs', 'persistence.mjs', 'coding.mjs', 'formats.mjs', 'coded.mjs', 'long.mjs', 'views.mjs', 'dialogs.mjs', 'tabs.mjs', 'panel.mjs', 'text.mjs', 'find.mjs', 'labels.mjs', 'keys.mjs', 'touch.mjs', 'ship.mjs', 'payloads.mjs', 'offline.mjs', 'limits.mjs', 'relations.mjs', 'compare-filters.mjs'],
  outputDir: 'tests/browser/out',
  grep: filter,
  workers: 2,
  fullyParallel: true,
  // The slowest test (510 relabels, then a reload) takes 7–9 s alone and untraced, but up to 40 s
  // traced beside the other worker on a 2-core machine others were also using (load 11–14);
  // two minutes is three times that, and still ends a hung test.
  timeout: 120_000,
  forbidOnly: true,
  reporter: [['list'], ['./tests/browser/count-reporter.mjs']],
  webServer: {
    command: `node tools/serve.mjs --port ${port} --dir dist`,
    url: baseURL,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: launchOptions(),
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
