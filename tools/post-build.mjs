// Trunk's one post-build hook (Trunk.toml): runs the steps that rewrite the staged build, one
// after the other, in this order. Trunk 0.21 starts every hook of a stage at once (trunk's
// src/hooks.rs spawns them all, then waits), so two hooks listed in order still race: sw.mjs
// must hash the files minify.mjs has finished writing. Each step reads TRUNK_STAGING_DIR and
// TRUNK_PROFILE from the environment this script inherits.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const STEPS = [
  // terser on wasm-bindgen's JS, and index.html's integrity hashes to match (release only).
  'minify.mjs',
  // sw.js: the service worker keeping every file above, hashed (last: it hashes the final files).
  'sw.mjs',
];

for (const step of STEPS) {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL(step, import.meta.url))], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`post-build: ${step} failed`);
    process.exit(run.status ?? 1);
  }
}
