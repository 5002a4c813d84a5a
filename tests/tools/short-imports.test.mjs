// tools/short-imports.mjs on a small wasm and glue made here: the renamed module still links and
// runs, index.html's integrity hashes follow, and a glue it cannot rewrite safely stops the build.
// `node --test tests/tools/` (part of make test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../tools/short-imports.mjs', import.meta.url));
const FOO = '__wbg_foo_0123456789abcdef';
const BAR = '__wbg_bar_fedcba9876543210';
const INVOKE = 'wasm_bindgen__convert__closures_____invoke__h0123456789abcdef';

const bytes = (s) => [s.length, ...Buffer.from(s)];
function uleb(n) {
  const out = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>= 7;
  } while (n > 0);
  return out;
}
const section = (id, body) => [id, ...uleb(body.length), ...body];

/** A module importing FOO and BAR from the glue and `starts` from a snippet, exporting `run`
 * (calls all three) as INVOKE and `main`. */
function module() {
  const types = section(1, [1, 0x60, 0, 0]);
  const imports = section(2, [
    3,
    ...bytes('./spanmark_bg.js'), ...bytes(FOO), 0, 0,
    ...bytes('./snippets/x/inline0.js'), ...bytes('starts'), 0, 0,
    ...bytes('./spanmark_bg.js'), ...bytes(BAR), 0, 0,
  ]);
  const functions = section(3, [1, 0]);
  const exports = section(7, [2, ...bytes(INVOKE), 0, 3, ...bytes('main'), 0, 3]);
  const body = [0, 0x10, 0, 0x10, 1, 0x10, 2, 0x0b];
  const code = section(10, [1, body.length, ...body]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...functions, ...exports, ...code]);
}

/** A glue in the shape terser leaves wasm-bindgen's: keys of an import object, exports read as
 * properties. `run(bytes)` instantiates and calls INVOKE, then `main`. */
const GLUE = `export async function run(b){const l=[],i={__proto__:null,${FOO}:function(){l.push("foo")},${BAR}(){l.push("bar")}};
const{instance:n}=await WebAssembly.instantiate(b,{"./spanmark_bg.js":i,"./snippets/x/inline0.js":{starts:()=>l.push("starts")}});
const Y=n.exports;Y.${INVOKE}();Y.main();return l}`;

const sri = (b) => `sha384-${createHash('sha384').update(b).digest('base64')}`;

async function staging(glue) {
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-short-'));
  await writeFile(join(dir, 'app_bg.wasm'), module());
  await writeFile(join(dir, 'app.js'), glue);
  await writeFile(join(dir, 'index.html'), `<link integrity=${sri(module())}><link integrity=${sri(glue)}>`);
  return dir;
}

const runScript = (dir) => spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, encoding: 'utf8' });

test('the glue imports and hashed exports get short names; the module still links and runs', async () => {
  const { run: before } = await import(`data:text/javascript,${encodeURIComponent(GLUE)}`);
  assert.deepEqual(await before(module()), ['foo', 'starts', 'bar', 'foo', 'starts', 'bar']);

  const dir = await staging(GLUE);
  const done = runScript(dir);
  assert.equal(done.status, 0, done.stderr);
  const wasm = await readFile(join(dir, 'app_bg.wasm'));
  const glue = await readFile(join(dir, 'app.js'), 'utf8');
  assert.ok(wasm.length < module().length, 'the wasm is smaller');
  for (const name of [FOO, BAR, INVOKE, './spanmark_bg.js']) {
    assert.ok(!wasm.includes(name) && !glue.includes(name), `${name} is gone from both files`);
  }
  assert.ok(wasm.includes('./snippets/x/inline0.js') && wasm.includes('starts'), 'snippet imports are left alone');
  assert.ok(wasm.includes('main') && glue.includes('.main()'), 'an export without a hash keeps its name');

  const { run: after } = await import(pathToFileURL(join(dir, 'app.js')).href);
  assert.deepEqual(await after(wasm), ['foo', 'starts', 'bar', 'foo', 'starts', 'bar']);
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  assert.equal(html, `<link integrity=${sri(wasm)}><link integrity=${sri(glue)}>`);
});

test('a glue that names an import anywhere but as its key stops the build, changing nothing', async () => {
  const dir = await staging(`${GLUE}\nconsole.log("${FOO}");`);
  const done = runScript(dir);
  assert.notEqual(done.status, 0);
  assert.match(done.stderr, new RegExp(FOO));
  assert.deepEqual(await readFile(join(dir, 'app_bg.wasm')), module());
});
