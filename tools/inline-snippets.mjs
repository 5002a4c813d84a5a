// Post-build step (tools/post-build.mjs, after short-imports.mjs): wasm-bindgen writes each
// `inline_js` block of the edge as a module of its own (dist/snippets/…/inline0.js …, seven of
// them), which the glue imports and index.html preloads, each with its integrity hash. Here they
// go into the glue: each snippet becomes a function-wrapped module at the glue's top (their
// top-level names would clash), read where the glue imported it; the snippet files and their
// <link rel=modulepreload> go, and index.html's hash for the glue is updated. One file gzips
// better than eight, and index.html and sw.js each lose seven hashes that do not compress:
// 1.5 KB of the gzipped bundle (measured 2026-12-01), and seven requests fewer. The snippets
// run as before, in the order the glue imported them, before the glue's own code.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative } from 'node:path';
import { unmodule, withoutImports, wrap } from './unmodule.mjs';
import { sri } from './sri.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) process.exit(0);

const files = await readdir(dir);
const wasmFile = files.find((f) => f.endsWith('_bg.wasm'));
const glueFile = wasmFile && files.find((f) => f === wasmFile.replace(/_bg\.wasm$/, '.js'));
if (!glueFile) throw new Error(`inline-snippets: no glue in ${dir} (${files.join(', ')})`);

const gluePath = join(dir, glueFile);
const glue = await readFile(gluePath, 'utf8');
/** Snippet file → the name of the const that holds its exports, in the order first imported. */
const snippets = new Map();
const body = withoutImports(glue, (from) => {
  if (!/^\.\/snippets\//.test(from)) return undefined;
  const file = join(dirname(gluePath), from);
  if (!snippets.has(file)) snippets.set(file, `__spanmark_snippet${snippets.size}`);
  return snippets.get(file);
});
if (snippets.size === 0) process.exit(0);
if (/__spanmark_snippet/.test(glue)) throw new Error('inline-snippets: the glue already names __spanmark_snippet');

let modules = '';
for (const [file, name] of snippets) {
  const snippet = unmodule(await readFile(file, 'utf8'), (from) => {
    throw new Error(`inline-snippets: ${file} imports ${from}; only snippets without imports are inlined`);
  });
  modules += `const ${name}=${wrap(snippet)};\n`;
}
// A snippet still loaded another way (a dynamic import, a worker's URL) would now be missing. (The
// glue keeps the snippets' paths as keys of the wasm's import object: those are names only.)
if (/(import\(|new URL\()\s*["'][^"']*snippets\//.test(body)) throw new Error('inline-snippets: the glue loads a snippet other than by a static import');
const newGlue = modules + body;

const htmlPath = join(dir, 'index.html');
let html = await readFile(htmlPath, 'utf8');
const paths = new Set([...snippets.keys()].map((f) => relative(dir, f).split('\\').join('/')));
const href = (tag) => tag.match(/\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i)?.slice(1).find((v) => v !== undefined);
let preloads = 0;
html = html.replace(/<link\b[^>]*>/gi, (tag) => {
  const path = href(tag);
  if (!path || !paths.has(posix.normalize(path.replace(/^\.?\//, '')))) return tag;
  preloads += 1;
  return '';
});
if (/snippets\//.test(html)) throw new Error('inline-snippets: index.html still names a snippet');
const hash = sri(glue);
if (html.includes(hash)) html = html.replace(hash, sri(newGlue));
else if (html.includes('integrity')) throw new Error(`inline-snippets: index.html has no integrity hash for ${glueFile}`);

await writeFile(gluePath, newGlue);
await writeFile(htmlPath, html);
for (const file of snippets.keys()) await rm(file);
// The snippets' folders, if nothing else is left in them.
for (const folder of new Set([...snippets.keys()].map(dirname))) {
  if ((await readdir(folder)).length === 0) await rm(folder, { recursive: true });
}
if ((await readdir(join(dir, 'snippets'))).length === 0) await rm(join(dir, 'snippets'), { recursive: true });
console.log(`inline-snippets: ${snippets.size} snippets into ${glueFile}, ${preloads} preloads removed`);
