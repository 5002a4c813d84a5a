// Relations on the text (issue 15, points 1–4): R or Link… then a target (a click, or Tab and
// Enter) then a type from a menu makes a relation, drawn as an arc over the text (a stub where
// the other end is not drawn); the side panel lists the selected span's relations, jumps to the
// other end and unlinks; notes and attributes are edited there; deleting a span takes its
// relations, and one undo brings both back.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { chips, clickText, highlights, listFollowed, openFiles, seedText, tag } from './page.mjs';

const CLAIM = 'de-escalation and non-interference in Syria’s internal affairs';

/** The connectors drawn over the text: { kind: 'arc' | 'stub', label, lit } (an arc between
 * lines writes its label on each of its two runs: the first is read). */
const connectors = (page) =>
  page.locator('svg.arcs').evaluate((svg) =>
    [...svg.querySelectorAll('g')].map((g) => ({ kind: g.getAttribute('class'), label: g.querySelector('text').textContent, lit: g.hasAttribute('data-lit') })));

/** The selected span's relations as the side panel lists them. */
const listed = async (page) => {
  await listFollowed(page);
  return page.locator('aside.panel .relations .relation-jump').allTextContents();
};

const selectedText = async (page) => (await highlights(page)).filter((h) => h.selected).map((h) => h.text);

/** The names of the type menu's items, in order, and the focused one's. */
const menu = (page) =>
  page.locator('[role="menu"]').evaluate((m) => ({
    items: [...m.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent),
    focused: document.activeElement?.getAttribute('role') === 'menuitem' ? document.activeElement.textContent : null,
  }));

test('R, a click on the target and a type from the menu make a relation drawn as an arc; one undo takes it away', async ({ page }) => {
  await tag(page, 'Ron Dermer', '1');
  await tag(page, CLAIM, '3');
  assertEqual(await connectors(page), [], 'no relation, no arc');
  // The claim is selected (a tag selects it): R starts picking, said visibly and in a live region.
  await page.keyboard.press('r');
  const banner = page.locator('.link-banner [role="status"]');
  await assertSoon(() => banner.textContent(), `Link from Claim “${CLAIM}”: click the target span, or Tab to it and press Enter. Esc cancels.`, 'the picking step is said');
  await clickText(page, 'Ron Dermer');
  // The menu offers the types that fit Claim → Actor first, and has the focus.
  const shown = await menu(page);
  assertEqual(shown.items.slice(0, 2), ['said by', 'about'], 'the fitting types first');
  assertEqual(shown.focused, 'said by', 'the first item has the focus');
  await assertAccessible(page, 'the relation type menu');
  await page.keyboard.press('Enter');
  await assertSoon(() => connectors(page), [{ kind: 'arc', label: 'said by', lit: true }], 'one arc, lit: its from is selected');
  assertEqual(await page.locator('[role="menu"]').count(), 0, 'the menu is gone');
  assertEqual(await selectedText(page), [CLAIM], 'the claim stays selected');
  assertEqual(await listed(page), ['said by → Actor “Ron Dermer”'], 'the side panel lists it');
  // The arc is outside the text: the article's text is still exactly the document.
  assertEqual(await page.locator('article.text').evaluate((a) => a.textContent), await seedText(), 'textContent is the document');
  // The related span is lit while the claim is selected.
  const lit = () => page.locator('mark[data-lit]').evaluateAll((ms) => [...new Set(ms.map((m) => m.dataset.id))].length);
  assertEqual(await lit(page), 1, 'Ron Dermer lit');
  await assertAccessible(page, 'the text with a relation');
  // One undo step.
  await page.keyboard.press('Control+z');
  await assertSoon(() => connectors(page), [], 'undone: no arc');
  assertEqual(await listed(page), [], 'and none listed');
  await page.keyboard.press('Control+y');
  await assertSoon(async () => (await connectors(page)).length, 1, 'redone');
  // The reader narrows (as when a column beside it widens, the window unchanged): the lines
  // move, and the arc starts again where its from now is (its first line box's centre and top).
  const start = () => page.evaluate(() => {
    const svg = document.querySelector('svg.arcs');
    const origin = svg.getBoundingClientRect();
    const box = document.querySelector('mark[data-id][data-label="claim"]').getClientRects()[0];
    const [x, y] = svg.querySelector('g.arc path').getAttribute('d').match(/-?\d+/g).map(Number);
    // 17 px above the box: model::layout::arcs::LIFT, clear of the label chip.
    return Math.abs(x - (box.left + box.right) / 2 + origin.left) <= 1 && Math.abs(y - (box.top - origin.top - 17)) <= 1;
  });
  assert(await start(), 'the arc starts on its from');
  await page.locator('#reader').evaluate((r) => { r.style.paddingRight = '260px'; });
  await assertSoon(start, true, 'after the reader narrowed, the arc starts on its from again');
});

