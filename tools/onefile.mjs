// Trunk's post-build hook (Trunk.toml), every build, the last one: writes dist/spanmark.html, the
// whole app in one file for people who do not build it (open it from disk with a double-click, or
// hand it to anyone; docs/hosting.md). From the staged index.html (after csp.mjs and the other hooks):
//   - the stylesheet becomes a <style>;
//   - wasm-bindgen's JS glue and its snippets become one inline module: each snippet in a function
//     of its own (their top-level names would clash with the glue's), whose exports the glue reads
//     where it imported them;
//   - the wasm is gzipped and kept as base64 in that module (a third of its raw size; the page
//     unpacks it with DecompressionStream) and handed to the glue's init as bytes, so the page
//     fetches nothing;
//   - every other <link> goes (a manifest, icons, preloads: nothing to load from a file: page),
//     but for data: icons;
//   - its Content-Security-Policy allows exactly its own inline script and style (their sha256)
//     and nothing from 'self', which on a file: page would be every file on the disk.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { policyOf, sha256, withPolicy } from './csp.mjs';
import { unmodule, wrap } from './unmodule.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: onefile.mjs runs as a Trunk hook');

/** A path of the page (`./x.js`, `/x.js` or `x.js`) as a path under `dir`. */
const local = (href) => join(dir, posix.normalize(href.replace(/^\.?\//, '')));
const attribute = (tag, name) => tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);

const html = await readFile(join(dir, 'index.html'), 'utf8');

// The loader Trunk wrote: `import init, * as bindings from './spanmark-….js'` and the wasm's path.
const loaders = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)].map((m) => m[1]);
const loader = loaders.find((s) => /module_or_path/.test(s));
if (!loader) throw new Error("index.html has no Trunk loader (a script with 'module_or_path')");
const gluePath = loader.match(/\bfrom\s*(["'])([^"']+\.js)\1/)?.[2];
const wasmPath = loader.match(/module_or_path\s*:\s*(["'])([^"']+)\1/)?.[2];
if (!gluePath || !wasmPath) throw new Error(`cannot read the glue's and the wasm's paths from the loader:\n${loader}`);

const stylesheets = (html.match(/<link\b[^>]*>/gi) ?? []).filter((tag) => /\brel=["']?stylesheet\b/i.test(tag));
let css = '';
for (const tag of stylesheets) css += await readFile(local(attribute(tag, 'href')), 'utf8');
if (/<\/style/i.test(css)) throw new Error('the stylesheet holds "</style"');

const glueFile = local(gluePath);
const snippets = new Map(); // file → the name of the const holding its exports
let modules = '';
const glue = unmodule(await readFile(glueFile, 'utf8'), (from) => {
  if (!from.startsWith('.')) throw new Error(`the glue imports ${from}, which is not a file beside it`);
  const file = join(dirname(glueFile), from);
  if (!snippets.has(file)) snippets.set(file, `__spanmark_snippet${snippets.size}`);
  return snippets.get(file);
});
for (const [file, name] of snippets) {
  const snippet = unmodule(await readFile(file, 'utf8'), (from) => {
    throw new Error(`${file} imports ${from}: onefile.mjs bundles snippets without imports`);
  });
  modules += `const ${name}=${wrap(snippet)};\n`;
}
if (!glue.exported.some(([as]) => as === 'default')) throw new Error('the glue exports no default (its init)');

const wasm = gzipSync(await readFile(local(wasmPath)), { level: 9 }).toString('base64');
const script = `${modules}const __spanmark_glue=${wrap(glue)};
const __spanmark_wasm="${wasm}";
try{
const packed=Uint8Array.from(atob(__spanmark_wasm),(c)=>c.charCodeAt(0));
const bytes=await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
const wasm=await __spanmark_glue.default({module_or_path:bytes});
window.wasmBindings=__spanmark_glue;
dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm}}));
}catch(e){
const p=document.createElement("p");
p.setAttribute("role","alert");
p.textContent="spanmark could not start in this browser: "+(e&&e.message||e)+". A recent Chrome, Edge, Firefox or Safari runs it.";
document.body.append(p);
throw e;
}`.replace(/<\/script/gi, '<\\/script');
if (/<!--|<script/i.test(script)) throw new Error('the bundled script holds "<!--" or "<script", which would end it early in HTML');

const policy = policyOf(html);
const onefile = new Map([
  ['default-src', ["'none'"]],
  ['script-src', [sha256(script), "'wasm-unsafe-eval'"]],
  ['style-src', [sha256(css)]],
  ['style-src-attr', policy.get('style-src-attr') ?? ["'unsafe-inline'"]],
  ['img-src', ['data:']],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
]);

let page = html
  .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
  .replace(/<link\b[^>]*>/gi, (tag) => (/\brel=["']?icon\b/i.test(tag) && /^data:/.test(attribute(tag, 'href') ?? '') ? tag : ''));
page = withPolicy(page, onefile).replace(
  /<meta\b[^>]*\bhttp-equiv=["']?content-security-policy["']?[^>]*>/i,
  (meta) => `${meta}<style>${css}</style><script type=module>${script}</script>`,
);
await writeFile(join(dir, 'spanmark.html'), page);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`spanmark.html: ${kb(Buffer.byteLength(page))}, ${kb(gzipSync(page, { level: 9 }).length)} gzipped`);
