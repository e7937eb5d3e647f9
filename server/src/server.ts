// Language server entry for Node (dist/server.js): the connection over IPC or stdio, the disk, and serverCore.js
// loaded once initialize is answered. Everything else is serve.ts, shared with the web worker.
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { getHeapSpaceStatistics } from 'node:v8';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { LspReframer } from './framing';
import { serve } from './serve';
import { nodeSourceFiles } from './nodeSourceFiles';
import { routedSourceFiles } from './sourceFiles';
import { openableUri } from './serverPlatform';
import { clientSourceFiles } from './web/clientSourceFiles';
import { workerSummarizer } from './workerSummarizer';
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
// A desktop client with a virtual workspace (vscode-vfs:, ...) reads those files for the server, as the web client does.
let clientReadsFiles = false;
/**
 * Worker threads that summarise the workspace while the index builds (one core is left to this thread, at most 4);
 * CONDIS_INDEX_THREADS sets the number, 0 for none (the index is then built in this thread, between messages).
 */
const INDEX_THREADS = Number(process.env.CONDIS_INDEX_THREADS ?? Math.max(1, Math.min(4, availableParallelism() - 1)));
const DOCS_BASE = pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href;

serve(connection, {
  // Bundled apart (scripts/build.mjs); the require is not resolved at build time, so the file is read only now.
  loadCore: async () => require(join(__dirname, 'serverCore.js')) as typeof Core,
  // The wasm files sit beside the bundle: no need to wait for initialize.
  wasm: async () => __dirname,
  files: routedSourceFiles(nodeSourceFiles, clientSourceFiles(connection), () => clientReadsFiles),
  docsBase: () => DOCS_BASE,
  // Where the client reads files, its workspace may be a virtual one: its locations open as the web's do.
  opens: (uri) => (clientReadsFiles ? openableUri(uri) : /^file:/.test(uri)),
  initialize: (init) => { clientReadsFiles = (init.initializationOptions as { clientReadsFiles?: unknown } | undefined)?.clientReadsFiles === true; },
  summarizer: INDEX_THREADS > 0
    ? (inThread) => workerSummarizer(join(__dirname, 'indexWorker.js'), INDEX_THREADS, inThread, (m) => connection.console.warn(m), nodeSourceFiles.reaches)
    : undefined,
  memory: () => ({ ...process.memoryUsage(), ...Object.fromEntries(getHeapSpaceStatistics().map((x) => [`space:${x.space_name}`, x.space_size])) }),
  collect: collectGarbage,
});
