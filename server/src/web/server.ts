// Language server entry for VS Code for the Web (dist/browser/server.js): runs in a Web Worker, talks to the client
// over postMessage, reads the workspace through the client, and loads the grammar from the URLs the client gives.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import * as core from '../core';
import { serve } from '../serve';
import { openableUri } from '../serverPlatform';
import { clientSourceFiles } from './clientSourceFiles';

/** What the browser client puts in initializationOptions (client/src/browserExtension.ts). */
interface WebInitOptions { wasm?: { runtime?: unknown; grammar?: unknown }; docsBase?: unknown }

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] & { condisWasm?: WebInitOptions['wasm'] };

/**
 * The wasm files, fetched from the worker's first moment when the client put their URLs ahead of the script
 * (client/src/browserExtension.ts): the download overlaps the handshake instead of following initialize.
 */
function prefetched(wasm: WebInitOptions['wasm']): Promise<{ runtime: Uint8Array; grammar: Uint8Array }> | undefined {
  if (typeof wasm?.runtime !== 'string' || typeof wasm.grammar !== 'string') return undefined;
  const bytes = async (url: string) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`cannot load ${url}: ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const both = Promise.all([bytes(wasm.runtime), bytes(wasm.grammar)]).then(([runtime, grammar]) => ({ runtime, grammar }));
  both.catch(() => undefined); // a failed prefetch falls back to the URLs of initialize
  return both;
}
const early = prefetched(self.condisWasm);

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));

serve(connection, {
  loadCore: async () => core,
  wasm: async (init) => {
    const bytes = await early?.catch(() => undefined);
    if (bytes) return bytes;
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
