// How the page reads and behaves at a glance: accessibility on every view, both themes, the
// phone layout with its drawers.
import { test, assert, assertEqual, assertAccessible } from './harness.mjs';
import { tag, highlights } from './page.mjs';

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violation on the main view (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await tag(page, 'Ron Dermer', '1');
    await assertAccessible(page, `the main view, ${scheme}`);
  });
}

/** The visible buttons, fields and selects not wholly inside the window, named. */
const offScreen = (page) =>
  page.locator('button:visible, input:visible, select:visible, [tabindex="0"]:visible').evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5;
      })
      .filter((el) => el.id !== 'reader')
      .map((el) => (el.getAttribute('aria-label') || el.textContent).trim()));

test('a phone (390×844): the text has most of the height (70 %), every control is on screen, a drag tags', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const reader = await page.locator('#reader').boundingBox();
  // The issue asks for half; the toolbar's two rows and the categories' one leave it 70 % or more.
  assert(reader.height >= 844 * 0.7, `the text area is ${reader.height} px of 844`);
  assert(reader.y + reader.height <= 844 + 0.5 && reader.width >= 380, `the text area is on screen and full width: ${JSON.stringify(reader)}`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(wide <= 390, `the page is ${wide} px wide`);
  assertEqual(await offScreen(page), [], 'no control off screen');
  // The columns are folded away, not squeezed under the text.
  assertEqual(await page.locator('.documents:visible, .panel:visible').count(), 0, 'documents and annotations are in closed drawers');
  // The find's options fold behind one button; opened, they are on screen too.
  const options = page.getByRole('button', { name: 'Options' });
  assert(!(await page.getByRole('checkbox', { name: 'All labels on text' }).isVisible()), 'the options are folded');
  await options.click();
  assertEqual(await options.getAttribute('aria-expanded'), 'true', 'Options says it is open');
  assert(await page.getByRole('checkbox', { name: 'Snap to words' }).isVisible(), 'the options are shown');
  assertEqual(await offScreen(page), [], 'no option off screen');
  const opened = await page.locator('#reader').boundingBox();
  assert(opened.height >= 844 / 2, `with the options open the text area is still ${opened.height} px of 844`);
  await options.click();
  await tag(page, 'Ron Dermer', '1');
  assertEqual((await highlights(page)).map((h) => [h.label, h.text]), [['actor', 'Ron Dermer']], 'tagged on a phone');
  await assertAccessible(page, 'the phone layout');
});

test('on a phone the documents and the annotations open as drawers: on screen, Escape closes, focus returns', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Paris', '2');
  const toggle = page.getByRole('button', { name: 'Annotations', exact: true });
  await toggle.click();
  assertEqual(await toggle.getAttribute('aria-expanded'), 'true', 'the button says the drawer is open');
  const panel = page.locator('.panel');
  assert(await panel.isVisible(), 'the annotations drawer is shown');
  assertEqual(await offScreen(page), [], 'every control in the drawer is on screen');
  assertEqual(await page.evaluate(() => document.activeElement.textContent), 'Close annotations', 'focus moved into the drawer');
  await assertAccessible(page, 'the annotations drawer on a phone');
  await page.keyboard.press('Escape');
  assert(!(await panel.isVisible()), 'Escape closed the drawer');
  assert(await toggle.evaluate((el) => el === document.activeElement), 'focus back on the button that opened it');
  // A phone draws the short name; the button's name stays whole.
  assert(await toggle.locator('.short', { hasText: 'Spans' }).isVisible(), 'drawn as Spans');
  // Picking an entry closes the drawer and shows its span, selected.
  await toggle.click();
  await page.locator('.entry', { hasText: 'Paris' }).first().click();
  assert(!(await panel.isVisible()), 'choosing an annotation closed the drawer');
  assertEqual(await page.locator('mark.hl.selected').textContent(), 'Paris', 'its span is selected in the text');
  // The documents drawer, from the other side.
  await page.getByRole('button', { name: 'Documents', exact: true }).click();
  assert(await page.locator('.documents').isVisible(), 'the documents drawer is shown');
  assertEqual(await offScreen(page), [], 'every control in the documents drawer is on screen');
  await page.getByRole('button', { name: 'Close documents' }).click();
  assert(!(await page.locator('.documents').isVisible()), 'its Close button closed it');
});

