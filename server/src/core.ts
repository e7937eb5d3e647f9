// The analysis half of the server, bundled apart as dist/serverCore.js: server.ts loads it once initialize has been
// answered, so compiling it (the catalog, the grammar runtime, rules, features) does not delay that answer.
export { createServices, summarizeFile } from './services';
export { provideHover } from './features/hover';
export { provideSignatureHelp } from './features/signatureHelp';
export { provideCompletion, resolveCompletion } from './features/completion';
export { provideInlayHints } from './features/inlayHints';
export { provideCodeActions } from './features/codeActions';
export { CONDIS_SNIPPETS, snippetCompletionItems } from './features/snippetItems';
export { Validator } from './validation';
export { applyFileEvents, folderKey, indexFiles, indexFolders, inThreadSummarizer, refreshFile, tooLargeMessage } from './indexer';
export { oversizeDiagnostic, skipMessage } from './limits';
export { uriToPath } from './uris';
export { driverKind } from './features/driverKind';
export { provideCodeLenses, resolveCodeLens } from './features/codeLens';
export { driverModel } from './features/driverModel';
export { LifecycleModels } from './features/lifecycle/models';
export { ModelChanges } from './features/lifecycle/changes';
export { navigation, provideImplementation, provideDefinition, provideReferences, providePrepareCallHierarchy, provideIncomingCalls,
  provideOutgoingCalls, provideRequestLifecycle } from './features/navigation/provide';
export { memoryReport } from './memoryReport';
