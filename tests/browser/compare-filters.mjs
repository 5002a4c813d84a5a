// Compare's filters: the disagreements narrowed by label and by annotator, each select showing
// the choice made (their options are written as markup, made anew on each choice). The files
// are those of agreement.mjs (tests/fixtures/agreement/): ana, ben and cy on the seed article.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';

const dir = fileURLToPath(new URL('../fixtures/agreement/', import.meta.url));

test('Compare: the label and annotator filters narrow the disagreements and show the choice', async ({ page }) => {
  await page.getByRole('button', { name: 'Compare' }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: "Add annotators' files…" }).click(),
  ]);
  await chooser.setFiles(['ana.json', 'ben.json', 'cy.jsonl'].map((n) => join(dir, n)));
  await page.locator('.agreement-diff').waitFor();
  const position = () => page.locator('.diff-list h4').textContent();
  const who = () => page.locator('.diff-list .who').allTextContents();
  const filters = page.locator('dialog.compare .diff-filters');
  const label = filters.getByRole('combobox', { name: 'Label', exact: true });
  const annotator = filters.getByRole('combobox', { name: 'Annotator', exact: true });
  assertEqual(await position(), 'Disagreements: 0 of 5', 'five disagreements, none chosen');
  assertEqual(await label.locator('option').allTextContents(), ['All', 'Actor', 'Claim', 'Location'], 'the labels used');
  assertEqual(await annotator.locator('option').allTextContents(), ['All', 'ana', 'ben', 'cy'], 'the annotators');

  await label.selectOption({ label: 'Actor' });
  await assertSoon(position, 'Disagreements: 0 of 3', 'Ron Dermer (ana), SANA and Syrian state television are Actors');
  assert((await who()).every((w) => w.startsWith('Actor,')), 'only Actor rows');
  assertEqual(await label.evaluate((s) => s.selectedOptions[0].textContent), 'Actor', 'the select shows Actor');

  await label.selectOption({ label: 'All' });
  await annotator.selectOption({ label: 'cy' });
  await assertSoon(position, 'Disagreements: 0 of 1', 'cy is in one disagreement: Sweida');
  assertEqual(await who(), ['Location, by ana, cy (2 of 3)'], 'Sweida, by ana and cy');
  assertEqual(await annotator.evaluate((s) => s.selectedOptions[0].textContent), 'cy', 'the select shows cy');
  assertEqual(await label.evaluate((s) => s.selectedOptions[0].textContent), 'All', 'the label select shows All');
  await assertAccessible(page, 'Compare, filtered');
});
