// What a person does on the page, as helpers: drag the mouse over text, press keys, export.
import { readFile } from 'node:fs/promises';

/** UTF-16 [start, end) of the `n`th occurrence of `phrase` in the article's text. */
export async function find(page, phrase, n = 0) {
  const text = await page.locator('article.text').evaluate((a) => a.textContent);
  let at = -1;
  for (let i = 0; i <= n; i += 1) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`"${phrase}" (#${n}) is not in the article`);
  }
  return [at, at + phrase.length];
}

/** Viewport points just inside the first and last characters of UTF-16 [start, end). */
export async function pointsFor(page, start, end) {
  return page.locator('article.text').evaluate(
    (article, [start, end]) => {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const locate = (offset) => {
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (offset < seen + node.length) return [node, offset - seen];
          seen += node.length;
        }
        throw new Error(`offset ${offset} is past the text`);
      };
      const rectOf = (offset) => {
        walker.currentNode = article;
        const [node, at] = locate(offset);
        const width = node.data.codePointAt(at) > 0xffff ? 2 : 1;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + width);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length === 0) throw new Error(`no box for offset ${offset}`);
        return rects[0];
      };
      const first = rectOf(start);
      const lastChar = end - 1 - (end >= 2 && /[\udc00-\udfff]/.test(article.textContent[end - 1]) ? 1 : 0);
      const last = rectOf(lastChar);
      // A character's leading edge is its left in left-to-right scripts, its right in Arabic and Hebrew.
      const rtl = (i) => /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(article.textContent[i]);
      return {
        from: { x: rtl(start) ? first.right - 1 : first.left + 1, y: first.top + first.height / 2 },
        to: { x: rtl(lastChar) ? last.left + 1 : last.right - 1, y: last.top + last.height / 2 },
      };
    },
    [start, end],
  );
}

/** Scrolls the text so that UTF-16 offset `at` is in the middle of the view. */
export async function scrollTo(page, at) {
  await page.locator('article.text').evaluate((article, at) => {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (at < seen + node.length) {
        node.parentElement.scrollIntoView({ block: 'center' });
        return;
      }
      seen += node.length;
    }
  }, at);
}

/** Drags the mouse from the first character of UTF-16 [start, end) to its last (scrolling the
 * start into view first, so that the drag does not scroll the text under the mouse). */
export async function drag(page, start, end) {
  await scrollTo(page, start);
  const { from, to } = await pointsFor(page, start, end);
  await dragPoints(page, from, to);
}

export async function dragPoints(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/** Drags over `phrase` (its `n`th occurrence) in the article. */
export async function dragOver(page, phrase, n = 0) {
  const [start, end] = await find(page, phrase, n);
  await drag(page, start, end);
}

/** The selection's text as the browser has it. */
export const selectedText = (page) => page.evaluate(() => String(getSelection()));

/** Tags `phrase` with the label on `key`, by a real drag and a key press. */
export async function tag(page, phrase, key, n = 0) {
  await dragOver(page, phrase, n);
  await page.keyboard.press(key);
}

/** Clicks the middle of the `n`th occurrence of `phrase`, at its `k`th character. */
export async function clickText(page, phrase, { n = 0, k } = {}) {
  const [start, end] = await find(page, phrase, n);
  const at = start + (k ?? Math.floor((end - start) / 2));
  let { from } = await pointsFor(page, at, at + 1);
  // Scrolled out of the reader (a shorter reader, an edit that scrolled): brought into view first.
  const view = await page.locator('#reader').boundingBox();
  if (view && (from.y < view.y + 8 || from.y > view.y + view.height - 8)) {
    await scrollTo(page, at);
    ({ from } = await pointsFor(page, at, at + 1));
  }
  await page.mouse.click(from.x + 2, from.y);
}

/** Once the side panel's list has caught up: it follows the text a frame later
 * (ui::hooks::use_deferred), after the frame that showed the edit and the idle time after it. */
export async function listFollowed(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestIdleCallback(() => requestAnimationFrame(() => done())))));
}

/** Each highlighted annotation: { id, label, text (its marks' text joined), selected }. */
export async function highlights(page) {
  return page.locator('article.text').evaluate((article) => {
    const byId = new Map();
    for (const mark of article.querySelectorAll('mark[data-id]')) {
      const id = mark.dataset.id;
      const entry = byId.get(id) ?? { id, label: mark.dataset.label, text: '', selected: false };
      entry.text += mark.textContent;
      entry.selected ||= mark.classList.contains('selected');
      byId.set(id, entry);
    }
    return [...byId.values()];
  });
}

/**
 * Each label chip drawn on the text: the mark's label name (`data-name`), whether its chip is
 * shown, the chip's box on screen (from the generated content's used position and size) and the
 * box of the first character of its span.
 */
