// How the text reads: labels written on overlapping spans, every find match marked (in the
// text and on a strip beside the scrollbar), hard-wrapped text drawn as lines.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { tag, seedText, openFiles, clickText, chips } from './page.mjs';

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('nested spans write both labels above their start, side by side, and the text stays the document', async ({ page }) => {
  await tag(page, 'Syria’s Foreign Minister, Asaad al-Shaibani', '1');
  await tag(page, 'Syria', '2', 2);
  await page.keyboard.press('Escape');
  const all = await chips(page);
  const actor = all.find((c) => c.name === 'Actor' && c.text.startsWith('Syria'));
  const location = all.find((c) => c.name === 'Location');
  assert(actor && location, `both spans carry their label's name: ${JSON.stringify(all)}`);
  assert(actor.shown && location.shown, 'nested spans always show their chips');
  assertEqual(all.filter((c) => c.name === 'Actor').length, 1, 'only the first segment of the Actor span carries its chip');
  const reader = await page.locator('#reader').boundingBox();
  for (const c of [actor, location]) {
    assert(c.chip.right - c.chip.left > 20 && c.chip.bottom - c.chip.top > 8, `${c.name}'s chip has a size: ${JSON.stringify(c.chip)}`);
    assert(c.chip.top >= reader.y && c.chip.bottom <= reader.y + reader.height && c.chip.left >= reader.x, `${c.name}'s chip is on screen`);
    // Above the line, at most a few pixels into the line's own space, and not below its text.
    assert(c.chip.bottom <= c.start.top + 8, `${c.name}'s chip sits above its text: ${JSON.stringify(c)}`);
    assert(c.chip.bottom >= c.start.top - 12, `${c.name}'s chip sits on its line, not far above: ${JSON.stringify(c)}`);
  }
  assert(Math.abs(actor.chip.left - actor.start.left) <= 2, `the outer chip starts at the span's start: ${JSON.stringify(actor)}`);
  assert(!overlap(actor.chip, location.chip), `the chips do not cover each other: ${JSON.stringify([actor.chip, location.chip])}`);
  assert(location.chip.left >= actor.chip.right, 'the inner span\'s chip stands right of the outer\'s');
  // The chips scroll with the text.
  await page.locator('#reader').evaluate((r) => r.scrollBy(0, 60));
  const scrolled = (await chips(page)).find((c) => c.name === 'Actor' && c.text.startsWith('Syria'));
  assert(scrolled.start.top < actor.start.top - 30, 'the reader scrolled');
  assert(Math.abs(scrolled.chip.top - scrolled.start.top - (actor.chip.top - actor.start.top)) < 1, `the chip moved with its text: ${JSON.stringify([actor, scrolled])}`);
  const text = await page.locator('article.text').evaluate((a) => a.textContent);
  assertEqual(text, await seedText(), 'the article\'s textContent is exactly the document');
  // Each nesting level underlines in its own style: told apart without colour.
  const styles = await page.locator('article.text mark[data-name="Location"]').evaluate((inner) => [
    getComputedStyle(inner.parentElement.closest('mark')).borderBottomStyle,
    getComputedStyle(inner).borderBottomStyle,
  ]);
  assertEqual(styles, ['solid', 'dashed'], 'the outer span solid, the nested one dashed');
});

test('the option writes every span\'s label on the text, and is remembered', async ({ page }) => {
  await tag(page, 'Paris', '2');
  await page.keyboard.press('Escape');
  const paris = async () => (await chips(page)).find((c) => c.text === 'Paris');
  assertEqual((await paris()).shown, false, 'a plain span shows no chip by default');
  await clickText(page, 'Paris');
  assertEqual((await paris()).shown, true, 'the selected span shows its chip');
  await page.keyboard.press('Escape');
  assertEqual((await paris()).shown, false, 'and hides it again when deselected');
  await page.getByRole('checkbox', { name: 'All labels on text' }).check();
  await assertSoon(async () => (await paris()).shown, true, 'with the option on, the plain span shows its chip');
  const chip = await paris();
  assert(chip.chip.bottom <= chip.start.top + 8 && chip.chip.right - chip.chip.left > 20, `the chip stands above "Paris": ${JSON.stringify(chip)}`);
  await page.reload();
  await page.waitForSelector('article.text [data-p]');
  assertEqual(await page.getByRole('checkbox', { name: 'All labels on text' }).isChecked(), true, 'the option is remembered');
  await assertSoon(async () => (await paris())?.shown, true, 'and the chip is shown after a reload');
});