test('Link…, Tab and Enter pick the target from the keyboard; the menu answers to arrows; Esc cancels', async ({ page }) => {
  await tag(page, 'Paris', '2');
  await tag(page, 'deadly sectarian clashes', '4');
  await page.getByRole('button', { name: /^Link/ }).click();
  const banner = page.locator('.link-banner [role="status"]');
  await assertSoon(() => banner.count(), 1, 'picking');
  // Escape cancels, the span stays selected.
  await page.keyboard.press('Escape');
  await assertSoon(() => banner.count(), 0, 'Esc cancels picking');
  assertEqual(await selectedText(page), ['deadly sectarian clashes'], 'still selected');
  // Again, by keys: Shift+Tab reaches Paris (the span before), Enter picks it.
  await page.keyboard.press('r');
  await page.keyboard.press('Shift+Tab');
  await assertSoon(() => banner.textContent(), 'Target: Location “Paris”. Enter links it, Tab moves on, Esc cancels.', 'the target is said');
  assertEqual(await page.locator('mark[data-candidate]').evaluateAll((ms) => ms.map((m) => m.textContent)), ['Paris'], 'and shown');
  await page.keyboard.press('Enter');
  let shown = await menu(page);
  assertEqual(shown.items[0], 'happened in', 'Event → Location fits "happened in"');
  assertEqual(shown.focused, 'happened in', 'focused');
  await page.keyboard.press('ArrowUp');
  assertEqual((await menu(page)).focused, shown.items.at(-1), 'ArrowUp wraps to the last');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  assertEqual((await menu(page)).focused, shown.items[1], 'ArrowDown moves on');
  await page.keyboard.press('Escape');
  await assertSoon(() => page.locator('[role="menu"]').count(), 0, 'Esc closes the menu');
  assertEqual(await connectors(page), [], 'and makes nothing');
  assert(await page.locator('article.text').evaluate((a) => a === document.activeElement), 'the focus is back in the text');
  // And made: R, Shift+Tab, Enter, Enter.
  for (const key of ['r', 'Shift+Tab', 'Enter', 'Enter']) await page.keyboard.press(key);
  await assertSoon(() => listed(page), ['happened in → Location “Paris”'], 'made from the keyboard');
  shown = await connectors(page);
  assertEqual(shown.map((c) => c.label), ['happened in'], 'drawn');
});

test('on a phone the link banner spans the window, and a target Tab reaches under it is scrolled above it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await tag(page, 'Paris', '2');
  await tag(page, 'the Sweida ceasefire', '4');
  await clickText(page, 'Paris');
  await page.keyboard.press('r');
  const banner = page.locator('.link-banner');
  await assertSoon(() => banner.count(), 1, 'picking');
  const box = await banner.boundingBox();
  assert(box.width >= 390 - 2 * 16 - 1, `the banner is as wide as the window less its insets: ${JSON.stringify(box)}`);
  assert(box.height <= 110, `and a few lines tall, not a column: ${JSON.stringify(box)}`);
  // The target lies under the banner: the reader scrolled so that its middle is 15 px below the banner's top.
  const target = page.locator('mark[data-id]', { hasText: 'the Sweida ceasefire' });
  await page.locator('#reader').evaluate((reader, [mark, top]) => {
    const r = mark.getBoundingClientRect();
    reader.scrollBy(0, (r.top + r.bottom) / 2 - (top + 15));
  }, [await target.elementHandle(), box.y]);
  const under = await target.evaluate((m, top) => m.getBoundingClientRect().bottom > top, box.y);
  assert(under, 'the target is under the banner before Tab');
  await page.keyboard.press('Tab');
  await assertSoon(() => page.locator('mark[data-candidate]').evaluateAll((ms) => ms.map((m) => m.textContent)), ['the Sweida ceasefire'], 'Tab reaches it');
  const after = await target.evaluate((m) => m.getBoundingClientRect().toJSON());
  const reader = await page.locator('#reader').boundingBox();
  const top = (await banner.boundingBox()).y;
  assert(after.bottom <= top && after.top >= reader.y, `the target Tab reached is in view above the banner: ${JSON.stringify({ after, top, reader })}`);
  await assertAccessible(page, 'picking a target on a phone');
});

