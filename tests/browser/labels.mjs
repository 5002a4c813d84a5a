// Your own labels (issue 16, point 5): the Labels dialog adds, renames, recolours, reorders and
// deletes labels and sets their keys; each change is one Ctrl+Z; the labels survive a reload,
// travel in the export, and a merged file's new labels are added.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { exportJson, highlights, notices, openFiles, saved, tag } from './page.mjs';

const dir = await mkdtemp(join(tmpdir(), 'spanmark-labels-'));

const dialog = (page) => page.getByRole('dialog', { name: 'Labels' });

async function openLabels(page) {
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  await dialog(page).waitFor();
}

/** The label bar: "Name key" per button, in order. */
const bar = (page) =>
  page.locator('.labelbar .label').evaluateAll((buttons) =>
    buttons.map((b) => `${b.querySelector('.label-name').textContent} ${b.querySelector('kbd').textContent}`),
  );

/** A label button's colour, as the page draws it (--hl). */
const colourOf = (page, name) =>
  page.locator('.labelbar .label', { hasText: name }).evaluate((b) => b.style.getPropertyValue('--hl').trim());

/** Types into a field of the dialog and leaves it, as a person does (the change is made then). */
async function setField(page, name, value) {
  const field = dialog(page).getByRole('textbox', { name, exact: true });
  // Typed into this field, as a person does: it has the focus and the value before they leave it.
  await field.focus();
  await assertSoon(() => field.evaluate((f) => f === document.activeElement), true, `${name} has the focus`);
  await field.fill(value);
  assertEqual(await field.inputValue(), value, `${name} holds what was typed`);
  await field.press('Tab');
}

/** The highlights as "label:text", sorted. */
const marks = async (page) => (await highlights(page)).map((h) => `${h.label}:${h.text}`).sort();

test('labels: add Organisation on key 5 and tag with it, rename, recolour, reorder; a reload keeps it all', async ({ page }) => {
  await tag(page, 'Ron Dermer', '1');
  await openLabels(page);
  // Add: the key field offers 5, the first free key.
  const add = dialog(page).getByRole('form', { name: 'Add a label' });
  assertEqual(await add.getByRole('textbox', { name: 'Key' }).inputValue(), '5', 'the first free key is offered');
  await add.getByRole('textbox', { name: 'Name' }).fill('Organisation');
  await add.getByRole('button', { name: 'Add' }).click();
  await assertSoon(() => bar(page), ['Actor 1', 'Location 2', 'Claim 3', 'Event 4', 'Organisation 5'], 'added to the bar');
  // The focus goes back to the Add form's name, ready for the next label (it moves there once
  // the new row is drawn: wait for it, as a person would see it, before working elsewhere).
  await assertSoon(() => page.evaluate(() => document.activeElement?.classList.contains('label-add-name')), true, 'focus back on the Add form');
  // Rename Actor to Person: the span keeps its label.
  await setField(page, 'Name of Actor', 'Person');
  await assertSoon(() => bar(page), ['Person 1', 'Location 2', 'Claim 3', 'Event 4', 'Organisation 5'], 'renamed');
  // Recolour Claim.
  await dialog(page).getByLabel('Colour of Claim').fill('#0072b2');
  await assertSoon(() => colourOf(page, 'Claim'), '#0072b2', 'recoloured');
  // Reorder: Organisation up twice; the bar follows.
  await dialog(page).getByRole('button', { name: 'Move Organisation up' }).click();
  await dialog(page).getByRole('button', { name: 'Move Organisation up' }).click();
  await assertSoon(() => bar(page), ['Person 1', 'Location 2', 'Organisation 5', 'Claim 3', 'Event 4'], 'reordered');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });
  // Key 5 tags with the new label.
  await tag(page, 'SANA', '5');
  assertEqual(await marks(page), ['actor:Ron Dermer', 'organisation:SANA'], 'tagged with key 5; Ron Dermer keeps his label');
  const exported = (await exportJson(page)).json;
  assertEqual(exported.labels.map((l) => l.name), ['Person', 'Location', 'Organisation', 'Claim', 'Event'], 'the export carries the labels');
  assertEqual(exported.annotations.find((a) => a.text === 'Ron Dermer').label, 'actor', 'the renamed label keeps its id');
  // Each change was one step: undo the tag, the move twice, the colour, the rename, the add.
  await saved(page);
  await page.reload();
  await page.waitForSelector('article.text [data-p]');
  assertEqual(await bar(page), ['Person 1', 'Location 2', 'Organisation 5', 'Claim 3', 'Event 4'], 'the labels after a reload');
  assertEqual(await colourOf(page, 'Claim'), '#0072b2', 'the colour after a reload');
  assertEqual(await marks(page), ['actor:Ron Dermer', 'organisation:SANA'], 'the spans after a reload');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Control+z');
  assertEqual(await bar(page), ['Person 1', 'Location 2', 'Claim 3', 'Event 4', 'Organisation 5'], 'undone after a reload: the tag and both moves');
  await page.keyboard.press('Control+z');
  assertEqual(await colourOf(page, 'Claim'), '#cc79a7', 'the colour undone');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  assertEqual(await bar(page), ['Actor 1', 'Location 2', 'Claim 3', 'Event 4'], 'the rename and the add undone');
});

