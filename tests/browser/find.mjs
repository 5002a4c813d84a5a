// Find with options (regular expressions, case, whole words), Annotate all with a preview, and
// suggestions from one's own tags (issue 16, points 3 and 4).
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { tag, highlights, exportJson, seedText } from './page.mjs';

const count = (page) => page.locator('.find-count').textContent();
const toggle = (page, name) => page.getByRole('button', { name, exact: true });

/** Types `query` into the find box (after Ctrl+F), replacing what was there. */
async function search(page, query) {
  await page.keyboard.press('Control+f');
  await page.locator('.find-input').fill(query);
}

/** Code-point [start, end) of the `n`th occurrence of `phrase` that is a whole UAX #29 word. */
async function wholeWord(page, phrase, n) {
  return page.locator('article.text').evaluate((article, [phrase, n]) => {
    const seg = new Intl.Segmenter(undefined, { granularity: 'word' });
    const hits = [...seg.segment(article.textContent)].filter((s) => s.segment === phrase);
    return hits[n].index;
  }, [phrase, n]);
}

/** Selects UTF-16 [start, end) of the article's text by a drag over it and presses `key`. */
async function tagAt(page, start, end, key) {
  const points = await page.locator('article.text').evaluate((article, [start, end]) => {
    const box = (at) => {
      const walk = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      let node;
      let offset = at;
      while ((node = walk.nextNode())) {
        if (offset < node.length) break;
        offset -= node.length;
      }
      const r = document.createRange();
      r.setStart(node, offset);
      r.setEnd(node, offset + 1);
      return r.getBoundingClientRect();
    };
    const a = box(start);
    const b = box(end - 1);
    return { from: { x: a.left + 1, y: a.top + a.height / 2 }, to: { x: b.right - 1, y: b.top + b.height / 2 } };
  }, [start, end]);
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.press(key);
}

test('find: a regular expression, the case toggle and whole words change the count', async ({ page }) => {
  await search(page, 'Swei\\w+');
  await toggle(page, 'Regular expression').click();
  await assertSoon(() => count(page), '1 of 7', 'Swei\\w+ as a regular expression finds the seven Sweida');
  assertEqual(await toggle(page, 'Regular expression').getAttribute('aria-pressed'), 'true', 'the toggle shows pressed');
  await toggle(page, 'Regular expression').click();
  await assertSoon(() => count(page), 'No matches', 'as plain text nothing is written Swei\\w+');

  await search(page, 'sweida');
  await assertSoon(() => count(page), '1 of 7', 'case ignored: seven');
  await toggle(page, 'Match case').click();
  await assertSoon(() => count(page), 'No matches', 'case matched: "sweida" is always written "Sweida"');
  await toggle(page, 'Match case').click();

  const text = await seedText();
  const seg = new Intl.Segmenter(undefined, { granularity: 'word' });
  const whole = [...seg.segment(text)].filter((s) => s.segment === 'Syria').length;
  const anywhere = text.split('Syria').length - 1;
  assert(anywhere > whole && whole > 0, `the seed has "Syria" alone and inside "Syrian": ${whole} of ${anywhere}`);
  await search(page, 'Syria');
  await assertSoon(() => count(page), `1 of ${anywhere}`, 'every "Syria", in "Syrian" and "Syria’s" too');
  await toggle(page, 'Whole words').click();
  await assertSoon(() => count(page), `1 of ${whole}`, 'whole words: not in "Syrian" nor "Syria’s"');
});

test('find: a bad regular expression says what is wrong and keeps the work', async ({ page }) => {
  await tag(page, 'Paris', '2');
  await page.keyboard.press('Escape');
  await search(page, 'Sweida');
  await toggle(page, 'Regular expression').click();
  await assertSoon(() => count(page), '1 of 7', 'a valid one first');
  await page.locator('.find-input').fill('Sweida(');
  await assertSoon(async () => /^Not a valid regular expression: .+\.$/.test(await count(page)), true, 'the message says it is not valid and why');
  assert(!(await count(page)).includes('/'), `no engine syntax in the message: ${await count(page)}`);
  assertEqual((await highlights(page)).map((h) => h.text), ['Paris'], 'the annotations are untouched');
  assertEqual(await page.evaluate(() => CSS.highlights.get('find-all')?.size ?? 0), 7, 'the last matches stay marked');
  assertEqual(await page.getByRole('button', { name: 'Annotate all…' }).isDisabled(), true, 'nothing to annotate from a bad expression');
  await page.locator('.find-input').fill('Sweida');
  await assertSoon(() => count(page), '1 of 7', 'fixed, it finds again');
});

