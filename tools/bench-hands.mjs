// make bench, issue 16's rows: the caret (a move and a Shift-extend, keydown → painted), find
// with a regular expression over the whole text, Annotate all (confirm → painted, and its one
// undo step), and Statistics (click → painted). Called by tools/bench.mjs for each case with its
// page open on the case's document; `measure` is bench.mjs's (an event → the frame that paints
// the DOM change after which a condition holds).

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** In the page: from the next keydown to the end of the first frame that draws the moved caret
 * (a caret move changes no DOM, so bench.mjs's MutationObserver cannot see it): a frame is
 * asked for at the keydown, and each frame until the page's selection differs from what it was
 * then; a message posted from that frame marks its end, as for the edits. Until 2026-12-01 this
 * waited for the `selectionchange` event instead, which the browser fires a task later: on a
 * blank contenteditable page that alone made a caret move 12.8 ms at p95 against 3.0 (it often
 * missed the frame that drew the caret). */
function armCaret(slot) {
  const results = (window.__bench.results ??= {});
  delete results[slot];
  const where = () => {
    const s = getSelection();
    return s ? `${s.anchorNode?.nodeName}:${s.anchorOffset}:${s.focusNode?.nodeName}:${s.focusOffset}:${s.anchorNode === s.focusNode}:${s.toString().length}` : '';
  };
  const nodes = () => { const s = getSelection(); return s ? [s.anchorNode, s.focusNode] : []; };
  const arm = (e) => {
    // The modifiers of Shift+ArrowRight come down first: time from the arrow's own keydown (until
    // 2026-12-01 the Shift or Control keydown started the clock, adding the driver's gap between
    // the two presses to every modified move: about 12 ms).
    if (['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) return;
    removeEventListener('keydown', arm, { capture: true });
    const start = e.timeStamp;
    const [anchor, focus] = nodes();
    const before = where();
    const frame = () => {
      const [a, f] = nodes();
      if (where() === before && a === anchor && f === focus) {
        requestAnimationFrame(frame);
        return;
      }
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { results[slot] = performance.now() - start; };
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(frame);
  };
  addEventListener('keydown', arm, { capture: true });
}

async function caretPress(page, key, slot) {
  await page.evaluate(armCaret, slot);
  await page.keyboard.press(key);
  const handle = await page.waitForFunction((slot) => window.__bench.results?.[slot], slot, { polling: 20, timeout: 10_000 }).catch(() => null);
  return handle ? handle.jsonValue() : Infinity;
}

const CARET_KEYS = { char: 'ArrowRight', word: 'Control+ArrowRight', extend: 'Shift+ArrowRight', extend_word: 'Shift+Control+ArrowRight' };

/** Rounds of `presses` key presses of each kind, each `pause` ms after the last; per kind the
 * median over the rounds of each round's p95. */
async function caretRows(page, runs, presses, pause) {
  const text = page.locator('article.text');
  const rounds = [];
  for (let round = 0; round < runs; round += 1) {
    const row = {};
    for (const [kind, key] of Object.entries(CARET_KEYS)) {
      // A fresh caret in the drawn text for each kind: a click, then Escape to drop a selection.
      await text.click({ position: { x: 20, y: 20 } });
      await page.keyboard.press('Escape');
      await text.focus();
      const times = [];
      for (let i = 0; i < presses; i += 1) {
        await page.waitForTimeout(pause);
        times.push(await caretPress(page, key, `caret-${kind}-${i}`));
      }
      row[kind] = p95(times);
    }
    rounds.push(row);
  }
  return Object.fromEntries(Object.keys(CARET_KEYS).map((k) => [k, median(rounds.map((r) => r[k]))]));
}

const PATTERNS = ['Licen\\w+', 'Program\\w*', '\\bwarrant\\w*', 'copyright\\s+\\w+', 'Licen[sc]e'];

/** Find with a regular expression: from the input event to the frame that paints the new count. */
async function regexFind(page, measure, runs) {
  await page.keyboard.press('Control+f');
  const toggle = page.getByRole('button', { name: 'Regular expression', exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const input = page.locator('.find-input');
  const times = [];
  let matches = null;
  for (let i = 0; i < runs; i += 1) {
    await input.fill('');
    await page.waitForTimeout(200);
    const before = await page.locator('.find-count').textContent();
    const [t] = await measure(page, 'input', [`() => document.querySelector('.find-count').textContent !== ${JSON.stringify(before)}`], () => input.fill(PATTERNS[i % PATTERNS.length]), null, 100);
    times.push(t);
    if (i === 0) matches = await page.locator('.find-count').textContent();
  }
  return { ms: median(times), first_count: matches };
}

/** Annotate all of `\bYou\b` (case matched) as the last label: confirm → the frame that paints the
 * new total; then one Ctrl+Z, which must bring the total back. */
async function annotateAll(page, measure, runs) {
  const input = page.locator('.find-input');
  const caseToggle = page.getByRole('button', { name: 'Match case', exact: true });
  if ((await caseToggle.getAttribute('aria-pressed')) !== 'true') await caseToggle.click();
  await input.fill('\\bYou\\b');
  await page.waitForTimeout(300);
  const total = () => page.locator('aside.panel .total').textContent();
  const times = [];
  let tagged = null;
  let undone = true;
  for (let i = 0; i < runs; i += 1) {
    await page.getByRole('button', { name: 'Annotate all…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const before = await total();
    const [t] = await measure(page, 'click', [`() => document.querySelector('aside.panel .total').textContent !== ${JSON.stringify(before)}`], () => dialog.getByRole('button', { name: /^Tag \d+ as / }).click(), null, 100);
    times.push(t);
    tagged = Number(await total()) - Number(before);
    await page.locator('#reader').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.waitForFunction((b) => document.querySelector('aside.panel .total').textContent === b, before, { timeout: 10_000 }).catch(() => { undone = false; });
  }
  await input.fill('');
  await page.keyboard.press('Escape');
  return { ms: median(times), tagged, one_undo_step: undone };
}

/** Statistics: the click → the frame that paints the open dialog (every word of the text counted). */
async function statistics(page, measure, runs) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const [t] = await measure(page, 'click', ['() => !!document.querySelector("dialog.stats[open] tbody tr")'], () => page.getByRole('button', { name: 'Statistics' }).click(), null, 100);
    times.push(t);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  return median(times);
}

/** Issue 16's rows for the case open on `page`. */
export async function handsRows(page, measure, runs) {
  const caret = await caretRows(page, runs, 20, 100);
  const find = await regexFind(page, measure, runs);
  const all = await annotateAll(page, measure, Math.min(runs, 3));
  const stats = await statistics(page, measure, runs);
  return {
    caret_p95_ms: caret,
    regex_find_ms: find.ms,
    regex_find_first_count: find.first_count,
    annotate_all_ms: all.ms,
    annotate_all_tagged: all.tagged,
    annotate_all_one_undo: all.one_undo_step,
    statistics_ms: stats,
  };
}

const f = (x) => (x === null || x === undefined ? '–' : x === Infinity ? '> 10000' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** The rows as a Markdown table. */
export function handsTable(cases) {
  const lines = [
    '| document | caret → painted p95 (char / word / Shift / Shift+word) | regex find → painted | Annotate all → painted (tagged; one undo) | Statistics → painted |',
    '|---|---|---|---|---|',
  ];
  for (const r of cases) {
    if (!r.hands) continue;
    const h = r.hands;
    const c = h.caret_p95_ms;
    lines.push(`| ${r.case} chars, ${r.spans} spans | ${f(c.char)} / ${f(c.word)} / ${f(c.extend)} / ${f(c.extend_word)} | ${f(h.regex_find_ms)} | ${f(h.annotate_all_ms)} (${h.annotate_all_tagged}; ${h.annotate_all_one_undo ? 'yes' : 'NO'}) | ${f(h.statistics_ms)} |`);
  }
  return lines.join('\n');
}
