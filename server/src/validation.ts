// Keeps diagnostics current: re-checks a document after its edits (coalesced), keeps its summary in the workspace
// index, and re-checks the other open documents when a cross-file fact changes. Knows nothing of the connection.
import type { Diagnostic } from 'vscode-languageserver';
import { derive, type OpenDocument } from './documents';
import { analyzeText, type Services } from './services';
import { runRules, toDiagnostics } from './features/diagnostics';
import type { FileAnalysis } from './analysis/fileAnalysis';
import type { Settings } from './settings';

/** Quiet time after the last change before a check: shorter than a keystroke, longer than a burst of messages. */
const SETTLE_MS = 30;

export class Validator {
  private readonly queued = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private othersTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly s: Services,
    private readonly settings: () => Settings,
    private readonly docsBase: string,
    /** Called with fresh diagnostics in push mode; undefined in pull mode. */
    private readonly publish: ((uri: string, version: number, d: Diagnostic[]) => void) | undefined,
    /** Tells a pull client to ask again (after cross-file changes). */
    private readonly refresh: () => void,
  ) {}

  /** The analysis of a document's current version, computed once per version. */
  analysis(doc: OpenDocument): FileAnalysis | null {
    return derive(doc, 'analysis', () => analyzeText(this.s, doc.uri, doc.parsed.text, doc.parsed));
  }

  /** Diagnostics for a document's current version (also what pull requests answer). */
  diagnostics(doc: OpenDocument): Diagnostic[] {
    return derive(doc, 'diagnostics', () => {
      const file = this.analysis(doc);
      if (!file) return [];
      this.updateSummary(doc, file);
      const findings = runRules({ file, catalog: this.s.catalog, lifecycle: this.s.lifecycle, workspace: this.s.workspace }, this.settings());
      return toDiagnostics(findings, doc.text, this.docsBase);
    });
  }

  /**
   * Queues a check of `uri` after the current burst of messages (a flood of edits costs one check). A timer, not
   * setImmediate: vscode-jsonrpc hands over one message per event-loop turn, so an immediate ran between every two
   * changes of a burst and checked each of them.
   */
  schedule(uri: string): void {
    this.queued.add(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), SETTLE_MS);
  }

  /** Re-checks every open document (settings changed, index rebuilt). */
  all(): void {
    for (const d of this.s.documents.all()) { d.derived.delete('diagnostics'); this.schedule(d.uri); }
    if (!this.publish) this.refresh();
  }

  private flush(): void {
    this.timer = undefined;
    const uris = [...this.queued];
    this.queued.clear();
    for (const uri of uris) {
      const doc = this.s.documents.get(uri);
      if (!doc) continue;
      if (this.publish) this.publish(uri, doc.version, this.diagnostics(doc));
      else this.diagnostics(doc); // keeps the index current; the client pulls
    }
  }

  private updateSummary(doc: OpenDocument, file: FileAnalysis): void {
    const before = this.s.workspace.has(doc.uri) ? JSON.stringify(this.summaryKey(doc.uri)) : '';
    this.s.workspace.set(file.summary());
    if (before !== JSON.stringify(this.summaryKey(doc.uri))) this.othersChanged(doc.uri);
  }

  private summaryKey(uri: string) {
    for (const f of this.s.workspace.summaries()) if (f.uri === uri) return { b: f.bindings, c: f.callGraph, e: f.evidence, v: f.vcCreated.map((x) => x.handle), d: f.vcDeleted, x: f.contexts?.map((c) => `${c.name}:${c.type}`) };
    return null;
  }

  /** A cross-file fact changed: other open documents' workspace rules may answer differently. */
  othersChanged(changedUri: string): void {
    if (this.othersTimer) clearTimeout(this.othersTimer);
    this.othersTimer = setTimeout(() => {
      this.othersTimer = undefined;
      for (const d of this.s.documents.all()) {
        if (d.uri === changedUri) continue;
        d.derived.delete('diagnostics');
        this.schedule(d.uri);
      }
      if (!this.publish) this.refresh();
    }, 150);
  }
}
