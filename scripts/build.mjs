// Builds dist/: esbuild bundles for the VS Code client, the language server and the CLI, the two bundles for the web
// worker extension host (dist/browser/), with the two tree-sitter wasm files copied beside them and the grammar's
// version recorded. Fails when a web bundle imports a Node built-in.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { webBundles, WEB_ENTRIES } from './webBuild.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // web-tree-sitter's ESM build calls createRequire(import.meta.url); in a CommonJS bundle import.meta is empty,
  // so it gets the bundle's own file URL instead.
  define: { 'import.meta.url': '__bundle_file_url' },
};
const URL_BANNER = 'var __bundle_file_url = require("url").pathToFileURL(__filename).href;';

const entries = [
  { in: 'client/src/extension.ts', out: 'extension.js' },
  { in: 'server/src/server.ts', out: 'server.js' },
  // The server's analysis half, loaded by server.js after it has answered initialize (server/src/core.ts). It uses
  // only the protocol's enums (CompletionItemKind, DiagnosticSeverity, ...), so it takes them from
  // vscode-languageserver-types rather than a second copy of the whole library (400 KB less to compile at start).
  { in: 'server/src/core.ts', out: 'serverCore.js', alias: { 'vscode-languageserver': 'vscode-languageserver-types' } },
  { in: 'server/src/cli.ts', out: 'cli.js', banner: '#!/usr/bin/env node' },
  // The server's indexing worker threads (server/src/workerSummarizer.ts): their own parser and services each.
  { in: 'server/src/indexWorker.ts', out: 'indexWorker.js' },
  // The CLI's worker threads (`check --jobs N`): one parser and set of services each (server/src/cliWorker.ts).
  { in: 'server/src/cliWorker.ts', out: 'cliWorker.js' },
];

const t0 = Date.now();
const [web] = await Promise.all([webBundles({ root, dist, production }), ...entries.map((e) => build({
  ...common,
  entryPoints: [join(root, e.in)],
  outfile: join(dist, e.out),
  banner: { js: e.banner ? `${e.banner}\n${URL_BANNER}` : URL_BANNER },
  ...(e.alias ? { alias: e.alias } : {}),
}))]);

// The wasm runtime and grammar sit beside the bundles; the server finds them through __dirname.
const wasmRuntime = require.resolve('web-tree-sitter/web-tree-sitter.wasm');
const grammarPkg = join(dirname(require.resolve('tree-sitter-c/package.json')));
copyFileSync(wasmRuntime, join(dist, 'web-tree-sitter.wasm'));
copyFileSync(join(grammarPkg, 'tree-sitter-c.wasm'), join(dist, 'tree-sitter-c.wasm'));
const version = (p) => JSON.parse(readFileSync(p, 'utf8')).version;
writeFileSync(join(dist, 'grammar.json'), JSON.stringify({
  'tree-sitter-c': version(join(grammarPkg, 'package.json')),
  'web-tree-sitter': version(join(dirname(wasmRuntime), 'package.json')),
  source: 'npm packages tree-sitter-c (tree-sitter-c.wasm) and web-tree-sitter (web-tree-sitter.wasm), copied unchanged',
}, null, 2) + '\n');
const kb = (f) => statSync(join(dist, f)).size / 1024;
const wasmKb = kb('web-tree-sitter.wasm') + kb('tree-sitter-c.wasm');
const jsKb = WEB_ENTRIES.reduce((n, e) => n + kb(e.out), 0);
console.log(`build: dist/ in ${Date.now() - t0} ms; web: ${WEB_ENTRIES.map((e) => `${e.out} ${kb(e.out).toFixed(0)} KB`).join(', ')}, `
  + `wasm ${wasmKb.toFixed(0)} KB, total ${(jsKb + wasmKb).toFixed(0)} KB; no Node built-in${web.disabled.length ? ` (left out by their packages: ${web.disabled.join(', ')})` : ''}`);
