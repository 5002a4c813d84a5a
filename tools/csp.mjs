// Trunk's post-build hook (Trunk.toml), every build, after minify.mjs: puts the sha256 of each
// inline script of index.html (Trunk's loader, which imports the glue and starts the wasm) into the
// script-src of the Content-Security-Policy that index.html carries as a meta tag. The loader
// names the build's hashed files, so its hash changes with every build; the policy in index.html
// lists no hash of its own, and without this step the loader would be refused.
//   Also a module: onefile.mjs uses `sha256` and `withPolicy` for dist/spanmark.html.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CSP source expression for an inline script or style whose text is `text`. */
export const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const META = /<meta\b[^>]*\bhttp-equiv=(["']?)content-security-policy\1[^>]*>/gi;
const CONTENT = /\bcontent="([^"]*)"/i;

/** The policy of `html`'s one CSP meta tag, as a map from directive to its sources. */
export function policyOf(html) {
  const metas = html.match(META) ?? [];
  if (metas.length !== 1) throw new Error(`expected one Content-Security-Policy meta tag, found ${metas.length}`);
  const content = metas[0].match(CONTENT);
  if (!content) throw new Error(`the Content-Security-Policy meta tag has no double-quoted content: ${metas[0]}`);
  const policy = new Map();
  for (const directive of content[1].split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** `html` with its CSP meta tag's content replaced by `policy` (a map as `policyOf` gives). */
export function withPolicy(html, policy) {
  const content = [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
  if (content.includes('"')) throw new Error('a policy cannot hold a double quote');
  policyOf(html); // exactly one meta tag
  return html.replace(META, (meta) => meta.replace(CONTENT, `content="${content}"`));
}

/** The texts of the inline scripts of `html` (those without a src): the ones a policy must hash. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , text]) => text);
}

/** `html` whose policy's script-src lists the sha256 of each of its inline scripts, and no other. */
export function hashScripts(html) {
  const policy = policyOf(html);
  const sources = policy.get('script-src');
  if (!sources) throw new Error('the Content-Security-Policy has no script-src');
  const kept = sources.filter((s) => !/^'sha(256|384|512)-/.test(s));
  policy.set('script-src', [...kept, ...new Set(inlineScripts(html).map(sha256))]);
  return withPolicy(html, policy);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: csp.mjs runs as a Trunk hook');
  const path = join(dir, 'index.html');
  await writeFile(path, hashScripts(await readFile(path, 'utf8')));
}
