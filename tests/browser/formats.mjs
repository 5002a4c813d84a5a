// Every format, from real drags over hard Unicode: each export's offsets checked in its own
// declared unit, in Python (tests/check_exports.py) and, for spaCy, by spaCy itself.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, assertEqual, assertSoon } from './harness.mjs';
import { exportAs, highlights, notices, openFiles, tag } from './page.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => join(root, 'tests/fixtures', name);
const NAMES = { 1: 'Actor', 2: 'Location', 3: 'Claim', 4: 'Event' };
const FORMATS = ['spanmark JSON', 'W3C Web Annotation', 'brat standoff (.zip)', 'doccano JSONL', 'Label Studio JSON', 'spaCy JSONL', 'CoNLL BIO'];

// Per fixture: [phrase, hotkey, occurrence]. Drags start or end right beside emoji, cross
// combining marks, NBSP and tabs, and run over Arabic and Hebrew.
const CASES = {
  'flags.txt': [['Israel 🇮🇱', '1'], ['Syria 🇸🇾', '1'], ['Paris', '2'], ['delegation', '4'], ['Baku', '2']],
  'family.txt': [['left Daraa', '4'], ['mother 🙋🏽‍♀️', '1'], ['“we are safe now”', '3'], ['Sweida', '2']],
  'accents.txt': [['Cafe\u0301', '2'], ['Jose\u0301 Marti\u0301nez', '1'], ['lone CR', '3'], ['10\u00a0km\tthen', '4'], ['stopped\u00a0twice', '4']],
  'rtl.txt': [['أسعد الشيباني', '1'], ['רון דרמר', '1'], ['Paris', '2'], ['السويداء', '2'], ['גולן', '2']],
  'mixed.txt': [['Reporters', '1'], ['Amman', '2'], ['“The talks will resume.”', '3'], ['left Daraa', '4'], ['درعا', '2'], ['נועה לוי', '1'], ['denied it', '4']],
};

function python(args) {
  return execFileSync('python3', args, { cwd: root, encoding: 'utf8' });
}

/** Exports doccano JSONL counted in `unit`, checks it in Python against the fixture `name`, and
 * returns the file. */
async function doccanoIn(page, unit, name, expected, what) {
  const dir = await mkdtemp(join(tmpdir(), `spanmark-${unit}-`));
  await page.getByRole('button', { name: 'Export as…' }).click();
  await page.getByLabel('doccano offsets').selectOption(unit);
  await page.keyboard.press('Escape');
  const file = await exportAs(page, 'doccano JSONL', dir);
  const checked = JSON.parse(python(['tests/check_exports.py', '--text', fixture(name), '--doccano-unit', unit, file]));
  assertEqual(Object.values(checked)[0], expected, what);
  return file;
}

for (const [name, picks] of Object.entries(CASES)) {
  test(`${name}: real drags, then every format checked in its own unit`, async ({ page }) => {
    const text = await readFile(fixture(name), 'utf8');
    await openFiles(page, fixture(name));
    await assertSoon(() => page.locator('article.text').evaluate((a) => a.textContent), text, 'the fixture is open, exactly');
    for (const [phrase, key, n = 0] of picks) await tag(page, phrase, key, n);
    const expected = picks.map(([phrase, key]) => [NAMES[key], phrase]).sort();
    assertEqual((await highlights(page)).map((h) => [NAMES[{ actor: 1, location: 2, claim: 3, event: 4 }[h.label]], h.text]).sort(), expected, 'every drag tagged exactly its phrase');

    const dir = await mkdtemp(join(tmpdir(), 'spanmark-export-'));
    const files = [];
    for (const format of FORMATS) files.push(await exportAs(page, format, dir));
    const checked = JSON.parse(python(['tests/check_exports.py', '--text', fixture(name), ...files]));
    for (const file of files) {
      const base = file.split('/').pop();
      assertEqual(checked[base], expected, `${base}: the spans at its own offsets`);
    }
    // doccano as its own UI counts (UTF-16 units), and in its grapheme mode (what a reader sees as
    // one character: the browser's segmenter in the app, Python's regex \X in the check).
    const doccano = await doccanoIn(page, 'utf16', name, expected, 'doccano in UTF-16 units');
    await doccanoIn(page, 'grapheme', name, expected, 'doccano in grapheme clusters');
    // Where an emoji comes before a span, its UTF-16 offset runs ahead of its code-point offset.
    const raw = JSON.parse(await readFile(doccano, 'utf8'));
    const last = [...raw.entities].sort((a, b) => b.start_offset - a.start_offset)[0];
    const before = text.slice(0, last.start_offset);
    if ([...before].some((c) => c.codePointAt(0) > 0xffff)) {
      assert(last.start_offset > [...before].length, `doccano UTF-16 offset ${last.start_offset} should run ahead of code points`);
    }
    // spaCy reads its file and finds every span.
    const spacy = files.find((f) => f.endsWith('.spacy.jsonl'));
    assertEqual(python(['tests/check_spacy.py', spacy]).trim(), String(picks.length), 'spaCy char_span found every span');
  });
}

test('exports re-open: each file opened again gives the same spans (W3C and brat onto the open text)', async ({ page }) => {
  const name = 'mixed.txt';
  await openFiles(page, fixture(name));
  await assertSoon(() => page.locator('nav.documents .doc.current .doc-name').textContent(), name, 'open');
  for (const [phrase, key] of CASES[name]) await tag(page, phrase, key);
  const want = (await highlights(page)).map((h) => [h.label, h.text]).sort();
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-reopen-'));
  const files = {};
  for (const format of FORMATS.filter((f) => f !== 'CoNLL BIO')) files[format] = await exportAs(page, format, dir);
  // Files that carry their text: same text is open, so it asks; Open a copy shows what they hold.
  for (const format of ['doccano JSONL', 'Label Studio JSON', 'spaCy JSONL', 'brat standoff (.zip)', 'spanmark JSON']) {
    await openFiles(page, files[format]);
    const ask = page.getByRole('dialog', { name: 'Same text already open' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Open a copy' }).click();
    await assertSoon(async () => (await highlights(page)).map((h) => [h.label, h.text]).sort(), want, `${format}: the copy holds the same spans`);
    // Back to the original for the next one.
    await page.locator('nav.documents .doc-open', { hasText: /^mixed\.txt\d/ }).first().click();
  }
  // W3C holds no text: its spans go onto the open document. Remove them first, then import.
  await page.locator('nav.documents .doc-open', { hasText: /^mixed\.txt\d/ }).first().click();
  for (let i = 0; i < want.length; i += 1) {
    await page.locator('aside.panel .entry-remove').first().click();
  }
  assertEqual((await highlights(page)).length, 0, 'emptied');
  await openFiles(page, files['W3C Web Annotation']);
  await assertSoon(async () => (await highlights(page)).map((h) => [h.label, h.text]).sort(), want, 'W3C spans back on the text');
  assert((await notices(page)).some((n) => n.includes(`${want.length} annotations`)), 'the import says how many it placed');
});
