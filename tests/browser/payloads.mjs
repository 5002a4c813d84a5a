// Locked down (issue 18, point 7): what opened files carry — a document's text, its file name,
// label names and ids, label colours — is shown as text and never obeyed: no element made from it,
// no script run, no dialog opened, no request sent (harness.mjs's guard fails a test on any request
// leaving the page's origin and on any Content-Security-Policy refusal), and colours are checked
// before they reach a style. Files are opened as a person opens them, through the Open button.
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon } from './harness.mjs';
import { documents, dragOver, exportJson, highlights, listFollowed, notices, openFiles } from './page.mjs';

const dir = await mkdtemp(join(tmpdir(), 'spanmark-payloads-'));
async function file(name, contents) {
  const path = join(dir, name);
  await writeFile(path, contents);
  return path;
}

const IMG = '<img src=x onerror=alert(1)>';
const SVG = '"><svg onload=alert(2)>';
const SCRIPT = '<script>alert(3)</script>';
const STYLE = '<style>*{background:url(http://evil.example/style)}</style>';
const COLOUR = 'red;background:url(http://evil.example/colour)';

/** Fails the test on any dialog (an alert a payload ran); gives the list of those seen. */
function noDialogs(page) {
  const seen = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return seen;
}

/** Whatever a payload would have made of the page: elements it names, handlers, foreign styles. */
async function injected(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('body img, body svg, body script, body style, body iframe, body object')) {
      // The app's own icons are SVG without handlers; anything else is a payload's.
      if (el.tagName.toLowerCase() !== 'svg' || el.attributes.length === 0 || [...el.attributes].some((a) => a.name.startsWith('on'))) {
        found.push(el.outerHTML.slice(0, 80));
      }
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) found.push(`${el.tagName} ${a.name}`);
        if (a.name === 'style' && /url\(|;\s*background|expression/i.test(a.value)) found.push(`${el.tagName} style="${a.value}"`);
      }
    }
    return found;
  });
}

/** The label bar's buttons: name and key. */
const bar = (page) =>
  page.locator('.labelbar .label').evaluateAll((buttons) =>
    buttons.map((b) => `${b.querySelector('.label-name').textContent} ${b.querySelector('kbd')?.textContent ?? ''}`),
  );

/** Tags `phrase` with the label on `key`, exact characters (Alt held: no snapping to words,
 * which would leave a payload's angle brackets out). */
async function tagExactly(page, phrase, key) {
  await page.keyboard.down('Alt');
  await dragOver(page, phrase);
  await page.keyboard.up('Alt');
  await page.keyboard.press(key);
}

/** A spanmark file's document: `text` titled `title`, with its fingerprint and lengths. */
const documentOf = (title, text) => ({
  title,
  text,
  sha256: createHash('sha256').update(text).digest('hex'),
  length: { code_points: [...text].length, utf16_units: text.length, utf8_bytes: Buffer.byteLength(text) },
});

