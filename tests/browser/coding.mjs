// Coding the news (issue 15, points 5, 6 and 7): the Events & claims view and its CSV (read back
// by Python's csv module), the document's categories above the text and the documents list's
// filter by them, and the definitions (relation types, attributes, categories) in the Labels
// dialog.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { documents, highlights, openFiles, saved, switchTo } from './page.mjs';

const dir = await mkdtemp(join(tmpdir(), 'spanmark-coding-'));

/** A text whose spans hold what breaks a careless CSV: a comma, quotes and a line break in a
 * claim, and an event that a spreadsheet would read as a formula. */
export const TEXT = 'Ron Dermer said, "calm, then "talks"\n" after the =SUM(A1) strike in Gaza. Hamas denied it.\n';

/** (id, label, text covered: its first occurrence) */
const SPANS = [
  ['a1', 'actor', 'Ron Dermer'],
  ['a2', 'claim', 'calm, then "talks"\n"'],
  ['a3', 'event', '=SUM(A1) strike'],
  ['a4', 'location', 'Gaza'],
  ['a5', 'actor', 'Hamas'],
  ['a6', 'claim', 'denied it'],
];

/** (from, to, type) */
const LINKS = [
  ['a2', 'a1', 'said_by'],
  ['a2', 'a3', 'about'],
  ['a5', 'a3', 'takes_part_in'],
  ['a1', 'a3', 'takes_part_in'],
  ['a3', 'a4', 'happened_in'],
  ['a6', 'a5', 'said_by'],
  ['a6', 'a3', 'about'],
];

const def = (name, values) => ({ name, values, default: values[0] });

/** The news labels and definitions, as the app writes them (Labels::news). */
const LABELS = [
  { id: 'actor', name: 'Actor', colour: '#e69f00', hotkey: '1' },
  { id: 'location', name: 'Location', colour: '#56b4e9', hotkey: '2' },
  {
    id: 'claim', name: 'Claim', colour: '#cc79a7', hotkey: '3',
    attributes: [def('stance', ['asserts', 'denies', 'hedges']), def('verified', ['unknown', 'true', 'false', 'misleading'])],
  },
  { id: 'event', name: 'Event', colour: '#009e73', hotkey: '4', attributes: [def('status', ['reported', 'confirmed', 'denied'])] },
];
const RELATION_TYPES = [
  { id: 'said_by', name: 'said by', from: ['claim'], to: ['actor'] },
  { id: 'takes_part_in', name: 'takes part in', from: ['actor'], to: ['event'] },
  { id: 'happened_in', name: 'happened in', from: ['event'], to: ['location'] },
  { id: 'about', name: 'about', from: ['claim'], to: ['event', 'actor', 'location'] },
];

/**
 * A spanmark file (version 2) of `text` titled `title` with `spans` and `links`; `attributes`
 * maps a span id to its attribute values. Offsets in code points; prefix and suffix as the app
 * writes them.
 */
export function spanmarkFile(title, text, spans, links, attributes = {}) {
  const cps = [...text];
  const annotations = spans.map(([id, label, quote, n = 0]) => {
    let at = -1;
    for (let i = 0; i <= n; i += 1) at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`${quote} is not in the text`);
    const start = [...text.slice(0, at)].length;
    const end = start + [...quote].length;
    const a = {
      id, label, start, end, text: quote,
      prefix: cps.slice(Math.max(0, start - 32), start).join(''),
      suffix: cps.slice(end, end + 32).join(''),
    };
    if (attributes[id]) a.attributes = attributes[id];
    return a;
  });
  return {
    format: 'spanmark',
    version: 2,
    offset_unit: 'codepoint',
    exported_at: '2026-12-01T00:00:00.000Z',
    document: {
      title,
      text,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      length: { code_points: cps.length, utf16_units: text.length, utf8_bytes: Buffer.byteLength(text, 'utf8') },
    },
    labels: LABELS,
    relation_types: RELATION_TYPES,
    document_attributes: [def('topic', ['unset', 'politics', 'conflict'])],
    annotations,
    relations: links.map(([from, to, type], i) => ({ id: `r${i + 1}`, from, to, type })),
  };
}

