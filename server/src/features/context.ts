// What every feature is handed: the catalog, compiled queries and the settings in force. No connection, no I/O.
import type { CompletionItem } from 'vscode-languageserver';
import type { Catalog } from '../catalog';
import type { HandlerBinding, HandlerQueries } from '../analysis/handlers';
import { derive, type OpenDocument } from '../documents';
import type { Settings } from '../settings';

export interface FeatureContext {
  catalog: Catalog;
  handlers: HandlerQueries;
  settings: Settings;
  /** Whether the client renders Markdown (else features send plain text). */
  markdown: boolean;
  /** Whether the client accepts snippet syntax in completion items. */
  snippets: boolean;
  /** The condis-* snippets as completion items, for clients that do not read the extension's snippet file (null: it does). */
  snippetItems?: CompletionItem[] | null;
}

/** The document's handler bindings, computed once per version. */
export function handlerBindings(doc: OpenDocument, ctx: FeatureContext): Map<string, HandlerBinding[]> {
  return derive(doc, 'handlers', () => (doc.parsed.tree ? ctx.handlers.find(doc.parsed.tree, ctx.catalog) : new Map()));
}
