// tools/reorder.mjs on a small wasm made here: the functions come out sorted by their names
// without hash and generic arguments, calls, table entries and exports still reach the same
// functions, the names and the target_features section are gone, index.html's integrity hash
// follows, and a wasm without names stops the build. `node --test tests/tools/` (part of make test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../tools/reorder.mjs', import.meta.url));

const bytes = (s) => [Buffer.byteLength(s), ...Buffer.from(s)];
function uleb(n) {
  const out = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>= 7;
  } while (n > 0);
  return out;
}
const section = (id, body) => [id, ...uleb(body.length), ...body];
const custom = (name, body) => section(0, [...bytes(name), ...body]);

/** Function 0 is the import `m.imp`; 1 `zeta::one` returns 1; 2 `alpha::two` calls 1 and adds
 * 10; 3 `mid::three` calls table entry 0 (function 1) and the import. Exported: `two`, `three`. */
function module({ names = true } = {}) {
  const types = section(1, [1, 0x60, 0, 1, 0x7f]);
  const imports = section(2, [1, ...bytes('m'), ...bytes('imp'), 0, 0]);
  const functions = section(3, [3, 0, 0, 0]);
  const table = section(4, [1, 0x70, 0, 1]);
  const exports = section(7, [2, ...bytes('two'), 0, 2, ...bytes('three'), 0, 3]);
  const elements = section(9, [1, 0, 0x41, 0, 0x0b, 1, 1]);
  const one = [0, 0x41, 1, 0x0b];
  const two = [0, 0x10, 1, 0x41, 10, 0x6a, 0x0b];
  const three = [0, 0x41, 0, 0x11, 0, 0, 0x10, 0, 0x6a, 0x0b];
  const code = section(10, [3, one.length, ...one, two.length, ...two, three.length, ...three]);
  const named = [
    [0, 'imp'],
    [1, 'zeta::one::h0123456789abcdef'],
    [2, 'alpha::two<core::option::Option<u8>>::hfedcba9876543210'],
    [3, 'mid::three'],
  ];
  const map = [named.length, ...named.flatMap(([i, n]) => [...uleb(i), ...bytes(n)])];
  const nameSection = names ? custom('name', [1, ...uleb(map.length), ...map]) : [];
  const features = custom('target_features', [1, 0x2b, ...bytes('mutable-globals')]);
  return Buffer.from([
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...types, ...imports, ...functions, ...table, ...exports, ...elements, ...code, ...nameSection, ...features,
  ]);
}

const sri = (b) => `sha384-${createHash('sha384').update(b).digest('base64')}`;

async function staging(wasm) {
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-reorder-test-'));
  await writeFile(join(dir, 'app_bg.wasm'), wasm);
  await writeFile(join(dir, 'index.html'), `<link integrity=${sri(wasm)}>`);
  return dir;
}

const step = (dir) =>
  spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: 'release' }, encoding: 'utf8' });

/** The ids of the sections, and for custom ones their names. */
function sectionNames(wasm) {
  const out = [];
  for (let at = 8; at < wasm.length; ) {
    let size = 0;
    let shift = 0;
    let p = at + 1;
    for (;;) {
      const b = wasm[p++];
      size += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) break;
    }
    out.push(wasm[at] === 0 ? wasm.subarray(p + 1, p + 1 + wasm[p]).toString() : wasm[at]);
    at = p + size;
  }
  return out;
}

test('the functions are sorted by name, and the module does what it did', async () => {
  const dir = await staging(module());
  const run = step(dir);
  assert.equal(run.status, 0, run.stderr);
  const out = await readFile(join(dir, 'app_bg.wasm'));
  assert.ok(!sectionNames(out).some((s) => typeof s === 'string'), `custom sections left: ${sectionNames(out)}`);
  const { instance } = await WebAssembly.instantiate(out, { m: { imp: () => 100 } });
  assert.equal(instance.exports.two(), 11);
  assert.equal(instance.exports.three(), 101);
  // alpha::two, mid::three, zeta::one: the exports name the first two defined functions.
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(out)).map((e) => e.name);
  assert.deepEqual(exports, ['two', 'three']);
  // alpha::two's body calls zeta::one, now function 3 (`call 3; i32.const 10; i32.add`).
  assert.ok(out.includes(Buffer.from([0x10, 0x03, 0x41, 0x0a, 0x6a])), 'alpha::two does not call function 3');
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  assert.equal(html, `<link integrity=${sri(out)}>`);
});

test('a wasm without names stops the build', async () => {
  const wasm = module({ names: false });
  const dir = await staging(wasm);
  const run = step(dir);
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /no names/);
  assert.deepEqual(await readFile(join(dir, 'app_bg.wasm')), wasm);
});
