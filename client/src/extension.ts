// VS Code entry point: starts the CoNDIS language server over IPC and registers client-only commands. Thin on purpose.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('CoNDIS Assist', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'c' },
      { scheme: 'file', language: 'cpp' },
      { scheme: 'untitled', language: 'c' },
      { scheme: 'untitled', language: 'cpp' },
    ],
    // The server reads `condis.*` through workspace/configuration and is told when it changes.
    synchronize: { configurationSection: 'condis' },
    // VS Code reads the contributed snippets itself: the server must not offer them a second time.
    initializationOptions: { contributesSnippets: true },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: {
      window: {
        // Rule pages are Markdown: show them rendered rather than as source.
        showDocument: async (params, token, next) => {
          if (!params.external && params.uri.endsWith('.md')) {
            await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(params.uri));
            return { success: true };
          }
          return next(params, token);
        },
      },
    },
  };

  client = new LanguageClient('condis', 'CoNDIS Assist', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('condis.restartServer', async () => {
      output.info('Restarting the CoNDIS language server.');
      await client?.restart();
    }),
    vscode.commands.registerCommand('condis.showOutput', () => output.show(true)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
