// tools/sw.mjs, the post-build step that writes the service worker: `node --test tests/tools/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const script = new URL('../../tools/sw.mjs', import.meta.url).pathname;

/** Runs sw.mjs on `dir` as Trunk would; returns sw.js's text. */
async function run(dir, profile = 'release') {
  await promisify(execFile)(process.execPath, [script], { env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: profile } });
  return readFile(join(dir, 'sw.js'), 'utf8');
}

/** The cache name and the files sw.js keeps. */
function kept(source) {
  const cache = source.match(/^const CACHE = "(spanmark-[0-9a-f]{16})";$/m)?.[1];
  const files = JSON.parse(source.match(/^const FILES = (\[[\s\S]*?\n\]);$/m)[1]);
  return { cache, files };
}

async function build() {
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-sw-'));
  await mkdir(join(dir, 'snippets', 'x'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<!doctype html><script type=module src=app-1.js></script>');
  await writeFile(join(dir, 'app-1.js'), 'export {}');
  await writeFile(join(dir, 'snippets', 'x', 'inline0.js'), 'export {}');
  await writeFile(join(dir, 'spanmark.html'), 'the one-file build, opened from disk');
  return dir;
}

test('every file of the build is kept, relative to sw.js, with its sha384; not sw.js nor the one-file build', async () => {
  const dir = await build();
  const { cache, files } = kept(await run(dir));
  assert.ok(cache, 'a cache named spanmark-<16 hex>');
  const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
  assert.deepEqual(files, [
    ['./app-1.js', sri('export {}')],
    ['./index.html', sri('<!doctype html><script type=module src=app-1.js></script>')],
    ['./snippets/x/inline0.js', sri('export {}')],
  ]);
});

test('the cache name changes with any file, and only then', async () => {
  const dir = await build();
  const first = kept(await run(dir)).cache;
  assert.equal(kept(await run(dir)).cache, first, 'the same build, the same name (sw.js itself is not counted)');
  await writeFile(join(dir, 'snippets', 'x', 'inline0.js'), 'export const changed = 1;');
  assert.notEqual(kept(await run(dir)).cache, first, 'one changed file, a new name');
});

test('a debug build gets a worker that deletes the caches and unregisters itself', async () => {
  const source = await run(await build(), 'debug');
  assert.match(source, /registration\.unregister\(\)/);
  assert.doesNotMatch(source, /const FILES/);
});

test('a folder without index.html is refused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'spanmark-sw-'));
  await writeFile(join(dir, 'app.js'), '');
  await assert.rejects(run(dir));
});
