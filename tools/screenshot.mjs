// Takes a screenshot of the built app: node tools/screenshot.mjs out.png [width height]
// (SHOT_THEME=dark for the dark colour scheme)
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { launchOptions } from '../tests/browser/chromium.mjs';
import * as helpers from '../tests/browser/page.mjs';

const [out = 'screenshot.png', width = '1280', height = '800'] = process.argv.slice(2);
const { server, url } = await serve('dist', 0);
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) },
  colorScheme: process.env.SHOT_THEME === 'dark' ? 'dark' : 'light',
});
await page.goto(url);
await page.waitForSelector('article.text [data-p]');
// SHOT_SCRIPT: statements run with `page` and `helpers` (tests/browser/page.mjs) in scope.
if (process.env.SHOT_SCRIPT) await new Function('page', 'helpers', `return (async () => { ${process.env.SHOT_SCRIPT} })()`)(page, helpers);
await page.screenshot({ path: out });
await browser.close();
server.close();
console.log(`wrote ${out}`);
