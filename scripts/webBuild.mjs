// The two bundles for VS Code's web worker extension host: the client (CommonJS, loaded by the host with a `require`
// that serves only `vscode`) and the language server (an IIFE started in a Web Worker). Both for the browser, and
// the build fails when either would import a Node built-in: the metafile is read for what they import.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

export const WEB_ENTRIES = [
  { in: 'client/src/browserExtension.ts', out: 'browser/extension.js', format: 'cjs' },
  { in: 'server/src/web/server.ts', out: 'browser/server.js', format: 'iife' },
];

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (path) => BUILTINS.has(path) || path.startsWith('node:') || BUILTINS.has(path.split('/')[0]);

/**
 * What a web bundle's metafile says it imports from Node: external imports and resolved inputs named like a built-in.
 * `(disabled):fs` inputs are modules a package's `browser` field maps to nothing (web-tree-sitter's Node branch):
 * never loaded in a browser, so they are listed, not refused.
 */
export function nodeImports(metafile) {
  const bad = [];
  const disabled = [];
  for (const [file, out] of Object.entries(metafile.outputs)) {
    for (const imp of out.imports ?? []) if (imp.external && isBuiltin(imp.path)) bad.push(`${file} imports ${imp.path}`);
  }
  for (const [input, info] of Object.entries(metafile.inputs)) {
    if (input.startsWith('(disabled):')) { disabled.push(input.slice('(disabled):'.length)); continue; }
    for (const imp of info.imports ?? []) if (isBuiltin(imp.path) && !imp.path.startsWith('(disabled)')) bad.push(`${input} imports ${imp.path}`);
  }
  return { bad, disabled: [...new Set(disabled)].sort() };
}

export async function webBundles({ root, dist, production }) {
  const results = await Promise.all(WEB_ENTRIES.map((e) => build({
    entryPoints: [join(root, e.in)],
    outfile: join(dist, e.out),
    bundle: true,
    platform: 'browser',
    format: e.format,
    target: 'es2022',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    external: ['vscode'],
    metafile: true,
    // web-tree-sitter reads import.meta.url for its default file locations; the worker is given them instead.
    define: { 'import.meta.url': '""' },
  })));
  const found = results.map((r) => nodeImports(r.metafile));
  const bad = found.flatMap((f) => f.bad);
  if (bad.length) throw new Error(`a web bundle imports Node built-ins:\n  ${bad.join('\n  ')}`);
  return { disabled: [...new Set(found.flatMap((f) => f.disabled))] };
}
