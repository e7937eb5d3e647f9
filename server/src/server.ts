// Language server entry for Node (dist/server.js): the connection over IPC or stdio, the disk, and serverCore.js
// loaded once initialize is answered. Everything else is serve.ts, shared with the web worker.
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { LspReframer } from './framing';
import { serve } from './serve';
import { nodeSourceFiles } from './nodeSourceFiles';
import { collectGarbage } from './nodeGc';
import type * as Core from './core';

// On stdio the byte stream is re-framed first (framing.ts), so garbage or a bad Content-Length costs one message.
const stdio = process.argv.includes('--stdio');
const connection: Connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin.pipe(new LspReframer()), process.stdout)
  : createConnection(ProposedFeatures.all);
// Given streams, the library no longer keeps console output (the wasm runtime's, say) off the protocol's stdout.
if (stdio) {
  for (const m of ['log', 'info', 'debug', 'warn', 'error'] as const) {
    console[m] = (...a: unknown[]) => connection.console[m === 'debug' ? 'log' : m](format(...a));
  }
}
const DOCS_BASE = pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href;

serve(connection, {
  // Bundled apart (scripts/build.mjs); the require is not resolved at build time, so the file is read only now.
  loadCore: async () => require(join(__dirname, 'serverCore.js')) as typeof Core,
  // The wasm files sit beside the bundle: no need to wait for initialize.
  wasm: async () => __dirname,
  files: nodeSourceFiles,
  docsBase: () => DOCS_BASE,
  opens: (uri) => /^file:/.test(uri),
  memory: () => ({ ...process.memoryUsage(), ...Object.fromEntries(getHeapSpaceStatistics().map((x) => [`space:${x.space_name}`, x.space_size])) }),
  collect: collectGarbage,
});
