// Never lose work: autosave and reload, documents, resume from a file, bad input, storage failure.
import { mkdtemp, writeFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon } from './harness.mjs';
import {
  checkSpanmark, clickText, documents, exportBytes, exportJson, highlights, notices, openFiles, saved, seedText,
  switchTo, tag,
} from './page.mjs';

const dir = await mkdtemp(join(tmpdir(), 'spanmark-files-'));
async function file(name, contents) {
  const path = join(dir, name);
  await writeFile(path, contents);
  return path;
}

async function ready(page) {
  await page.waitForSelector('article.text [data-p]');
}

test('every change survives a reload and a closed tab: spans, documents, the open one, undo history', async ({ page, context }) => {
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Paris', '2');
  await tag(page, 'deadly sectarian clashes', '4');
  await clickText(page, 'Paris');
  await page.keyboard.press('3'); // relabel
  await clickText(page, 'deadly sectarian clashes');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+z'); // the removal, undone
  await tag(page, 'Asaad al-Shaibani', '1');
  await page.keyboard.press('Control+z'); // the last tag, undone: redo-able
  await openFiles(page, await file('notes.txt', 'Family 👩‍👩‍👦 left Daraa.\r\nSecond line.'));
  await tag(page, 'Daraa', '2');
  await saved(page);
  const notes = await exportBytes(page);
  await switchTo(page, 'article.txt');
  await saved(page);
  const article = await exportBytes(page);
  const list = await documents(page);
  assertEqual(list, ['article.txt *', 'notes.txt'], 'two documents, the article open');

  await page.reload();
  await ready(page);
  await assertSoon(() => documents(page), list, 'the same documents after a reload, the same one open');
  assertEqual(await exportBytes(page), article, 'the article exports the same bytes after a reload');
  // The history came back: redo brings back Asaad al-Shaibani; two undos take it away and
  // then undo the relabelling of Paris (Claim back to Location).
  await page.getByRole('button', { name: 'Redo' }).click();
  assert((await highlights(page)).some((h) => h.text === 'Asaad al-Shaibani'), 'redo after reload');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  assertEqual((await highlights(page)).map((h) => [h.text, h.label]).sort(), [['Paris', 'location'], ['Ron Dermer', 'actor'], ['deadly sectarian clashes', 'event']], 'undo after reload reaches the older steps');
  await page.keyboard.press('Control+y');
  await saved(page);

  // Close the tab, open a new one: the same work.
  const expected = await exportBytes(page);
  await page.close();
  const again = await context.newPage();
  await again.goto(page.url());
  await ready(again);
  assertEqual(await exportBytes(again), expected, 'a new tab opens on the same work');
  await switchTo(again, 'notes.txt');
  assertEqual(await exportBytes(again), notes, 'the second document too');
});

test('past 500 changes the document is stored as a snapshot and the changes after it; a reload brings back all of them', async ({ page }) => {
  await tag(page, 'Ron Dermer', '1');
  await clickText(page, 'Ron Dermer');
  // 510 relabels, alternating Location and Claim: the 500th op rewrites the snapshot (after the
  // frame is painted), ten ops follow it. Each one is waited for, as a person's would be drawn.
  for (let i = 0; i < 510; i += 1) {
    const label = i % 2 ? 'claim' : 'location';
    await page.keyboard.press(i % 2 ? '3' : '2');
    await page.waitForFunction((label) => document.querySelector('article.text mark.selected')?.dataset.label === label, label);
  }
  await saved(page);
  const expected = await exportBytes(page);
  assertEqual((await highlights(page)).map((h) => [h.text, h.label]), [['Ron Dermer', 'claim']], 'the last relabel shows');
  // What IndexedDB holds: one snapshot, and only the ops after it.
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('spanmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['snapshots', 'ops']);
      const snapshots = tx.objectStore('snapshots').getAll();
      const ops = tx.objectStore('ops').getAll();
      tx.oncomplete = () => resolve({ snapshots: snapshots.result.map((s) => s.annotations.map((a) => a.label)), ops: ops.result.length });
    };
  }));
  assertEqual(stored, { snapshots: [['location']], ops: 11 }, 'a snapshot at the 500th op (the tag, then relabels), then 11 ops');
  await page.reload();
  await ready(page);
  await assertSoon(() => exportBytes(page), expected, 'the same work after a reload');
  // The history came back too, across the snapshot: each undo steps back one relabel.
  await page.getByRole('button', { name: 'Undo' }).click();
  assertEqual((await highlights(page)).map((h) => h.label), ['location'], 'one undo after the reload');
  await page.getByRole('button', { name: 'Undo' }).click();
  assertEqual((await highlights(page)).map((h) => h.label), ['claim'], 'two undos');
});