test('find marks every match in the text and on the strip beside the scrollbar', async ({ page }) => {
  await page.keyboard.press('Control+f');
  await page.keyboard.type('Sweida');
  await assertSoon(() => page.locator('.find-count').textContent(), '1 of 7', 'seven matches');
  const marked = () => page.evaluate(() => [CSS.highlights.get('find-all')?.size ?? 0, CSS.highlights.get('find')?.size ?? 0]);
  await assertSoon(marked, [7, 1], 'all seven highlighted, the current one also strongly');
  const texts = await page.evaluate(() => [...CSS.highlights.get('find-all')].map((r) => r.toString()));
  assertEqual(texts, Array(7).fill('Sweida'), 'each highlighted range is a match');
  const marks = page.locator('.find-strip .find-mark');
  assertEqual(await marks.count(), 7, 'seven marks on the strip');
  const tops = await marks.evaluateAll((all) => all.map((m) => m.getBoundingClientRect().top));
  assert(tops.every((t, i) => i === 0 || t > tops[i - 1]), `the marks go down the strip in text order: ${tops}`);
  const strip = await page.locator('.find-strip').boundingBox();
  const reader = await page.locator('#reader').boundingBox();
  assert(Math.abs(strip.x - (reader.x + reader.width)) <= 1 && Math.abs(strip.y - reader.y) <= 1, 'the strip stands right of the reader, as tall');
  // A click on the fourth mark shows the fourth match.
  await marks.nth(3).click();
  await assertSoon(() => page.locator('.find-count').textContent(), '4 of 7', 'the mark\'s match is current');
  await assertSoon(() => page.evaluate(() => [...CSS.highlights.get('find')][0]?.toString()), 'Sweida', 'and marked');
  // Escape goes back to the text with the match selected; the query and the marks stay.
  await page.locator('.find-input').focus();
  await page.keyboard.press('Escape');
  assertEqual(await page.locator('.find-input').inputValue(), 'Sweida', 'Escape keeps the query');
  assertEqual(await page.evaluate(() => String(getSelection())), 'Sweida', 'and selects the current match');
  await assertSoon(() => page.evaluate(() => CSS.highlights.get('find-all')?.size ?? 0), 7, 'the other matches stay marked');
  // After an edit the highlights still reach the text.
  await page.locator('#reader').click({ position: { x: 5, y: 5 } });
  await tag(page, 'Paris', '2');
  await assertSoon(() => page.evaluate(() => [...CSS.highlights.get('find-all')].filter((r) => r.toString() === 'Sweida').length), 7, 'the matches stay marked after a tag');
  await page.locator('.find-input').fill('');
  await assertSoon(marked, [0, 0], 'an empty query marks nothing');
  assertEqual(await page.locator('.find-strip').isVisible(), false, 'and shows no strip');
});

test('in a long text drawn in part, the strip marks every match from the model', async ({ page }) => {
  // 300 paragraphs of some 400 characters; "zebra" in paragraphs 10, 150 and 290 only.
  const filler = 'The committee met again on Tuesday and agreed to publish its findings before the end of the month. ';
  const paragraphs = Array.from({ length: 300 }, (_, i) => (i % 140 === 10 ? `A zebra was seen. ${filler.repeat(4)}` : filler.repeat(4)).trim());
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-long-'));
  const file = join(dir, 'minutes.txt');
  await writeFile(file, paragraphs.join('\n'));
  await openFiles(page, file);
  await assertSoon(async () => (await page.locator('article.text [data-p="0"]').textContent()).startsWith('The committee'), true, 'the long text is open');
  const drawn = await page.locator('article.text [data-p]').count();
  assert(drawn < 150, `the text is drawn in part (${drawn} of 300 paragraphs)`);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('zebra');
  await assertSoon(() => page.locator('.find-count').textContent(), '1 of 3', 'three matches');
  const marks = page.locator('.find-strip .find-mark');
  assertEqual(await marks.count(), 3, 'three marks, two of them for text that is not drawn');
  const strip = await page.locator('.find-strip').boundingBox();
  const at = await marks.evaluateAll((all) => all.map((m) => m.getBoundingClientRect().top + m.getBoundingClientRect().height / 2));
  const fractions = at.map((y) => (y - strip.y) / strip.height);
  [10, 150, 290].forEach((p, i) => assert(Math.abs(fractions[i] - p / 300) < 0.03, `mark ${i} is ${p}/300 down the strip: ${fractions}`));
  const highlighted = await page.evaluate(() => CSS.highlights.get('find-all')?.size ?? 0);
  assert(highlighted >= 1 && highlighted < 3, `only drawn matches are highlighted in the text (${highlighted})`);
  await marks.nth(2).click();
  await assertSoon(() => page.locator('.find-count').textContent(), '3 of 3', 'the last mark shows the last match');
  await assertSoon(() => page.evaluate(() => [...CSS.highlights.get('find')][0]?.toString()), 'zebra', 'drawn and marked');
});