test('labels: deleting a label in use moves its spans, one Ctrl+Z brings both back; a clashing key is refused', async ({ page }) => {
  await tag(page, 'Ron Dermer', '1');
  await tag(page, 'Asaad al-Shaibani', '1');
  await tag(page, 'Paris', '2');
  await openLabels(page);
  // A key another label has: refused, naming it.
  await setField(page, 'Key of Event', '2');
  await assertSoon(
    () => dialog(page).getByRole('alert').allTextContents(),
    ['Key 2 already tags Location: choose another key.'],
    'the clash is refused with the other label named',
  );
  assertEqual(await bar(page), ['Actor 1', 'Location 2', 'Claim 3', 'Event 4'], 'nothing changed');
  // Delete Actor: it tags two spans, so it asks where they go.
  await dialog(page).getByRole('button', { name: 'Delete Actor' }).click();
  const ask = dialog(page).getByRole('group', { name: 'Delete Actor' });
  await ask.waitFor();
  assert((await ask.textContent()).includes('Actor tags 2 annotations'), 'it says how many');
  await ask.getByRole('combobox').selectOption({ label: 'Claim' });
  await ask.getByRole('button', { name: 'Move and delete Actor' }).click();
  await assertSoon(() => bar(page), ['Location 2', 'Claim 3', 'Event 4'], 'Actor is gone');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });
  assertEqual(await marks(page), ['claim:Asaad al-Shaibani', 'claim:Ron Dermer', 'location:Paris'], 'its spans moved to Claim');
  await page.keyboard.press('Control+z');
  assertEqual(await bar(page), ['Actor 1', 'Location 2', 'Claim 3', 'Event 4'], 'one Ctrl+Z brings the label back');
  assertEqual(await marks(page), ['actor:Asaad al-Shaibani', 'actor:Ron Dermer', 'location:Paris'], 'and its spans');
  await page.keyboard.press('Control+Shift+z');
  await saved(page);
  await page.reload();
  await page.waitForSelector('article.text [data-p]');
  assertEqual(await bar(page), ['Location 2', 'Claim 3', 'Event 4'], 'redone, then reloaded');
  assertEqual(await marks(page), ['claim:Asaad al-Shaibani', 'claim:Ron Dermer', 'location:Paris'], 'the spans after a reload');
});

test('labels: an undo made while the label change is being stored is stored too', async ({ page }) => {
  // Storage confirms each write 1.5 s late, so the undo comes while the change is in flight:
  // its snapshot supersedes the one being stored, and must still be written after it.
  await page.evaluate(() => {
    const own = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete');
    window.committing = 0;
    Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
      configurable: true,
      get() {
        return own.get.call(this);
      },
      set(done) {
        if (!done) return own.set.call(this, done);
        window.committing += 1;
        own.set.call(this, (event) =>
          setTimeout(() => {
            window.committing -= 1;
            done.call(this, event);
          }, 1500),
        );
      },
    });
  });
  await openLabels(page);
  const add = dialog(page).getByRole('form', { name: 'Add a label' });
  await add.getByRole('textbox', { name: 'Name' }).fill('Person');
  await add.getByRole('button', { name: 'Add' }).click();
  await assertSoon(() => bar(page), ['Actor 1', 'Location 2', 'Claim 3', 'Event 4', 'Person 5'], 'added');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });
  // The add's snapshot is written once its frame is painted and the page idle: wait until it is
  // on its way (it then takes 1.5 s to be confirmed), and undo meanwhile.
  await assertSoon(() => page.evaluate(() => window.committing > 0), true, 'the add is being stored');
  await page.keyboard.press('Control+z');
  assertEqual(await bar(page), ['Actor 1', 'Location 2', 'Claim 3', 'Event 4'], 'the add undone');
  await page.locator('.save-status.saved').waitFor({ timeout: 20_000 });
  await page.reload();
  await page.waitForSelector('article.text [data-p]');
  assertEqual(await bar(page), ['Actor 1', 'Location 2', 'Claim 3', 'Event 4'], 'the undo was stored');
});

