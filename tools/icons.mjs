// Draws the app's icons as PNGs from assets/icons/icon.svg (the drawing), in headless Chromium:
//   node tools/icons.mjs      → assets/icons/icon-192.png, icon-512.png
// Run again after changing the drawing; the PNGs are committed.
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { launchOptions } from '../tests/browser/chromium.mjs';

const dir = new URL('../assets/icons/', import.meta.url);
const svg = await readFile(new URL('icon.svg', dir), 'utf8');
const browser = await chromium.launch(launchOptions());
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>*{margin:0}</style><img width=${size} height=${size} src="data:image/svg+xml,${encodeURIComponent(svg)}">`);
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: new URL(`icon-${size}.png`, dir).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
