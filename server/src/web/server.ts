// Language server entry for VS Code for the Web (dist/browser/server.js): runs in a Web Worker, talks to the client
// over postMessage, reads the workspace through the client, and loads the grammar from the URLs the client gives.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import * as core from '../core';
import { serve } from '../serve';
import { openableUri } from '../serverPlatform';
import { clientSourceFiles } from './clientSourceFiles';

/** What the browser client puts in initializationOptions (client/src/browserExtension.ts). */
interface WebInitOptions { wasm?: { runtime?: unknown; grammar?: unknown }; docsBase?: unknown }

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));

serve(connection, {
  loadCore: async () => core,
  wasm: async (init) => {
    const wasm = ((await init).initializationOptions as WebInitOptions | undefined)?.wasm;
    if (typeof wasm?.runtime !== 'string' || typeof wasm.grammar !== 'string') throw new Error('initializationOptions.wasm must give the URLs of web-tree-sitter.wasm and tree-sitter-c.wasm');
    return { runtime: wasm.runtime, grammar: wasm.grammar };
  },
  files: clientSourceFiles(connection),
  docsBase: (init) => {
    const base = (init.initializationOptions as WebInitOptions | undefined)?.docsBase;
    return typeof base === 'string' ? base : '';
  },
  opens: openableUri,
});
