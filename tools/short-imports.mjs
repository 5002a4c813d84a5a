// Post-build step (tools/post-build.mjs, after minify.mjs): short names for the wasm's imports
// from wasm-bindgen's glue. wasm-bindgen names each import after the JS it calls plus a 16-digit
// hash (`__wbg_getBoundingClientRect_9f973e395d22a7dd`), under the module "./spanmark_bg.js",
// and writes each name twice: in the wasm's import section and as a key of the glue's import
// object. The hashes do not compress: with 287 imports the names cost 8.8 KB of the gzipped
// bundle (measured 2026-12-01: wasm -5.4 KB, glue -3.4 KB). Here each import becomes a one- or
// two-letter name (`a`, `b`, … `Z9`) and the module "g", in the wasm and in the glue alike.
// The exports whose names carry a hash (the closures' `…invoke__h…`, which the glue calls as
// `wasm.name(…)`) become `x0`, `x1`, … the same way (0.4 KB more); the other exports (`memory`,
// `__wbindgen_malloc`, …) and the imports from the snippets (the snippets' own export names)
// keep their names. index.html's integrity hashes for both files are updated.
//
// The rewrite is checked, not guessed: every renamed import must occur in the glue exactly once,
// as an object key, and every renamed export as a property and never quoted, or the build fails (a
// wasm-bindgen that writes its glue differently shows up here, not as a blank page).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sri } from './sri.mjs';
import { readLeb, writeLeb } from './leb.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) process.exit(0);

const GLUE_MODULE = './spanmark_bg.js';
const SHORT_MODULE = 'g';

const files = await readdir(dir);
const wasmFile = files.find((f) => f.endsWith('_bg.wasm'));
const glueFile = wasmFile && files.find((f) => f === wasmFile.replace(/_bg\.wasm$/, '.js'));
if (!wasmFile || !glueFile) throw new Error(`short-imports: no wasm and glue in ${dir} (${files.join(', ')})`);


const leb = readLeb;
const uleb = writeLeb;

const utf8 = new TextDecoder();
const encode = (s) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];

/** The n-th short name: a–z, A–Z, then a letter and a letter or digit. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TAIL = `${LETTERS}0123456789`;
function shortName(n) {
  if (n < LETTERS.length) return LETTERS[n];
  n -= LETTERS.length;
  if (n >= LETTERS.length * TAIL.length) throw new Error('short-imports: too many imports');
  return LETTERS[Math.floor(n / TAIL.length)] + TAIL[n % TAIL.length];
}

/** Old name → new name, for the wasm's exports whose names carry a hash (the closures'
 * `wasm_bindgen__convert__closures_____invoke__h…`); the glue calls them as `wasm.name`. */
const renamedExports = new Map();

/** The export section from `body` to `end`, with the hashed names shortened. */
function exportSection(body, end) {
  const [count, first] = leb(wasm, body);
  let p = first;
  const names = [];
  const rest = [];
  for (let i = 0; i < count; i++) {
    const [len, n0] = leb(wasm, p);
    names.push(utf8.decode(wasm.subarray(n0, n0 + len)));
    const kindAt = n0 + len;
    const [, after] = leb(wasm, kindAt + 1);
    rest.push(wasm.subarray(kindAt, after));
    p = after;
  }
  if (p !== end) throw new Error('short-imports: the export section did not parse to its end');
  const section = [...uleb(count)];
  names.forEach((name, i) => {
    if (/_h[0-9a-f]{16}(_\d+)?$/.test(name)) {
      const short = `x${renamedExports.size}`;
      if (names.includes(short)) throw new Error(`short-imports: the wasm already exports ${short}`);
      renamedExports.set(name, short);
      section.push(...encode(short));
    } else {
      section.push(...encode(name));
    }
    section.push(...rest[i]);
  });
  return Buffer.from([7, ...uleb(section.length), ...section]);
}

const wasmPath = join(dir, wasmFile);
const wasm = await readFile(wasmPath);
if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`short-imports: ${wasmFile} is not wasm`);

