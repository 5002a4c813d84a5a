// Runs every browser test against the built app in dist/: `node tests/browser/run.mjs`
// (FILTER=words runs the tests whose names contain them). The same as `npx playwright test`
// from the repository's root: playwright.config.mjs says how; extra arguments are passed on.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const root = fileURLToPath(new URL('../../', import.meta.url));
const run = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exitCode = run.status ?? 1;
