// make bench, issue 15's rows: a document of 1,000,000 characters, 10,000 spans and 5,000
// relations (a version 2 spanmark file). Open → painted (median of `runs`); then, on screens of
// the text, keydown → painted p95 (median over `runs` rounds of each round's p95) of: a relation
// made (R, Tab to the next span, Enter, then the Enter that picks the first type in the menu is
// timed; painted when its arc shows), a relation
// unlinked (Enter on the side panel's × for it; painted when the arc goes), an attribute changed
// (ArrowDown in the selected Claim's first attribute; painted when the panel shows the new
// value) and a span with relations deleted (Delete; painted when its mark goes); then the
// scroll from top to bottom, its frames as bench.mjs counts them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const CASE = { name: '1M', chars: 1_000_000, spans: 10_000, relations: 5_000 };
/** Edits of each kind per round. */
const EDITS = 20;

const def = (name, values) => ({ name, values, default: values[0] });
// The news definitions, as Labels::news() writes them into a version 2 file.
const ATTRIBUTES = {
  claim: [def('stance', ['asserts', 'denies', 'hedges']), def('verified', ['unknown', 'true', 'false', 'misleading'])],
  event: [def('status', ['reported', 'confirmed', 'denied'])],
};
const RELATION_TYPES = [
  { id: 'said_by', name: 'said by', from: ['claim'], to: ['actor'] },
  { id: 'takes_part_in', name: 'takes part in', from: ['actor'], to: ['event'] },
  { id: 'happened_in', name: 'happened in', from: ['event'], to: ['location'] },
  { id: 'about', name: 'about', from: ['claim'], to: ['event', 'actor', 'location'] },
];
const CATEGORIES = [
  def('topic', ['unset', 'politics', 'conflict', 'economy', 'health', 'climate', 'society', 'other']),
  def('genre', ['unset', 'report', 'analysis', 'opinion', 'interview', 'other']),
  def('source', ['unset', 'agency', 'newspaper', 'broadcast', 'online', 'official', 'other']),
];

/** `file` (bench.mjs's makeFile: a version 1 file) as version 2 with `n` relations, each between
 * an annotation and one of the eight after it in the text, typed by the label pair where a news
 * type fits it, else `about`; fixed seed. */
