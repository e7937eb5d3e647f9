// VS Code entry point for the web worker extension host (vscode.dev, github.dev, code-server with the web host):
// the language server runs in a Web Worker (dist/browser/server.js), loads the grammar from the extension's own
// files and reads the workspace through this client (webFiles.ts). The rest is activate.ts, shared with extension.ts.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivateClient, DOCUMENT_SELECTOR, type CondisApi } from './activate';
import { mark } from './startupMarks';
import { registerWebFiles } from './webFiles';

export type { CondisApi };

// The web worker host has these; the project's type-check runs against Node's library.
interface ServerWorker { terminate(): void }
declare const Worker: new (url: string) => ServerWorker;
declare const Blob: new (parts: string[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/**
 * A URL the worker can fetch for one of the extension's files. On vscode.dev the extension URI is already https:;
 * in a remote (code-server) workbench it is vscode-remote:, which only this host's fetch maps: its answer's `url` is
 * the browser URL on the same origin.
 */
async function fetchableUrl(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'https' || uri.scheme === 'http') return uri.toString(true);
  const res = await fetch(uri.toString(true));
  void res.body?.cancel();
  if (!res.ok) throw new Error(`cannot load ${uri.toString(true)}: ${res.status}`);
  return res.url;
}

/** The language server's script, fetched once (a restart reuses it). */
async function serverScript(script: vscode.Uri): Promise<string> {
  const res = await fetch(await fetchableUrl(script));
  if (!res.ok) throw new Error(`cannot load the language server: ${res.status}`);
  return res.text();
}

/**
 * The server's worker. A worker cannot be created from a remote extension's URL (code-server refuses it), so the
 * script is started from a blob: URL; it fetches nothing else but the two wasm files. Their URLs lead the script, so
 * that the worker fetches them while the client and the server shake hands (web/server.ts).
 */
function serverWorker(script: string, wasm: { runtime: string; grammar: string }): ServerWorker {
  const head = `self.condisWasm = ${JSON.stringify(wasm)};\n`;
  return new Worker(URL.createObjectURL(new Blob([head, script], { type: 'text/javascript' })));
}

export async function activate(context: vscode.ExtensionContext): Promise<CondisApi> {
  mark('activate');
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  // The script and the wasm URLs at once: each is a round trip to the extension's origin.
  const script = serverScript(vscode.Uri.joinPath(dist, 'browser', 'server.js'));
  script.catch(() => undefined); // reported by the client's start, not as an unhandled rejection here
  const [runtime, grammar] = await Promise.all([
    fetchableUrl(vscode.Uri.joinPath(dist, 'web-tree-sitter.wasm')),
    fetchableUrl(vscode.Uri.joinPath(dist, 'tree-sitter-c.wasm')),
  ]);
  return activateWith(context, {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions: { wasm: { runtime, grammar }, docsBase: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString() },
    // A new worker at each start (a restart ends the one before: a stopped server's worker would otherwise stay).
    // The transports are made here: the host's Worker is wrapped, so the library's `instanceof Worker` test fails.
    create: (options) => {
      let worker: ServerWorker | undefined;
      const start = async () => {
        worker?.terminate();
        worker = serverWorker(await script, { runtime, grammar });
        mark('serverStarted');
        const port = worker as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
        return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
      };
      // The library's type is the DOM's Worker, which the project's (Node) type-check does not have.
      return new LanguageClient('condis', 'CoNDIS Assist', start as unknown as ConstructorParameters<typeof LanguageClient>[2], options);
    },
    prepare: registerWebFiles,
  });
}

export const deactivate = deactivateClient;
