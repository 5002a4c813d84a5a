// Every format, from real drags over hard Unicode: each export's offsets checked in its own
// declared unit, in Python (tests/check_exports.py) and, for spaCy, by spaCy itself; the W3C
// export also run through the W3C's own conformance suite where it sits beside the project
// (tests/check_w3c.py).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, assertEqual, assertSoon } from './harness.mjs';
import { clickText, dragOver, exportAs, highlights, notices, openFiles, saved, tag } from './page.mjs';

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

/** The Export as… menu's name for each doccano unit. */
const UNIT_NAMES = { codepoint: 'code points', utf16: "UTF-16 units (doccano's UI)", grapheme: "grapheme clusters (doccano's grapheme mode)" };

/** Exports doccano JSONL counted in `unit`, checks it in Python against the fixture `name`, and
 * returns the file. */
async function doccanoIn(page, unit, name, expected, what) {
  const dir = await mkdtemp(join(tmpdir(), `spanmark-${unit}-`));
  await page.getByRole('button', { name: 'Export as…' }).click();
  await page.getByRole('menuitemradio', { name: UNIT_NAMES[unit] }).click();
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
    // A phrase in quote marks is dragged with Alt held, for exact characters: by default a
    // selection snaps to words and leaves the quote marks out (see keys.mjs).
    for (const [phrase, key, n = 0] of picks) {
      const exact = phrase.startsWith('“');
      if (exact) await page.keyboard.down('Alt');
      await dragOver(page, phrase, n);
      if (exact) await page.keyboard.up('Alt');
      await page.keyboard.press(key);
    }
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

// The W3C Web Annotation suite (data only) beside the project, as ../shared/ holds it; a clone
// elsewhere has none, and skips this one test.
const W3C_SUITE = join(root, '..', 'shared', 'w3c-annotation-model');

/** Links the selected span to `phrase`'s as a person does: R, a click on the target, the type. */
async function link(page, phrase, type) {
  await page.keyboard.press('r');
  await clickText(page, phrase);
  await page.getByRole('menuitem', { name: type, exact: true }).click();
}

test('W3C export passes the W3C annotation-model suite: every MUST, every SHOULD that applies (seed, nested spans, two relations; mixed.txt)', async ({ page }) => {
  test.skip(!existsSync(W3C_SUITE), 'the W3C suite is not beside the project (../shared/w3c-annotation-model): skipped');
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-w3c-'));
  const before = Date.now();
  // The seed article: nested (Syria in the Actor) and crossing spans.
  const seed = [['Syria’s Foreign Minister, Asaad al-Shaibani', '1'], ['Syria', '2', 2], ['Israeli Strategic Affairs', '3'], ['Affairs Minister, Ron Dermer', '4'], ['Paris', '2']];
  for (const [phrase, key, n = 0] of seed) await tag(page, phrase, key, n);
  assertEqual((await highlights(page)).length, seed.length, 'the seed tagged');
  // Two relations, linked by hand: each a linking annotation, with its own created.
  await clickText(page, 'Israeli Strategic Affairs');
  await link(page, 'Syria’s Foreign Minister, Asaad al-Shaibani', 'said by');
  await clickText(page, 'Affairs Minister, Ron Dermer');
  await link(page, 'Paris', 'happened in');
  const files = [await exportAs(page, 'W3C Web Annotation', dir)];
  const linked = JSON.parse(await readFile(files[0], 'utf8')).first.items.filter((a) => a.motivation === 'linking');
  assertEqual(linked.map((a) => a.body[0].value).sort(), ['happened in', 'said by'], 'the seed export holds both relations');
  // Stored and restored (IndexedDB): after a reload, each relation was still made when it was.
  await saved(page);
  await page.reload();
  await assertSoon(async () => (await highlights(page)).length, seed.length, 'the seed back after a reload');
  const reloaded = await exportAs(page, 'W3C Web Annotation', await mkdtemp(join(tmpdir(), 'spanmark-w3c-reloaded-')));
  const again = JSON.parse(await readFile(reloaded, 'utf8')).first.items.filter((a) => a.motivation === 'linking');
  assertEqual(again.map((a) => [a.id, a.created]), linked.map((a) => [a.id, a.created]), 'a reload keeps when each relation was made');
  // Emoji, CRLF, Arabic and Hebrew.
  await openFiles(page, fixture('mixed.txt'));
  await assertSoon(() => page.locator('nav.documents .doc.current .doc-name').textContent(), 'mixed.txt', 'open');
  for (const [phrase, key] of CASES['mixed.txt']) await tag(page, phrase, key);
  files.push(await exportAs(page, 'W3C Web Annotation', dir));
  const after = Date.now();

  const report = JSON.parse(python(['tests/check_w3c.py', ...files]));
  for (const [file, count] of [[files[0], seed.length + 2], [files[1], CASES['mixed.txt'].length]]) {
    const r = report[file.split('/').pop()];
    assertEqual(r.annotations, count, `${file}: every span in the collection`);
    assertEqual(r.must_failures, [], `${file}: no MUST of the suite fails`);
    assertEqual(r.should_failures, [], `${file}: no SHOULD fails but those docs/formats.md lists as not applicable`);
    assertEqual(r.listed_but_passing, [], `${file}: every SHOULD docs/formats.md lists as not applicable still fails`);
    assertEqual(r.listed_but_not_a_should, [], `${file}: docs/formats.md lists only the suite's SHOULDs`);
    assert(r.ok, `${file}: the suite passes`);
    // Each annotation (a span's, a relation's) says when it was made: during this test.
    const items = JSON.parse(await readFile(file, 'utf8')).first.items;
    for (const a of items) {
      const at = Date.parse(a.created);
      assert(at >= before && at <= after, `${a.id}: created ${a.created} is when it was tagged`);
    }
  }
});