/** Opens the test's text, its spans and relations as a new document (its own text: no question). */
async function openCoded(page) {
  const path = join(dir, 'dermer.spanmark.json');
  await writeFile(path, JSON.stringify(spanmarkFile('Dermer.txt', TEXT, SPANS, LINKS, { a6: { stance: 'denies' } })));
  await openFiles(page, path);
  await assertSoon(async () => (await highlights(page)).length, SPANS.length, 'the file is open with its spans');
}

const view = (page) => page.getByRole('dialog', { name: 'Events & claims' });

async function openView(page) {
  await page.getByRole('button', { name: 'Events & claims' }).click();
  await view(page).waitFor();
}

/** A table of the view as text: its header row, then each row's cells (a cell's spans joined by " | "). */
const tableOf = (page, caption) =>
  view(page)
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .evaluate((table) =>
      [...table.rows].map((tr) =>
        [...tr.cells].map((c) => {
          const spans = [...c.querySelectorAll('button')].map((b) => b.textContent);
          return spans.length ? spans.join(' | ') : c.textContent;
        }),
      ),
    );

test('coding: Events & claims lists each event with participants, places and claims, each claim with who said it; a span jumps to the text', async ({ page }) => {
  await openCoded(page);
  await openView(page);
  assertEqual(await tableOf(page, 'Events'), [
    ['Text', 'Participants', 'Places', 'Claims about it', 'status'],
    ['=SUM(A1) strike', 'Ron Dermer | Hamas', 'Gaza', 'calm, then "talks"\n" | denied it', 'reported'],
  ], 'the events table');
  assertEqual(await tableOf(page, 'Claims'), [
    ['Text', 'Said by', 'About', 'stance', 'verified'],
    ['calm, then "talks"\n"', 'Ron Dermer', '=SUM(A1) strike', 'asserts', 'unknown'],
    ['denied it', 'Hamas', '=SUM(A1) strike', 'denies', 'unknown'],
  ], 'the claims table');
  await assertAccessible(page, 'the Events & claims view');
  // The second claim's "said by" span: the view closes and Hamas is selected in the text.
  const claims = view(page).locator('table', { has: page.locator('caption', { hasText: 'Claims' }) });
  await claims.getByRole('button', { name: 'Hamas' }).click();
  await view(page).waitFor({ state: 'hidden' });
  await assertSoon(async () => (await highlights(page)).filter((h) => h.selected).map((h) => h.text), ['Hamas'], 'Hamas is selected');
  // Again, by the keyboard: the event's own span, from the Events table.
  await openView(page);
  const event = view(page).getByRole('rowheader').getByRole('button', { name: '=SUM(A1) strike' });
  await event.focus();
  await page.keyboard.press('Enter');
  await view(page).waitFor({ state: 'hidden' });
  await assertSoon(async () => (await highlights(page)).filter((h) => h.selected).map((h) => h.text), ['=SUM(A1) strike'], 'the event is selected');
});