/** Makes a relation from the selected span to `phrase`'s span, of the type named `type`. */
async function link(page, phrase, type) {
  await page.keyboard.press('r');
  await clickText(page, phrase);
  await page.getByRole('menuitem', { name: type, exact: true }).click();
}

test('the side panel lists both ways, jumps to the other end and unlinks; hovering lights related spans', async ({ page }) => {
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Asaad al-Shaibani', '1');
  await tag(page, CLAIM, '3');
  await link(page, 'Ron Dermer', 'said by');
  await clickText(page, CLAIM);
  await link(page, 'Asaad al-Shaibani', 'said by');
  await assertSoon(() => listed(page), ['said by → Actor “Ron Dermer”', 'said by → Actor “Asaad al-Shaibani”'], 'both outgoing');
  assertEqual((await connectors(page)).map((c) => c.kind), ['arc', 'arc'], 'two arcs');
  // Asaad al-Shaibani is a line above the claim: that arc goes round through the margin (right
  // of the text's column), not over the text between, its type written on both of its runs.
  const round = await page.evaluate(() => {
    const svg = document.querySelector('svg.arcs');
    const right = document.querySelector('article.text').getBoundingClientRect().right - svg.getBoundingClientRect().left;
    const g = [...svg.querySelectorAll('g')].find((g) => g.querySelectorAll('text').length === 2);
    if (!g) return null;
    const [across] = [...g.querySelector('path').getAttribute('d').matchAll(/H(-?[\d.]+)/g)].map((m) => Number(m[1]));
    return { margin: across > right, labels: [...g.querySelectorAll('text')].map((t) => t.textContent) };
  });
  assertEqual(round, { margin: true, labels: ['said by', 'said by'] }, 'the arc between lines goes round through the margin');
  // Hovering Ron Dermer lights the claim, and its own arc only.
  await page.locator('mark[data-id]', { hasText: 'Ron Dermer' }).first().hover();
  await assertSoon(() => page.locator('mark[data-lit]').evaluateAll((ms) => ms.map((m) => m.textContent)), [CLAIM], 'the claim lit');
  assertEqual((await connectors(page)).filter((c) => c.lit).length, 1, 'one arc lit');
  // Jump: the other end is selected, and lists its incoming relation.
  await page.locator('aside.panel .relation-jump', { hasText: 'Ron Dermer' }).click();
  await assertSoon(() => selectedText(page), ['Ron Dermer'], 'the other end is selected');
  assertEqual(await listed(page), [`← said by: Claim “${CLAIM}”`], 'its incoming relation');
  await assertAccessible(page, 'the side panel with relations');
  // Unlink from the panel, by the keyboard.
  await page.getByRole('button', { name: /^Unlink/ }).focus();
  await page.keyboard.press('Enter');
  await assertSoon(() => listed(page), [], 'unlinked');
  assertEqual((await connectors(page)).length, 1, 'one arc left');
});

test('a note and an attribute in the side panel: kept, marked on the text, each one undo step', async ({ page }) => {
  await tag(page, CLAIM, '3');
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.fill('Quoted from SANA');
  await note.press('Enter');
  const marked = () => page.locator('mark[data-note]').evaluateAll((ms) => ms.map((m) => m.title));
  await assertSoon(marked, ['Claim: Quoted from SANA'], 'the note is marked on the text');
  // Attributes of Claim: stance and verified, with their defaults, changed by keys.
  const stance = page.getByRole('combobox', { name: 'stance' });
  assertEqual(await stance.inputValue(), 'asserts', 'the default shows');
  await stance.focus();
  await page.keyboard.press('ArrowDown');
  await assertSoon(() => stance.inputValue(), 'denies', 'changed by a key');
  await page.getByRole('combobox', { name: 'verified' }).selectOption('misleading');
  await assertSoon(() => page.getByRole('combobox', { name: 'verified' }).inputValue(), 'misleading', 'changed by the mouse');
  await assertAccessible(page, 'the details of a claim');
  // Each one undo step, newest first.
  await page.locator('article.text').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  await clickText(page, CLAIM);
  await assertSoon(() => page.getByRole('combobox', { name: 'verified' }).inputValue(), 'unknown', 'verified undone');
  assertEqual(await stance.inputValue(), 'denies', 'stance still set');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await assertSoon(marked, [], 'the note undone');
});