/** Old name → new name, for the glue's imports. */
const renamed = new Map();
const out = [wasm.subarray(0, 8)];
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = leb(wasm, at + 1);
  const end = body + size;
  if (id === 7) {
    out.push(exportSection(body, end));
    at = end;
    continue;
  }
  if (id !== 2) {
    out.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  // The import section: module name, field name, then a description by kind.
  let p = body;
  const [count, first] = leb(wasm, p);
  p = first;
  const section = [...uleb(count)];
  for (let i = 0; i < count; i++) {
    const [mlen, m0] = leb(wasm, p);
    const module = utf8.decode(wasm.subarray(m0, m0 + mlen));
    const [flen, f0] = leb(wasm, m0 + mlen);
    const field = utf8.decode(wasm.subarray(f0, f0 + flen));
    const descStart = f0 + flen;
    const kind = wasm[descStart];
    let q = descStart + 1;
    if (kind === 0) [, q] = leb(wasm, q); // function: type index
    else if (kind === 1) {
      q += 1; // table: reference type, then limits
      const flags = wasm[q++];
      [, q] = leb(wasm, q);
      if (flags & 1) [, q] = leb(wasm, q);
    } else if (kind === 2) {
      const flags = wasm[q++]; // memory: limits
      [, q] = leb(wasm, q);
      if (flags & 1) [, q] = leb(wasm, q);
    } else if (kind === 3) q += 2; // global: value type, mutability
    else throw new Error(`short-imports: import kind ${kind} of ${module}.${field}`);
    if (module === GLUE_MODULE) {
      if (renamed.has(field)) throw new Error(`short-imports: ${field} imported twice`);
      renamed.set(field, shortName(renamed.size));
      section.push(...encode(SHORT_MODULE), ...encode(renamed.get(field)));
    } else {
      section.push(...encode(module), ...encode(field));
    }
    section.push(...wasm.subarray(descStart, q));
    p = q;
  }
  if (p !== end) throw new Error('short-imports: the import section did not parse to its end');
  out.push(Buffer.from([2, ...uleb(section.length), ...section]));
  at = end;
}
if (renamed.size === 0) throw new Error(`short-imports: ${wasmFile} imports nothing from ${GLUE_MODULE}`);

const gluePath = join(dir, glueFile);
const glue = await readFile(gluePath, 'utf8');
let newGlue = glue;
const escape = (s) => s.replace(/[$]/g, '\\$');
for (const [old, short] of renamed) {
  // A key of the import object: `name:function(…)`, `name(…){…}` or `"name":…`.
  const key = new RegExp(`(?<![\\w$])(["']?)${escape(old)}\\1(?=\\s*[:(])`, 'g');
  const found = newGlue.match(key)?.length ?? 0;
  const anywhere = newGlue.split(old).length - 1;
  if (found !== 1 || anywhere !== 1) {
    throw new Error(`short-imports: ${old} is in ${glueFile} ${anywhere} times, ${found} as a key (1 and 1 expected)`);
  }
  newGlue = newGlue.replace(key, short);
}
for (const [old, short] of renamedExports) {
  // Read as a property of the instance's exports: `wasm.name(…)`. (An unminified glue also has a
  // function of its own by the same name, which calls it: that one is a separate name and stays.)
  // A quoted name would be a computed access (`wasm["name"]`) that this rewrite would miss.
  const asProperty = new RegExp(`(?<=\\.)${escape(old)}(?![\\w$])`, 'g');
  const quoted = new RegExp(`["'\`]${escape(old)}["'\`]`);
  if (!asProperty.test(newGlue) || quoted.test(newGlue)) {
    throw new Error(`short-imports: the export ${old} is not read as \`.${old}\` alone in ${glueFile}`);
  }
  newGlue = newGlue.replace(asProperty, short);
}
const moduleKey = new RegExp(`(["'])${GLUE_MODULE.replace(/[.]/g, '\\.')}\\1(?=\\s*:)`, 'g');
if ((newGlue.match(moduleKey)?.length ?? 0) !== 1) {
  throw new Error(`short-imports: the key "${GLUE_MODULE}" is not in ${glueFile} once`);
}
newGlue = newGlue.replace(moduleKey, `"${SHORT_MODULE}"`);

const newWasm = Buffer.concat(out);
const htmlPath = join(dir, 'index.html');
let html = await readFile(htmlPath, 'utf8');
for (const [before, after, file] of [
  [wasm, newWasm, wasmFile],
  [glue, newGlue, glueFile],
]) {
  const hash = sri(before);
  if (html.includes(hash)) html = html.replace(hash, sri(after));
  else if (html.includes('integrity')) throw new Error(`short-imports: index.html has no integrity hash for ${file}`);
}
await writeFile(wasmPath, newWasm);
await writeFile(gluePath, newGlue);
await writeFile(htmlPath, html);
