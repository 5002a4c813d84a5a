// The core annotator, as a person uses it (issue: open the article, tag spans, download JSON).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon } from './harness.mjs';
import * as colour from './colour.mjs';
import {
  checkSpanmark, clickText, drag, dragOver, dragPoints, entries, exportJson, find, highlights,
  openFiles, pointsFor, seedText, selectedText, tag,
} from './page.mjs';

const LABELS = [
  ['Actor', '1', 'actor'],
  ['Location', '2', 'location'],
  ['Claim', '3', 'claim'],
  ['Event', '4', 'event'],
];

test('opens on the whole article, in paragraphs, with no request off the origin', async ({ page, url, requests }) => {
  const text = await seedText();
  const shown = await page.locator('article.text').evaluate((a) => a.textContent);
  assertEqual(shown, text, 'the article element holds exactly the document text');
  const paragraphs = await page.locator('article.text p[data-p]').count();
  assertEqual(paragraphs, text.split('\n').length - (text.endsWith('\n') ? 1 : 0), 'one element per paragraph');
  const style = await page.locator('article.text').evaluate((a) => {
    const s = getComputedStyle(a);
    return { whiteSpace: s.whiteSpace, lineHeight: parseFloat(s.lineHeight), fontSize: parseFloat(s.fontSize) };
  });
  assert(style.whiteSpace === 'pre-wrap', `white-space is ${style.whiteSpace}`);
  const ratio = style.lineHeight / style.fontSize;
  assert(ratio >= 1.4 && ratio <= 2, `line height is ${ratio.toFixed(2)} × the font size`);
  // The measure: characters on the first full line of the longest paragraph.
  const perLine = await page.locator('article.text p[data-p="1"]').evaluate((p) => {
    const node = p.firstChild;
    const top = (i) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getClientRects()[0]?.top;
    };
    const first = top(0);
    let i = 1;
    while (i < node.length && Math.abs(top(i) - first) < 2) i += 1;
    return i;
  });
  assert(perLine >= 55 && perLine <= 85, `${perLine} characters on a line; a comfortable measure is ~70`);
  const origin = new URL(url).origin;
  const foreign = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
  assertEqual(foreign, [], 'no request leaves the page origin');
});

