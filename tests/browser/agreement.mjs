// Compare (issue 17): annotators' files of the open text added by the file input and by a drop,
// the figures read against counts made by hand, a file of another text refused, the diff stepped
// through and adjudicated by keys and clicks, the adjudicated document created and exported, the
// report downloaded; "Your name" remembered and exported. The files in tests/fixtures/agreement/
// were made by spanmark itself (make.mjs there): on the seed article,
//   ana (spanmark): Paris L, Asaad al-Shaibani A, Ron Dermer A, SANA A, Sweida L
//   ben (spanmark): Paris L, Asaad al-Shaibani A, Ron Dermer C, SANA A, Syrian state television A
//   cy (doccano):   Paris L, Asaad al-Shaibani A, Sweida L
// and dana.json is of another text, "other.txt".
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { documents, exportJson, highlights } from './page.mjs';

const dir = fileURLToPath(new URL('../fixtures/agreement/', import.meta.url));
const fixture = (name) => join(dir, name);

async function openCompare(page) {
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.locator('dialog.compare').waitFor();
}

/** Adds files through the view's own file input, as a person does. */
async function addByInput(page, ...names) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: "Add annotators' files…" }).click(),
  ]);
  await chooser.setFiles(names.map(fixture));
}

/** Drops files on the view: a drop event carrying them, as the browser makes for a drag from
 * the desktop. */
async function addByDrop(page, ...names) {
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(fixture(name), 'utf8') })));
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name));
    return dt;
  }, files);
  await page.locator('.compare-view').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.compare-view').dispatchEvent('drop', { dataTransfer: transfer });
}

const fileList = (page) => page.locator('.file-list li').allTextContents();

/** The cells of the row `label` in the table of the pair `caption` ("ana and ben"). */
function row(page, caption, label) {
  return page
    .locator('section.pair', { has: page.getByRole('heading', { name: caption, exact: true }) })
    .locator('tbody tr', { has: page.getByRole('rowheader', { name: label, exact: true }) })
    .locator('td')
    .allTextContents();
}

const tally = (page) => page.locator('.tally').textContent();
const position = (page) => page.locator('.diff-list h4').textContent();
const current = (page) => page.locator('.diff-list li.current .who').textContent();

test('Compare: files by the input and a drop, the figures as counted by hand, another text refused', async ({ page }) => {
  await openCompare(page);
  await addByInput(page, 'ana.json', 'ben.json');
  await addByDrop(page, 'cy.jsonl', 'dana.json');
  await assertSoon(
    () => fileList(page),
    [
      'ana.json — ana: 5 spansRemove',
      'ben.json — ben: 5 spansRemove',
      'cy.jsonl — cy: 3 spansRemove',
      'dana.json — dana.json is of "other.txt", not "article.txt"Remove',
    ],
    'three annotators added (two by the input, one dropped); the file of another text refused, naming both titles',
  );
  // The dropped files were not opened as documents by the page behind the view.
  await page.keyboard.press('Escape');
  assertEqual(await documents(page), ['article.txt *'], 'a drop on the view opens nothing');
  await openCompare(page);
  await addByInput(page, 'ana.json', 'ben.json', 'cy.jsonl');
  await page.locator('.agreement-figures').waitFor();
  // ana and ben, exact: Paris, Asaad al-Shaibani and SANA match (tp 3); ben's Ron Dermer (Claim)
  // and Syrian state television are his alone (fp 2), ana's Ron Dermer (Actor) and Sweida hers (fn 2).
  assertEqual((await row(page, 'ana and ben', 'All labels')).slice(0, 8),
    ['0.600', '0.600', '0.600', '3/2/2', '0.600', '0.600', '0.600', '3/2/2'], 'ana and ben, all labels');
  assertEqual((await row(page, 'ana and ben', 'Actor')).slice(0, 4), ['0.667', '0.667', '0.667', '2/1/1'], 'ana and ben, Actor');
  assertEqual((await row(page, 'ana and ben', 'Location')).slice(0, 4), ['1.000', '0.500', '0.667', '1/0/1'], 'ana and ben, Location');
  // ana and cy: cy's three spans are all ana's: precision 1, recall 3/5, F1 6/8.
  assertEqual((await row(page, 'ana and cy', 'All labels')).slice(0, 4), ['1.000', '0.600', '0.750', '3/0/2'], 'ana and cy, all labels');
  // No one used Event: every figure of it is undefined, with the reason, never 0 or 1.
  const event = page
    .locator('section.pair', { has: page.getByRole('heading', { name: 'ana and ben', exact: true }) })
    .locator('tr', { has: page.getByRole('rowheader', { name: 'Event', exact: true }) })
    .locator('td.undefined');
  assertEqual(await event.count(), 7, 'P, R, F1 twice and κ undefined for a label no one used');
  assert((await event.first().getAttribute('title')).includes('no span'), 'the reason is the tooltip');
  assert((await event.first().textContent()).startsWith('— ('), 'and text for screen readers');
  // The label swapped: ana's Actor is ben's Claim on Ron Dermer.
  const swapped = await page
    .locator('section.pair', { has: page.getByRole('heading', { name: 'ana and ben', exact: true }) })
    .locator('table.confusion tbody tr')
    .allTextContents();
  assertEqual(swapped, ['ActorClaim1'], 'the confusion table');
  await assertAccessible(page, 'the Compare view');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'the Compare view, dark');
});