test('payloads: a text file named and filled with HTML, script and CSS shows both as text, runs and loads nothing, and exports them', async ({ page }) => {
  const dialogs = noDialogs(page);
  const name = `${SVG}${IMG}.txt`;
  const text = `Before ${IMG} and ${SVG} then ${SCRIPT} and ${STYLE} end.`;
  await openFiles(page, await file(name, text));
  await assertSoon(() => page.locator('article.text').evaluate((a) => a.textContent), text, 'the text shows as it is, markup and all');
  assert((await documents(page)).includes(`${name} *`), `the file name is listed as it is: ${await documents(page)}`);
  await tagExactly(page, IMG, '1');
  assertEqual((await highlights(page)).map((h) => h.text), [IMG], 'the markup is tagged as text');
  const { filename, json } = await exportJson(page);
  assertEqual(json.document.title, name, 'the title is exported as it is');
  assert(!/[<>"]/.test(filename), `the download's name keeps no markup characters: ${filename}`);
  assertEqual(json.annotations.map((a) => a.text), [IMG], 'the span is exported');
  assertEqual(await injected(page), [], 'no element, handler or style came from the file');
  assertEqual(dialogs, [], 'no dialog opened');
});

test('payloads: a spanmark file whose title, label names and label ids carry HTML shows them as text on the bar, the list and the text', async ({ page }) => {
  const dialogs = noDialogs(page);
  const text = 'Ada met Grace in Paris.';
  const labels = [
    { id: 'actor', name: 'Actor', colour: '#e69f00', hotkey: '1' },
    { id: IMG, name: IMG, colour: '#56b4e9', hotkey: '5' },
    { id: SVG, name: `${SVG}${SCRIPT}`, colour: '#cc79a7', hotkey: '6' },
  ];
  const span = (id, label, start, end) => ({ id, label, start, end, text: [...text].slice(start, end).join(''), prefix: [...text].slice(Math.max(0, start - 32), start).join(''), suffix: [...text].slice(end, end + 32).join('') });
  const spanmark = {
    format: 'spanmark',
    version: 1,
    offset_unit: 'codepoint',
    exported_at: '2026-12-01T10:00:00Z',
    document: documentOf(`${IMG}${STYLE}`, text),
    labels,
    annotations: [span('a1', IMG, 0, 3), span('a2', SVG, 8, 13)],
  };
  await openFiles(page, await file('payload.spanmark.json', JSON.stringify(spanmark)));
  await assertSoon(() => page.locator('article.text').evaluate((a) => a.textContent), text, 'the document opened');
  assert((await documents(page)).includes(`${IMG}${STYLE} *`), `the title is listed as it is: ${await documents(page)}`);
  const names = await bar(page);
  assert(names.some((n) => n.startsWith(IMG)) && names.some((n) => n.startsWith(`${SVG}${SCRIPT}`)), `the label bar shows the names as text: ${names}`);
  assertEqual((await highlights(page)).map((h) => [h.text, h.label]), [['Ada', IMG], ['Grace', SVG]], 'the spans carry the ids as data');
  await listFollowed(page);
  const listed = await page.locator('aside.panel li.entry .entry-label').allTextContents();
  assertEqual(listed, [IMG, `${SVG}${SCRIPT}`], 'the list shows the names as text');
  // Every label's name drawn on the text too.
  await page.getByRole('checkbox', { name: 'All labels on text' }).check();
  assertEqual(await injected(page), [], 'no element, handler or style came from the file');
  // A colour from the file reaches a style only as #rrggbb.
  const styles = await page.locator('[style]').evaluateAll((els) => els.map((e) => e.getAttribute('style')));
  assert(styles.every((s) => !/url\(|;\s*background/i.test(s)), `no style holds more than a colour: ${styles.filter((s) => /url/.test(s))}`);
  // Tagging with a payload label's key and exporting keep the names as data.
  await tagExactly(page, 'Paris', '5');
  const { json } = await exportJson(page);
  assertEqual(json.labels.map((l) => l.name), labels.map((l) => l.name), 'the names are exported as they were');
  assertEqual(json.annotations.map((a) => [a.text, a.label]), [['Ada', IMG], ['Grace', SVG], ['Paris', IMG]], 'the spans are exported');
  assertEqual(dialogs, [], 'no dialog opened');
});

test('payloads: a label colour carrying CSS is refused with a message that shows it as text; nothing changes', async ({ page }) => {
  const dialogs = noDialogs(page);
  const before = await documents(page);
  const labelsBefore = await bar(page);
  for (const colour of [COLOUR, `#e69f00;background-image:url(http://evil.example/hex)`, `#e69f00" onload="alert(4)`]) {
    const spanmark = {
      format: 'spanmark',
      version: 1,
      offset_unit: 'codepoint',
      exported_at: '2026-12-01T10:00:00Z',
      document: documentOf('colour.txt', 'Ada met Grace.'),
      labels: [{ id: 'actor', name: 'Actor', colour, hotkey: '1' }],
      annotations: [{ id: 'a1', label: 'actor', start: 0, end: 3, text: 'Ada', prefix: '', suffix: ' met Grace.' }],
    };
    await openFiles(page, await file('colour.spanmark.json', JSON.stringify(spanmark)));
    const alert = page.getByRole('alert').filter({ hasText: 'colour.spanmark.json' });
    await alert.waitFor();
    const message = await alert.textContent();
    assert(message.includes(JSON.stringify(colour).slice(1, -1)), `the message shows the colour as text (quoted): ${message}`);
    assertEqual(await documents(page), before, 'no document was added');
    assertEqual(await bar(page), labelsBefore, 'the labels are as they were');
    assertEqual(await injected(page), [], 'no style came from the file');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  assertEqual(await notices(page), [], 'every message dismissed');
  assertEqual(dialogs, [], 'no dialog opened');
});

test('payloads: label names from a doccano file carrying HTML become labels shown as text', async ({ page }) => {
  const dialogs = noDialogs(page);
  const text = 'Ada met Grace in Paris.';
  await openFiles(page, await file('people.jsonl', `${JSON.stringify({ text, label: [[0, 3, IMG], [8, 13, SVG]] })}\n`));
  await assertSoon(() => page.locator('article.text').evaluate((a) => a.textContent), text, 'the doccano record opened');
  const names = await bar(page);
  assert(names.some((n) => n.startsWith(IMG)) && names.some((n) => n.startsWith(SVG)), `the label bar shows the names as text: ${names}`);
  assertEqual((await highlights(page)).map((h) => h.text), ['Ada', 'Grace'], 'the spans opened');
  await listFollowed(page);
  assertEqual(await page.locator('aside.panel li.entry .entry-label').allTextContents(), [IMG, SVG], 'the list shows the names as text');
  assertEqual(await injected(page), [], 'no element, handler or style came from the file');
  assertEqual(dialogs, [], 'no dialog opened');
});