test('deleting a span with relations takes them; one Ctrl+Z brings both back', async ({ page }) => {
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Paris', '2');
  await tag(page, 'deadly sectarian clashes', '4');
  await link(page, 'Paris', 'happened in');
  await clickText(page, 'Ron Dermer');
  await link(page, 'deadly sectarian clashes', 'takes part in');
  await assertSoon(async () => (await connectors(page)).length, 2, 'two relations');
  await clickText(page, 'deadly sectarian clashes');
  await page.keyboard.press('Delete');
  await assertSoon(() => connectors(page), [], 'the event and both its relations are gone');
  assertEqual((await highlights(page)).length, 2, 'two spans left');
  await page.keyboard.press('Control+z');
  await assertSoon(async () => (await connectors(page)).map((c) => c.label).sort(), ['happened in', 'takes part in'], 'one undo: both relations back');
  assertEqual((await highlights(page)).length, 3, 'and the span');
});

// A long text: only the paragraphs near the view are drawn.
const LINES = 3000;
const longText = Array.from({ length: LINES }, (_, i) => `Line ${i}: the minister met the envoy in Damascus.`).join('\n');

test('an end that is not drawn: a labelled stub at the drawn one, and the panel jumps there', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-relations-'));
  const path = join(dir, 'long-linked.txt');
  await writeFile(path, longText);
  await openFiles(page, path);
  await assertSoon(() => page.locator('article.text').evaluate((a) => a.textContent.startsWith('Line 0:')), true, 'the long text is open');
  await tag(page, 'Line 2: the minister', '1');
  // Far down: a claim, linked to the actor at the top by keys (Shift+Tab reaches it, drawing it).
  const reader = page.locator('#reader');
  await reader.evaluate((r) => r.scrollTo(0, r.scrollHeight));
  await assertSoon(() => page.locator('article.text').evaluate((a) => a.textContent.includes('Line 2990:')), true, 'the end is drawn');
  await tag(page, 'Line 2990: the minister', '3');
  await assertSoon(() => page.locator('mark.selected').count(), 1, 'the claim is selected');
  await page.keyboard.press('r');
  await page.keyboard.press('Shift+Tab');
  await page.waitForSelector('mark[data-candidate]');
  await page.keyboard.press('Enter');
  assertEqual((await menu(page)).focused, 'said by', 'Claim → Actor: said by first');
  await page.keyboard.press('Enter');
  // The view is at the top now: the claim is not drawn, the actor shows a stub pointing down.
  await assertSoon(async () => (await connectors(page)).map((c) => [c.kind, c.label]), [['stub', 'said by ↓']], 'a stub towards the end below');
  assertEqual(await page.locator('article.text').evaluate((a) => a.textContent.includes('Line 2990:')), false, 'the claim is not drawn');
  await page.locator('mark[data-id]', { hasText: 'Line 2: the minister' }).click();
  await assertSoon(() => listed(page), ['← said by: Claim “Line 2990: the minister”'], 'listed on the actor');
  await page.locator('aside.panel .relation-jump').click();
  await assertSoon(() => selectedText(page), ['Line 2990: the minister'], 'the jump draws and selects the other end');
  await assertSoon(() => connectors(page), [{ kind: 'stub', label: 'said by ↑', lit: true }], 'its stub points up, lit');
});

