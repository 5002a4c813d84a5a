// tools/inline-snippets.mjs on a glue and snippets made here, in the shapes wasm-bindgen and
// terser write: the glue still works with the snippets inside it, their files and preloads are
// gone, and index.html's hash for the glue follows. `node --test tests/tools/` (part of make test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../tools/inline-snippets.mjs', import.meta.url));
const sri = (b) => `sha384-${createHash('sha384').update(b).digest('base64')}`;
const exists = (path) => access(path).then(() => true, () => false);

// Both snippets and the glue declare `n` at the top: inlined as they are, they would clash.
const SNIPPETS = {
  'inline0.js': 'let n=0;export function count(){return n+=1}',
  'inline1.js': 'const n="one";export function name(){return n}export const order=[];order.push("inline1");',
};
const GLUE = `import{count as c}from"./snippets/app-1/inline0.js";import*as m from"./snippets/app-1/inline1.js";
const n={"./snippets/app-1/inline1.js":m};m.order.push("glue");
export function run(){return[c(),c(),m.name(),Object.keys(n)[0],m.order.join()]}export default run;`;

test('the snippets go into the glue, which works as before; their files and preloads are gone', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-inline-'));
  await mkdir(join(dir, 'snippets', 'app-1'), { recursive: true });
  for (const [name, code] of Object.entries(SNIPPETS)) await writeFile(join(dir, 'snippets', 'app-1', name), code);
  await writeFile(join(dir, 'app_bg.wasm'), '');
  await writeFile(join(dir, 'app.js'), GLUE);
  const preload = (f) => `<link crossorigin href=./snippets/app-1/${f} integrity=${sri(SNIPPETS[f])} rel=modulepreload>`;
  await writeFile(join(dir, 'index.html'), `<link href=./app.js integrity=${sri(GLUE)} rel=modulepreload>${preload('inline0.js')}${preload('inline1.js')}<p>`);

  const expected = [1, 2, 'one', './snippets/app-1/inline1.js', 'inline1,glue'];
  const { run: before } = await import(pathToFileURL(join(dir, 'app.js')).href);
  assert.deepEqual(before(), expected);

  const done = spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, encoding: 'utf8' });
  assert.equal(done.status, 0, done.stderr);
  const glue = await readFile(join(dir, 'app.js'), 'utf8');
  assert.doesNotMatch(glue, /\bimport\b/, 'the glue imports nothing');
  assert.equal(await exists(join(dir, 'snippets')), false, 'the snippets folder is gone');
  assert.equal(await readFile(join(dir, 'index.html'), 'utf8'), `<link href=./app.js integrity=${sri(glue)} rel=modulepreload><p>`);
  const { run: after } = await import(`${pathToFileURL(join(dir, 'app.js')).href}?after`);
  assert.deepEqual(after(), expected);
});