test('documents: open a file, drop one, paste one; rename; delete with confirmation and undo', async ({ page }) => {
  await openFiles(page, await file('brief.md', '# Brief\n\nThe ministers met in Paris.'));
  await assertSoon(() => documents(page), ['article.txt', 'brief.md *'], 'opened and shown');
  await tag(page, 'Paris', '2');
  // Drop a file on the page.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped text about Sweida.'], 'dropped.txt', { type: 'text/plain' }));
    document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.locator('nav.documents', { hasText: 'dropped.txt' }).waitFor();
  // Paste into the New document dialog.
  await page.getByRole('button', { name: 'New document' }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByLabel('Title').fill('Pasted wire');
  await dialog.getByLabel('Text').fill('Wire: talks in Paris resumed.\nMore later.');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await assertSoon(() => documents(page), ['article.txt', 'brief.md', 'dropped.txt', 'Pasted wire *'], 'four documents');
  assertEqual(await page.locator('article.text').evaluate((a) => a.textContent), 'Wire: talks in Paris resumed.\nMore later.', 'the pasted text is open');
  // Each keeps its own annotations.
  await switchTo(page, 'brief.md');
  assertEqual((await highlights(page)).map((h) => h.text), ['Paris'], 'brief.md kept its span');
  // Rename.
  await page.getByRole('button', { name: 'Rename brief.md' }).click();
  await page.getByLabel('New title').fill('Paris brief');
  await page.getByLabel('New title').press('Enter');
  assert((await documents(page)).includes('Paris brief *'), 'renamed');
  assertEqual((await exportJson(page)).filename, 'paris-brief.spanmark.json', 'the export takes the new name');
  // Delete asks first; Cancel keeps.
  await page.getByRole('button', { name: 'Delete Paris brief' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  assert((await documents(page)).includes('Paris brief *'), 'kept');
  await page.getByRole('button', { name: 'Delete Paris brief' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  assert(!(await documents(page)).some((d) => d.startsWith('Paris brief')), 'deleted');
  await saved(page);
  await page.reload();
  await ready(page);
  assert(!(await documents(page)).some((d) => d.startsWith('Paris brief')), 'still deleted after a reload');
  // The deletion notice is gone after a reload, so undo it before: delete another and undo that.
  await switchTo(page, 'dropped.txt');
  await tag(page, 'Sweida', '2');
  await page.getByRole('button', { name: 'Delete dropped.txt' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Undo delete' }).click();
  assert((await documents(page)).includes('dropped.txt *'), 'undo delete brings it back, open');
  assertEqual((await highlights(page)).map((h) => h.text), ['Sweida'], 'with its annotations');
  await saved(page);
  await page.reload();
  await ready(page);
  assert((await documents(page)).includes('dropped.txt *'), 'and it stays back after a reload');
  // The seed article cannot be deleted.
  assertEqual(await page.getByRole('button', { name: 'Delete article.txt' }).count(), 0, 'no delete for the seed');
});

test('resume from a .spanmark.json: the same bytes; the same text asks to replace, merge or copy', async ({ page, context }) => {
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Syria’s Foreign Minister, Asaad al-Shaibani', '1');
  await tag(page, 'Paris', '2');
  const first = await exportJson(page);
  const path = await file('article.spanmark.json', first.raw);
  const blank = (s) => s.replace(/"exported_at": "[^"]*"/, '"exported_at": ""');
  // Change the work, then open the file: it asks.
  await clickText(page, 'Paris');
  await page.keyboard.press('Delete');
  await tag(page, 'deadly sectarian clashes', '4');
  await openFiles(page, path);
  const ask = page.getByRole('dialog', { name: 'Same text already open' });
  await ask.waitFor();
  await ask.getByRole('button', { name: 'Replace' }).click();
  assertEqual(await exportBytes(page), blank(first.raw), 'Replace restores the file exactly');
  // Replace is one step: undo brings back what was there.
  await page.keyboard.press('Control+z');
  assertEqual((await highlights(page)).map((h) => h.text).sort(), ['Ron Dermer', 'Syria’s Foreign Minister, Asaad al-Shaibani', 'deadly sectarian clashes'], 'undo of Replace');
  // Merge: the file's spans join; exact duplicates are dropped.
  await openFiles(page, path);
  await ask.getByRole('button', { name: 'Merge' }).click();
  const merged = (await exportJson(page)).json;
  checkSpanmark(merged, await seedText());
  assertEqual(merged.annotations.map((a) => a.text), ['Paris', 'Syria’s Foreign Minister, Asaad al-Shaibani', 'Ron Dermer', 'deadly sectarian clashes'], 'merged without duplicates');
  assert((await notices(page)).some((n) => n.includes('2 exact duplicates dropped')), 'the merge says what it dropped');
  // Copy: a second document with the file's annotations.
  await openFiles(page, path);
  await ask.getByRole('button', { name: 'Open a copy' }).click();
  await assertSoon(() => documents(page), ['article.txt', 'article.txt (copy) *'], 'a copy opened');
  assertEqual(JSON.parse(await exportBytes(page)).annotations, JSON.parse(blank(first.raw)).annotations, 'the copy holds the file annotations');
  // In a fresh browser profile the file opens as it is, and exports the same bytes.
  const fresh = await context.browser().newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  await ready(other);
  await openFiles(other, await file('notes.spanmark.json', first.raw.replace('"title": "article.txt"', '"title": "notes.txt"')));
  await other.getByRole('dialog', { name: 'Same text already open' }).getByRole('button', { name: 'Open a copy' }).click();
  assertEqual(JSON.parse(await exportBytes(other)).annotations, JSON.parse(blank(first.raw)).annotations, 'same annotations in a new profile');
  await fresh.close();
});

test('a resumed file whose text is new opens as its own document, byte for byte', async ({ page }) => {
  // Made by hand, as another spanmark would write it, over a text with emoji, CRLF and Hebrew.
  const text = 'Family 👩‍👩‍👦 left Daraa.\r\nשר החוץ met in Paris.';
  const cps = [...text];
  const span = (s, e) => cps.slice(s, e).join('');
  const { createHash } = await import('node:crypto');
  const file = {
    format: 'spanmark', version: 2, offset_unit: 'codepoint', exported_at: '2026-01-01T00:00:00.000Z',
    document: { title: 'daraa.txt', text, sha256: createHash('sha256').update(text).digest('hex'), length: { code_points: cps.length, utf16_units: text.length, utf8_bytes: Buffer.byteLength(text) } },
    labels: [
      { id: 'actor', name: 'Actor', colour: '#e69f00', hotkey: '1' },
      { id: 'location', name: 'Location', colour: '#56b4e9', hotkey: '2' },
      { id: 'claim', name: 'Claim', colour: '#cc79a7', hotkey: '3' },
      { id: 'event', name: 'Event', colour: '#009e73', hotkey: '4', attributes: [{ name: 'status', values: ['reported', 'confirmed', 'denied'], default: 'reported' }] },
    ],
    relation_types: [{ id: 'happened_in', name: 'happened in', from: ['event'], to: ['location'] }],
    document_attributes: [{ name: 'genre', values: ['unset', 'report'], default: 'unset' }],
    annotations: [
      { id: 'x1', label: 'event', start: 13, end: 23, text: span(13, 23), prefix: span(0, 13), suffix: span(23, 55), note: 'fled "south"\nin 2018', attributes: { status: 'confirmed' } },
      { id: 'x2', label: 'location', start: 18, end: 23, text: span(18, 23), prefix: span(0, 18), suffix: span(23, 55) },
    ],
    relations: [{ id: 'r1', from: 'x1', to: 'x2', type: 'happened_in' }],
  };
  file.document.attributes = { genre: 'report' };
  const raw = `${JSON.stringify(file, null, 2)}\n`;
  await openFiles(page, await file_('daraa.spanmark.json', raw));
  await assertSoon(() => documents(page), ['article.txt', 'daraa.txt *'], 'opened as a new document');
  assertEqual((await highlights(page)).map((h) => h.text).sort(), ['Daraa', 'left Daraa'], 'both spans drawn');
  assertEqual(await exportBytes(page), raw.replace('"2026-01-01T00:00:00.000Z"', '""'), 'exports the same bytes');
  // Its relation, note, attributes and category are stored too: the same bytes after a reload.
  await saved(page);
  await page.reload();
  await assertSoon(() => documents(page), ['article.txt', 'daraa.txt *'], 'the same documents after a reload');
  assertEqual(await exportBytes(page), raw.replace('"2026-01-01T00:00:00.000Z"', '""'), 'the same bytes after a reload');
});
const file_ = file;

// Each bad input: a message that names the problem, and the work exactly as it was.
test('bad files are refused with a message that names the problem; the work is unchanged', async ({ page }) => {
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Paris', '2');
  const good = (await exportJson(page)).raw;
  const v = () => JSON.parse(good);
  const json = (f) => { const x = v(); f(x); return JSON.stringify(x, null, 2); };
  const big = join(dir, 'huge.txt');
  await writeFile(big, '');
  await truncate(big, 50 * 1024 * 1024);
  const cases = [
    ['not-json.json', 'this is not JSON', 'not-json.json is not valid JSON: it may be cut short or damaged'],
    ['truncated.json', good.slice(0, Math.floor(good.length / 2)), 'truncated.json is not valid JSON (it stops before its end)'],
    ['other.json', '{"tasks": [1, 2, 3]}', 'other.json is JSON, but not a file spanmark reads'],
    ['format.json', json((x) => { x.format = 'brat'; }), 'format is "brat", not "spanmark"'],
    ['newer.json', json((x) => { x.version = 3; }), 'version 3 is newer than this spanmark reads'],
    ['relation.json', json((x) => { x.relations = [{ id: 'r1', from: x.annotations[0].id, to: 'a99', type: 'said_by' }]; }), 'relations[0].to: no annotation has id "a99"'],
    ['type.json', json((x) => { x.relations = [{ id: 'r1', from: x.annotations[0].id, to: x.annotations[1].id, type: 'loves' }]; }), 'relations[0].type: unknown relation type "loves"'],
    ['value.json', json((x) => { x.document.attributes = { topic: 'gossip' }; }), 'document.attributes.topic: "gossip" is not among the values of "topic"'],
    ['note.json', json((x) => { x.annotations[0].note = 7; }), 'annotations[0].note: invalid type'],
    ['past.json', json((x) => { x.annotations[0].end = 99999; }), 'annotations[0]: end 99999 is past the end of the text (3024 code points)'],
    ['inverted.json', json((x) => { x.annotations[0].start = 70; }), 'annotations[0]: start 70 is after end 60'],
    ['quote.json', json((x) => { x.annotations[1].text = 'Ron Dermot'; }), 'annotations[1].text is "Ron Dermot" but the document has "Ron Dermer" there'],
    ['sha.json', json((x) => { x.document.sha256 = '0'.repeat(64); }), 'document.sha256 is 0000'],
    ['label.json', json((x) => { x.annotations[0].label = 'person'; }), 'annotations[0].label "person" is not among the file\'s labels'],
    ['dupe.json', json((x) => { x.annotations[1].id = x.annotations[0].id; }), 'annotations[1].id "a2" is used twice'],
    ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'image.txt is not a text file'],
    ['latin1.txt', Buffer.from('caf\xe9 au lait', 'latin1'), 'latin1.txt is not saved as UTF-8'],
    ['empty.txt', '', 'empty.txt is empty'],
    ['huge.txt', null, 'huge.txt is 50 MB; spanmark opens files up to 32 MB'],
  ];
  const before = await exportBytes(page);
  const docsBefore = await documents(page);
  for (const [name, contents, message] of cases) {
    const path = contents === null ? big : await file(name, contents);
    await openFiles(page, path);
    const alert = page.locator('.notice.error');
    await alert.waitFor();
    const text = await alert.textContent();
    assert(text.includes(message), `${name}: the message is "${text}", expected it to say "${message}"`);
    await assertSoon(() => documents(page), docsBefore, `${name}: the document list is unchanged`);
    assertEqual(await exportBytes(page), before, `${name}: the export is byte-identical`);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  // A UTF-8 BOM and CRLF are fine, and kept.
  await openFiles(page, await file('bom.txt', '\ufeffFirst line\r\nSecond line'));
  await assertSoon(() => page.locator('article.text').evaluate((a) => a.textContent), '\ufeffFirst line\r\nSecond line', 'BOM and CRLF kept');
});

test('when storage is unavailable, a warning says work is not saved and offers an export', async ({ page, context }) => {
  const locked = await context.browser().newContext();
  await locked.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } });
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); } });
  });
  const p = await locked.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(page.url());
  await ready(p);
  const warning = p.locator('.notice.warning');
  assert((await warning.textContent()).includes('Your work is not being saved'), 'the warning is shown');
  assertEqual(await p.locator('.save-status').textContent(), 'Not saved', 'the status says so');
  // Annotating still works, and the warning's export saves it.
  await tag(p, 'Ron Dermer', '1');
  const [download] = await Promise.all([p.waitForEvent('download'), warning.getByRole('button', { name: 'Export now' }).click()]);
  assertEqual(download.suggestedFilename(), 'article.spanmark.json', 'exported from the warning');
  assertEqual(errors, [], 'nothing crashed');
  await locked.close();
});