/** Python's csv module reads `path` (as UTF-8 with a byte-order mark): {bom, rows}. */
function pythonReads(path) {
  const script = [
    'import csv, json, sys',
    'raw = open(sys.argv[1], "rb").read()',
    'rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))',
    'print(json.dumps({"bom": raw.startswith(b"\\xef\\xbb\\xbf"), "rows": rows}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
  assert(run.status === 0, `python3 could not read ${path}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

test('coding: Download CSV writes <slug>.events.csv and <slug>.claims.csv that Python reads back, formulas neutralised', async ({ page }) => {
  await openCoded(page);
  await openView(page);
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await view(page).getByRole('button', { name: 'Download CSV' }).click();
  await assertSoon(() => downloads.map((d) => d.suggestedFilename()).sort(), ['dermer.claims.csv', 'dermer.events.csv'], 'two files');
  const read = {};
  for (const d of downloads) {
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    read[d.suggestedFilename()] = pythonReads(path);
  }
  const events = read['dermer.events.csv'];
  const claims = read['dermer.claims.csv'];
  assert(events.bom && claims.bom, 'each starts with a byte-order mark');
  assertEqual(events.rows, [
    ['id', 'start', 'end', 'text', 'participants', 'places', 'claims', 'status'],
    ['a3', '49', '64', "'=SUM(A1) strike", 'Ron Dermer; Hamas', 'Gaza', 'calm, then "talks"\n"; denied it', 'reported'],
  ], 'the events file: the formula-looking text neutralised, a claim with a comma, quotes and a line break whole');
  assertEqual(claims.rows, [
    ['id', 'start', 'end', 'text', 'said_by', 'about', 'stance', 'verified'],
    ['a2', '18', '38', 'calm, then "talks"\n"', 'Ron Dermer', "'=SUM(A1) strike", 'asserts', 'unknown'],
    ['a6', '80', '89', 'denied it', 'Hamas', "'=SUM(A1) strike", 'denies', 'unknown'],
  ], 'the claims file');
  const raw = await readFile(join(dir, 'dermer.claims.csv'));
  assert(raw.includes(Buffer.from('\r\n')) && !raw.toString('utf8').replace(/\r\n/g, '').replace('"\n', '').includes('\n'), 'records end with CRLF; the one bare line break is inside a quoted cell');
});

test('coding: Events & claims on a phone: each row a card, Close and Download reachable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openCoded(page);
  await openView(page);
  const box = await view(page).boundingBox();
  assert(box && box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844, `the view fits the screen: ${JSON.stringify(box)}`);
  // No table wider than the screen: each row is drawn as a card.
  const wide = await view(page).locator('table').evaluateAll((ts) => ts.filter((t) => t.scrollWidth > t.clientWidth + 1).length);
  assertEqual(wide, 0, 'no table scrolls sideways');
  await assertAccessible(page, 'the Events & claims view at 390×844');
  await view(page).getByRole('button', { name: 'Close' }).click();
  await view(page).waitFor({ state: 'hidden' });
});

const categories = (page) => page.getByRole('group', { name: 'Document categories' });

test('coding: document categories above the text: a value chosen is one undo step, kept on reload; the documents list filters by it', async ({ page }) => {
  const topic = categories(page).getByRole('combobox', { name: 'topic' });
  assertEqual(await topic.inputValue(), 'unset', 'a category reads as its default until set');
  await topic.selectOption('politics');
  await categories(page).getByRole('combobox', { name: 'genre' }).selectOption('report');
  await assertAccessible(page, 'the categories above the text');
  await page.getByRole('button', { name: 'Undo' }).click();
  await assertSoon(() => categories(page).getByRole('combobox', { name: 'genre' }).inputValue(), 'unset', 'one Undo takes back the genre');
  assertEqual(await topic.inputValue(), 'politics', 'and leaves the topic');
  await saved(page);
  await page.reload();
  await page.waitForSelector('article.text [data-p]');
  await assertSoon(() => categories(page).getByRole('combobox', { name: 'topic' }).inputValue(), 'politics', 'kept on reload');
  // A second document, whose topic is not set.
  await page.getByRole('button', { name: 'New document' }).click();
  const create = page.getByRole('dialog', { name: 'New document' });
  await create.getByRole('textbox', { name: 'Title' }).fill('Other.txt');
  await create.getByRole('textbox', { name: 'Text' }).fill('Another text, on another subject.');
  await create.getByRole('button', { name: 'Create' }).click();
  await assertSoon(() => documents(page), ['article.txt', 'Other.txt *'], 'two documents');
  assertEqual(await categories(page).getByRole('combobox', { name: 'topic' }).inputValue(), 'unset', 'the new one has its own categories');
  const filter = page.getByRole('combobox', { name: 'Show documents by category' });
  // Reached by the keyboard: Shift+Tab from the first document lands on it.
  await page.locator('nav.documents .doc-open').first().focus();
  await page.keyboard.press('Shift+Tab');
  assert(await filter.evaluate((f) => f === document.activeElement), 'the filter is just before the list in the tab order');
  await filter.selectOption({ label: 'topic: politics' });
  await assertSoon(() => documents(page), ['article.txt'], 'only the politics document is listed');
  await assertAccessible(page, 'the documents list filtered');
  await filter.selectOption({ label: 'topic: unset' });
  await assertSoon(() => documents(page), ['Other.txt *'], 'the new one has no topic');
  await filter.selectOption({ label: 'All documents' });
  await assertSoon(() => documents(page), ['article.txt', 'Other.txt *'], 'all again');
});

const labelsDialog = (page) => page.getByRole('dialog', { name: 'Labels' });

/** Opens a folded part of the Labels dialog by its heading (a person clicks it). */
async function unfold(page, heading) {
  await labelsDialog(page).locator('summary', { hasText: heading }).first().click();
}

/** The alerts the Labels dialog shows now. */
const alerts = (page) => labelsDialog(page).getByRole('alert').allTextContents();

/** Types into a field and leaves it, as a person does (the change is made then). */
async function setField(field, value) {
  await field.focus();
  await field.fill(value);
  await field.press('Tab');
}

test('coding: the Labels dialog adds, edits and deletes relation types, attributes and categories; refusals say why; each is one undo step and kept', async ({ page }) => {
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  await labelsDialog(page).waitFor();
  // Relation types: the four defaults, then one added from Actor to Claim.
  await unfold(page, 'Relation types');
  const types = labelsDialog(page).locator('.defs', { hasText: 'Relation types' });
  const names = () => types.locator('.def-rows .def-name').evaluateAll((inputs) => inputs.map((i) => i.value));
  assertEqual(await names(), ['said by', 'takes part in', 'happened in', 'about'], 'the news defaults');
  const addType = labelsDialog(page).getByRole('form', { name: 'Add a relation type' });
  await addType.getByRole('button', { name: 'Add a relation type' }).click();
  await assertSoon(() => alerts(page), ['A relation type needs a name.'], 'an empty name is refused');
  await addType.getByRole('textbox', { name: 'Name' }).fill('Said BY');
  await addType.getByRole('button', { name: 'Add a relation type' }).click();
  await assertSoon(async () => (await alerts(page)).length, 1, 'a duplicate is refused');
  assert((await alerts(page))[0].includes('said by'), `the refusal names the other type: ${await alerts(page)}`);
  await addType.getByRole('textbox', { name: 'Name' }).fill('quotes');
  await addType.getByRole('group', { name: 'From' }).getByRole('checkbox', { name: 'Actor' }).check();
  await addType.getByRole('group', { name: 'To' }).getByRole('checkbox', { name: 'Claim' }).check();
  await addType.getByRole('button', { name: 'Add a relation type' }).click();
  await assertSoon(() => names(), ['said by', 'takes part in', 'happened in', 'about', 'quotes'], 'added');
  assertEqual(await addType.getByRole('textbox', { name: 'Name' }).inputValue(), '', 'the type form emptied');
  assertEqual(await addType.locator('input[type=checkbox]:checked').count(), 0, 'its boxes unticked');
  assert(await addType.getByRole('textbox', { name: 'Name' }).evaluate((i) => i === document.activeElement), 'its name field has the focus');
  assertEqual(await alerts(page), [], 'no refusal left');
  const quotes = types.locator('.def-row', { has: page.getByRole('textbox', { name: 'Name of relation type quotes' }) });
  assert(await quotes.getByRole('group', { name: 'To' }).getByRole('checkbox', { name: 'Claim' }).isChecked(), 'its To end');
  // Edit: rename it, and let it start from Location too.
  await quotes.getByRole('group', { name: 'From' }).getByRole('checkbox', { name: 'Location' }).check();
  await setField(quotes.getByRole('textbox', { name: 'Name of relation type quotes' }), 'cites');
  await assertSoon(() => names(), ['said by', 'takes part in', 'happened in', 'about', 'cites'], 'renamed');
  // Delete a default.
  await types.getByRole('button', { name: 'Delete relation type happened in' }).click();
  await assertSoon(() => names(), ['said by', 'takes part in', 'about', 'cites'], 'deleted');

  // Claim's attributes: a default taken out of the values is refused; one added; one deleted.
  await unfold(page, 'Claim');
  const claim = labelsDialog(page).locator('.def-group', { hasText: 'Claim' });
  await setField(claim.getByRole('textbox', { name: 'Values of Claim attribute verified' }), 'true, false, misleading');
  await assertSoon(async () => (await alerts(page)).length, 1, 'a default not among the values is refused');
  assert((await alerts(page))[0].includes('unknown'), `the refusal names the default: ${await alerts(page)}`);
  const addAttribute = claim.getByRole('form', { name: 'Add an attribute to Claim' });
  await addAttribute.getByRole('textbox', { name: 'Name' }).fill('stance');
  await addAttribute.getByRole('textbox', { name: 'Values' }).fill('x, y');
  await addAttribute.getByRole('button', { name: 'Add an attribute to Claim' }).click();
  await assertSoon(async () => (await alerts(page)).length, 1, 'a second stance is refused');
  assert((await alerts(page))[0].includes('stance'), `the refusal names it: ${await alerts(page)}`);
  await addAttribute.getByRole('textbox', { name: 'Name' }).fill('quoted');
  await addAttribute.getByRole('textbox', { name: 'Values' }).fill('direct, indirect, none');
  await addAttribute.getByRole('textbox', { name: 'Default' }).fill('none');
  await addAttribute.getByRole('button', { name: 'Add an attribute to Claim' }).click();
  const attributeNames = () => claim.locator('.def-rows .def-name').evaluateAll((inputs) => inputs.map((i) => i.value));
  await assertSoon(() => attributeNames(), ['stance', 'verified', 'quoted'], 'added to Claim');
  // The Add form is emptied for the next one, its name field focused.
  const addName = addAttribute.getByRole('textbox', { name: 'Name' });
  assertEqual([await addName.inputValue(), await addAttribute.getByRole('textbox', { name: 'Values' }).inputValue(), await addAttribute.getByRole('textbox', { name: 'Default' }).inputValue()], ['', '', ''], 'the attribute form emptied');
  assert(await addName.evaluate((i) => i === document.activeElement), 'its name field has the focus');
  assertEqual(await claim.getByRole('combobox', { name: 'Default of Claim attribute quoted' }).inputValue(), 'none', 'its default');
  await claim.getByRole('button', { name: 'Delete Claim attribute verified' }).click();
  await assertSoon(() => attributeNames(), ['stance', 'quoted'], 'verified deleted');

  // The document's categories: genre's default changed, region added, source deleted.
  await unfold(page, 'Document categories');
  const cats = labelsDialog(page).locator('.defs', { hasText: 'Document categories' });
  await cats.getByRole('combobox', { name: 'Default of the document category genre' }).selectOption('report');
  const addCategory = cats.getByRole('form', { name: 'Add a category to the document' });
  await addCategory.getByRole('textbox', { name: 'Name' }).fill('region');
  await addCategory.getByRole('textbox', { name: 'Values' }).fill('mena, europe, elsewhere');
  await addCategory.getByRole('button', { name: 'Add a category to the document' }).click();
  await cats.getByRole('button', { name: 'Delete the document category source' }).click();
  await assertSoon(() => cats.locator('.def-rows .def-name').evaluateAll((inputs) => inputs.map((i) => i.value)), ['topic', 'genre', 'region'], 'the categories');
  await assertAccessible(page, 'the Labels dialog with its definitions unfolded');
  await page.keyboard.press('Escape');
  await labelsDialog(page).waitFor({ state: 'hidden' });
  const shown = () => categories(page).getByRole('combobox').evaluateAll((selects) => selects.map((s) => `${s.getAttribute('aria-label') ?? s.closest('label').querySelector('.category-name').textContent}=${s.value}`));
  await assertSoon(() => shown(), ['topic=unset', 'genre=report', 'region=mena'], 'above the text');
  // Each change one step: undo the deletion of source.
  await page.getByRole('button', { name: 'Undo' }).click();
  await assertSoon(() => shown(), ['topic=unset', 'genre=report', 'source=unset', 'region=mena'], 'source back after one undo');
  await saved(page);
  await page.reload();
  await page.waitForSelector('article.text [data-p]');
  await assertSoon(() => shown(), ['topic=unset', 'genre=report', 'source=unset', 'region=mena'], 'kept on reload');
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  await unfold(page, 'Relation types');
  assertEqual(await names(), ['said by', 'takes part in', 'about', 'cites'], 'the relation types on reload');
});
