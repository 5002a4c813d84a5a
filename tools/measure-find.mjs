// Measures find with a regular expression over a 1M-code-point text, and Annotate all of about
// 1,000 matches, each from the event to the painted frame: node tools/measure-find.mjs
// (needs a fresh `trunk build --release`). Not a test: it prints numbers.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { launchOptions } from '../tests/browser/chromium.mjs';

const dir = '/usr/share/common-licenses';
let source = '';
for (const f of (await readdir(dir)).sort()) {
  const path = join(dir, f);
  if ((await stat(path)).isFile()) source += `${await readFile(path, 'utf8')}\n`;
}
source = source.replace(/\r/g, '');
let cps = [];
const sourceCps = [...source];
while (cps.length < 1_000_000) cps = cps.concat(sourceCps);
const text = cps.slice(0, 1_000_000).join('');
const path = join(tmpdir(), 'find-1m.txt');
await writeFile(path, text);

const { server, url } = await serve('dist', 0);
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
await page.waitForSelector('article.text [data-p]');
await page.locator('input.file-input').setInputFiles(path);
await page.waitForFunction(() => document.querySelector('.doc-title')?.textContent === 'find-1m.txt');
await page.waitForTimeout(500);

/** ms from the next `trigger` event to the frame painted after `done()` first holds. */
async function timed(trigger, done, act) {
  await page.evaluate(([trigger, doneSource]) => {
    const done = new Function(`return (${doneSource})()`);
    window.__m = null;
    let start = null;
    addEventListener(trigger, (e) => { start = e.timeStamp; }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (start !== null && done()) {
        observer.disconnect();
        requestAnimationFrame(() => {
          const c = new MessageChannel();
          c.port1.onmessage = () => { window.__m = performance.now() - start; };
          c.port2.postMessage(null);
        });
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, [trigger, done.toString()]);
  await act();
  return (await page.waitForFunction(() => window.__m, null, { timeout: 30_000 })).jsonValue();
}

const count = () => page.locator('.find-count').textContent();
await page.keyboard.press('Control+f');
await page.getByRole('button', { name: 'Regular expression', exact: true }).click();
for (const [query, round] of [['Licen\\w+', 1], ['Licen\\w+ ', 2], ['\\bwarrant\\w*', 3], ['Program\\w*', 4]]) {
  const before = await count();
  const ms = await timed('input', new Function(`return () => document.querySelector('.find-count').textContent !== ${JSON.stringify(before)}`)(), () => page.locator('.find-input').fill(query));
  console.log(`find /${query}/ over 1M code points → painted: ${ms.toFixed(1)} ms (${await count()}) [round ${round}]`);
}
// About 1,000 matches to annotate.
await page.getByRole('button', { name: 'Match case', exact: true }).click();
await page.locator('.find-input').fill('\\bYou\\b');
await page.waitForTimeout(300);
console.log(`annotate all: ${await count()}`);
await page.getByRole('combobox', { name: 'Label for Annotate all' }).selectOption({ label: 'Location' });
await page.getByRole('button', { name: 'Annotate all…' }).click();
const dialog = page.getByRole('dialog');
await dialog.waitFor();
const total = await page.locator('aside.panel .total').textContent();
const confirm = dialog.getByRole('button', { name: /^Tag \d+ as Location$/ });
console.log(`confirm: ${await confirm.textContent()}`);
const ms = await timed('click', new Function(`return () => document.querySelector('aside.panel .total')?.textContent !== ${JSON.stringify(total)}`)(), () => confirm.click());
console.log(`annotate all → painted: ${ms.toFixed(1)} ms (annotations ${total} → ${await page.locator('aside.panel .total').textContent()})`);
await browser.close();
server.close();
