// make bench, issue 17's browser rows: Compare with three annotators' files of one text (1,000
// spans each on 100,000 characters; 10,000 each on 1,000,000): from the files chosen to the
// figures and the diff drawn (the files read and parsed, every figure, the groups, the tables
// and the diff's window painted). Median of `runs`.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const CASES = [
  { name: '100k', chars: 100_000, spans: 1_000 },
  { name: '1M', chars: 1_000_000, spans: 10_000 },
];

/** One row per case: { case, chars, annotators, spans, drawn_ms }. */
export async function compareRows(browser, url, dir, source, makeFile, runs, median) {
  const rows = [];
  for (const c of CASES) {
    const files = [];
    for (const seed of [101, 102, 103]) {
      const path = join(dir, `coder${seed}-${c.name}.json`);
      await writeFile(path, makeFile(source, c.chars, c.spans, seed));
      files.push(path);
    }
    const times = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForSelector('article.text [data-p]');
      await page.locator('input.file-input').first().setInputFiles(files[0]);
      await page.waitForFunction((t) => document.querySelector('.doc-title')?.textContent === t, `bench-${c.chars}.txt`);
      await page.getByRole('button', { name: 'Compare' }).click();
      const own = page.getByRole('checkbox', { name: /This document's annotations/ });
      if (await own.isChecked()) await own.uncheck();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: "Add annotators' files…" }).click()]);
      const t0 = await page.evaluate(() => performance.now());
      await chooser.setFiles(files);
      await page.waitForSelector('.agreement-figures table', { timeout: 120_000 });
      await page.waitForSelector('.diff-text mark', { timeout: 120_000 });
      const t1 = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))));
      times.push(t1 - t0);
      await page.close();
    }
    rows.push({ case: c.name, chars: c.chars, annotators: 3, spans: c.spans, drawn_ms: median(times) });
  }
  return rows;
}

/** One line per case. */
export function compareTable(rows, fmt) {
  return rows.map((r) => `${r.case} (${r.annotators} annotators × ${r.spans} spans): files chosen → figures and diff drawn ${fmt(r.drawn_ms)} ms`).join('\n');
}
