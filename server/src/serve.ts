// The language server over any connection: capabilities, settings, document sync and the routing table from LSP
// methods to features. The entry points give it the connection and the platform (server.ts: Node, over IPC or stdio;
// web/server.ts: a Web Worker inside VS Code for the Web).
import {
  CodeLensRefreshRequest, DidChangeWatchedFilesNotification, ErrorCodes, ResponseError,
  type CompletionItem, type Connection, type InitializeParams, type InitializeResult, type TextDocumentPositionParams,
} from 'vscode-languageserver';
import type { Services } from './services';
import { DEFAULT_SETTINGS, maxFileBytes, readSettings, type Settings } from './settings';
import type { FeatureContext } from './features/context';
import { OPEN_LOCATION, SHOW_RULE_DOC } from './features/commands';
import { REQUEST_LIFECYCLE_REQUEST } from './features/lifecycle/requestName';
import { DRIVER_KIND_REQUEST, type DriverKindParams, type DriverKindResult } from './features/driverKind';
import { DRIVER_MODEL_REQUEST } from './features/driverModel';
import { DRIVER_MODEL_CHANGED } from './features/lifecycle/changes';
import { MEMORY_REQUEST, type MemoryReport } from './memory';
import type { DriverModelResult } from './features/lifecycle/types';
import type { Validator } from './validation';
import { StartGate } from './startGate';
import { LifecycleRoutes } from './lifecycleRoutes';
import { WorkspaceIndexing } from './workspaceIndexing';
import { initializeResult } from './capabilities';
import type { ServerPlatform } from './serverPlatform';
// Types only: the code comes from the platform (dist/serverCore.js in Node, loaded after initialize; see loadCore).
import type * as Core from './core';

export type { ServerPlatform };