test('Compare: step through the disagreements, adjudicate by keys and clicks, create and export the adjudicated document, download the report', async ({ page }) => {
  await openCompare(page);
  await addByInput(page, 'ana.json', 'ben.json', 'cy.jsonl');
  await page.locator('.agreement-diff').waitFor();
  // Paris and Asaad al-Shaibani are everyone's; five spans are not.
  await page.getByRole('button', { name: 'Accept all agreed' }).click();
  assertEqual(await tally(page), '2 accepted, 0 rejected, 5 undecided', 'accept all agreed');
  await page.keyboard.press('n');
  assertEqual(await position(page), 'Disagreements: 1 of 5', 'n: the first disagreement');
  assertEqual(await current(page), 'Actor, by ana (1 of 3)', 'ana alone has Ron Dermer as an Actor');
  assertEqual(await page.locator('.diff-text mark.current').first().textContent(), 'Ron Dermer', 'marked in the text');
  await page.keyboard.press('n');
  await page.keyboard.press('p');
  assertEqual(await position(page), 'Disagreements: 1 of 5', 'n then p: back to the first');
  await page.keyboard.press('x');
  await page.keyboard.press('n');
  await page.keyboard.press('a');
  assertEqual(await current(page), 'Claim, by ben (1 of 3): accepted', 'a accepts ben\'s Claim');
  await page.keyboard.press('n');
  await page.locator('.diff-list li.current').getByRole('button', { name: 'Accept' }).click();
  await page.keyboard.press('n');
  // Sweida (ana and cy, Location) relabelled by the Actor key: fixed, so accepted.
  await page.keyboard.press('1');
  assertEqual(await current(page), 'Location → Actor, by ana, cy (2 of 3): accepted', 'a label key relabels');
  await page.keyboard.press('n');
  // "Syrian state television" cut to "Syrian state": Shift+← eleven times moves the end.
  for (let i = 0; i < 11; i++) await page.keyboard.press('Shift+ArrowLeft');
  assertEqual(await page.locator('.diff-text mark.current').textContent(), 'Syrian state', 'the end moved');
  assertEqual(await tally(page), '6 accepted, 1 rejected, 0 undecided', 'every span decided');

  // The report: both files, the JSON's fields as the issue gives them.
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Download report' }).click();
  await assertSoon(() => downloads.map((d) => d.suggestedFilename()).sort(), ['article.agreement.csv', 'article.agreement.json'], 'two files');
  const report = JSON.parse(await readFile(await downloads.find((d) => d.suggestedFilename().endsWith('.json')).path(), 'utf8'));
  assertEqual([report.format, report.version, report.document.title, report.document.sha256.length], ['spanmark-agreement', 1, 'article.txt', 64], 'the report names its document');
  assertEqual(report.annotators, ['ana', 'ben', 'cy'], 'the annotators');
  assertEqual(report.pairs.map((p) => [p.a, p.b]), [['ana', 'ben'], ['ana', 'cy'], ['ben', 'cy']], 'every pair, by name');
  assertEqual(report.pairs[0].exact.all, { tp: 3, fp: 2, fn: 2, precision: 0.6, recall: 0.6, f1: 0.6 }, 'ana and ben, exact, all labels');
  assertEqual(report.pairs[0].token_kappa.event, null, 'an undefined κ is null');
  const csv = await readFile(await downloads.find((d) => d.suggestedFilename().endsWith('.csv')).path(), 'utf8');
  assert(csv.split('\n').length > 20, 'the CSV has a row per pair, label and measure');

  await page.getByRole('button', { name: 'Create adjudicated document' }).click();
  await assertSoon(() => documents(page), ['article.txt', 'article.txt — adjudicated *'], 'the adjudicated document is opened');
  await assertSoon(async () => (await highlights(page)).map((h) => `${h.text}:${h.label}`),
    ['Paris:location', 'Asaad al-Shaibani:actor', 'Ron Dermer:claim', 'SANA:actor', 'Sweida:actor', 'Syrian state:actor'], 'the accepted spans');
  const { json, filename } = await exportJson(page);
  assertEqual(filename, 'article-txt-adjudicated.spanmark.json', 'exported under its own name');
  assertEqual(json.annotations.map((a) => [a.text, a.annotators]), [
    ['Paris', ['ana', 'ben', 'cy']],
    ['Asaad al-Shaibani', ['ana', 'ben', 'cy']],
    ['Ron Dermer', ['ben']],
    ['SANA', ['ana', 'ben']],
    ['Sweida', ['ana', 'cy']],
    ['Syrian state', ['ben']],
  ], 'each annotation records who had it');
  // Its edits undo like any other document's: Sweida removed, then back.
  await page.locator('article.text mark[data-label="actor"]', { hasText: 'Sweida' }).click();
  await page.keyboard.press('Delete');
  await assertSoon(async () => (await highlights(page)).length, 5, 'removed');
  await page.keyboard.press('Control+z');
  await assertSoon(async () => (await highlights(page)).length, 6, 'and back by undo');
});

test('Your name is remembered, exported as the annotator, and names this document in Compare', async ({ page }) => {
  const name = page.getByRole('textbox', { name: 'Your name' });
  if (!(await name.isVisible())) await page.getByRole('button', { name: 'Options' }).click();
  await name.fill('Noor');
  await name.press('Enter');
  await page.reload();
  await page.waitForSelector('article.text [data-p]');
  assertEqual(await page.getByRole('textbox', { name: 'Your name' }).inputValue(), 'Noor', 'remembered');
  const { json } = await exportJson(page);
  assertEqual(json.annotator, 'Noor', 'the export names its annotator');
  await openCompare(page);
  assert(await page.getByRole('checkbox', { name: "This document's annotations (Noor)" }).isVisible(), 'Compare names this document by it');
});
