// Keeps diagnostics current: re-checks a document after its edits (coalesced), keeps its summary in the workspace
// index, and re-checks the other open documents when a cross-file fact changes. Knows nothing of the connection.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { derive, type OpenDocument } from './documents';
import { analyzeText, type Services } from './services';
import { runRules, SOURCE, toDiagnostics, type Budget } from './features/diagnostics';
import type { FileAnalysis } from './analysis/fileAnalysis';
import type { CarriedChunks } from './analysis/chunks';
import { oversizeDiagnostic } from './limits';
import type { Settings } from './settings';

/**
 * Quiet time after the last change before a check: shorter than a keystroke, longer than a burst of messages. It
 * follows what a check costs (a quarter of the last one, between these bounds): a cheap check runs almost at once, an
 * expensive one waits for a burst to end rather than run for every message of it.
 */
const SETTLE_MIN_MS = 1;
/** Files shorter than this (UTF-16 units) are always checked whole, whatever condis.timeBudget says. */
const BUDGET_MIN_LENGTH = 64 * 1024;
const SETTLE_MAX_MS = 30;
/**
 * Quiet time after the last check before the documents' memoised analyses are dropped (trim): a pause in typing. Their
 * diagnostics stay, and what the next version reuses (the items' facts) stays; a request in the pause re-analyses from
 * those at the cost of the items it reads.
 */
const TRIM_IDLE_MS = 250;

