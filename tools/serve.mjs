// A static file server for dist/, bound to 127.0.0.1. Used by `make serve` and the browser tests.
//   node tools/serve.mjs [--port N] [--dir dist] [--base /tools/spanmark/]
// (port 0 picks a free one; --base serves the folder under that path, as a static host serving
// spanmark from a sub-folder would, and answers 404 outside it)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file `path` (a decoded URL path) names under `root`, or null when it lies outside: compared
 * by whole path segments, so `/..%2fdist-old/x` does not reach a sibling `dist-old` beside `dist`. */
export function inside(root, path) {
  const file = resolve(root, `.${sep}${path}`);
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/** Starts serving `dir`; resolves to { server, url }. `headers` go on every response; `pages`
 * maps paths to HTML served as they are (the bench's blank page); `base` is the path `dir` is
 * served under (`url` ends with it): outside it every path is 404, and the base without its
 * final slash is redirected to it. */
export function serve(dir, port = 0, { headers = {}, pages = {}, base = '/' } = {}) {
  const root = resolve(dir);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer(async (req, res) => {
    try {
      const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (prefix !== '/' && `${full}/` === prefix) {
        res.writeHead(301, { location: prefix }).end();
        return;
      }
      if (!full.startsWith(prefix)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const path = full.slice(prefix.length - 1);
      if (Object.hasOwn(pages, path)) {
        res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] }).end(pages[path]);
        return;
      }
      let file = inside(root, path);
      if (file === null) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}${prefix}` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await serve(arg('--dir', 'dist'), Number(arg('--port', '8080')), { base: arg('--base', '/') });
  console.log(`spanmark is served at ${url}  (Ctrl+C stops)`);
}
