// Trunk's post-build hook (Trunk.toml): in release builds, minifies the JS that wasm-bindgen
// writes (the glue and its snippets) with terser, and updates the integrity hashes that
// index.html carries for those files. Trunk's own minifier leaves the glue nearly whole
// (58 KB); terser halves it, about 2 KB of the gzipped bundle.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { sri } from './sri.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== 'release' || !dir) process.exit(0);

const htmlPath = join(dir, 'index.html');
let html = await readFile(htmlPath, 'utf8');
for (const file of await readdir(dir, { recursive: true })) {
  if (!file.endsWith('.js')) continue;
  const path = join(dir, file);
  const source = await readFile(path, 'utf8');
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  if (code === undefined) throw new Error(`terser gave nothing for ${file}`);
  const before = sri(source);
  if (!html.includes(before)) throw new Error(`index.html has no integrity hash for ${file}`);
  html = html.replace(before, sri(code));
  await writeFile(path, code);
}
await writeFile(htmlPath, html);