test('when storage fills up, the warning appears and nothing is lost from the page', async ({ page, context }) => {
  const full = await context.browser().newContext();
  await full.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const p = await full.newPage();
  await p.goto(page.url());
  await ready(p);
  await tag(p, 'Paris', '2');
  await saved(p);
  await p.evaluate(() => { window.__full = true; });
  await tag(p, 'Ron Dermer', '1');
  const warning = p.locator('.notice.warning');
  await warning.waitFor();
  assert((await warning.textContent()).includes('QuotaExceededError'), `the warning names the cause: ${await warning.textContent()}`);
  assertEqual((await highlights(p)).map((h) => h.text).sort(), ['Paris', 'Ron Dermer'], 'the work on the page is intact');
  // Leaving now asks first; staying keeps the page as it was.
  const asked = new Promise((resolve) => p.once('dialog', (d) => resolve(d.dismiss().then(() => d.type()))));
  await p.close({ runBeforeUnload: true });
  assertEqual(await asked, 'beforeunload', 'closing with a change not stored asks first');
  assert(!p.isClosed(), 'staying keeps the page');
  assertEqual((await highlights(p)).map((h) => h.text).sort(), ['Paris', 'Ron Dermer'], 'and its work');
  // Space comes back: the next change stores everything that was waiting.
  await p.evaluate(() => { window.__full = false; });
  await tag(p, 'deadly sectarian clashes', '4');
  await saved(p);
  const expected = await exportBytes(p);
  await p.reload();
  await ready(p);
  assertEqual(await exportBytes(p), expected, 'after space came back, all three spans were stored');
  // With everything stored, closing does not ask.
  let questions = 0;
  p.on('dialog', (d) => { questions += 1; d.dismiss(); });
  await tag(p, 'calm tensions', '3');
  await saved(p);
  await p.close({ runBeforeUnload: true });
  await p.waitForEvent('close', { timeout: 5000 });
  assertEqual(questions, 0, 'closing with everything stored asks nothing');
  await full.close();
});