test('the label bar shows four labels with hotkeys, colour-blind-safe colours and AA contrast', async ({ page }) => {
  const buttons = page.locator('nav.labelbar button.label');
  assertEqual(await buttons.count(), 4, 'four label buttons');
  for (const [i, [name, key]] of LABELS.entries()) {
    const button = buttons.nth(i);
    const accessible = (await button.textContent()).trim();
    assert(accessible.startsWith(name), `button ${i} is named "${accessible}", not ${name}…`);
    assertEqual(await button.locator('kbd').textContent(), key, `${name} shows its hotkey`);
    assert(await page.locator('nav.labelbar').getByRole('button', { name: new RegExp(`^${name}`) }).isVisible(), `${name} is found by its role and name`);
  }
  // Tag one span of each label; then read the colours the page really draws.
  const phrases = ['Ron Dermer', 'Paris', 'de-escalation', 'clashes'];
  for (const [i, [, key]] of LABELS.entries()) await tag(page, phrases[i], key);
  const drawn = await page.evaluate(() => {
    const paper = getComputedStyle(document.querySelector('.reader')).backgroundColor;
    const body = getComputedStyle(document.body).backgroundColor;
    const out = {};
    for (const mark of document.querySelectorAll('mark[data-label]')) {
      const s = getComputedStyle(mark);
      out[mark.dataset.label] = { bg: s.backgroundColor, fg: s.color, hl: s.getPropertyValue('--hl').trim(), paper, body };
    }
    for (const b of document.querySelectorAll('button.label')) {
      const s = getComputedStyle(b);
      out[`button:${b.textContent}`] = { bg: s.backgroundColor, fg: s.color, body };
    }
    return out;
  });
  const base = (d) => colour.parse(d.paper && d.paper !== 'rgba(0, 0, 0, 0)' ? d.paper : d.body);
  const solid = [];
  for (const [, , id] of LABELS) {
    const d = drawn[id];
    assert(d, `a ${id} highlight is drawn`);
    const bg = colour.over(colour.parse(d.bg), base(d));
    const ratio = colour.contrast(bg, colour.parse(d.fg));
    assert(ratio >= 4.5, `${id}: text on its highlight has contrast ${ratio.toFixed(2)}, below WCAG AA 4.5`);
    // Selected highlights use the full colour.
    const full = colour.contrast(colour.hex(d.hl), colour.parse(d.fg));
    assert(full >= 4.5, `${id}: text on its full colour has contrast ${full.toFixed(2)}`);
    solid.push([id, colour.hex(d.hl)]);
  }
  for (const [key, d] of Object.entries(drawn).filter(([k]) => k.startsWith('button:'))) {
    const ratio = colour.contrast(colour.over(colour.parse(d.bg), colour.parse(d.body)), colour.parse(d.fg));
    assert(ratio >= 4.5, `${key}: contrast ${ratio.toFixed(2)}`);
  }
  for (const kind of [null, 'protanopia', 'deuteranopia', 'tritanopia']) {
    for (let i = 0; i < solid.length; i += 1) {
      for (let j = i + 1; j < solid.length; j += 1) {
        const [a, b] = [solid[i][1], solid[j][1]].map((c) => (kind ? colour.simulate(c, kind) : c));
        const d = colour.deltaE(a, b);
        // CIE76 ΔE 15 is far beyond a just-noticeable difference (~2.3): told apart at a glance.
        assert(d >= 15, `${solid[i][0]} and ${solid[j][0]} differ by only ΔE ${d.toFixed(1)} ${kind ? `with ${kind}` : ''}`);
      }
    }
  }
});

for (const scheme of ['light', 'dark']) {
  test(`the label buttons and their hotkeys keep AA contrast at rest and pressed (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // Pressed: Actor, the label of the span just tagged.
    await tag(page, 'Ron Dermer', '1');
    assertEqual(
      await page.locator('nav.labelbar button.label').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed'))),
      ['true', 'false', 'false', 'false'],
      'Actor is pressed, the rest are not',
    );
    const drawn = await page.locator('nav.labelbar button.label').evaluateAll((buttons) => buttons.map((b) => {
      const under = getComputedStyle(b.closest('.labelbar')).backgroundColor;
      const s = getComputedStyle(b);
      const k = getComputedStyle(b.querySelector('kbd'));
      return { name: b.textContent, under, bg: s.backgroundColor, fg: s.color, kbdBg: k.backgroundColor, kbdFg: k.color };
    }));
    for (const d of drawn) {
      const under = colour.parse(d.under);
      const bg = colour.over(colour.parse(d.bg), under);
      const ratio = colour.contrast(bg, colour.parse(d.fg));
      assert(ratio >= 4.5, `${scheme}: ${d.name} has contrast ${ratio.toFixed(2)}, below WCAG AA 4.5`);
      const kbd = colour.contrast(colour.over(colour.parse(d.kbdBg), bg), colour.parse(d.kbdFg));
      assert(kbd >= 4.5, `${scheme}: ${d.name}'s hotkey has contrast ${kbd.toFixed(2)}`);
    }
  });
}