export class Validator {
  private readonly queued = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private othersTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly s: Services,
    private readonly settings: () => Settings,
    private readonly docsBase: string,
    /** Called with fresh diagnostics in push mode; undefined in pull mode. */
    /** Sends diagnostics; the promise (if any) settles once they are written. */
    private readonly publish: ((uri: string, version: number, d: Diagnostic[]) => Promise<void> | void) | undefined,
    /** Tells a pull client to ask again (after cross-file changes). */
    private readonly refresh: () => void,
    /** Run after a pause has dropped memoised analyses (the Node server: a full garbage collection). */
    private readonly trimmed?: () => void,
  ) {
    s.workspace.onSettle(() => this.settledSome());
  }

  /** Open documents checked before the files deciding their driver were read: checked again once they are. */
  private readonly waiting = new Set<string>();

  private settledSome(): void {
    let any = false;
    for (const uri of this.waiting) {
      if (!this.s.workspace.settled(uri)) continue;
      this.waiting.delete(uri);
      const doc = this.s.documents.get(uri);
      if (!doc) continue;
      doc.derived.delete('diagnostics');
      this.schedule(uri);
      any = true;
    }
    if (any && !this.publish) this.refresh();
  }

  /** Per document, the facts (and findings) of its last analysed version's items, for the next version to reuse. */
  private readonly carried = new WeakMap<OpenDocument, { from: Omit<CarriedChunks, 'edits'>; at: number }>();

  /** The analysis of a document's current version, computed once per version. */
  analysis(doc: OpenDocument): FileAnalysis | null {
    return derive(doc, 'analysis', () => {
      const before = this.carried.get(doc);
      // Only edits of the same parsed text count (a document that crossed condis.maxFileSize has a new one).
      const edits = before && before.from.syntax === doc.parsed ? doc.parsed.editsSince(before.at) : null;
      const file = analyzeText(this.s, doc.uri, doc.parsed.text, doc.parsed, before && edits ? { ...before.from, edits } : undefined);
      if (file) this.carried.set(doc, { from: file.carried(), at: doc.parsed.editCount });
      return file;
    });
  }

  /** Diagnostics for a document's current version (also what pull requests answer). */
  diagnostics(doc: OpenDocument): Diagnostic[] {
    return derive(doc, 'diagnostics', () => {
      // A document over condis.maxFileSize is not checked: its one notice says so.
      const tooLarge = oversizeDiagnostic(doc, this.settings());
      if (tooLarge) return [tooLarge];
      const file = this.analysis(doc);
      if (!file) return [];
      this.updateSummary(doc, file);
      const settings = this.settings();
      // Only a large file is checked in parts: a small one is checked whole however long it takes (a loaded machine must
      // not turn a 30 KB file's findings into a notice), and that is never long.
      const budget: Budget | undefined = doc.parsed.text.length >= BUDGET_MIN_LENGTH
        ? { deadline: performance.now() + settings.timeBudget, checked: 0, skipped: 0 } : undefined;
      const findings = runRules({ file, catalog: this.s.catalog, lifecycle: this.s.lifecycle, workspace: this.s.workspace }, settings, budget);
      if (!this.s.workspace.settled(doc.uri)) this.waiting.add(doc.uri); // its workspace findings wait for the index
      const out = toDiagnostics(findings, doc.text, this.docsBase);
      if (budget?.skipped) {
        out.unshift(partialNotice(file.chunks().length - budget.skipped, file.chunks().length, settings.timeBudget, doc.version));
        this.continueLater(doc);
      }
      return out;
    });
  }

  /** A check stopped at the time budget: the next part follows as soon as the event loop is free. */
  private continueLater(doc: OpenDocument): void {
    const version = doc.version;
    setTimeout(() => {
      if (this.s.documents.get(doc.uri) !== doc || doc.version !== version) return; // an edit schedules its own check
      doc.derived.delete('diagnostics');
      this.schedule(doc.uri);
      if (!this.publish) this.refresh();
    }, 0);
  }

  /**
   * Queues a check of `uri` after the current burst of messages (a flood of edits costs one check). A timer, not
   * setImmediate: vscode-jsonrpc hands over one message per event-loop turn, so an immediate ran between every two
   * changes of a burst and checked each of them.
   */
  schedule(uri: string): void {
    this.queued.add(uri);
    if (this.trimTimer) { clearTimeout(this.trimTimer); this.trimTimer = undefined; }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), Math.min(SETTLE_MAX_MS, Math.max(SETTLE_MIN_MS, Math.ceil(this.checkMs / 4))));
  }

  /** Re-checks every open document (settings changed, index rebuilt). */
  all(): void {
    for (const d of this.s.documents.all()) { d.derived.delete('diagnostics'); this.schedule(d.uri); }
    if (!this.publish) this.refresh();
  }

  /** What the last check cost, for the settle time. */
  private checkMs = 5;

  private flush(): void {
    const t = performance.now();
    let sent: Promise<unknown>[] = [];
    try {
      sent = this.flushNow();
    } finally {
      this.checkMs = performance.now() - t;
      // Waiting requests run once the diagnostics are written, not before (the writer sends on a later turn).
      const waiting = this.afterFlush.splice(0);
      if (waiting.length) void Promise.allSettled(sent).then(() => { for (const resolve of waiting) resolve(); });
      this.trimLater();
    }
  }

  private trimTimer: NodeJS.Timeout | undefined;

  /** After the checks, once nothing has been scheduled for TRIM_IDLE_MS: trim, then `trimmed`. */
  trimLater(): void {
    if (this.trimTimer) clearTimeout(this.trimTimer);
    this.trimTimer = setTimeout(() => {
      this.trimTimer = undefined;
      if (this.timer || this.queued.size) return; // a check is coming: it will ask again
      // A collection costs tens of ms: worth it when a large file's memo went, not a small one's (V8 takes that soon).
      if (this.trim() >= BUDGET_MIN_LENGTH) this.trimmed?.();
    }, TRIM_IDLE_MS);
  }

  /**
   * Replaces the documents' analyses by fresh ones of the same version, made from what is carried (the items' facts,
   * their cached findings, the summary): what the checks memoised goes (flow facts, macro expansions and their trees,
   * rule memos, the items' nodes and every node object web-tree-sitter has cached below them: tens of MB in a large
   * file). The carried items lose their nodes, found again in the current trees when asked. Returns the length of the
   * documents trimmed, all together (0: nothing went).
   */
  trim(): number {
    let trimmed = 0;
    for (const doc of this.s.documents.all()) {
      if (!doc.derived.delete('analysis')) continue;
      trimmed += doc.parsed.text.length;
      const c = this.carried.get(doc);
      if (c) this.carried.set(doc, { at: c.at, from: { ...c.from, chunks: c.from.chunks.map(({ start, end, facts }) => ({ start, end, facts })) } });
      this.analysis(doc); // features read the analysis when there is one (handler bindings by name): keep one
    }
    return trimmed;
  }

  /** Requests waiting for the checks queued when they arrived (see afterChecks). */
  private readonly afterFlush: (() => void)[] = [];

  /**
   * Settles once the checks queued now have run (at once when none is): requests that are no diagnostics (code lenses,
   * the driver model) wait for it, so that computing them never delays the diagnostics of an edit.
   */
  afterChecks(): Promise<void> {
    if (!this.timer) return Promise.resolve();
    return new Promise((resolve) => this.afterFlush.push(resolve));
  }

  private flushNow(): Promise<unknown>[] {
    this.timer = undefined;
    const uris = [...this.queued];
    this.queued.clear();
    const sent: Promise<unknown>[] = [];
    for (const uri of uris) {
      const doc = this.s.documents.get(uri);
      if (!doc) continue;
      if (this.publish) { const p = this.publish(uri, doc.version, this.diagnostics(doc)); if (p) sent.push(p); }
      else this.diagnostics(doc); // keeps the index current; the client pulls
    }
    return sent;
  }

  /** The text whose summary the workspace index holds for `doc`: its current version's once checked, else unknown. */
  indexedText(doc: OpenDocument): string | undefined {
    return doc.derived.has('diagnostics') && doc.derived.get('analysis') ? doc.parsed.text : undefined;
  }

  private updateSummary(doc: OpenDocument, file: FileAnalysis): void {
    if (this.s.workspace.set(file.summary(), file.semanticKey())) this.othersChanged(doc.uri);
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

/** Says that a check is in parts (condis.timeBudget) and how far it got. */
export function partialNotice(done: number, total: number, budgetMs: number, version: number): Diagnostic {
  return {
    data: { version, fixes: [] },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'check-in-progress',
    message: `Still checking: ${done} of ${total} top-level items are checked so far, in parts of ${budgetMs} ms (condis.timeBudget). ` +
      'The findings of the rest follow, and this notice goes away when the check is complete.',
  };
}
