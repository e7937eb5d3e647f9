// VS Code entry point for the desktop and remote (Node) extension host: the language server as a Node process over
// IPC (dist/server.js). The rest is activate.ts, shared with the web worker host's entry (browserExtension.ts).
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, deactivateClient, type CondisApi } from './activate';
import { mark } from './startupMarks';

export type { CondisApi };

export function activate(context: vscode.ExtensionContext): Promise<CondisApi> {
  mark('activate');
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  return activateWith(context, {
    documentSelector: [
      { scheme: 'file', language: 'c' },
      { scheme: 'file', language: 'cpp' },
      { scheme: 'untitled', language: 'c' },
      { scheme: 'untitled', language: 'cpp' },
    ],
    create: (options) => new LanguageClient('condis', 'CoNDIS Assist', serverOptions, options),
  });
}

export const deactivate = deactivateClient;
