// An ES module as a plain function body, for bundling modules into one script without a bundler:
// tools/onefile.mjs (the glue and its snippets, in dist/spanmark.html) and
// tools/inline-snippets.mjs (the snippets, into the served glue) use it. Written for the modules
// wasm-bindgen and terser write: static `import {…}`/`import * as` of files, `export {…}`,
// `export default name`, `export function|class|const|let|var`; anything else is refused.

/** `source` with each static import (`import {a as b} from "x"`, `import * as m from "x"`) made a
 * `const` read from the expression `imports(specifier)` gives for its module. */
export function withoutImports(source, imports) {
  return source.replace(/\bimport\s*(\{[^}]*\}|\*\s*as\s+[\w$]+)\s*from\s*(["'])([^"']+)\2\s*;?/g, (_, what, _q, from) => {
    const module = imports(from);
    if (module === undefined) return _;
    if (what.startsWith('*')) return `const ${what.replace(/^\*\s*as\s+/, '')}=${module};`;
    const names = what.slice(1, -1).split(',').map((n) => n.trim()).filter(Boolean);
    return `const{${names.map((n) => n.replace(/\s+as\s+/, ':')).join(',')}}=${module};`;
  });
}

/** `source` (an ES module) with its imports and exports rewritten for a plain function body:
 * `imports(specifier)` names the object that stands for the imported module; gives the body and
 * the names it exported, as `exported: local` pairs. */
export function unmodule(source, imports) {
  const exported = [];
  let body = withoutImports(source, imports)
    .replace(/\bexport\s*\{([^}]*)\}\s*;?/g, (_, list) => {
      for (const item of list.split(',').map((n) => n.trim()).filter(Boolean)) {
        const [name, as = name] = item.split(/\s+as\s+/);
        exported.push([as, name]);
      }
      return '';
    })
    .replace(/\bexport\s+default\s+([\w$]+)\s*;/g, (_, name) => {
      exported.push(['default', name]);
      return '';
    })
    .replace(/\bexport\s+(async\s+function\*?|function\*?|class|const|let|var)\s+([\w$]+)/g, (_, kind, name) => {
      exported.push([name, name]);
      return `${kind} ${name}`;
    });
  // What is left would be a syntax error in a function (import.meta is fine: the page's address).
  const left = body.match(/(^|[;}\s])(import\s*[{*"']|import\s+[\w$]|export\b)[^\n]{0,60}/);
  if (left) throw new Error(`an import or export unmodule.mjs cannot rewrite: ${left[0]}`);
  return { body, exported };
}

/** The module object expression of a function-wrapped module. */
export const wrap = ({ body, exported }) => `(()=>{${body}\nreturn{${exported.map(([as, name]) => `${JSON.stringify(as)}:${name}`).join(',')}}})()`;
