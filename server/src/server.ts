// Language server entry: the connection, the capabilities and the routing table from LSP methods to features.
import {
  createConnection, ProposedFeatures, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { createServices, type Services } from './services';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import type { FeatureContext } from './features/context';
import { provideHover } from './features/hover';
import { provideSignatureHelp } from './features/signatureHelp';
import { provideCompletion, resolveCompletion } from './features/completion';
import { provideInlayHints } from './features/inlayHints';

const connection: Connection = createConnection(ProposedFeatures.all);
let services: Services | undefined;
let ctx: FeatureContext | undefined;
let settings: Settings = DEFAULT_SETTINGS;
let canPullConfiguration = false;

/** Runs a request handler so that no input can take the server down: a failure is logged and answered with `fallback`. */
function guard<P, R>(method: string, fallback: R, fn: (p: P, c: FeatureContext, s: Services) => R) {
  return (params: P): R => {
    if (!ctx || !services) return fallback;
    try {
      return fn(params, ctx, services);
    } catch (err) {
      connection.console.error(`${method} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return fallback;
    }
  };
}

connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
  services = await createServices(__dirname);
  const caps = params.capabilities;
  canPullConfiguration = !!caps.workspace?.configuration;
  settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings ?? params.initializationOptions);
  ctx = {
    catalog: services.catalog,
    handlers: services.handlers,
    settings,
    markdown: (caps.textDocument?.hover?.contentFormat ?? ['markdown']).includes('markdown'),
    snippets: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
  };
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
      completionProvider: { triggerCharacters: ['.', '>'], resolveProvider: true },
      inlayHintProvider: true,
    },
    serverInfo: { name: 'condis-assist', version: '0.1.0' },
  };
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration || !ctx) return;
  try {
    settings = readSettings(await connection.workspace.getConfiguration('condis'));
    ctx.settings = settings;
    connection.languages.inlayHint.refresh().catch(() => undefined);
  } catch (err) {
    connection.console.warn(`Could not read the condis settings: ${String(err)}`);
  }
}

connection.onInitialized(() => { void refreshSettings(); });
connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) void refreshSettings();
  else if (ctx) ctx.settings = settings = readSettings((change.settings as { condis?: unknown } | undefined)?.condis);
});

// Document sync: the store applies each change to the text and to the syntax tree incrementally.
connection.onDidOpenTextDocument((p) => {
  services?.documents.open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
});
connection.onDidChangeTextDocument((p) => {
  services?.documents.change(p.textDocument.uri, p.textDocument.version, p.contentChanges);
});
connection.onDidCloseTextDocument((p) => { services?.documents.close(p.textDocument.uri); });

// The routing table: one line per LSP method.
connection.onHover(guard('hover', null, (p, c, s) => {
  const doc = s.documents.get(p.textDocument.uri);
  return doc ? provideHover(doc, p.position, c) : null;
}));
connection.onSignatureHelp(guard('signatureHelp', null, (p, c, s) => {
  const doc = s.documents.get(p.textDocument.uri);
  return doc ? provideSignatureHelp(doc, p.position, c) : null;
}));
connection.onCompletion(guard('completion', null, (p, c, s) => {
  const doc = s.documents.get(p.textDocument.uri);
  return doc ? provideCompletion(doc, p.position, c, s.completionItems) : null;
}));
connection.onCompletionResolve((item) => (ctx ? resolveCompletion(item, ctx) : item));
connection.languages.inlayHint.on(guard('inlayHint', [], (p, c, s) => {
  const doc = s.documents.get(p.textDocument.uri);
  return doc ? provideInlayHints(doc, p.range, c) : [];
}));

connection.listen();
