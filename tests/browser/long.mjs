// A long document (6,000 lines, 360 k characters): only the paragraphs near the view are drawn,
// and everything a person does still works across the whole of it.
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon } from './harness.mjs';
import { checkSpanmark, dragPoints, entries, exportJson, find, openFiles, pointsFor } from './page.mjs';

const WORDS = ['Damascus', 'the ministry', 'Ron Dermer', 'Paris', 'a spokesman', 'Daraa', 'the council', 'Aleppo', 'élite', 'Şam'];
const word = (i) => WORDS[i % WORDS.length];
const LINES = 6000;
// Flags before some lines and CRLF after some: code points, UTF-16 and bytes all differ.
const text = Array.from({ length: LINES }, (_, i) => `${i % 97 === 0 ? '🇸🇾 ' : ''}Line ${i} of the long report: ${word(i)} met ${word(i * 7)} in ${word(i * 13)}.`)
  .map((line, i) => line + (i === LINES - 1 ? '' : i % 5 === 0 ? '\r\n' : '\n'))
  .join('');
// The code-point index of each UTF-16 index.
const cpAt = new Uint32Array(text.length + 1);
for (let i = 0; i < text.length; i += 1) cpAt[i + 1] = cpAt[i] + (/[\udc00-\udfff]/.test(text[i]) ? 0 : 1);
const cps = (utf16) => cpAt[utf16];
/** The code-point span of the first `phrase` in the text. */
const spanOf = (phrase) => {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`${phrase} is not in the text`);
  return [cps(at), cps(at + phrase.length)];
};

const dir = await mkdtemp(join(tmpdir(), 'spanmark-long-'));
const txt = join(dir, 'long-report.txt');
await writeFile(txt, text);

/** A spanmark file of the text with an Actor on "Line <n>" of every other line. */
async function annotated() {
  const annotations = [];
  for (let i = 0; i < LINES; i += 2) {
    const [start, end] = spanOf(`Line ${i} of`).map((x, k) => (k === 1 ? x - 3 : x));
    annotations.push({ id: `n${i}`, label: 'actor', start, end, text: `Line ${i}` });
  }
  const file = {
    format: 'spanmark', version: 1, offset_unit: 'codepoint', exported_at: '2026-01-01T00:00:00.000Z',
    document: {
      title: 'long-annotated.txt', text, sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      length: { code_points: [...text].length, utf16_units: text.length, utf8_bytes: Buffer.byteLength(text) },
    },
    labels: [
      { id: 'actor', name: 'Actor', colour: '#e69f00', hotkey: '1' },
      { id: 'location', name: 'Location', colour: '#56b4e9', hotkey: '2' },
      { id: 'claim', name: 'Claim', colour: '#cc79a7', hotkey: '3' },
      { id: 'event', name: 'Event', colour: '#009e73', hotkey: '4' },
    ],
    annotations,
  };
  const path = join(dir, 'long-annotated.spanmark.json');
  await writeFile(path, JSON.stringify(file));
  return { path, annotations };
}

async function open(page, path, title) {
  await openFiles(page, path);
  await assertSoon(() => page.locator('.doc-title').textContent(), title, `${title} is open`);
}

/** The indexes of the paragraphs in the DOM. */
const drawn = (page) => page.locator('article.text > [data-p]').evaluateAll((ps) => ps.map((p) => Number(p.dataset.p)));

/** Whether the element's box is inside the reader's visible box. */
const inView = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  const v = document.querySelector('#reader').getBoundingClientRect();
  return r.top >= v.top && r.bottom <= v.bottom && r.height > 0;
});