test('the theme button steps system → light → dark, the page follows, and a reload keeps the choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  const button = page.locator('button.theme');
  // Its words, which are its name (where the bar is short of room it draws ◐ instead).
  assertEqual(await button.locator('.long').textContent(), 'Theme: system', 'starts on the system theme');
  assertEqual(await page.getByRole('button', { name: 'Theme: system', exact: true }).count(), 1, 'named by its words');
  await button.click();
  assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'light chosen');
  await button.click();
  assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'dark chosen');
  const dark = await background();
  assert(dark !== light, `the page turned dark (${light} → ${dark})`);
  await tag(page, 'Ron Dermer', '1');
  await assertAccessible(page, 'the main view in the chosen dark theme');
  await page.reload();
  await page.waitForSelector('article.text [data-p]');
  assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'still dark after a reload');
  assertEqual(await background(), dark, 'drawn dark after a reload');
  await button.click();
  assertEqual(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null, 'back to the system theme');
  assertEqual(await background(), light, 'the system (light) theme again');
});

test('Statistics: counts, spans per 1,000 words, coverage, longest and shortest, from the text itself', async ({ page }) => {
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Sunni Bedouin', '1');
  await tag(page, 'Paris', '2');
  const opener = page.getByRole('button', { name: 'Statistics' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Statistics' });
  assert(await dialog.isVisible(), 'the Statistics dialog is open');
  // The figures worked out here, independently: words by the browser's own UAX #29 segmenter.
  const { words, length } = await page.evaluate(() => {
    const text = document.querySelector('article.text').textContent;
    const segs = [...new Intl.Segmenter('en', { granularity: 'word' }).segment(text)];
    return { words: segs.filter((s) => /[\p{L}\p{N}]/u.test(s.segment)).length, length: [...text].length };
  });
  const per = (n) => (Math.round((n * 10000) / words) / 10).toFixed(1);
  const rows = await dialog.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td.num')].map((c) => c.textContent.trim())));
  assertEqual(rows, [['Actor', '2', per(2)], ['Location', '1', per(1)], ['Claim', '0', per(0)], ['Event', '0', per(0)]], 'a row per label');
  const summary = await dialog.locator('p').first().textContent();
  assertEqual(summary, `3 annotations in ${words} words (${length.toLocaleString('en')} characters).`, 'the summary');
  const covered = 'Ron Dermer'.length + 'Sunni Bedouin'.length + 'Paris'.length;
  const coverage = (Math.round((covered * 1000) / length) / 10).toFixed(1);
  assert((await dialog.locator('.coverage').textContent()).includes(`${coverage}% of the text`), `coverage ${coverage}%`);
  const extremes = await dialog.locator('.stat-extreme').allTextContents();
  assertEqual(extremes, ['Longest (13 characters, Actor)Sunni Bedouin', 'Shortest (5 characters, Location)Paris'], 'the longest and the shortest span');
  // The bars are drawn to scale: Actor's twice Location's.
  const [actor, location] = await dialog.locator('.bar').evaluateAll((bars) => bars.slice(0, 2).map((b) => b.getBoundingClientRect().width));
  assert(Math.abs(actor - 2 * location) < 1.5, `bars to scale: ${actor} and ${location}`);
  await assertAccessible(page, 'the Statistics dialog');
  await page.keyboard.press('Escape');
  assert(!(await dialog.isVisible()), 'Escape closes it');
  assertEqual(await page.evaluate(() => document.activeElement.innerText), 'Statistics', 'focus back on its button');
  // The longest span's link shows it in the text.
  await opener.click();
  await dialog.getByRole('button', { name: 'Sunni Bedouin' }).click();
  assert(!(await dialog.isVisible()), 'following a span closes the dialog');
  assertEqual(await page.locator('mark.hl.selected').textContent(), 'Sunni Bedouin', 'and selects the span');
});

test('a screen reader hears the selected span with its label, and what was removed', async ({ page }) => {
  const region = page.locator('#announcer');
  assertEqual(await region.getAttribute('aria-live'), 'polite', 'a polite live region');
  await tag(page, 'Ron Dermer', '1');
  assertEqual(await region.textContent(), 'Actor: Ron Dermer', 'a new span is announced with its label');
  await page.keyboard.press('2');
  assertEqual(await region.textContent(), 'Location: Ron Dermer', 'a relabelling is announced');
  await tag(page, 'Paris', '2');
  assertEqual(await region.textContent(), 'Location: Paris', 'the next one');
  await page.keyboard.press('Delete');
  assertEqual(await region.textContent(), 'Removed Location: Paris', 'a removal is announced');
});

for (const [width, height] of [[360, 740], [2560, 1440]]) {
  test(`at ${width}×${height} nothing is wider than the window and every control is on screen`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await tag(page, 'Ron Dermer', '1');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= width, `the page is ${wide} px wide`);
    assertEqual(await offScreen(page), [], 'no control off screen');
    const reader = await page.locator('#reader').boundingBox();
    assert(reader.height >= height / 2, `the text area is ${reader.height} px of ${height}`);
    // The text column keeps a readable measure on a wide screen.
    const column = await page.locator('article.text').boundingBox();
    assert(column.width <= 760, `the text column is ${column.width} px wide`);
  });
}