test('dragging over words and pressing a hotkey tags them; a label click keeps the selection', async ({ page }) => {
  await dragOver(page, 'Ron Dermer');
  assertEqual(await selectedText(page), 'Ron Dermer', 'the drag selects the words');
  await page.keyboard.press('1');
  let spans = await highlights(page);
  assertEqual(spans.map((s) => [s.label, s.text]), [['actor', 'Ron Dermer']], 'Ron Dermer is an Actor');
  assertEqual(await selectedText(page), '', 'the selection is consumed');
  // Clicking a label button after a drag tags the selection (the click must not lose it).
  await dragOver(page, 'southern Syria', 0);
  await page.locator('nav.labelbar').getByRole('button', { name: /^Location/ }).click();
  spans = await highlights(page);
  assert(spans.some((s) => s.label === 'location' && s.text === 'southern Syria'), `southern Syria is a Location: ${JSON.stringify(spans)}`);
  const mark = page.locator('mark[data-label="location"]').first();
  const bg = await mark.evaluate((m) => getComputedStyle(m).backgroundColor);
  assert(bg !== 'rgba(0, 0, 0, 0)', 'the highlight is coloured');
  // The article still holds exactly the document text: no chips or numbers in the flow.
  assertEqual(await page.locator('article.text').evaluate((a) => a.textContent), await seedText(), 'textContent unchanged');
  const { json } = await exportJson(page);
  checkSpanmark(json, await seedText());
  assertEqual(json.annotations.map((a) => [a.label, a.start, a.end]), [['location', 139, 153], ['actor', 262, 272]], 'exported offsets');
});

test('whitespace at the edges is trimmed; whitespace-only and outside selections do nothing', async ({ page }) => {
  // From the space before "Ron" to the comma after "Dermer", with Alt held: exact characters
  // (by default the drag snaps to "Ron Dermer", see keys.mjs).
  const [start, end] = await find(page, ' Ron Dermer, ');
  await page.keyboard.down('Alt');
  await drag(page, start, end);
  await page.keyboard.up('Alt');
  assertEqual(await selectedText(page), ' Ron Dermer, ', 'the drag took the spaces');
  await page.keyboard.press('1');
  assertEqual((await highlights(page)).map((s) => s.text), ['Ron Dermer,'], 'spaces trimmed, punctuation kept');
  // Only a space.
  const [s2] = await find(page, ' ', 3);
  await drag(page, s2, s2 + 1);
  await page.keyboard.press('2');
  // A selection in the side panel, outside the article.
  const help = page.locator('aside.panel h2');
  const box = await help.boundingBox();
  await dragPoints(page, { x: box.x + 2, y: box.y + box.height / 2 }, { x: box.x + box.width - 2, y: box.y + box.height / 2 });
  assert((await selectedText(page)).length > 0, 'the panel heading was selected');
  await page.keyboard.press('3');
  assertEqual((await highlights(page)).length, 1, 'neither a whitespace nor an outside selection was tagged');
  const { json } = await exportJson(page);
  assertEqual(json.annotations.length, 1, 'one annotation exported');
  checkSpanmark(json, await seedText());
});

test('a drag across paragraphs makes one span; its export quotes the newline', async ({ page }) => {
  const [start] = await find(page, 'SANA said the Paris meeting');
  const [, end] = await find(page, 'touched on the Sweida');
  await drag(page, start, end);
  await page.keyboard.press('4');
  const { json } = await exportJson(page);
  checkSpanmark(json, await seedText());
  assertEqual(json.annotations.length, 1, 'one annotation');
  const a = json.annotations[0];
  assert(a.text.startsWith('SANA said the Paris meeting') && a.text.endsWith('touched on the Sweida') && a.text.includes('\n'), `the span runs across the line break: ${a.text}`);
  // It is drawn in both paragraphs under one id.
  const paragraphs = await page.locator(`mark[data-id="${a.id}"]`).evaluateAll((ms) => new Set(ms.map((m) => m.closest('[data-p]').dataset.p)).size);
  assertEqual(paragraphs, 2, 'highlighted in both paragraphs');
});