test('a long document draws only the paragraphs near the view, and scrolling reaches every one', async ({ page }) => {
  await open(page, txt, 'long-report.txt');
  const first = await drawn(page);
  assertEqual(first[0], 0, 'the top is drawn');
  assert(first.length > 5 && first.length < 200, `a few paragraphs drawn, not all ${LINES} (${first.length})`);
  const [above, below] = await page.locator('.text-spacer').evaluateAll((s) => s.map((e) => e.getBoundingClientRect().height));
  assertEqual(above, 0, 'nothing stands in above the top');
  assert(below > 100_000, `the rest is stood in for by its height (${below} px)`);
  // Jump to the end the way a scrollbar drag does: the last line is drawn and fully reachable.
  for (let i = 0; i < 5; i += 1) {
    await page.locator('#reader').evaluate((r) => r.scrollTo(0, r.scrollHeight));
    await page.waitForTimeout(100);
  }
  await assertSoon(async () => (await drawn(page)).at(-1), LINES - 1, 'the last paragraph is drawn at the bottom');
  assertEqual((await page.locator(`article.text > [data-p="${LINES - 1}"]`).textContent()).trim(), text.split(/\r?\n/).at(-1), 'with its text');
  assert(await inView(page.locator(`article.text > [data-p="${LINES - 1}"]`)), 'and in view');
  // The middle: the paragraphs drawn are the ones around where the scrollbar says we are.
  await page.locator('#reader').evaluate((r) => r.scrollTo(0, r.scrollHeight / 2));
  await page.waitForTimeout(200);
  const middle = await drawn(page);
  assert(middle[0] > LINES / 4 && middle.at(-1) < (LINES * 3) / 4, `the middle of the text is drawn (${middle[0]}–${middle.at(-1)})`);
  assertEqual(middle, Array.from({ length: middle.length }, (_, i) => middle[0] + i), 'a run of consecutive paragraphs');
});

test('a drag deep in a long document tags the right code points (after flags and CRLFs)', async ({ page }) => {
  await open(page, txt, 'long-report.txt');
  await page.locator('#reader').evaluate((r) => r.scrollTo(0, r.scrollHeight * 0.7));
  await page.waitForTimeout(200);
  // A line in the middle of the view.
  const n = await page.locator('article.text > [data-p]').evaluateAll((ps) => {
    const v = document.querySelector('#reader').getBoundingClientRect();
    const mid = (v.top + v.bottom) / 2;
    return Number(ps.find((p) => p.getBoundingClientRect().bottom > mid && p.textContent.trim()).dataset.p);
  });
  assert(n > LINES / 2, `a line far down (${n})`);
  const phrase = `Line ${n} of the long report`;
  const [start, end] = await find(page, phrase);
  const { from, to } = await pointsFor(page, start, end);
  await dragPoints(page, from, to);
  await page.keyboard.press('2');
  const { json } = await exportJson(page);
  assertEqual(json.annotations.map((a) => [a.label, a.start, a.end, a.text]), [['location', ...spanOf(phrase), phrase]], 'the span, on code points');
  checkSpanmark(json, text);
});

test('a selection dragged over several screens keeps where it started', async ({ page }) => {
  await open(page, txt, 'long-report.txt');
  await page.locator('#reader').evaluate((r) => r.scrollTo(0, r.scrollHeight * 0.3));
  await page.waitForTimeout(200);
  const middleLine = () => page.locator('article.text > [data-p]').evaluateAll((ps) => {
    const v = document.querySelector('#reader').getBoundingClientRect();
    const mid = (v.top + v.bottom) / 2;
    return Number(ps.find((p) => p.getBoundingClientRect().bottom > mid && p.textContent.trim()).dataset.p);
  });
  const n = await middleLine();
  const first = `Line ${n} of`;
  const [s0, s1] = await find(page, first);
  const { from } = await pointsFor(page, s0, s1);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y, { steps: 3 }); // the drag begins in the line
  // Hold the button and scroll four screens down, the mouse following, as a long drag does.
  for (let i = 0; i < 4; i += 1) {
    await page.locator('#reader').evaluate((r) => { r.scrollTop += r.clientHeight; });
    await page.waitForTimeout(80);
    await page.mouse.move(from.x + 5, from.y + 5 * (i % 2), { steps: 2 });
  }
  const m = await middleLine();
  assert(m > n + 40, `the drag went far (${n} → ${m})`);
  const last = `Line ${m} of the long report`;
  const [e0, e1] = await find(page, last);
  const { to } = await pointsFor(page, e0, e1);
  await page.mouse.move(to.x, to.y, { steps: 3 });
  await page.mouse.up();
  await page.keyboard.press('4');
  const { json } = await exportJson(page);
  const [start] = spanOf(first);
  const [, end] = spanOf(last);
  assertEqual(json.annotations.map((a) => [a.label, a.start, a.end]), [['event', start, end]], `one span from line ${n} to line ${m}`);
  checkSpanmark(json, text);
});

