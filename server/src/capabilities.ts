// What the server answers to initialize: its capabilities (the same in Node and in the web worker) and its name.
import { TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { OPEN_LOCATION, SHOW_RULE_DOC } from './features/commands';

/** `pull`: the client pulls diagnostics (VS Code), so the server offers them on request instead of pushing them. */
export function initializeResult(pull: boolean): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
      completionProvider: { triggerCharacters: ['.', '>'], resolveProvider: true },
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      codeLensProvider: { resolveProvider: true },
      executeCommandProvider: { commands: [SHOW_RULE_DOC, OPEN_LOCATION] },
      implementationProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      callHierarchyProvider: true,
      ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'condis-assist', version: '0.1.0' },
  };
}