test('an armed label tags each next selection at once; Escape disarms', async ({ page }) => {
  const actor = page.locator('nav.labelbar').getByRole('button', { name: /^Actor/ });
  await actor.click();
  assertEqual(await actor.getAttribute('aria-pressed'), 'true', 'Actor is armed');
  await dragOver(page, 'Ron Dermer');
  await dragOver(page, 'Asaad al-Shaibani');
  assertEqual((await highlights(page)).map((s) => [s.label, s.text]), [['actor', 'Asaad al-Shaibani'], ['actor', 'Ron Dermer']], 'both tagged on release');
  await page.keyboard.press('Escape');
  assertEqual(await actor.getAttribute('aria-pressed'), 'false', 'Escape disarms');
  await dragOver(page, 'Druze fighters');
  assertEqual((await highlights(page)).length, 2, 'a selection after disarming is not tagged');
  assertEqual(await selectedText(page), 'Druze fighters', 'and stays selected');
});

test('nested and crossing spans stay visible and clickable; repeated clicks walk down', async ({ page }) => {
  await tag(page, 'Syria’s Foreign Minister, Asaad al-Shaibani', '1');
  await tag(page, 'Syria', '2', 2);
  // Two spans that cross: "Israeli Strategic Affairs" and "Affairs Minister, Ron Dermer".
  await tag(page, 'Israeli Strategic Affairs', '3');
  await tag(page, 'Affairs Minister, Ron Dermer', '4');
  const spans = await highlights(page);
  const texts = spans.map((s) => [s.label, s.text]).sort();
  assertEqual(texts, [
    ['actor', 'Syria’s Foreign Minister, Asaad al-Shaibani'],
    ['claim', 'Israeli Strategic Affairs'],
    ['event', 'Affairs Minister, Ron Dermer'],
    ['location', 'Syria'],
  ], 'all four spans are drawn whole');
  // The nested Location is inside the Actor's highlight, and both are visible there.
  const nested = await page.locator('mark[data-label="location"]').evaluate((m) => ({
    inActor: m.parentElement.closest('mark')?.dataset.label,
    outerBand: parseFloat(getComputedStyle(m.parentElement).paddingBottom) > parseFloat(getComputedStyle(m).paddingBottom),
  }));
  assertEqual(nested, { inActor: 'actor', outerBand: true }, 'Syria nests in the Actor, which shows a band below it');
  // Every span has a visible spot where a click lands on it.
  for (const s of spans) {
    const box = await page.locator(`mark[data-id="${s.id}"]`).first().boundingBox();
    assert(box && box.width > 0 && box.height > 0, `${s.text} is visible`);
  }
  // First click on "Syria" selects the outer Actor, the second the Location inside, a third the Actor again.
  const selected = async () => (await highlights(page)).filter((h) => h.selected).map((h) => h.label);
  await clickText(page, 'Syria', { n: 2, k: 2 });
  assertEqual(await selected(), ['actor'], 'first click: the outer span');
  await clickText(page, 'Syria', { n: 2, k: 2 });
  assertEqual(await selected(), ['location'], 'second click: the next one down');
  await clickText(page, 'Syria', { n: 2, k: 2 });
  assertEqual(await selected(), ['actor'], 'third click: back to the outer');
  // Crossing spans: each is clickable where it is alone, and in the overlap.
  await clickText(page, 'Israeli Strategic', { k: 2 });
  assertEqual(await selected(), ['claim'], 'the crossing Claim');
  await clickText(page, 'Ron Dermer', { k: 2 });
  assertEqual(await selected(), ['event'], 'the crossing Event');
  const { json } = await exportJson(page);
  checkSpanmark(json, await seedText());
  const rows = json.annotations.map((a) => [a.label, a.start, a.end]);
  assertEqual(rows, [['location', 173, 178], ['actor', 173, 216], ['claim', 226, 251], ['event', 244, 272]], 'offsets in code points, sorted by start, end');
});

