// The tools' static server under a sub-path (`--base`), as a static host serving spanmark from a
// folder: `node --test tests/tools/` (part of make test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../tools/serve.mjs';

test('under --base the server answers inside the base only, and redirects the base without its slash', async () => {
  const top = await mkdtemp(join(tmpdir(), 'spanmark-serve-base-'));
  await mkdir(join(top, 'dist'));
  await writeFile(join(top, 'dist', 'index.html'), 'inside');
  await writeFile(join(top, 'dist', 'app.js'), 'script');
  await writeFile(join(top, 'secret.txt'), 'outside');
  const { server, url } = await serve(join(top, 'dist'), 0, { base: '/tools/spanmark/' });
  try {
    const origin = new URL(url).origin;
    assert.equal(new URL(url).pathname, '/tools/spanmark/');
    const get = async (path) => {
      const res = await fetch(origin + path, { redirect: 'manual' });
      return [res.status, res.status === 301 ? res.headers.get('location') : await res.text()];
    };
    assert.deepEqual(await get('/tools/spanmark/'), [200, 'inside']);
    assert.deepEqual(await get('/tools/spanmark/app.js'), [200, 'script']);
    assert.deepEqual(await get('/tools/spanmark'), [301, '/tools/spanmark/']);
    for (const path of ['/', '/app.js', '/index.html', '/tools/app.js', '/tools/spanmarkx/app.js', '/tools/spanmark/..%2f..%2f..%2fsecret.txt']) {
      const [status, body] = await get(path);
      assert.equal(status, 404, `${path} answers 404`);
      assert.notEqual(body, 'outside', `${path} does not reach a file outside dist/`);
    }
  } finally {
    server.close();
  }
});
