// A close-up of part of the page at 2× (for looking at highlights): node tools/zoom.mjs out.png selector
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { launchOptions } from '../tests/browser/chromium.mjs';
import * as helpers from '../tests/browser/page.mjs';

const [out, selector] = process.argv.slice(2);
const { server, url } = await serve('dist', 0);
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
await page.goto(url);
await page.waitForSelector('article.text [data-p]');
// SHOT_SCRIPT: statements run with `page` and `helpers` (tests/browser/page.mjs) in scope.
if (process.env.SHOT_SCRIPT) await new Function('page', 'helpers', `return (async () => { ${process.env.SHOT_SCRIPT} })()`)(page, helpers);
await page.locator(selector).screenshot({ path: out });
await browser.close();
server.close();