test('select a highlight: it is marked; 1–4 relabel, Delete removes, Escape deselects', async ({ page }) => {
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Paris', '2');
  await clickText(page, 'Ron Dermer');
  let spans = await highlights(page);
  assertEqual(spans.filter((s) => s.selected).map((s) => s.text), ['Ron Dermer'], 'selected in the text');
  assertEqual((await entries(page)).filter((e) => e.selected).map((e) => e.quote), ['Ron Dermer'], 'selected in the list');
  await page.keyboard.press('3');
  spans = await highlights(page);
  assertEqual(spans.find((s) => s.text === 'Ron Dermer')?.label, 'claim', 'relabelled to Claim');
  await page.keyboard.press('Escape');
  assertEqual((await highlights(page)).filter((s) => s.selected).length, 0, 'Escape deselects');
  await page.keyboard.press('Delete');
  assertEqual((await highlights(page)).length, 2, 'Delete with nothing selected removes nothing');
  await clickText(page, 'Paris');
  await page.keyboard.press('Backspace');
  assertEqual((await highlights(page)).map((s) => s.text), ['Ron Dermer'], 'Backspace removed Paris');
  await clickText(page, 'Ron Dermer');
  await page.keyboard.press('Delete');
  assertEqual((await highlights(page)).length, 0, 'Delete removed Ron Dermer');
  // Undo brings it back with the same id; Redo removes it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  assertEqual((await highlights(page)).map((s) => [s.label, s.text]), [['claim', 'Ron Dermer']], 'Undo restores it');
  await page.keyboard.press('Control+Shift+Z');
  assertEqual((await highlights(page)).length, 0, 'Ctrl+Shift+Z redoes the removal');
  const { json } = await exportJson(page);
  assertEqual(json.annotations, [], 'nothing left to export');
});

test('the side panel lists every annotation in text order with counts; an entry click reveals its span', async ({ page }) => {
  await tag(page, 'deadly sectarian clashes', '4');
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Paris', '2');
  await tag(page, 'Asaad al-Shaibani', '1');
  const last = await page.locator('article.text p[data-p]').last().evaluate((p) => p.textContent.trim().split(' ').slice(0, 2).join(' '));
  await page.locator('article.text p[data-p]').last().scrollIntoViewIfNeeded();
  await tag(page, last, '3', 0);
  const list = await entries(page);
  assertEqual(list.map((e) => [e.label, e.quote]), [
    ['Location', 'Paris'],
    ['Actor', 'Asaad al-Shaibani'],
    ['Actor', 'Ron Dermer'],
    ['Event', 'deadly sectarian clashes'],
    ['Claim', last],
  ], 'entries in text order');
  assertEqual(list[0].position, '55–60', 'positions in code points');
  const counts = await page.locator('aside.panel li.count').evaluateAll((ls) => ls.map((l) => l.textContent));
  assertEqual(counts, ['Actor 2', 'Location 1', 'Claim 1', 'Event 1'], 'a count per label');
  // Scroll the text to the top, then click the last entry: its span comes into view and flashes.
  await page.locator('#reader').evaluate((r) => r.scrollTo(0, 0));
  const claim = page.locator('mark[data-label="claim"]').first();
  const outOfView = await claim.evaluate((m) => m.getBoundingClientRect().top > innerHeight);
  assert(outOfView, 'the last paragraph starts below the fold');
  await page.locator('aside.panel li.entry').last().locator('.entry-main').click();
  const inView = await claim.evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert(inView, 'the span was scrolled into view');
  assert(await claim.evaluate((m) => m.classList.contains('flash') && m.classList.contains('selected')), 'and flashes, selected');
});

