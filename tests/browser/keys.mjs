// The keyboard (issue 16, points 1 and 2): the text takes focus and shows a caret moved by
// character, word and document; Shift extends (a mouse selection too); label keys tag; Tab, J and
// K walk the annotations; selections snap to words unless Alt is held; ? lists every shortcut.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { drag, dragOver, find, highlights, openFiles, pointsFor, scrollTo, selectedText } from './page.mjs';

/** The text before the caret in its text node's paragraph, and whether the selection is collapsed. */
const caretContext = (page) => page.evaluate(() => {
  const s = getSelection();
  const p = s.focusNode && (s.focusNode.nodeType === 1 ? s.focusNode : s.focusNode.parentElement).closest('[data-p]');
  if (!p) return null;
  const r = document.createRange();
  r.setStart(p, 0);
  r.setEnd(s.focusNode, s.focusOffset);
  return { before: String(r), collapsed: s.isCollapsed, p: Number(p.dataset.p) };
});

/** What has focus: its tag and class, and whether it matches :focus-visible with an outline drawn
 * (the text's focus is drawn as the reader's accent bar, a box-shadow). */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el.matches('article.text') ? el.closest('#reader') : el);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  return { tag: el.tagName, cls: el.className, visible: el.matches(':focus-visible') && (ring || shadow) };
});

/** The text of each range of the CSS highlight `name`. */
const highlightText = (page, name) => page.evaluate((name) => {
  const h = CSS.highlights.get(name);
  return h ? [...h].map((r) => String(r)) : [];
}, name);

/** Tabs from page load until the text has focus, checking every stop shows its focus. */
async function tabToText(page) {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    assert(now.visible, `focus is visible on ${now.tag}.${now.cls}`);
    if (now.tag === 'ARTICLE') return;
  }
  throw new Error('Tab never reached the text');
}

test('keyboard only: Tab to the text, by word to "Ron", Shift+Ctrl+Right twice, 1 tags an Actor', async ({ page }) => {
  await tabToText(page);
  await page.keyboard.press('Control+Home');
  assertEqual(await caretContext(page), { before: '', collapsed: true, p: 0 }, 'the caret at the start');
  // Word by word to the end of "Minister," before "Ron" (two Ministers come before it).
  let seen = 0;
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Control+ArrowRight');
    const { before } = await caretContext(page);
    if (before.endsWith('Affairs Minister')) break;
    seen += 1;
  }
  assert(seen < 79, 'the caret reached "Affairs Minister"');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  assertEqual(await selectedText(page), ', Ron Dermer', 'two words selected');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  assertEqual(await selectedText(page), ', Ron Dermer', 'a character on and back');
  await page.keyboard.press('1');
  assertEqual((await highlights(page)).map((h) => [h.label, h.text]), [['actor', 'Ron Dermer']], 'an Actor "Ron Dermer"');
  assertEqual(await page.locator('article.text').evaluate((a) => a.textContent.includes('Ron Dermer, focused')), true, 'the text is unchanged');
  // Typing, pasting and deleting text are refused: the text stays the document.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('xyz');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  const text = await page.locator('article.text').evaluate((a) => a.textContent);
  const { readFile } = await import('node:fs/promises');
  assertEqual(text, await readFile(new URL('../../assets/article.txt', import.meta.url), 'utf8'), 'textContent is exactly the document');
  assertEqual(await focused(page).then((f) => f.tag), 'ARTICLE', 'the text keeps the focus');
});

test('Tab, Shift+Tab, J and K walk annotations in text order; Delete removes; Enter goes to the list', async ({ page }) => {
  for (const [phrase, key] of [['Paris', '2'], ['Ron Dermer', '1'], ['deadly sectarian clashes', '4']]) {
    await dragOver(page, phrase);
    await page.keyboard.press(key);
  }
  await page.keyboard.press('Escape');
  const selected = async () => (await highlights(page)).filter((h) => h.selected).map((h) => h.text);
  await page.locator('article.text').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Tab');
  assertEqual(await selected(), ['Paris'], 'Tab: the first');
  await page.keyboard.press('Tab');
  assertEqual(await selected(), ['Ron Dermer'], 'Tab: the second');
  await page.keyboard.press('Tab');
  assertEqual(await selected(), ['deadly sectarian clashes'], 'Tab: the third');
  await page.keyboard.press('Shift+Tab');
  assertEqual(await selected(), ['Ron Dermer'], 'Shift+Tab: back');
  await page.keyboard.press('k');
  assertEqual(await selected(), ['Paris'], 'K: back');
  await page.keyboard.press('j');
  assertEqual(await selected(), ['Ron Dermer'], 'J: on');
  await page.keyboard.press('Delete');
  assertEqual((await highlights(page)).map((h) => h.text), ['Paris', 'deadly sectarian clashes'], 'Delete removed it');
  await page.keyboard.press('j');
  assertEqual(await selected(), ['Paris'], 'J with none selected: the first');
  await page.keyboard.press('Enter');
  await assertSoon(() => focused(page).then((f) => f.cls.split(' ').includes('entries')), true, 'Enter: the list has the focus');
  // Past the last annotation Tab leaves the text (no trap).
  await page.locator('article.text').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Tab');
  assert((await focused(page)).tag !== 'ARTICLE', 'Tab after the last annotation leaves the text');
});