test('long document: find (Ctrl+F) reaches text that is not drawn; Escape then a label key tags the match', async ({ page }) => {
  await open(page, txt, 'long-report.txt');
  assert(!(await drawn(page)).includes(5990), 'line 5990 is not drawn at first');
  await page.keyboard.press('Control+f');
  assertEqual(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Find in text', 'Ctrl+F goes to the find box');
  await page.keyboard.type('long REPORT');
  await assertSoon(() => page.locator('.find-count').textContent(), `1 of ${LINES}`, 'every line counted, ignoring case');
  await page.locator('.find-input').fill('line 5990 OF');
  await assertSoon(() => page.locator('.find-count').textContent(), '1 of 1', 'one match');
  await assertSoon(() => page.evaluate(() => String([...(CSS.highlights.get('find') ?? [])][0] ?? '')), 'Line 5990 of', 'marked in the text');
  assert(await inView(page.locator('article.text > [data-p="5990"]')), 'drawn and scrolled into view');
  await page.keyboard.press('Escape');
  await page.keyboard.press('3');
  const { json } = await exportJson(page);
  assertEqual(json.annotations.map((a) => [a.label, a.start, a.end]), [['claim', ...spanOf('Line 5990 of')]], 'tagged on its code points');
  // Stepping: Enter and Shift+Enter walk the matches, wrapping around.
  await page.locator('.find-input').fill('Şam met');
  const count = text.split('Şam met').length - 1;
  await assertSoon(() => page.locator('.find-count').textContent(), `1 of ${count}`, 'a word with a cedilla');
  await page.keyboard.press('Shift+Enter');
  await assertSoon(() => page.locator('.find-count').textContent(), `${count} of ${count}`, 'Shift+Enter wraps to the last');
  await assertSoon(() => page.evaluate(() => String([...(CSS.highlights.get('find') ?? [])][0] ?? '')), 'Şam met', 'the last match is drawn and marked');
  await page.locator('.find-input').fill('no such words');
  await assertSoon(() => page.locator('.find-count').textContent(), 'No matches', 'says so');
});

test('long document, 3,000 annotations: the side panel draws a few rows; the last entry brings its far span into view', async ({ page }) => {
  const { path, annotations } = await annotated();
  await open(page, path, 'long-annotated.txt');
  await assertSoon(() => page.locator('aside.panel .total').textContent(), String(annotations.length), 'all counted');
  const rows = await page.locator('aside.panel li.entry').count();
  assert(rows > 5 && rows < 100, `a few rows drawn (${rows})`);
  await page.locator('aside.panel').evaluate((p) => p.scrollTo(0, p.scrollHeight));
  const last = annotations.at(-1);
  await assertSoon(async () => (await entries(page)).at(-1)?.quote, last.text, 'scrolling the list draws its end');
  await page.locator(`aside.panel li.entry[data-id="${last.id}"] .entry-main`).click();
  const mark = page.locator(`article.text mark[data-id="${last.id}"]`);
  await mark.waitFor();
  await assertSoon(() => inView(mark), true, 'the span is drawn and scrolled into view');
  assert(await mark.evaluate((m) => m.classList.contains('selected') && m.classList.contains('flash')), 'selected and flashing');
  // Delete it from the text, then undo: the list and the text agree.
  await page.keyboard.press('Delete');
  await assertSoon(() => page.locator('aside.panel .total').textContent(), String(annotations.length - 1), 'removed');
  await page.keyboard.press('Control+z');
  await assertSoon(() => mark.count(), 1, 'back after undo');
  const { json } = await exportJson(page);
  assertEqual(json.annotations.length, annotations.length, 'all exported');
  checkSpanmark(json, text);
});
