// Trunk's one post-build hook (Trunk.toml): runs the post-build steps one after another, in this
// order. Trunk starts all the hooks of a stage at once (trunk 0.21's hooks.rs spawns each), and
// these steps each rewrite dist's index.html, or read what the one before wrote (sw.mjs hashes
// the files as minify and csp left them): as hooks of their own they would race. Each step is a script under tools/ reading TRUNK_STAGING_DIR.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const STEPS = [
  'minify.mjs', // release builds: terser over the JS glue, index.html's integrity hashes
  'reorder.mjs', // release builds: the wasm's functions in an order gzip compresses better, names dropped (~5.4 KB gzip)
  'short-imports.mjs', // one- and two-letter names for the wasm's imports from the glue (~9.2 KB gzip)
  'inline-snippets.mjs', // the inline_js snippets into the glue, their files and preloads gone (~1.5 KB gzip)
  'csp.mjs', // the inline loader's sha256 into index.html's Content-Security-Policy
  'sw.mjs', // sw.js: the service worker keeping every file above, each with its sha384
  'onefile.mjs', // dist/spanmark.html, from everything above: the last step
];

for (const step of STEPS) {
  const script = fileURLToPath(new URL(step, import.meta.url));
  const run = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`post-build step tools/${step} failed (${run.error?.message ?? `exit status ${run.status}`})`);
    process.exit(1);
  }
}