test('a busy paragraph: its connectors and their labels keep off every line of text, however high they stack', async ({ page }) => {
  const spans = [['Syria’s Foreign Minister', '1'], ['Asaad al-Shaibani', '1'], ['Ron Dermer', '1'], ['de-escalation and non-interference', '3'], ['SANA', '1'], ['The talks', '4'], ['a meeting', '4'], ['Paris', '2']];
  for (const [text, key] of spans) await tag(page, text, key);
  const link = async (from, to) => {
    await clickText(page, from);
    await page.keyboard.press('r');
    await clickText(page, to);
    await page.waitForSelector('[role="menu"]');
    await page.keyboard.press('Enter');
    await page.locator('[role="menu"]').waitFor({ state: 'detached' });
  };
  // Four connectors onto "The talks" (two from the lines below), two more on the lines.
  await link('de-escalation and non-interference', 'The talks');
  await link('Asaad al-Shaibani', 'The talks');
  await link('Ron Dermer', 'The talks');
  await link('Syria’s Foreign Minister', 'The talks');
  await link('de-escalation and non-interference', 'Ron Dermer');
  await link('Syria’s Foreign Minister', 'Asaad al-Shaibani');
  // And one on the first line, between two spans side by side.
  await link('a meeting', 'Paris');
  await assertSoon(async () => (await connectors(page)).length, 7, 'seven connectors');
  // Every horizontal run of a connector, and every label, against every line of the text.
  const clashes = () => page.evaluate(() => {
    const article = document.querySelector('article.text');
    const lines = [];
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.data.trim() || node.parentElement.closest('.eol')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) lines.push(r);
    }
    const svg = document.querySelector('svg.arcs');
    const origin = svg.getBoundingClientRect();
    const boxes = [];
    for (const g of svg.querySelectorAll('g')) {
      for (const t of g.querySelectorAll('text')) { const r = t.getBoundingClientRect(); boxes.push({ what: `label ${t.textContent}`, left: r.left, right: r.right, top: r.top, bottom: r.bottom }); }
      // Paths are M x y then V/H steps: the H steps are the runs.
      const steps = g.querySelector('path').getAttribute('d').match(/[MVH][^MVHC]*/g);
      let [x, y] = steps[0].slice(1).trim().split(/\s+/).map(Number);
      for (const step of steps.slice(1)) {
        const v = Number(step.slice(1));
        if (step[0] === 'V') { y = v; continue; }
        boxes.push({ what: `run of ${g.querySelector('text').textContent}`, left: origin.left + Math.min(x, v), right: origin.left + Math.max(x, v), top: origin.top + y, bottom: origin.top + y });
        x = v;
      }
    }
    const out = [];
    for (const b of boxes) for (const l of lines) if (b.left < l.right - 1 && l.left + 1 < b.right && b.top < l.bottom - 1 && l.top + 1 < b.bottom + 0.5) out.push(`${b.what} at y ${Math.round(b.top)} on the line at ${Math.round(l.top)}–${Math.round(l.bottom)}`);
    return { out, boxes };
  }).then(async ({ out, boxes }) => {
    // Each label chip shown against every connector label and run.
    for (const c of (await chips(page)).filter((c) => c.shown)) {
      for (const b of boxes) if (b.left < c.chip.right && c.chip.left < b.right && b.top < c.chip.bottom && c.chip.top < b.bottom + 0.5) out.push(`${b.what} at y ${Math.round(b.top)} on the chip ${c.name} of "${c.text}" at ${Math.round(c.chip.top)}–${Math.round(c.chip.bottom)}`);
    }
    return [...new Set(out)];
  });
  await assertSoon(clashes, [], 'no connector run or label on a line of text or a label chip');
  // With every span's label written on the text, the chips keep clear of the connectors too.
  await page.getByRole('checkbox', { name: 'All labels on text' }).check();
  await assertSoon(async () => page.locator('article.text.chips-all').count(), 1, 'every label on the text');
  await assertSoon(clashes, [], 'no connector run or label on a line of text or a label chip, all labels shown');
  await page.locator('#reader').focus();
  // The text is still exactly the document, and the spacing goes when the relations do.
  assertEqual(await page.locator('article.text').evaluate((a) => a.textContent), await seedText(), 'textContent is the document');
  assert(await page.locator('article.text .para[style]').count() > 0, 'a paragraph spaced for its connectors');
  for (let i = 0; i < 7; i += 1) await page.keyboard.press('Control+z');
  await assertSoon(() => connectors(page), [], 'the relations undone');
  await assertSoon(() => page.locator('article.text .para[style]').count(), 0, 'no paragraph spaced any more');
});
