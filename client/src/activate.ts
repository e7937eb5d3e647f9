// What both VS Code entry points (extension.ts for Node, browserExtension.ts for the web worker host) do once they can
// make a language client: the client's options, the language status items, the driver view, the lifecycle panel and
// the client-only commands (the walkthrough's and the lenses' among them). Thin on purpose.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type DocumentSelector, type LanguageClientOptions } from 'vscode-languageclient';
import { DriverView } from './driverView';
import type { DriverNode } from './driverTree';
import { LanguageStatus, type LanguageStatusSnapshot } from './languageStatus';
import { LifecyclePanel } from './lifecyclePanel';
import { DRIVER_MODEL_CHANGED } from './protocol';
import { registerShowLocations } from './showLocations';
import { mark, startupMarks, type StartupMark } from './startupMarks';

/** What activate() returns: for the tests, which cannot read another extension's status items, tree or webview. */
export interface CondisApi {
  languageStatus(): Promise<LanguageStatusSnapshot>;
  /** The "CoNDIS Driver" view's data provider. */
  driverView: vscode.TreeDataProvider<DriverNode>;
  /** The lifecycle panel's HTML as drawn now, if it is open. */
  lifecycleHtml(): string | undefined;
  /** This host's performance.now() at each start-up step so far (startupMarks.ts); for bench/startup.ts. */
  startupMarks(): Partial<Record<StartupMark, number>>;
}

/** The walkthrough's files, shipped in the .vsix: a clean call manager and one with a deliberate mistake. */
const EXAMPLES: Record<string, string> = {
  'call-manager': 'examples/standalone-cm/call.c',
  mistake: 'docs/walkthrough/closeCallMistake.c',
};

let client: BaseLanguageClient | undefined;

/**
 * The documents given to the server, in both hosts: local and untitled files, and those of virtual and remote
 * workspaces (their files are read for the server through the client: webFiles.ts).
 */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];
export const DOCUMENT_SELECTOR: DocumentSelector = SCHEMES.flatMap((scheme) => [{ scheme, language: 'c' }, { scheme, language: 'cpp' }]);

/** How an entry point makes its client, and what it adds to the shared options. */
export interface ClientMaker {
  /** The documents the server is given (the web adds the schemes of virtual workspaces). */
  documentSelector: DocumentSelector;
  /** Extra initializationOptions (the web worker's wasm URLs and rule pages). */
  initializationOptions?: Record<string, unknown>;
  create(options: LanguageClientOptions, output: vscode.LogOutputChannel): BaseLanguageClient | Promise<BaseLanguageClient>;
  /** After the client is made and before it starts (the web registers its file requests). */
  prepare?(client: BaseLanguageClient): vscode.Disposable;
}

export async function activateWith(context: vscode.ExtensionContext, maker: ClientMaker): Promise<CondisApi> {
  const output = vscode.window.createOutputChannel('CoNDIS Assist', { log: true });
  context.subscriptions.push(output);

  const clientOptions: LanguageClientOptions = {
    documentSelector: maker.documentSelector,
    // The server reads `condis.*` through workspace/configuration and is told when it changes.
    synchronize: { configurationSection: 'condis' },
    // VS Code reads the contributed snippets itself: the server must not offer them a second time.
    initializationOptions: { contributesSnippets: true, ...maker.initializationOptions },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: {
      // Only to time the start-up (startupMarks.ts): the first hover asked of us and the first one we answered.
      provideHover: async (document, position, token, next) => {
        mark('firstHoverRequest');
        const hover = await next(document, position, token);
        if (hover) mark('firstHoverAnswer');
        return hover;
      },
      // The server's findings are pulled (LSP diagnostic requests) when the client can, pushed otherwise.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && 'items' in report && report.items.length) mark('firstDiagnostics');
        return report;
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        if (diagnostics.length) mark('firstDiagnostics');
        next(uri, diagnostics);
      },
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

  client = await maker.create(clientOptions, output);
  mark('clientStarting');
  if (maker.prepare) context.subscriptions.push(maker.prepare(client));
  context.subscriptions.push(
    vscode.commands.registerCommand('condis.restartServer', async () => {
      output.info('Restarting the CoNDIS language server.');
      await client?.stop();
      await client?.start();
    }),
    vscode.commands.registerCommand('condis.showOutput', () => output.show(true)),
    // The walkthrough opens the example as an untitled copy: the user can edit and fix it, the install stays intact.
    vscode.commands.registerCommand('condis.openExample', async (which: unknown = 'call-manager') => {
      const rel = EXAMPLES[String(which)] ?? EXAMPLES['call-manager'];
      const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, rel)));
      const doc = await vscode.workspace.openTextDocument({ language: 'c', content });
      await vscode.window.showTextDocument(doc);
    }),
  );
  await client.start();
  mark('clientReady');
  const status = new LanguageStatus(client);
  // One handler per notification method in the client: the view and the panel share it through an event.
  const modelChanged = new vscode.EventEmitter<void>();
  const driverView = new DriverView(client, modelChanged.event);
  const lifecycle = new LifecyclePanel(client, modelChanged.event);
  context.subscriptions.push(
    status, modelChanged, driverView, lifecycle,
    client.onNotification(DRIVER_MODEL_CHANGED, () => modelChanged.fire()),
    // A restarted server has a new index: what the view showed may be gone.
    client.onDidChangeState((e) => { if (e.newState === State.Running) modelChanged.fire(); }),
    registerShowLocations(client),
    vscode.commands.registerCommand('condis.showLifecycle', (uri?: unknown, position?: unknown) =>
      lifecycle.show(uri instanceof vscode.Uri ? uri : undefined, position instanceof vscode.Position ? position : undefined)),
  );
  void vscode.commands.executeCommand('setContext', 'condis.active', true);
  return {
    languageStatus: async () => {
      await status.refresh();
      return status.snapshot();
    },
    driverView,
    lifecycleHtml: () => lifecycle.html(),
    startupMarks,
  };
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