export function serve(connection: Connection, platform: ServerPlatform): void {
  let docsBase = '';
  let shutDown = false;
  let services: Services | undefined;
  let ctx: FeatureContext | undefined;
  let validator: Validator | undefined;
  /** Lenses, navigation and the driver model (lifecycleRoutes.ts): the models are watched only once a client asks. */
  const indexer = new WorkspaceIndexing({
    core: () => core, services: () => services, init: () => init, maxBytes: () => maxFileBytes(settings), files: platform.files,
    log: (m) => connection.console.log(m), warn: (m) => connection.console.warn(m), summarizer: platform.summarizer,
    progress: async () => (init?.capabilities.window?.workDoneProgress ? connection.window.createWorkDoneProgress().catch(() => undefined) : undefined),
    changed: (whole) => { if (whole) validator?.all(); else validator?.othersChanged(''); if (whole) pokeModels(); },
  });
  const currentText = (s: Services, uri: string) => indexer.currentText(s, uri);
  const lifecycle = new LifecycleRoutes({ core: () => core, validator: () => validator, currentText, indexing: () => indexer.running });
  const pokeModels = () => lifecycle.poke();
  let settings: Settings = DEFAULT_SETTINGS;
  let init: InitializeParams | undefined;
  /** The background index of the workspace folders is being built (the language status item says so). */
  /** Workspace files left out of the index for their size (path -> bytes), indexed if the limit is raised. */

  // Start-up: the services (wasm runtime, grammar, catalog, queries) load from process start, while initialize is
  // answered at once with the static capabilities. Messages after initialize wait at the gate until both are there.
  const gate = new StartGate();
  let initialized: (p: InitializeParams) => void;
  const initReceived = new Promise<InitializeParams>((resolve) => { initialized = resolve; });
  let core: typeof Core;
  let coreRequested: (() => void) | undefined;
  const coreWanted = new Promise<void>((resolve) => { coreRequested = resolve; });
  /** If the client is slow to send initialize, the time is used for loading instead. */
  const IDLE_LOAD_MS = 100;
  const AFTER_INITIALIZE_MS = 20;
  const idleLoad = setTimeout(() => coreRequested?.(), IDLE_LOAD_MS);
  const loading = coreWanted.then(async () => {
    clearTimeout(idleLoad);
    core = await platform.loadCore();
    return core.createServices(await platform.wasm(initReceived), {
      onSkipped: (doc) => {
        connection.console.info(core.skipMessage(doc.uri, doc.parsed.text, settings));
        // Its summary (from before it grew, or from the disk) no longer says what the file holds.
        services?.workspace.delete(doc.uri);
        validator?.othersChanged(doc.uri);
      },
    });
  });
  Promise.all([loading, initReceived]).then(([s]) => setUp(s), (err: unknown) => {
    connection.console.error(`CoNDIS Assist could not start its analysis: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }).finally(() => gate.open());

  const notInitialized = () => new ResponseError(ErrorCodes.ServerNotInitialized, 'the server has not been initialized');

  /**
   * Runs a request handler so that no input can take the server down: a failure is logged and answered with `fallback`.
   * Before initialize it answers ServerNotInitialized; while the services load, it waits for them.
   */
  function guard<P, R>(method: string, fallback: R, fn: (p: P, c: FeatureContext, s: Services) => R) {
    return (params: P): R => {
      // vscode-jsonrpc sends a returned ResponseError as the error, and a returned promise's value when it settles.
      if (!init) return notInitialized() as R;
      // LSP: after shutdown, requests fail with InvalidRequest.
      if (shutDown) return new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down') as R;
      return gate.run(() => {
        if (!ctx || !services) return fallback;
        try {
          return fn(params, ctx, services);
        } catch (err) {
          connection.console.error(`${method} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
          return fallback;
        }
      }) as R;
    };
  }

  /**
   * A request answered after the diagnostics of the edits before it (validation.ts afterChecks): lenses and the driver
   * model follow an edit's diagnostics instead of delaying them.
   */
  function afterChecks<P, R>(method: string, fallback: R, fn: (p: P, c: FeatureContext, s: Services) => R) {
    const answer = guard(method, fallback, fn);
    return (params: P) => (validator ? validator.afterChecks().then(() => answer(params)) : answer(params));
  }

  /** A notification handler: dropped before initialize, queued while the services load, failures logged. */
  function notice<P>(method: string, fn: (p: P, s: Services) => void) {
    return (params: P): void => {
      if (!init) return;
      void gate.run(() => {
        if (!services) return;
        try {
          fn(params, services);
        } catch (err) {
          connection.console.error(`${method} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        }
      });
    };
  }

  function applySettings(next: Settings): void {
    const before = settings;
    settings = next;
    void gate.run(() => {
      if (ctx) ctx.settings = settings;
      if (!services) return;
      services.workspace.override = settings.driverRole;
      services.documents.setMaxBytes(maxFileBytes(settings)); // parses or drops the documents that cross the limit
      if (settings.maxFileSize > before.maxFileSize && indexer.tooLarge.size) void indexer.indexTooLarge(services);
      validator?.all();
      pokeModels();
    });
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    init = params;
    platform.initialize?.(params);
    const caps = params.capabilities;
    settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings ?? params.initializationOptions);
    initialized(params);
    // Not in this turn: vscode-jsonrpc writes the answer below from a later setImmediate. The client's `initialized`
    // says it has the answer; a client that never sends it gets the load a little later.
    setTimeout(() => coreRequested?.(), AFTER_INITIALIZE_MS);
    return initializeResult(!!caps.textDocument?.diagnostic);
  });

  /** Once the services have loaded and initialize has arrived: the feature context and the validator. */
  function setUp(s: Services): void {
    const params = init!;
    const caps = params.capabilities;
    services = s;
    s.workspace.override = settings.driverRole;
    s.documents.setMaxBytes(maxFileBytes(settings));
    ctx = {
      catalog: services.catalog,
      handlers: services.handlers,
      settings,
      markdown: (caps.textDocument?.hover?.contentFormat ?? ['markdown']).includes('markdown'),
      snippets: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
      workspace: services.workspace,
    };
    // VS Code reads snippets/c.json itself (the client says so); other editors get the same snippets from the server.
    const clientReadsSnippets = (params.initializationOptions as { contributesSnippets?: unknown } | undefined)?.contributesSnippets === true;
    ctx.snippetItems = clientReadsSnippets ? null : core.snippetCompletionItems(core.CONDIS_SNIPPETS, { snippets: ctx.snippets, markdown: ctx.markdown });
    // Clients that pull diagnostics get them on request; the others (Neovim 0.7, ...) get them pushed. Never both.
    const pull = !!caps.textDocument?.diagnostic;
    docsBase = platform.docsBase(params);
    validator = new core.Validator(services, () => settings, docsBase,
      // Addressed as the client spells the document: the server's key may be spelled otherwise (uris.ts).
      pull ? undefined : (uri, version, diagnostics) => connection.sendDiagnostics({ uri: s.documents.get(uri)?.clientUri ?? uri, version, diagnostics }),
      () => void connection.languages.diagnostics.refresh().catch(() => undefined), platform.collect);
    lifecycle.setUp(s, () => {
      void connection.sendNotification(DRIVER_MODEL_CHANGED, {});
      if (caps.workspace?.codeLens?.refreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, (m) => connection.console.error(m));
  }

  async function refreshSettings(): Promise<void> {
    if (!init?.capabilities.workspace?.configuration) return;
    try {
      applySettings(readSettings(await connection.workspace.getConfiguration('condis')));
      connection.languages.inlayHint.refresh().catch(() => undefined);
      if (init.capabilities.workspace?.codeLens?.refreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    } catch (err) {
      connection.console.warn(`Could not read the condis settings: ${String(err)}`);
    }
  }

  connection.onShutdown(() => {
    if (!init) return notInitialized() as unknown as void;
    shutDown = true;
  });
  // Requests no handler claims: before initialize they too get ServerNotInitialized.
  connection.onRequest((method) => (init ? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`) : notInitialized()));

  connection.onInitialized(() => {
    if (!init) return;
    coreRequested?.();
    void refreshSettings();
    const caps = init?.capabilities;
    if (caps?.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // A client may refuse (or not implement) the registration: an unhandled rejection would end the server.
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{c,h,cc,cpp,cxx,hpp,hh,hxx,inl}' }] })
        .catch((err) => connection.console.warn(`Could not watch C files: ${String(err)}`));
    }
    void gate.run(() => indexer.build().catch((err) => connection.console.error(`Indexing failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)));
  });

  connection.onDidChangeConfiguration((change) => {
    if (!init) return;
    if (init.capabilities.workspace?.configuration) void refreshSettings();
    else applySettings(readSettings((change.settings as { condis?: unknown } | undefined)?.condis));
  });

  connection.onDidChangeWatchedFiles(notice('didChangeWatchedFiles', (p, s) => void core.applyFileEvents(s, platform.files, p.changes, maxFileBytes(settings), indexer.tooLarge,
    (m) => connection.console.log(m)).then(() => { validator?.othersChanged(''); pokeModels(); }, (err) => connection.console.error(`Updating the index failed: ${String(err)}`))));

  // Document sync: the store applies each change to the text and to the syntax tree incrementally.
  connection.onDidOpenTextDocument(notice('didOpen', (p, s) => {
    const doc = s.documents.open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
    validator?.schedule(doc.uri);
    pokeModels();
  }));
  connection.onDidChangeTextDocument(notice('didChange', (p, s) => {
    const doc = s.documents.change(p.textDocument.uri, p.textDocument.version, p.contentChanges);
    if (doc) validator?.schedule(doc.uri);
    pokeModels();
  }));
  connection.onDidCloseTextDocument(notice('didClose', (p, s) => {
    const doc = s.documents.get(p.textDocument.uri);
    const indexed = doc && validator?.indexedText(doc);
    s.documents.close(p.textDocument.uri);
    pokeModels();
    void connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] });
    if (doc) indexer.closed(s, doc.uri, indexed).catch((err) => connection.console.error(`Updating the index failed: ${String(err)}`));
  }));

  // The routing table: one line per LSP method.
  connection.onHover(guard('hover', null, (p, c, s) => {
    const doc = s.documents.get(p.textDocument.uri);
    return doc ? core.provideHover(doc, p.position, c) : null;
  }));
  connection.onSignatureHelp(guard('signatureHelp', null, (p, c, s) => {
    const doc = s.documents.get(p.textDocument.uri);
    return doc ? core.provideSignatureHelp(doc, p.position, c) : null;
  }));
  connection.onCompletion(guard('completion', null, (p, c, s) => {
    const doc = s.documents.get(p.textDocument.uri);
    return doc ? core.provideCompletion(doc, p.position, c, s.completionItems) : null;
  }));
  connection.onCompletionResolve((item) => guard('completionResolve', item, (i: CompletionItem, c) => core.resolveCompletion(i, c))(item));
  connection.languages.inlayHint.on(guard('inlayHint', [], (p, c, s) => {
    const doc = s.documents.get(p.textDocument.uri);
    return doc ? core.provideInlayHints(doc, p.range, c) : [];
  }));
  connection.languages.diagnostics.on(guard('diagnostic', { kind: 'full' as const, items: [] as never[] }, (p, _c, s) => {
    const doc = s.documents.get(p.textDocument.uri);
    return { kind: 'full' as const, items: doc && validator ? validator.diagnostics(doc) : [] };
  }));
  connection.onCodeAction(guard('codeAction', [], (p, _c, s) => {
    const doc = s.documents.get(p.textDocument.uri);
    return doc ? core.provideCodeActions(doc, p, !!init?.capabilities.workspace?.workspaceEdit?.documentChanges) : [];
  }));
  connection.onRequest(DRIVER_KIND_REQUEST, guard('driverKind', null, (p: DriverKindParams, _c, s): DriverKindResult | null => (
    typeof p?.uri === 'string' ? core.driverKind(s.uris.key(p.uri), s.workspace, indexer.running, (uri) => currentText(s, uri)) : null)));
  // Lenses, navigation and the driver model: lifecycleRoutes.ts.
  connection.onCodeLens(afterChecks('codeLens', [], (p, c, s) => lifecycle.codeLens(p, c, s)));
  connection.onCodeLensResolve((lens) => afterChecks('codeLensResolve', lens, (l: typeof lens, _c, s) => lifecycle.codeLensResolve(l, s))(lens));
  connection.onImplementation(guard('implementation', null, (p, _c, s) => lifecycle.implementation(p, s)));
  connection.onDefinition(guard('definition', null, (p, _c, s) => lifecycle.definition(p, s)));
  connection.onReferences(guard('references', null, (p, _c, s) => lifecycle.references(p, s)));
  connection.languages.callHierarchy.onPrepare(guard('prepareCallHierarchy', null, (p, _c, s) => lifecycle.prepareCallHierarchy(p, s)));
  connection.languages.callHierarchy.onIncomingCalls(guard('incomingCalls', null, (p, _c, s) => lifecycle.incomingCalls(p, s)));
  connection.languages.callHierarchy.onOutgoingCalls(guard('outgoingCalls', null, (p, _c, s) => lifecycle.outgoingCalls(p, s)));
  connection.onRequest(REQUEST_LIFECYCLE_REQUEST, guard('requestLifecycle', null, (p: TextDocumentPositionParams, _c, s) => lifecycle.requestLifecycle(p, s)));
  connection.onRequest(MEMORY_REQUEST, guard('memory', null, (_p, _c, s): MemoryReport => ({ ...core.memoryReport(s), process: platform.memory?.() })));
  connection.onRequest(DRIVER_MODEL_REQUEST, afterChecks('driverModel', null, (): DriverModelResult | null => lifecycle.driverModel()));
  connection.onExecuteCommand(async (p) => {
    if (!init) return notInitialized();
    if (shutDown) return new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
    if (p.command === OPEN_LOCATION) {
      const [uri, line, character] = p.arguments ?? [];
      if (typeof uri !== 'string' || !platform.opens(uri) || !Number.isInteger(line) || !Number.isInteger(character)) return undefined;
      const at = { line: Math.max(0, line as number), character: Math.max(0, character as number) };
      await connection.window.showDocument({ uri, selection: { start: at, end: at }, takeFocus: true }).catch(() => undefined);
      return undefined;
    }
    if (p.command !== SHOW_RULE_DOC || typeof p.arguments?.[0] !== 'string' || !/^[a-z-]+$/.test(p.arguments[0])) return undefined;
    await connection.window.showDocument({ uri: `${docsBase}/${p.arguments[0]}.md`, takeFocus: true }).catch(() => undefined);
    return undefined;
  });

  connection.listen();
  }
