// The floor: a language server that does no work. Same library and transport as ours (vscode-languageserver over
// stdio, bundled by esbuild), answering a constant hover, signature help and completion list, and pushing empty
// diagnostics for every opened or changed version. Whatever it costs is the cost of the protocol round trip.
import { createConnection, ProposedFeatures, TextDocumentSyncKind, type CompletionItem } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);

const HOVER = { contents: { kind: 'markdown' as const, value: '**NdisCmCloseCallComplete**: completes a close-call request that ProtocolCmCloseCall pended.' } };
const SIGNATURE = {
  signatures: [{
    label: 'VOID NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle)',
    parameters: [{ label: [30, 48] as [number, number] }, { label: [50, 74] as [number, number] }, { label: [76, 103] as [number, number] }],
  }],
  activeSignature: 0,
  activeParameter: 0,
};
const COMPLETION: CompletionItem[] = ['NdisCmCloseCallComplete', 'NdisCmMakeCallComplete', 'NdisCmActivateVc', 'NdisCmDeactivateVc',
  'NdisCoDeleteVc', 'NdisCoCreateVc', 'NdisCmDispatchIncomingCall', 'NdisCmDispatchCallConnected'].map((label) => ({ label, kind: 3 }));

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    signatureHelpProvider: { triggerCharacters: ['(', ','] },
    completionProvider: { triggerCharacters: ['.', '>'] },
  },
  serverInfo: { name: 'condis-bench-floor', version: '1' },
}));
connection.onHover(() => HOVER);
connection.onSignatureHelp(() => SIGNATURE);
connection.onCompletion(() => COMPLETION);
connection.onDidOpenTextDocument((p) => void connection.sendDiagnostics({ uri: p.textDocument.uri, version: p.textDocument.version, diagnostics: [] }));
connection.onDidChangeTextDocument((p) => void connection.sendDiagnostics({ uri: p.textDocument.uri, version: p.textDocument.version, diagnostics: [] }));
connection.listen();
