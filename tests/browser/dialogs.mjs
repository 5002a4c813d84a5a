// The Export as… menu and the modal dialogs as a keyboard user meets them (issue 20, points 3,
// 4, 7's rename field and 9's words): where the menu opens, which element has the focus after
// each key, that Tab stays inside a dialog and Escape closes it, and that a refused file is
// explained in plain words.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, assertSoon, assertAccessible } from './harness.mjs';
import { openFiles, exportJson, notices, documents } from './page.mjs';

/** What has the focus: its role or tag, and its accessible text. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${(el.getAttribute('aria-label') ?? el.innerText).trim()}`;
  });

/** Whether the focus is inside the open modal dialog. */
const focusInDialog = (page) => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));

const exportButton = (page) => page.getByRole('button', { name: 'Export as…' });
const FIRST = 'menuitem: spanmark JSON';
const LAST = "menuitemradio: grapheme clusters (doccano's grapheme mode)";

test('the Export as… menu opens inside the viewport at 390×844 and at 1280×800', async ({ page }) => {
  for (const [width, height] of [[390, 844], [1280, 800], [700, 800]]) {
    await page.setViewportSize({ width, height });
    await exportButton(page).click();
    const boxes = await page.locator('[role=menu] [role^=menuitem]').evaluateAll((items) =>
      items.map((i) => {
        const r = i.getBoundingClientRect();
        return { name: i.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    assertEqual(boxes.length, 10, `${width}: seven formats and three units`);
    const outside = boxes.filter((b) => b.left < 0 || b.right > width || b.top < 0 || b.bottom > height);
    assertEqual(outside, [], `${width}×${height}: every item inside the viewport`);
    await assertAccessible(page, `the Export as… menu open at ${width}×${height}`);
    await page.keyboard.press('Escape');
    assertEqual(await page.locator('[role=menu]').count(), 0, `${width}: Escape closes it`);
  }
});

test('the Export as… menu follows the WAI-ARIA menu-button keys', async ({ page }) => {
  const button = exportButton(page);
  await button.focus();
  await page.keyboard.press('ArrowDown');
  assertEqual(await focused(page), FIRST, 'ArrowDown on the button opens on the first item');
  assertEqual(await button.getAttribute('aria-expanded'), 'true', 'the button says it is open');
  await page.keyboard.press('ArrowDown');
  assertEqual(await focused(page), 'menuitem: W3C Web Annotation', 'ArrowDown moves to the next');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assertEqual(await focused(page), LAST, 'ArrowUp from the first wraps to the last');
  await page.keyboard.press('ArrowDown');
  assertEqual(await focused(page), FIRST, 'ArrowDown from the last wraps to the first');
  await page.keyboard.press('End');
  assertEqual(await focused(page), LAST, 'End goes to the last');
  await page.keyboard.press('Home');
  assertEqual(await focused(page), FIRST, 'Home goes to the first');
  await page.keyboard.press('Escape');
  assertEqual(await page.locator('[role=menu]').count(), 0, 'Escape closes it');
  assertEqual(await focused(page), 'button: Export as…', 'Escape gives the focus back to the button');
  assertEqual(await button.getAttribute('aria-expanded'), 'false', 'the button says it is closed');

  await page.keyboard.press('ArrowUp');
  assertEqual(await focused(page), LAST, 'ArrowUp on the button opens on the last item');
  await page.keyboard.press('Tab');
  assertEqual(await page.locator('[role=menu]').count(), 0, 'Tab closes it');
  assert((await focused(page)) !== 'body', 'Tab moves the focus on, not away');

  for (const key of ['Enter', ' ']) {
    await button.focus();
    await page.keyboard.press(key);
    assertEqual(await focused(page), FIRST, `${JSON.stringify(key)} on the button opens on the first item`);
    await page.keyboard.press('Escape');
  }

  // A unit is a radio in a group: choosing one keeps the menu open.
  await button.click();
  const utf16 = page.getByRole('menuitemradio', { name: "UTF-16 units (doccano's UI)" });
  assertEqual(await page.getByRole('menuitemradio', { name: 'code points' }).getAttribute('aria-checked'), 'true', 'code points at first');
  await utf16.click();
  assertEqual(await utf16.getAttribute('aria-checked'), 'true', 'the chosen unit is checked');
  assertEqual(await page.getByRole('menuitemradio', { checked: true }).count(), 1, 'one unit checked');
  assertEqual(await page.locator('[role=menu]').count(), 1, 'choosing a unit leaves the menu open');
  const help = await page.getByRole('group', { name: 'doccano offsets' }).getAttribute('aria-describedby');
  assert((await page.locator(`#${help}`).textContent()).includes('count'), 'the unit group is explained');

  // A click outside closes it; choosing a format closes it and gives the focus to the button.
  await page.locator('#reader').click({ position: { x: 5, y: 5 } });
  assertEqual(await page.locator('[role=menu]').count(), 0, 'a click outside closes it');
  await button.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert(download.suggestedFilename().endsWith('.spanmark.json'), 'Enter on an item exports it');
  assertEqual(await page.locator('[role=menu]').count(), 0, 'choosing closes the menu');
  assertEqual(await focused(page), 'button: Export as…', 'and the focus is back on the button');
});

/** Presses Tab (and Shift+Tab) 20 times each: the focus never leaves the open dialog. */
async function tabStaysInside(page, what) {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 20; i += 1) {
      await page.keyboard.press(key);
      assert(await focusInDialog(page), `${what}: ${key} ×${i + 1} left the dialog (focus on ${await focused(page)})`);
    }
  }
}

test('the New document dialog is modal: focus on the title, Tab inside, Escape closes, focus back', async ({ page }) => {
  const opener = page.getByRole('button', { name: 'New document' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.waitFor();
  assertEqual(await focused(page), 'input: ', 'the focus is in the title field');
  assert(await dialog.getByLabel('Title').evaluate((i) => i === document.activeElement), 'the title field has it');
  await tabStaysInside(page, 'New document');
  await page.keyboard.press('1');
  assertEqual(await page.locator('article.text mark').count(), 0, 'a label key in the dialog tags nothing');
  await assertAccessible(page, 'the New document dialog');
  await page.keyboard.press('Escape');
  assertEqual(await dialog.count(), 0, 'Escape closes it');
  assertEqual(await focused(page), 'button: New document', 'the focus is back on the button');
  // It opens again after Escape (the app's state followed the browser's).
  await opener.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assertEqual(await dialog.count(), 0, 'Cancel closes it');
  assertEqual(await focused(page), 'button: New document', 'Cancel gives the focus back too');
});

test('the delete confirmation is a modal dialog; Escape keeps the document, Delete deletes it, Undo brings it back', async ({ page }) => {
  await page.getByRole('button', { name: 'New document' }).click();
  const create = page.getByRole('dialog', { name: 'New document' });
  await create.getByLabel('Title').fill('Wire');
  await create.getByLabel('Text').fill('Talks in Paris resumed.');
  await create.getByRole('button', { name: 'Create' }).click();
  await assertSoon(() => documents(page), ['article.txt', 'Wire *'], 'created');
  const opener = page.getByRole('button', { name: 'Delete Wire' });
  await opener.click();
  const ask = page.getByRole('alertdialog', { name: 'Delete Wire?' });
  await ask.waitFor();
  assertEqual(await ask.getByRole('heading').textContent(), 'Delete “Wire” and its 0 annotations?', 'the question');
  assertEqual(await focused(page), 'button: Cancel', 'the focus starts on Cancel');
  await tabStaysInside(page, 'the delete confirmation');
  await page.keyboard.press('Delete');
  assertEqual(await documents(page), ['article.txt', 'Wire *'], 'the Delete key inside the dialog deletes nothing');
  await assertAccessible(page, 'the delete confirmation');
  await page.keyboard.press('Escape');
  assertEqual(await ask.count(), 0, 'Escape closes it');
  assertEqual(await documents(page), ['article.txt', 'Wire *'], 'and keeps the document');
  assertEqual(await focused(page), 'button: Delete Wire', 'the focus is back on the delete button');
  await opener.click();
  await ask.getByRole('button', { name: 'Delete' }).click();
  assertEqual(await documents(page), ['article.txt *'], 'Delete deletes');
  const onOpenDocument = () => page.evaluate(() => document.activeElement?.matches('nav.documents .doc.current .doc-open') ?? false);
  await assertSoon(onOpenDocument, true, 'its button gone, the focus goes to the document now open');
  await page.getByRole('button', { name: 'Undo delete' }).click();
  assertEqual(await documents(page), ['article.txt', 'Wire *'], 'Undo delete brings it back');
});

test('the import choice dialog is modal: focus inside, Tab inside, Escape cancels, focus back on Open', async ({ page }) => {
  const { filename, raw } = await exportJson(page);
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-dialogs-'));
  const path = join(dir, filename);
  await writeFile(path, raw);
  await openFiles(page, path);
  const ask = page.getByRole('dialog', { name: 'Same text already open' });
  await ask.waitFor();
  assert(await focusInDialog(page), 'the focus is inside');
  assertEqual(await focused(page), 'button: Cancel', 'on Cancel');
  await tabStaysInside(page, 'the import choice');
  await assertAccessible(page, 'the import choice dialog');
  await page.keyboard.press('Escape');
  assertEqual(await ask.count(), 0, 'Escape closes it');
  assertEqual(await documents(page), ['article.txt *'], 'and nothing was opened');
  assertEqual(await focused(page), 'button: Open', 'the focus is back on Open');
});

test('a spanmark file without offset_unit is refused in plain words, the field path in small type', async ({ page }) => {
  const { filename, json } = await exportJson(page);
  delete json.offset_unit;
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-words-'));
  const path = join(dir, filename);
  await writeFile(path, JSON.stringify(json));
  await openFiles(page, path);
  const alert = page.locator('.notice.error');
  await alert.waitFor();
  const text = await alert.locator('.notice-text').evaluate((t) => t.firstChild.textContent);
  assertEqual(
    text,
    `${filename} does not say how it counts positions: the line "offset_unit": "codepoint" is missing from its top. ` +
      'Add that line (spanmark files count code points), or export it again from spanmark.',
    'the sentence',
  );
  assertEqual(await alert.locator('small.notice-detail').textContent(), 'file: missing field `offset_unit`', 'the detail, small');
  const sizes = await alert.evaluate((a) => [a.querySelector('.notice-text'), a.querySelector('.notice-detail')].map((e) => parseFloat(getComputedStyle(e).fontSize)));
  assert(sizes[1] < sizes[0], `the detail is smaller (${sizes})`);
  assert(!(await notices(page)).some((n) => n.startsWith('file:')), 'the path does not lead');
  await assertAccessible(page, 'a refused file');
});

test('a long document name being renamed stays inside the documents list', async ({ page }) => {
  const title = 'A very long document name from a wire service, with its slug, date and desk appended';
  await page.getByRole('button', { name: 'New document' }).click();
  const create = page.getByRole('dialog', { name: 'New document' });
  await create.getByLabel('Title').fill(title);
  await create.getByLabel('Text').fill('Talks in Paris resumed.');
  await create.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: `Rename ${title}` }).click();
  const field = page.getByLabel('New title');
  assert(await field.evaluate((f) => f === document.activeElement), 'the rename field has the focus');
  const [nav, form, input, save] = await page.evaluate(() =>
    ['nav.documents', 'form.rename', 'form.rename input', 'form.rename button'].map((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return { left: r.left, right: r.right };
    }),
  );
  for (const [what, box] of [['the form', form], ['the field', input], ['Save', save]]) {
    assert(box.left >= nav.left && box.right <= nav.right, `${what} (${box.left}–${box.right}) inside the list (${nav.left}–${nav.right})`);
  }
  await field.fill('Wire');
  await field.press('Enter');
  assertEqual(await documents(page), ['article.txt', 'Wire *'], 'renamed');
});