test('Export JSON downloads <slug>.spanmark.json with every span on its code points', async ({ page }) => {
  // The spans the peer tools recorded for this article (see tests/fixtures/peers/README.md).
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Syria’s Foreign Minister, Asaad al-Shaibani', '1');
  await tag(page, 'Syria', '2', 2);
  await tag(page, 'Paris', '2');
  // With Alt held, the quote marks stay in (the default snapping leaves them out, see keys.mjs).
  await page.keyboard.down('Alt');
  await dragOver(page, '“de-escalation and non-interference in Syria’s internal affairs”');
  await page.keyboard.up('Alt');
  await page.keyboard.press('3');
  await tag(page, 'deadly sectarian clashes', '4');
  const { filename, raw, json } = await exportJson(page);
  assertEqual(filename, 'article.spanmark.json', 'file name');
  const text = await seedText();
  checkSpanmark(json, text);
  assertEqual(Object.keys(json), ['format', 'version', 'offset_unit', 'exported_at', 'document', 'labels', 'relation_types', 'document_attributes', 'annotations', 'relations'], 'top-level keys in order');
  assertEqual([json.format, json.version, json.offset_unit], ['spanmark', 2, 'codepoint'], 'header');
  assertEqual(json.relations, [], 'no relations made');
  assertEqual(json.relation_types.map((t) => t.id), ['said_by', 'takes_part_in', 'happened_in', 'about'], 'the news relation types');
  assert(!Number.isNaN(Date.parse(json.exported_at)), 'exported_at is a timestamp');
  const { createHash } = await import('node:crypto');
  assertEqual(json.document.sha256, createHash('sha256').update(text, 'utf8').digest('hex'), 'sha256 of the UTF-8 text');
  assertEqual(json.document.length, { code_points: [...text].length, utf16_units: text.length, utf8_bytes: Buffer.byteLength(text) }, 'lengths');
  assertEqual(json.labels.map((l) => [l.id, l.name, l.hotkey]), LABELS.map(([n, k, id]) => [id, n, k]), 'labels');
  assertEqual(json.annotations.map((a) => [a.label, a.start, a.end]), [
    ['location', 55, 60], ['location', 173, 178], ['actor', 173, 216], ['actor', 262, 272], ['claim', 285, 349], ['event', 432, 456],
  ], 'the same offsets the peer tools give');
  assert(new Set(json.annotations.map((a) => a.id)).size === 6, 'ids are unique');
  // Deterministic: exporting again gives the same bytes but for the timestamp.
  const again = await exportJson(page);
  const strip = (s) => s.replace(/"exported_at": "[^"]*"/, '');
  assertEqual(strip(again.raw), strip(raw), 'same annotations, same bytes');
});

test('a narrow window (700 px) keeps every control on screen and nothing wider than the window', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForTimeout(100);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(wide <= 700, `the page is ${wide} px wide`);
  const outside = await page.locator('button:visible, input:visible').evaluateAll((els) =>
    els.filter((el) => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; }).map((el) => el.textContent || el.getAttribute('aria-label')));
  assertEqual(outside, [], 'no control cut off at the right');
  // Still usable: tag a phrase with a real drag.
  await tag(page, 'Ron Dermer', '1');
  assertEqual((await highlights(page)).map((h) => [h.label, h.text]), [['actor', 'Ron Dermer']], 'tagged');
});

test('a label an opened file adds (W3C onto the open text) works from its hotkey at once', async ({ page }) => {
  // A W3C file with no text: its one span goes onto the seed, found by its quote, and brings a
  // fifth label, which takes the first free hotkey (5).
  const file = join(await mkdtemp(join(tmpdir(), 'spanmark-newlabel-')), 'organizations.w3c.json');
  await writeFile(file, JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationPage',
    items: [{
      type: 'Annotation',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'Organization' },
      target: { selector: { type: 'TextQuoteSelector', exact: 'state news agency SANA' } },
    }],
  }));
  await openFiles(page, file);
  const button = page.locator('nav.labelbar button.label', { hasText: 'Organization' });
  await button.waitFor({ timeout: 3000 });
  assertEqual(await button.locator('kbd').textContent(), '5', 'the new label shows its hotkey');
  await page.locator('article.text mark[data-label="organization"]').first().waitFor({ timeout: 3000 });
  // Without switching documents: a drag and the new hotkey tag the phrase with the new label.
  await dragOver(page, 'AFP');
  await page.keyboard.press('5');
  await assertSoon(
    async () => (await highlights(page)).map((h) => [h.label, h.text]).sort(),
    [['organization', 'AFP'], ['organization', 'state news agency SANA']],
    'the new hotkey tagged the phrase',
  );
});