test('a hard-wrapped text draws its lines a line apart and its blank lines as paragraph gaps', async ({ page }) => {
  const line = 'Permission is hereby granted, free of charge, to any person obtaining';
  const paragraph = (n) => Array.from({ length: 4 }, (_, i) => `${line} ${n}.${i}`).join('\n');
  const text = `${paragraph(1)}\n\n${paragraph(2)}\n\n${paragraph(3)}\n`;
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-wrap-'));
  const file = join(dir, 'licence.txt');
  await writeFile(file, text);
  await openFiles(page, file);
  await assertSoon(() => page.locator('article.text').evaluate((a) => a.textContent), text, 'the text is drawn exactly');
  const boxes = await page.locator('article.text [data-p]').evaluateAll((ps) =>
    ps.map((p) => ({ top: p.getBoundingClientRect().top, height: p.getBoundingClientRect().height, text: p.textContent.trim() })),
  );
  const lineHeight = await page.locator('article.text').evaluate((a) => parseFloat(getComputedStyle(a).lineHeight));
  assertEqual(boxes.length, 14, 'twelve lines and two blank lines');
  for (let i = 1; i < boxes.length; i += 1) {
    const step = boxes[i].top - boxes[i - 1].top;
    if (boxes[i - 1].text && boxes[i].text) {
      assert(Math.abs(step - lineHeight) <= 1, `lines ${i - 1} and ${i} are one line apart: ${step} against ${lineHeight}`);
    }
  }
  // From the last line of a paragraph to the first of the next: a line and a gap.
  const across = boxes[5].top - boxes[3].top;
  assert(across >= lineHeight + 10, `paragraphs are separated: ${across} against a line of ${lineHeight}`);
});

test('the seed keeps its paragraph spacing', async ({ page }) => {
  const [step, lineHeight] = await page.locator('article.text').evaluate((a) => {
    const [p0, p1] = a.querySelectorAll('[data-p]');
    const charTop = (node, at) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect().top;
    };
    const last = p0.firstChild; // the seed's first paragraph is one text node before its terminator
    return [charTop(p1.firstChild, 0) - charTop(last, last.length - 1), parseFloat(getComputedStyle(a).lineHeight)];
  });
  assert(step >= lineHeight + 10, `the seed's paragraphs keep a gap: from the last line of one to the next ${step}, a line ${lineHeight}`);
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violation with find open and every label on the text (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await tag(page, 'Syria’s Foreign Minister, Asaad al-Shaibani', '1');
    await tag(page, 'Syria', '2', 2);
    await page.getByRole('checkbox', { name: 'All labels on text' }).check();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Sweida');
    await assertSoon(() => page.locator('.find-strip .find-mark').count(), 7, 'the strip is drawn');
    await assertAccessible(page, `find open and chips shown, ${scheme}`);
  });
}

test('on a phone, a chip at the end of a line does not make the text scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // At 390 px "a" ends the first line: the chip of a span starting there reaches past the edge.
  await tag(page, 'a meeting in', '2');
  await page.keyboard.press('Escape');
  // On a phone the find's options fold behind Options.
  await page.getByRole('button', { name: 'Options' }).click();
  await page.getByRole('checkbox', { name: 'All labels on text' }).check();
  const chip = (await chips(page)).find((c) => c.text.startsWith('a'));
  assert(chip?.shown, 'the chip is shown');
  const [scrollWidth, clientWidth] = await page.locator('#reader').evaluate((r) => [r.scrollWidth, r.clientWidth]);
  assert(scrollWidth <= clientWidth, `the reader does not scroll sideways: ${scrollWidth} > ${clientWidth}`);
});
