// Runs every browser test against the built app in dist/: `node tests/browser/run.mjs`
// (FILTER=words runs the tests whose names contain them; SHOTS=dir saves a screenshot of each failure).
import { run } from './harness.mjs';
import './annotator.mjs';
import './persistence.mjs';
import './formats.mjs';
import './long.mjs';

await run();