test('Shift+arrows extend and shrink a mouse selection', async ({ page }) => {
  await dragOver(page, 'Ron');
  assertEqual(await selectedText(page), 'Ron', 'the drag');
  await page.keyboard.press('Shift+Control+ArrowRight');
  assertEqual(await selectedText(page), 'Ron Dermer', 'extended by a word');
  await page.keyboard.press('Shift+ArrowLeft');
  assertEqual(await selectedText(page), 'Ron Derme', 'shrunk by a character');
  // Snapping (on by default) tags the whole word.
  await page.keyboard.press('1');
  assertEqual((await highlights(page)).map((h) => h.text), ['Ron Dermer'], 'tagged snapped to words');
});

test('a drag over "Paris," tags "Paris"; with Alt held the comma stays; the snapped extent shows during the drag', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-keys-'));
  const path = join(dir, 'snap.txt');
  await writeFile(path, 'They met in Paris, then Ron Dermer, for “de-escalation talks; deadly sectarian clashes went on.\n');
  await openFiles(page, path);
  await assertSoon(() => page.locator('.doc-title').textContent(), 'snap.txt', 'the text is open');
  const [start, end] = await find(page, 'Paris, ');
  await scrollTo(page, start);
  // From inside "Paris" to past the comma: while the button is down, the snap highlight
  // already shows "Paris".
  const { from, to } = await pointsFor(page, start + 2, end - 1);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await assertSoon(() => highlightText(page, 'snap'), ['Paris'], 'the snapped extent during the drag');
  assertEqual(await selectedText(page), 'ris,', 'the browser selection is exact until the button comes up');
  await page.mouse.up();
  assertEqual(await selectedText(page), 'Paris', 'after release the selection is what was shown');
  await page.keyboard.press('2');
  assertEqual((await highlights(page)).map((h) => h.text), ['Paris'], '"Paris" tagged');
  // Alt held: exact characters.
  const [s2, e2] = await find(page, 'Ron Dermer,');
  await page.keyboard.down('Alt');
  await drag(page, s2, e2);
  await assertSoon(() => highlightText(page, 'snap'), ['Ron Dermer,'], 'Alt: the exact extent shown');
  await page.keyboard.up('Alt');
  await page.keyboard.press('1');
  assertEqual((await highlights(page)).map((h) => h.text).sort(), ['Paris', 'Ron Dermer,'], 'Alt kept the comma');
  // The quote mark is left out, the hyphen kept.
  await dragOver(page, '“de-escalation');
  await page.keyboard.press('3');
  assert((await highlights(page)).some((h) => h.text === 'de-escalation'), '“de-escalation tags de-escalation');
  // The option off: exact characters too, and remembered.
  await page.getByLabel('Snap to words').uncheck();
  await page.reload();
  await page.waitForSelector('article.text [data-p]');
  await assertSoon(() => page.locator('.doc-title').textContent(), 'snap.txt', 'the text is open again');
  assertEqual(await page.getByLabel('Snap to words').isChecked(), false, 'the option is remembered');
  await dragOver(page, 'deadly sectarian cla');
  await page.keyboard.press('4');
  assert((await highlights(page)).some((h) => h.text === 'deadly sectarian cla'), 'snapping off: exact');
});

test('Ctrl+End in a long document brings the end into view with the caret there', async ({ page }) => {
  const lines = Array.from({ length: 3000 }, (_, i) => `Line ${i} of the long report: Ron Dermer met a spokesman in Paris.`);
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-keys-'));
  const path = join(dir, 'long-keys.txt');
  await writeFile(path, lines.join('\n'));
  await openFiles(page, path);
  await assertSoon(() => page.locator('.doc-title').textContent(), 'long-keys.txt', 'the long text is open');
  await page.locator('article.text').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+End');
  await assertSoon(() => caretContext(page).then((c) => c && [c.p, c.before]), [2999, lines[2999]], 'the caret at the very end');
  const inView = await page.evaluate(() => {
    const s = getSelection();
    const r = document.createRange();
    r.setStart(s.focusNode, s.focusOffset);
    const p = (s.focusNode.nodeType === 1 ? s.focusNode : s.focusNode.parentElement).closest('[data-p]').getBoundingClientRect();
    const v = document.querySelector('#reader').getBoundingClientRect();
    return p.bottom > v.top && p.top < v.bottom;
  });
  assert(inView, 'the last line is in view');
  // Back by a word and a character, then Shift+Ctrl+Left, and tag: it lands on the right code points.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  assertEqual(await selectedText(page), 'Paris', 'the last word selected');
  await page.keyboard.press('2');
  assertEqual((await highlights(page)).map((h) => h.text), ['Paris'], 'tagged at the end of a long document');
  await page.keyboard.press('Control+Home');
  await assertSoon(() => caretContext(page).then((c) => c && [c.p, c.before]), [0, ''], 'back at the start');
});

test('? opens the list of shortcuts, Escape closes it; no axe violation with it open', async ({ page }) => {
  await page.locator('article.text').focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  assert((await dialog.locator('kbd').count()) > 20, 'it lists the keys');
  for (const group of ['In the text', 'Labels and annotations', 'Find and the list', 'Anywhere']) {
    assert((await dialog.getByRole('heading', { name: group }).count()) === 1, `group "${group}"`);
  }
  assertEqual(await focused(page).then((f) => [f.tag, f.visible]), ['BUTTON', true], 'Close has a visible focus');
  await assertAccessible(page, 'the shortcuts dialog');
  await page.keyboard.press('Escape');
  await assertSoon(() => dialog.count(), 0, 'Escape closed it');
  assertEqual(await focused(page).then((f) => f.tag), 'ARTICLE', 'focus back in the text');
  await assertAccessible(page, 'the text with its caret');
  // Its button opens it too.
  await page.getByRole('button', { name: /Shortcuts/ }).click();
  await dialog.waitFor();
});