export async function chips(page) {
  return page.locator('article.text').evaluate((article) => {
    const out = [];
    for (const mark of article.querySelectorAll('mark[data-name]')) {
      const style = getComputedStyle(mark, '::before');
      const shown = style.content !== 'none' && style.content !== 'normal' && style.display !== 'none';
      const px = (v) => parseFloat(v) || 0;
      // The chip is absolutely positioned: its used left/top are from its containing block (the
      // mark itself when it is positioned).
      let block = mark;
      while (block && getComputedStyle(block).position === 'static') block = block.parentElement;
      // A mark broken over lines contains the chip from its first box's corner.
      const origin = block === mark ? mark.getClientRects()[0] : block ? block.getBoundingClientRect() : { left: 0, top: 0 };
      const borderLeft = block ? px(getComputedStyle(block).borderLeftWidth) : 0;
      const borderTop = block ? px(getComputedStyle(block).borderTopWidth) : 0;
      const left = origin.left + borderLeft + px(style.left) + px(style.marginLeft);
      const top = origin.top + borderTop + px(style.top) + px(style.marginTop);
      const width = px(style.width) + px(style.paddingLeft) + px(style.paddingRight) + px(style.borderLeftWidth) + px(style.borderRightWidth);
      const height = px(style.height) + px(style.paddingTop) + px(style.paddingBottom) + px(style.borderTopWidth) + px(style.borderBottomWidth);
      const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
      const first = walker.nextNode();
      const range = document.createRange();
      range.setStart(first, 0);
      range.setEnd(first, 1);
      const char = range.getBoundingClientRect();
      out.push({
        name: mark.dataset.name,
        text: mark.textContent,
        shown,
        chip: { left, top, right: left + width, bottom: top + height },
        start: { left: char.left, top: char.top, bottom: char.bottom },
      });
    }
    return out;
  });
}

/** The side panel's entries, in order. */
export async function entries(page) {
  await listFollowed(page);
  return page.locator('aside.panel li.entry').evaluateAll((items) =>
    items.map((li) => ({
      label: li.querySelector('.entry-label').textContent,
      position: li.querySelector('.entry-pos').textContent,
      quote: li.querySelector('.entry-quote').textContent,
      selected: li.classList.contains('selected'),
    })),
  );
}

/** Exports through the "Export as…" menu; saves the file into `dir`; returns its path. */
export async function exportAs(page, format, dir) {
  await page.getByRole('button', { name: 'Export as…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: format }).click(),
  ]);
  const path = `${dir}/${download.suggestedFilename()}`;
  await download.saveAs(path);
  return path;
}

/** Clicks Export JSON; returns the download's name, bytes and parsed JSON. */
export async function exportJson(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const raw = await readFile(await download.path(), 'utf8');
  return { filename: download.suggestedFilename(), raw, json: JSON.parse(raw) };
}

/**
 * Checks an exported spanmark file against the document text: every span's `text` is exactly
 * the code points start..end (what Python's text[start:end] gives), with its context.
 */
export function checkSpanmark(json, text) {
  const cps = [...text];
  const problems = [];
  if (json.document.text !== text) problems.push('document.text is not the document');
  for (const [i, a] of json.annotations.entries()) {
    const quote = cps.slice(a.start, a.end).join('');
    if (quote !== a.text) problems.push(`annotations[${i}] ${a.start}-${a.end}: "${a.text}" but the text has "${quote}"`);
    const prefix = cps.slice(Math.max(0, a.start - 32), a.start).join('');
    const suffix = cps.slice(a.end, a.end + 32).join('');
    if (prefix !== a.prefix) problems.push(`annotations[${i}].prefix is "${a.prefix}", expected "${prefix}"`);
    if (suffix !== a.suffix) problems.push(`annotations[${i}].suffix is "${a.suffix}", expected "${suffix}"`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

export const seedText = () => readFile(new URL('../../assets/article.txt', import.meta.url), 'utf8');

/** Opens files through the Open button, as a person does (the browser's file chooser). */
export async function openFiles(page, ...paths) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open', exact: true }).click(),
  ]);
  await chooser.setFiles(paths);
}

/** Waits until the toolbar says every change is stored. */
export async function saved(page) {
  await page.locator('.save-status.saved').waitFor({ timeout: 5000 });
}

/** The export with its timestamp blanked, for byte comparisons. */
export async function exportBytes(page) {
  const { raw } = await exportJson(page);
  return raw.replace(/"exported_at": "[^"]*"/, '"exported_at": ""');
}

/** The documents list: titles in order, and the open one. */
export async function documents(page) {
  return page.locator('nav.documents li.doc').evaluateAll((items) =>
    items.map((li) => (li.querySelector('.doc-name')?.textContent ?? '') + (li.classList.contains('current') ? ' *' : '')),
  );
}

/** Clicks a document in the list. */
export async function switchTo(page, title) {
  await page.locator('nav.documents .doc-open', { hasText: title }).click();
}

/** The visible notice texts (errors and information). */
export async function notices(page) {
  return page.locator('.notices .notice').allTextContents();
}
