// VS Code entry point: starts the CoNDIS language server over IPC, the language status items, and the client-only
// commands (the walkthrough's among them). Thin on purpose.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LanguageStatus, type LanguageStatusSnapshot } from './languageStatus';

/** What activate() returns: for the tests, which cannot read another extension's status items. */
export interface CondisApi {
  languageStatus(): Promise<LanguageStatusSnapshot>;
}

/** The walkthrough's files, shipped in the .vsix: a clean call manager and one with a deliberate mistake. */
const EXAMPLES: Record<string, string> = {
  'call-manager': 'examples/standalone-cm/call.c',
  mistake: 'docs/walkthrough/closeCallMistake.c',
};

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CondisApi> {
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
    // The walkthrough opens the example as an untitled copy: the user can edit and fix it, the install stays intact.
    vscode.commands.registerCommand('condis.openExample', async (which: unknown = 'call-manager') => {
      const rel = EXAMPLES[String(which)] ?? EXAMPLES['call-manager'];
      const content = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, rel))).toString('utf8');
      const doc = await vscode.workspace.openTextDocument({ language: 'c', content });
      await vscode.window.showTextDocument(doc);
    }),
  );
  await client.start();
  const status = new LanguageStatus(client);
  context.subscriptions.push(status);
  return {
    languageStatus: async () => {
      await status.refresh();
      return status.snapshot();
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
