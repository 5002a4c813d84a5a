// Trunk's pre-build hook: styles/index.css with its @import lines replaced by the files they
// name, written to target/styles/app.css, which index.html links. The sources stay one file per
// part of the page; the page loads one stylesheet.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const index = join(root, 'styles', 'index.css');
const out = join(root, 'target', 'styles', 'app.css');

const source = await readFile(index, 'utf8');
const parts = [];
for (const line of source.split('\n')) {
  const m = line.match(/^@import "([a-z0-9-]+\.css)";$/);
  if (!m) {
    if (/^\s*@import/.test(line)) throw new Error(`styles/index.css: cannot inline ${line.trim()}`);
    parts.push(line);
    continue;
  }
  parts.push(`/* ${m[1]} */`, await readFile(join(root, 'styles', m[1]), 'utf8'));
}
await mkdir(dirname(out), { recursive: true });
// Written only when it changed, so that `trunk serve` does not see a change of its own making.
const text = parts.join('\n');
const before = await readFile(out, 'utf8').catch(() => null);
if (before !== text) await writeFile(out, text);
