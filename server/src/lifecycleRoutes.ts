// The lifecycle part of the routing table (lenses, navigation, condis/driverModel, condis/requestLifecycle): what each
// request answers, and the watch that tells the client when the drivers' models change. Part of the server entry bundle
// (dist/server.js): the code it runs comes from serverCore.js through `core()`; server.ts keeps the connection.
import type { CallHierarchyIncomingCallsParams, CallHierarchyOutgoingCallsParams, CodeLens, CodeLensParams, DefinitionParams, ImplementationParams,
  ReferenceParams, TextDocumentPositionParams } from 'vscode-languageserver/node';
import type { Services } from './services';
import type { FeatureContext } from './features/context';
import type { DriverModelResult } from './features/lifecycle/types';
import type { Validator } from './validation';
import type * as Core from './core';

export interface LifecycleDeps {
  core(): typeof Core;
  validator(): Validator | undefined;
  /** A file's text as the user sees it (open document, else the disk within the size limit). */
  currentText(s: Services, uri: string): string | undefined;
  indexing(): boolean;
}

export class LifecycleRoutes {
  /** The drivers' lifecycle models (lenses, condis/driverModel) and the watch that tells the client they changed. */
  private models: InstanceType<typeof Core.LifecycleModels> | undefined;
  private changes: InstanceType<typeof Core.ModelChanges> | undefined;
  /** The client has asked for lenses or the driver model: only then are the models watched (a client that never asks pays nothing). */
  private wanted = false;

  constructor(private readonly d: LifecycleDeps) {}

  /** Once the services are there: `changed` tells the client (notification, lens refresh). */
  setUp(s: Services, changed: () => void, log: (m: string) => void): void {
    const v = () => this.d.validator()!;
    this.models = new (this.d.core().LifecycleModels)(s, { analysis: (doc) => v().analysis(doc), diagnostics: (doc) => v().diagnostics(doc), readText: (u) => this.d.currentText(s, u) });
    this.changes = new (this.d.core().ModelChanges)(this.models, changed, log, () => v().afterChecks());
    s.workspace.onSettle(() => this.poke());
  }

  /** Something the models read may have changed. */
  poke(): void { if (this.wanted) this.changes?.poke(); }

  codeLens(p: CodeLensParams, c: FeatureContext, s: Services): CodeLens[] {
    const doc = s.documents.get(p.textDocument.uri);
    this.wanted ||= c.settings.codeLens.enable;
    const validator = this.d.validator();
    return doc && this.models && validator && c.settings.codeLens.enable ? this.d.core().provideCodeLenses(doc, validator.analysis(doc), this.models.forUri(doc.uri)) : [];
  }

  codeLensResolve(l: CodeLens, s: Services): CodeLens {
    const uri = (l.data as { uri?: unknown } | undefined)?.uri;
    return this.models && typeof uri === 'string' ? this.d.core().resolveCodeLens(l, this.models.forUri(uri), s.lifecycle, (u) => s.documents.get(u)?.clientUri ?? u) : l;
  }

  implementation(p: ImplementationParams, s: Services) {
    const doc = s.documents.get(p.textDocument.uri);
    return doc ? this.d.core().provideImplementation(doc, p.position, this.nav(s)) : null;
  }

  definition(p: DefinitionParams, s: Services) {
    const doc = s.documents.get(p.textDocument.uri);
    return doc ? this.d.core().provideDefinition(doc, p.position, this.nav(s)) : null;
  }

  references(p: ReferenceParams, s: Services) {
    const doc = s.documents.get(p.textDocument.uri);
    return doc ? this.d.core().provideReferences(doc, p.position, !!p.context?.includeDeclaration, this.nav(s)) : null;
  }

  prepareCallHierarchy(p: TextDocumentPositionParams, s: Services) {
    const doc = s.documents.get(p.textDocument.uri);
    return doc ? this.d.core().providePrepareCallHierarchy(doc, p.position, this.nav(s)) : null;
  }

  incomingCalls(p: CallHierarchyIncomingCallsParams, s: Services) { return this.d.core().provideIncomingCalls(p.item, this.nav(s)); }

  outgoingCalls(p: CallHierarchyOutgoingCallsParams, s: Services) { return this.d.core().provideOutgoingCalls(p.item, this.nav(s)); }

  requestLifecycle(p: TextDocumentPositionParams, s: Services) {
    const doc = typeof p?.textDocument?.uri === 'string' && p.position ? s.documents.get(p.textDocument.uri) : undefined;
    return doc ? this.d.core().provideRequestLifecycle(doc, p.position, this.nav(s)) : null;
  }

  driverModel(): DriverModelResult | null {
    this.wanted = true;
    return this.models ? this.d.core().driverModel(this.models, this.d.indexing()) : null;
  }

  /** Navigation over the lifecycle model (features/navigation/): the model of the document's driver, built per state. */
  private nav(s: Services) {
    const v = this.d.validator();
    return this.d.core().navigation(s, {
      analysis: (doc) => v?.analysis(doc) ?? null, diagnostics: (doc) => v?.diagnostics(doc) ?? [], readText: (u) => this.d.currentText(s, u) }, this.models);
  }
}
