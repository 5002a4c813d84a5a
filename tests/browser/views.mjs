// How the page reads and behaves at a glance: accessibility on every view, both themes, the
// phone layout.
import { test, assertAccessible } from './harness.mjs';

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violation on the main view (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await assertAccessible(page, `the main view, ${scheme}`);
  });
}
