// The tools' static server keeps to its folder: `node --test tests/tools/` (part of make test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../tools/serve.mjs';

test('the server answers inside its folder and 404 outside it, a sibling with a longer name included', async () => {
  const top = await mkdtemp(join(tmpdir(), 'spanmark-serve-'));
  await mkdir(join(top, 'dist'));
  await mkdir(join(top, 'dist-old'));
  await writeFile(join(top, 'dist', 'index.html'), 'inside');
  await writeFile(join(top, 'dist-old', 'secret.txt'), 'outside');
  await writeFile(join(top, 'secret.txt'), 'outside');
  const { server, url } = await serve(join(top, 'dist'), 0);
  try {
    const get = async (path) => {
      const res = await fetch(url + path.replace(/^\//, ''));
      return [res.status, await res.text()];
    };
    assert.deepEqual(await get('/'), [200, 'inside']);
    assert.deepEqual(await get('/index.html'), [200, 'inside']);
    for (const path of ['/..%2fdist-old/secret.txt', '/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt']) {
      const [status, body] = await get(path);
      assert.equal(status, 404, `${path} answers 404`);
      assert.notEqual(body, 'outside', `${path} does not reach a file outside dist/`);
    }
  } finally {
    server.close();
  }
});
