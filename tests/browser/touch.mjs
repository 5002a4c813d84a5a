// Touch (issue 16, point 8): on a phone, a long press selects the word under the finger, the
// handles at the selection's ends drag them word by word, and a tapped label tags the selection.
// Touches go through the Chrome DevTools Protocol (Input.dispatchTouchEvent), as a finger would.
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { checkSpanmark, dragOver, exportJson, find, highlights, pointsFor, scrollTo, seedText, selectedText } from './page.mjs';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A finger: down at (x, y), optionally held `ms`, moved through `path`, then lifted. */
async function finger(page, cdp, { x, y }, { ms = 0, path = [] } = {}) {
  const at = (p) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at({ x, y }) });
  if (ms) await page.waitForTimeout(ms);
  let last = { x, y };
  for (const p of path) {
    last = p;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  return last;
}

/** The centre of a handle ('start' or 'end'), or null when it is hidden. */
const handle = (page, end) =>
  page.evaluate((end) => {
    const h = document.querySelector(`.touch-handle[data-end="${end}"]`);
    if (!h || h.hidden) return null;
    const r = h.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height };
  }, end);

test('a long press selects a word, a handle extends it, a tapped label tags it', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const [start] = await find(page, 'Dermer');
  await scrollTo(page, start);
  const { from } = await pointsFor(page, start + 2, start + 3);
  // A short tap selects nothing.
  await finger(page, cdp, from);
  assertEqual(await selectedText(page), '', 'a tap does not select');
  assertEqual(await handle(page, 'start'), null, 'no handles without a selection');
  // A long press selects the word under the finger, and the handles show at its ends.
  await finger(page, cdp, from, { ms: 800 });
  await assertSoon(() => selectedText(page), 'Dermer', 'the long press selects the word');
  await assertSoon(async () => (await handle(page, 'start')) !== null && (await handle(page, 'end')) !== null, true, 'both handles show');
  const grip = await handle(page, 'start');
  assert(grip.width >= 24 && grip.height >= 24, `a handle is a 24 px target at least: ${JSON.stringify(grip)}`);
  await assertAccessible(page, 'the text with the touch handles');
  // Dragging the start handle left onto "Ron" takes in the word.
  const [ron] = await find(page, 'Ron Dermer');
  const { from: onRon } = await pointsFor(page, ron + 1, ron + 2);
  const dx = onRon.x - (await pointsFor(page, start, start + 1)).from.x;
  const steps = [1, 2, 3, 4].map((i) => ({ x: grip.x + (dx * i) / 4, y: grip.y }));
  await finger(page, cdp, grip, { path: steps });
  assertEqual(await selectedText(page), 'Ron Dermer', 'the start handle takes in "Ron"');
  // A tap on the Actor label tags the selection.
  const actor = page.locator('nav.labelbar').getByRole('button', { name: /^Actor/ });
  const box = await actor.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await assertSoon(async () => (await highlights(page)).map((s) => [s.label, s.text]), [['actor', 'Ron Dermer']], 'Ron Dermer is an Actor');
  await assertSoon(() => handle(page, 'start'), null, 'the handles go with the selection');
  const { json } = await exportJson(page);
  checkSpanmark(json, await seedText());
  assertEqual(json.annotations.map((a) => [a.label, a.text]), [['actor', 'Ron Dermer']], 'the export has the Actor span');
});

test('the handles follow a scroll, leave when a tap collapses the selection, and a mouse never shows them', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const [start] = await find(page, 'Paris');
  await scrollTo(page, start);
  const { from } = await pointsFor(page, start + 1, start + 2);
  await finger(page, cdp, from, { ms: 800 });
  await assertSoon(() => selectedText(page), 'Paris', 'the long press selects the word');
  await assertSoon(async () => (await handle(page, 'end')) !== null, true, 'the handles show');
  // They follow the text when it scrolls.
  const before = await handle(page, 'end');
  await page.locator('#reader').evaluate((r) => r.scrollBy(0, 40));
  await assertSoon(async () => Math.round(before.y - (await handle(page, 'end')).y), 40, 'the handle scrolls with its word');
  // A tap elsewhere in the text puts the caret there: the handles go.
  const [other] = await find(page, 'tensions');
  const { from: there } = await pointsFor(page, other + 2, other + 3);
  await page.touchscreen.tap(there.x, there.y);
  await assertSoon(() => selectedText(page), '', 'the tap collapses the selection');
  await assertSoon(async () => [await handle(page, 'start'), await handle(page, 'end')], [null, null], 'no handles');
  // A mouse drag selects without handles.
  await dragOver(page, 'Paris');
  assertEqual(await selectedText(page), 'Paris', 'the drag selects');
  assertEqual(await handle(page, 'start'), null, 'no handles for a mouse selection');
});