export function withRelations(file, n, random, seed) {
  const f = JSON.parse(file);
  const rand = random(seed);
  const anns = f.annotations;
  const fits = (a, b) => RELATION_TYPES.find((t) => t.from.includes(a.label) && t.to.includes(b.label))?.id ?? 'about';
  const seen = new Set();
  const relations = [];
  while (relations.length < n) {
    const i = Math.floor(rand() * (anns.length - 9));
    const j = i + 1 + Math.floor(rand() * 8);
    const [from, to] = rand() < 0.5 ? [anns[i], anns[j]] : [anns[j], anns[i]];
    const type = fits(from, to);
    const key = `${from.id}>${to.id}:${type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    relations.push({ id: `r${relations.length + 1}`, from: from.id, to: to.id, type });
  }
  f.version = 2;
  for (const l of f.labels) if (ATTRIBUTES[l.id]) l.attributes = ATTRIBUTES[l.id];
  f.relation_types = RELATION_TYPES;
  f.document_attributes = CATEGORIES;
  f.relations = relations;
  return JSON.stringify(f);
}

const ARCS = `() => document.querySelectorAll('svg.arcs g').length`;

/** In the page: the first boxes of the marks in view (their innermost segment), with ids and labels. */
function marksInView() {
  const view = document.querySelector('#reader').getBoundingClientRect();
  const out = [];
  const seen = new Set();
  for (const m of document.querySelectorAll('article.text mark[data-seg]')) {
    const r = m.getClientRects()[0];
    // Clear of the reader's edges and of the link banner over its foot.
    if (!r || r.top < view.top + 40 || r.bottom > view.bottom - 90 || r.width < 8 || seen.has(m.dataset.id)) continue;
    seen.add(m.dataset.id);
    out.push({ id: m.dataset.id, label: m.dataset.label, x: r.left + Math.min(4, r.width / 2), y: r.top + r.height / 2 });
  }
  return out;
}

/** Clicks mark `m` until it is the selected one (a click on nested marks selects the outermost
 * first); true when it is. */
async function select(page, m) {
  for (let i = 0; i < 4; i += 1) {
    await page.mouse.click(m.x, m.y);
    await page.waitForTimeout(60);
    if (await page.evaluate((id) => !!document.querySelector(`article.text mark.selected[data-id="${id}"]`), m.id)) return true;
  }
  return false;
}

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** On down the text by half a screen; the marks then in view. */
async function onward(page) {
  await page.keyboard.press('Escape');
  await page.locator('#reader').evaluate((r) => r.scrollBy(0, r.clientHeight / 2));
  await page.waitForTimeout(150);
  return page.evaluate(marksInView);
}

/** One round from a screen `at` of the way down: EDITS of each kind, on from screen to screen as
 * each needs marks it has not used; each kind's p95. */
async function round(page, at, measure, p95, pause) {
  await page.keyboard.press('Escape');
  await page.locator('#reader').evaluate((r, at) => r.scrollTo(0, r.scrollHeight * at), at);
  await page.waitForTimeout(300);
  const link = [];
  const unlink = [];
  for (let tries = 0; link.length < EDITS && tries < 8 * EDITS; tries += 1) {
    const marks = await onward(page);
    const a = marks[0];
    if (!a || !(await select(page, a))) continue;
    // R, then the target by keys: Tab to the next span, Enter picks it; the type menu opens.
    await page.keyboard.press('r');
    await page.keyboard.press('Tab');
    await page.waitForSelector('mark[data-candidate]', { timeout: 1500 }).catch(() => null);
    await page.keyboard.press('Enter');
    const menu = page.locator('[role="menu"].link-menu');
    if (!(await menu.waitFor({ state: 'visible', timeout: 1500 }).then(() => true, () => false))) {
      await page.keyboard.press('Escape');
      continue;
    }
    await settle(page);
    const before = await page.evaluate(`(${ARCS})()`);
    const [t] = await measure(page, 'keydown', [`() => (${ARCS})() !== ${before}`], () => page.keyboard.press('Enter'), 'link', pause);
    if (t === Infinity) continue;
    link.push(t);
    // Unlink it again from the side panel: Enter on its ×.
    await settle(page);
    const x = page.locator('aside.panel .relations .relation-unlink').last();
    if (!(await x.count())) continue;
    await x.focus();
    const arcs = await page.evaluate(`(${ARCS})()`);
    const [u] = await measure(page, 'keydown', [`() => (${ARCS})() !== ${arcs}`], () => page.keyboard.press('Enter'), 'unlink', pause);
    if (u !== Infinity) unlink.push(u);
  }
  const attribute = [];
  const shown = `() => document.querySelector('aside.panel .details select')?.value`;
  for (let tries = 0; attribute.length < EDITS && tries < 8 * EDITS; tries += 1) {
    const m = (await onward(page)).find((m) => m.label === 'claim');
    if (!m || !(await select(page, m))) continue;
    const field = page.locator('aside.panel .details select').first();
    if (!(await field.count())) continue;
    await field.focus();
    // ArrowDown steps to the next value (Home first when it is the last, unmeasured).
    if (await field.evaluate((s) => s.selectedIndex === s.options.length - 1)) {
      await page.keyboard.press('Home');
      await settle(page);
    }
    const now = await field.inputValue();
    const [t] = await measure(page, 'keydown', [`() => (${shown})() !== ${JSON.stringify(now)}`], () => page.keyboard.press('ArrowDown'), 'attribute', pause);
    if (t !== Infinity) attribute.push(t);
  }
  const remove = [];
  for (let tries = 0; remove.length < EDITS && tries < 8 * EDITS; tries += 1) {
    for (const m of await onward(page)) {
      if (!(await select(page, m))) continue;
      await settle(page);
      if ((await page.locator('aside.panel .relations .relation').count()) === 0) continue;
      const gone = `() => !document.querySelector('article.text mark[data-id="${m.id}"]')`;
      const [t] = await measure(page, 'keydown', [gone], () => page.keyboard.press('Delete'), 'delete_related', pause);
      if (t !== Infinity) remove.push(t);
      break;
    }
  }
  // Put the deleted spans (and their relations) back: one undo each, unmeasured.
  for (let i = 0; i < remove.length; i += 1) {
    await page.keyboard.press('Control+z');
    await settle(page);
  }
  return {
    link: link.length ? p95(link) : null, unlink: unlink.length ? p95(unlink) : null,
    attribute: attribute.length ? p95(attribute) : null, delete_related: remove.length ? p95(remove) : null,
    samples: { link: link.length, unlink: unlink.length, attribute: attribute.length, delete_related: remove.length },
  };
}

/** Issue 15's row. `b` is bench.mjs's: { makeFile, random, openFile, measure, scrollFrames, scrollRow, instrument, median, p95, pause }. */
export async function relationsRows(browser, url, dir, source, runs, b) {
  const path = join(dir, `bench-relations-${CASE.chars}.spanmark.json`);
  await writeFile(path, withRelations(b.makeFile(source, CASE.chars, CASE.spans, 20261126 + CASE.chars), CASE.relations, b.random, 15));
  const title = `bench-${CASE.chars}.txt`;
  const opens = [];
  let context;
  let page;
  for (let run = 0; run < runs; run += 1) {
    if (context) await context.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(b.instrument);
    page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('article.text [data-p]');
    opens.push(await b.openFile(page, path, title));
  }
  await page.waitForSelector('.save-status.saved', { timeout: 60_000 });
  const rounds = [];
  for (let r = 0; r < runs; r += 1) rounds.push(await round(page, 0.3 + r / 10, b.measure, b.p95, b.pause));
  const across = (kind) => {
    const xs = rounds.map((r) => r[kind]).filter((x) => x !== null);
    return xs.length ? b.median(xs) : null;
  };
  const row = {
    case: CASE.name, chars: CASE.chars, spans: CASE.spans, relations: CASE.relations,
    open_ms: b.median(opens.map((o) => o.change)),
    link_p95_ms: across('link'), unlink_p95_ms: across('unlink'), attribute_p95_ms: across('attribute'), delete_related_p95_ms: across('delete_related'),
    samples: rounds.map((r) => r.samples),
    ...b.scrollRow(await b.scrollFrames(page)),
  };
  await context.close();
  return row;
}

/** One line. */
export function relationsTable(r, fmt) {
  return `${r.case} chars, ${r.spans} spans, ${r.relations} relations: open → painted ${fmt(r.open_ms)} ms; keydown → painted p95: link ${fmt(r.link_p95_ms)}, unlink ${fmt(r.unlink_p95_ms)}, attribute ${fmt(r.attribute_p95_ms)}, delete a span with relations ${fmt(r.delete_related_p95_ms)}; scroll frame p95 ${fmt(r.scroll_frame_p95_ms)} (late ${r.scroll_frames_late} of ${r.scroll_frames})`;
}