test('Annotate all: a preview of every match, one step to tag them and one undo', async ({ page }) => {
  await search(page, 'Sweida');
  await assertSoon(() => count(page), '1 of 7', 'seven matches');
  await page.getByRole('combobox', { name: 'Label for Annotate all' }).selectOption({ label: 'Location' });
  await page.getByRole('button', { name: 'Annotate all…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Annotate all as Location' });
  await dialog.waitFor();
  const rows = dialog.locator('.all-row');
  assertEqual(await rows.count(), 7, 'seven rows');
  const contexts = await rows.locator('.all-context').allTextContents();
  assert(contexts.every((c) => c.includes('Sweida') && c.length > 'Sweida'.length + 10), `each with context: ${contexts.join(' | ')}`);
  assertEqual(await dialog.getByRole('checkbox', { checked: true }).count(), 7, 'all ticked');
  await assertAccessible(page, 'the Annotate all preview');
  await dialog.getByRole('checkbox').nth(2).uncheck();
  await dialog.getByRole('button', { name: 'Tag 6 as Location' }).click();
  await dialog.waitFor({ state: 'detached' });
  const tagged = () => highlights(page).then((all) => all.filter((h) => h.label === 'location' && h.text === 'Sweida').length);
  await assertSoon(tagged, 6, 'six Location spans');

  // Again: the six already tagged are shown and skipped.
  await page.getByRole('button', { name: 'Annotate all…' }).click();
  await dialog.waitFor();
  assertEqual(await dialog.locator('.all-row.tagged').count(), 6, 'six shown as already Location');
  assertEqual(await dialog.getByRole('checkbox', { checked: true }).count(), 1, 'only the untagged one ticked');
  assert((await dialog.locator('.all-summary').textContent()).includes('6 already Location'), 'the summary says so');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.locator('#reader').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await assertSoon(tagged, 0, 'one undo removes all six');
  await page.keyboard.press('Control+y');
  await assertSoon(tagged, 6, 'one redo brings them back');
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violation with the Annotate all preview open and with suggestions shown (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await search(page, 'Sweida');
    await page.getByRole('button', { name: 'Annotate all…' }).click();
    await page.getByRole('dialog').waitFor();
    await assertAccessible(page, `the preview (${scheme})`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Suggest from my tags' }).check();
    const at = await wholeWord(page, 'Syria', 0);
    await tagAt(page, at, at + 5, '2');
    await assertSoon(() => page.locator('mark.suggest').count(), 4, 'suggestions shown');
    await assertAccessible(page, `the text with suggestions (${scheme})`);
  });
}

test('suggestions: a tagged string\'s other mentions are offered; accept by key, reject, accept all; none in an export', async ({ page }) => {
  const text = await page.locator('article.text').evaluate((a) => a.textContent);
  await page.getByRole('checkbox', { name: 'Suggest from my tags' }).check();
  const first = await wholeWord(page, 'Syria', 0);
  await tagAt(page, first, first + 5, '2');
  const location = () => highlights(page).then((all) => all.filter((h) => h.label === 'location').map((h) => h.text));
  await assertSoon(location, ['Syria'], 'one Location span');
  const suggestions = page.locator('mark.suggest');
  await assertSoon(() => suggestions.count(), 4, 'the four other whole-word "Syria" are suggested');
  assertEqual(await suggestions.allTextContents(), ['Syria', 'Syria', 'Syria', 'Syria'], 'each a mention of the string');
  assertEqual(await page.locator('article.text').evaluate((a) => a.textContent), text, 'the text is unchanged');
  assertEqual(await suggestions.first().evaluate((m) => getComputedStyle(m).outlineStyle), 'dotted', 'drawn with a dotted outline');

  // An export while suggestions are shown holds the one annotation only.
  let out = await exportJson(page);
  assertEqual(out.json.annotations.length, 1, 'suggestions are not in an export');

  // Accept one by the label's key, reject one by X.
  await suggestions.nth(0).click();
  await page.keyboard.press('2');
  await assertSoon(location, ['Syria', 'Syria'], 'a label key accepts the focused one');
  await assertSoon(() => suggestions.count(), 3, 'three left');
  await suggestions.nth(0).focus();
  await page.keyboard.press('x');
  await assertSoon(() => suggestions.count(), 2, 'X rejects it');
  assertEqual((await location()).length, 2, 'rejecting tags nothing');
  const rejectedAt = await wholeWord(page, 'Syria', 2);

  // Accept all for the string.
  await page.getByRole('button', { name: /^Accept all 2 suggestions of “Syria” as Location/ }).click();
  await assertSoon(location, ['Syria', 'Syria', 'Syria', 'Syria'], 'accept all tags the rest');
  await assertSoon(() => suggestions.count(), 0, 'no suggestion left');
  out = await exportJson(page);
  const spans = out.json.annotations.map((a) => a.start).sort((a, b) => a - b);
  assertEqual(spans.length, 4, 'four Location spans exported');
  assert(!spans.includes(rejectedAt), 'the rejected mention is not exported');
  assert(!out.raw.includes('suggest'), 'nothing of suggestions in the file');
  // One undo takes back the accept-all step alone.
  await page.locator('#reader').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await assertSoon(async () => (await location()).length, 2, 'accept all is one undo step');
});

test('Annotate all of many matches draws 200 rows and says how many more, which are tagged too', async ({ page }) => {
  // Every lowercase word: a regular expression, case matched, whole words only.
  const n = await page.locator('article.text').evaluate((a) =>
    [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(a.textContent)].filter((s) => /^[a-z]+$/.test(s.segment)).length);
  assert(n > 200, `the seed has more than 200 lowercase words: ${n}`);
  await search(page, '[a-z]+');
  for (const name of ['Regular expression', 'Match case', 'Whole words']) await toggle(page, name).click();
  await assertSoon(() => count(page), `1 of ${n}`, 'every lowercase word');
  await page.getByRole('button', { name: 'Annotate all…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assertEqual(await dialog.locator('.all-row').count(), 200, 'two hundred rows drawn');
  assertEqual(await dialog.locator('.all-more').textContent(), `and ${n - 200} more matches, tagged with the ticked ones.`, 'the rest summed up');
  await dialog.getByRole('checkbox').first().uncheck();
  await dialog.getByRole('button', { name: `Tag ${n - 1} as Actor` }).click();
  await assertSoon(() => page.locator('aside.panel .total').textContent(), String(n - 1), 'all but the unticked one tagged');
});
