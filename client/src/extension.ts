// VS Code entry point for the desktop and remote (Node) extension host: the language server as a Node process over
// IPC (dist/server.js), which asks this client for the files of a virtual workspace. The rest is activate.ts, shared
// with the web worker host's entry (browserExtension.ts).
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, deactivateClient, DOCUMENT_SELECTOR, type CondisApi } from './activate';
import { mark } from './startupMarks';
import { registerWebFiles } from './webFiles';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

export type { CondisApi };

export function activate(context: vscode.ExtensionContext): Promise<CondisApi> {
  mark('activate');
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  return activateWith(context, {
    documentSelector: DOCUMENT_SELECTOR,
    // The server reads this host's disk itself; the files of a virtual workspace (vscode-vfs:, ...) it asks us for.
    initializationOptions: { clientReadsFiles: true },
    prepare: registerWebFiles,
    create: (options) => new LanguageClient('condis', 'CoNDIS Assist', serverOptions, options),
  });
}

export const deactivate = deactivateClient;
