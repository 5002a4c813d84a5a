// Two tabs of one browser (issue 18, point 6): one writes at a time; the other shows the saved
// work, refuses changes and says why, and Use here moves writing to it. Nothing is overwritten.
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { documents, highlights, notices, saved, switchTo, tag } from './page.mjs';

const BANNER = 'spanmark is open in another tab, which keeps your work. This tab only shows it.';
const WHY = 'This tab only shows your work';

/** A second tab in the same browser context as `page`, on the app, its errors collected. */
async function second(page, url, before) {
  const b = await page.context().newPage();
  const errors = [];
  b.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  b.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
  if (before) await b.addInitScript(before);
  await b.goto(url);
  await ready(b);
  return { b, errors };
}

async function ready(p) {
  await p.waitForSelector('article.text [data-p]');
}

const texts = async (p) => (await highlights(p)).map((h) => h.text).sort();
const banner = (p) => p.locator('.tab-banner');

async function useHere(b, a) {
  await b.getByRole('button', { name: 'Use here' }).click();
  await banner(b).waitFor({ state: 'detached' });
  await banner(a).waitFor();
}

async function newDocument(p, title, text) {
  await p.getByRole('button', { name: 'New document' }).click();
  const dialog = p.getByRole('dialog', { name: 'New document' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Text').fill(text);
  await dialog.getByRole('button', { name: 'Create' }).click();
}

test('two tabs: the second only shows the work and says why, Use here moves writing to it, and after reloads both tabs have every span', async ({ page, url }) => {
  const a = page;
  await tag(a, 'Ron Dermer', '1');
  await saved(a);
  const { b, errors } = await second(a, url);
  await banner(b).waitFor();
  assertEqual((await banner(b).locator('p').textContent()).trim(), BANNER, 'the second tab says it only shows the work');
  assertEqual(await banner(a).count(), 0, 'the first tab writes: no banner there');
  assertEqual(await texts(b), ['Ron Dermer'], "the second tab shows the first tab's span");
  for (const scheme of ['light', 'dark']) {
    await b.emulateMedia({ colorScheme: scheme });
    await assertAccessible(b, `the read-only tab's banner, ${scheme}`);
  }

  // A label key, Delete and undo in the read-only tab change nothing, and the notice says why.
  await tag(b, 'Paris', '2');
  assertEqual(await texts(b), ['Ron Dermer'], 'the label key tagged nothing');
  assert((await notices(b)).some((n) => n.includes(WHY)), `the notice says why: ${await notices(b)}`);
  await b.locator('.notices .notice').getByRole('button', { name: 'Dismiss' }).click();
  await b.locator('article.text mark[data-id]').first().click();
  await b.keyboard.press('Delete');
  await b.keyboard.press('Control+z');
  assertEqual(await texts(b), ['Ron Dermer'], 'Delete and undo changed nothing');
  assert((await notices(b)).some((n) => n.includes(WHY)), 'and say why');
  await b.getByRole('button', { name: 'New document' }).click();
  assertEqual(await b.getByRole('dialog', { name: 'New document' }).count(), 0, 'no New document dialog whose work would be lost');

  // Use here: the second tab writes, the first shows the banner and refuses.
  await b.getByRole('button', { name: 'Use here' }).focus();
  await b.keyboard.press('Enter');
  await banner(b).waitFor({ state: 'detached' });
  await banner(a).waitFor();
  await assertSoon(() => b.evaluate(() => document.activeElement?.id), 'reader', 'the focus goes from the gone button to the text');
  await tag(b, 'Paris', '2');
  await saved(b);
  assertEqual(await texts(b), ['Paris', 'Ron Dermer'], 'the second tab tags now');
  await tag(a, 'Asaad al-Shaibani', '1');
  assert((await notices(a)).some((n) => n.includes(WHY)), 'the first tab now refuses, saying why');

  await a.reload();
  await ready(a);
  await b.reload();
  await ready(b);
  await assertSoon(() => texts(a), ['Paris', 'Ron Dermer'], 'the first tab, reloaded: both spans');
  await assertSoon(() => texts(b), ['Paris', 'Ron Dermer'], 'the second tab, reloaded: both spans');
  assertEqual(errors, [], 'no error in the second tab');
});

test('two tabs: a new document made in each, with Use here between, both exist after reloads, each with its own text and span', async ({ page, url }) => {
  const a = page;
  await newDocument(a, 'Wire A', 'Talks in Paris resumed on Tuesday.');
  await tag(a, 'Paris', '2');
  await saved(a);
  const { b, errors } = await second(a, url);
  await banner(b).waitFor();
  await useHere(b, a);
  await newDocument(b, 'Wire B', 'Rain fell on Daraa overnight.');
  await tag(b, 'Daraa', '2');
  await saved(b);

  await b.reload();
  await ready(b);
  await a.reload();
  await ready(a);
  for (const [p, name] of [[a, 'first'], [b, 'second']]) {
    await assertSoon(async () => (await documents(p)).map((d) => d.replace(/ \*$/, '')), ['article.txt', 'Wire A', 'Wire B'], `the ${name} tab lists both new documents`);
    await switchTo(p, 'Wire A');
    await assertSoon(() => p.locator('article.text').textContent(), 'Talks in Paris resumed on Tuesday.', `the ${name} tab: Wire A's text`);
    assertEqual(await texts(p), ['Paris'], `the ${name} tab: Wire A's span`);
    await switchTo(p, 'Wire B');
    await assertSoon(() => p.locator('article.text').textContent(), 'Rain fell on Daraa overnight.', `the ${name} tab: Wire B's text`);
    assertEqual(await texts(p), ['Daraa'], `the ${name} tab: Wire B's span`);
  }
  assertEqual(errors, [], 'no error in the second tab');
});

test('two tabs: the read-only one never writes to storage: not for a refused change, nor for switching documents; after Use here it does', async ({ page, url }) => {
  const a = page;
  await newDocument(a, 'Wire A', 'Talks in Paris resumed on Tuesday.');
  await saved(a);
  // Every IndexedDB write the second tab makes is counted.
  const { b, errors } = await second(a, url, () => {
    window.__writes = [];
    for (const name of ['put', 'add', 'delete', 'clear']) {
      const original = IDBObjectStore.prototype[name];
      IDBObjectStore.prototype[name] = function (...args) {
        window.__writes.push(`${this.name}.${name}`);
        return original.apply(this, args);
      };
    }
  });
  await banner(b).waitFor();
  await tag(b, 'Paris', '2');
  await b.keyboard.press('Control+z');
  await switchTo(b, 'article.txt');
  await tag(b, 'Ron Dermer', '1');
  await b.getByRole('button', { name: 'Labels' }).click();
  // What an autosave would do follows an action within a frame or two; give it several.
  await b.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300))));
  assertEqual(await b.evaluate(() => window.__writes), [], 'the read-only tab wrote nothing');
  assertEqual(await texts(b), [], 'and changed nothing');

  await useHere(b, a);
  await switchTo(b, 'article.txt');
  await tag(b, 'Ron Dermer', '1');
  await saved(b);
  assert((await b.evaluate(() => window.__writes)).includes('ops.put'), 'after Use here its span is written (the count works)');
  assertEqual(errors, [], 'no error in the second tab');
});

test('two tabs: when the tab that writes closes, the other takes over by itself, with the closed tab\'s latest work', async ({ page, url }) => {
  const a = page;
  const { b, errors } = await second(a, url);
  await banner(b).waitFor();
  await tag(a, 'Ron Dermer', '1');
  await saved(a);
  await a.close();
  await banner(b).waitFor({ state: 'detached' });
  assertEqual(await texts(b), ['Ron Dermer'], 'the span tagged after this tab opened is shown: storage was read again');
  await tag(b, 'Paris', '2');
  await saved(b);
  await b.reload();
  await ready(b);
  await assertSoon(() => texts(b), ['Paris', 'Ron Dermer'], 'both spans after a reload');
  assertEqual(errors, [], 'no error in the second tab');
});
