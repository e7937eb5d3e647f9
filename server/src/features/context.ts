// What every feature is handed: the catalog, compiled queries and the settings in force. No connection, no I/O.
import type { CompletionItem } from 'vscode-languageserver';
import type { Catalog } from '../catalog';
import type { HandlerBinding, HandlerQueries } from '../analysis/handlers';
import { derive, type OpenDocument } from '../documents';
import type { FileAnalysis } from '../analysis/fileAnalysis';
import type { Settings } from '../settings';
import type { WorkspaceView } from '../analysis/workspace';

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
  /** Other files' summaries: handlers declared in a header or bound in a table elsewhere. */
  workspace?: WorkspaceView;
}

/** The document's handler bindings of `name` (this file only). */
export function localBindings(doc: OpenDocument, name: string, ctx: FeatureContext): HandlerBinding[] {
  // The validator's analysis of this version finds them by name (kept across edits); otherwise one query per tree.
  const analysed = doc.derived.get('analysis') as FileAnalysis | null | undefined;
  if (analysed) return analysed.bindingsOf(name);
  return derive(doc, 'handlers', () => {
    const out = new Map<string, HandlerBinding[]>();
    for (const seg of doc.parsed.segments) {
      for (const b of ctx.handlers.findIn(seg.tree.rootNode, ctx.catalog)) {
        if (b.start < seg.start || b.start >= seg.end) continue;
        const list = out.get(b.name);
        if (list) list.push(b); else out.set(b.name, [b]);
      }
    }
    return out;
  }).get(name) ?? [];
}

/**
 * What `name` is bound to as a handler: this document's bindings first, then the workspace's (a role-type
 * declaration in a header, a handler table in another file). Workspace bindings carry no offsets in this document.
 */
export function bindingsOfName(doc: OpenDocument, name: string, ctx: FeatureContext): HandlerBinding[] {
  const local = localBindings(doc, name, ctx);
  const remote: HandlerBinding[] = [];
  // The bindings of the document's own driver: a same-named function of a neighbouring driver is another function.
  for (const b of ctx.workspace?.forFile(doc.uri).bindingsOf(name) ?? []) {
    const entry = b.uri !== doc.uri ? ctx.catalog.entry(b.entry) : undefined;
    if (entry) remote.push({ name, entry, via: b.via as HandlerBinding['via'], field: b.field, start: 0, end: 0 });
  }
  return [...local, ...remote];
}