test('labels: merging a Label Studio file with a label the document lacks adds it and merges the spans', async ({ page }) => {
  const peer = await readFile(new URL('../fixtures/peers/labelstudio_article.json', import.meta.url), 'utf8');
  const path = join(dir, 'people.json');
  await writeFile(path, peer.replaceAll('"Actor"', '"Person"'));
  await tag(page, 'Paris', '2');
  await openFiles(page, path);
  const ask = page.getByRole('dialog', { name: 'Same text already open' });
  await ask.getByRole('button', { name: 'Merge' }).click();
  await assertSoon(() => bar(page), ['Actor 1', 'Location 2', 'Claim 3', 'Event 4', 'Person 5'], 'Person is added');
  assert((await notices(page)).some((n) => n.includes('Label added: Person')), 'the notice names the label added');
  assertEqual(
    (await marks(page)).filter((m) => m.startsWith('person:')),
    ['person:Ron Dermer', 'person:Syria’s Foreign Minister, Asaad al-Shaibani'],
    'the Person spans are merged',
  );
  // One step: undo takes the label and the spans away together.
  await page.keyboard.press('Control+z');
  assertEqual(await bar(page), ['Actor 1', 'Location 2', 'Claim 3', 'Event 4'], 'the merge undone');
  assertEqual(await marks(page), ['location:Paris'], 'only what was there');
});

/** What has the focus: its accessible name, or its text. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.innerText ?? '').trim() : '';
  });

/** Presses Tab until the focus is on `name` (at most 40 times). */
async function tabTo(page, name) {
  for (let i = 0; i < 40 && (await focused(page)) !== name; i += 1) await page.keyboard.press('Tab');
  assertEqual(await focused(page), name, `Tab reaches ${name}`);
}

test('labels: the dialog works by keyboard alone and is accessible in light and dark', async ({ page }) => {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await tabTo(page, 'Labels');
  await page.keyboard.press('Enter');
  await dialog(page).waitFor();
  assertEqual(await focused(page), 'Name of Actor', 'the first field has the focus');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Person');
  await page.keyboard.press('Tab');
  await assertSoon(() => bar(page), ['Person 1', 'Location 2', 'Claim 3', 'Event 4'], 'renamed by keys');
  // Move down twice with Enter: the focus stays on the button as the row moves.
  await tabTo(page, 'Move Person down');
  await page.keyboard.press('Enter');
  await assertSoon(() => focused(page), 'Move Person down', 'the focus follows the moved row');
  await page.keyboard.press('Enter');
  await assertSoon(() => bar(page), ['Location 2', 'Claim 3', 'Person 1', 'Event 4'], 'moved by keys');
  // Add one by keys.
  await tabTo(page, 'Name');
  await page.keyboard.type('Organisation');
  await page.keyboard.press('Enter');
  await assertSoon(() => bar(page), ['Location 2', 'Claim 3', 'Person 1', 'Event 4', 'Organisation 5'], 'added by keys');
  await assertSoon(() => focused(page), 'Name', 'the focus is back in the Add form, ready for another');
  for (const theme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: theme });
    await assertAccessible(page, `the Labels dialog, ${theme}`);
  }
  // A colour hard to read on is named, and the nearest that passes offered.
  await dialog(page).getByLabel('Colour of Claim').fill('#ffffff');
  const advice = dialog(page).locator('.label-contrast');
  await advice.waitFor();
  assert((await advice.textContent()).includes('In the dark theme'), 'the dialog says where it falls short');
  await advice.getByRole('button').click();
  await assertSoon(() => colourOf(page, 'Claim'), '#bdbdbd', 'the offered colour is taken');
  assertEqual(await advice.count(), 0, 'no advice once it passes');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });
  assertEqual(await focused(page), 'Labels', 'the focus is back on the Labels button');
});
