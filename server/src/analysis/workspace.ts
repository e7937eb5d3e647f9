// The workspace index: one summary per file, and the questions cross-file rules ask of them (the driver role around
// a file, handlers bound, completions called), answered per driver (drivers.ts) by the view `forFile` gives.
import { semanticKeys, type FileSummary } from './summary';
import { classify, DriverMap, type Driver, type DriverKind } from './drivers';
import { PendingFiles } from './pending';
import type { MacroDef } from './macroDefs';
import { helperKey, mergeSources, type HelperSource } from './helperEffects';
import { factsOf, type Facts } from './workspaceFacts';

export { classify, type DriverKind };

export interface WorkspaceView {
  /**
   * The kind of driver the file belongs to: the override setting, else evidence nearest the file; 'unknown' while a
   * file that could change the answer is still to be read (see `settled`).
   */
  roleOf(uri: string): DriverKind;
  /** Whether every file that decides the file's driver has been read (always, once the index is built). */
  settled(uri: string): boolean;
  /** The same questions, answered from the files of `uri`'s driver only (and the files its driver shares). */
  forFile(uri: string): WorkspaceView;
  /** Handler bindings of `name` in any file. */
  bindingsOf(name: string): { entry: string; via: string; field?: string; uri: string }[];
  /** How often `name` is called across the workspace, not counting file `exceptUri`. */
  callCount(name: string, exceptUri?: string): number;
  /** Non-CoNDIS execution contexts (`NDIS_TIMER_FUNCTION`, ...) `name` is bound to in any file. */
  contextsOf(name: string): { type: string; uri: string }[];
  /** How many parameters each definition of function `name` declares, in any file (-1: variadic or unreadable). */
  aritiesOf(name: string): { arity: number; uri: string }[];
  /** Functions (any file) that call `name`. */
  callersOf(name: string): string[];
  /** What `fn` calls, looked up in whichever file defines it. */
  calleesOf(fn: string): string[];
  summaries(): Iterable<FileSummary>;
  /** The definition of macro `name` in the driver's files (see macroDefs.ts for which one when several define it). */
  macro(name: string): MacroDef | undefined;
  /** What function `fn` (defined in a file other than `exceptUri`) does to its callers' requests and handles. */
  helperSummary(fn: string, exceptUri: string): HelperSource | undefined;
  /**
   * A number that changes whenever a file other than `exceptUri` changes a cross-file fact (its summary without
   * offsets), or the driver-kind override changes: results that read other files are valid while it stays the same.
   */
  generation(exceptUri: string): number;
}

/** The summary without offsets: what other files' results may depend on. */
export function summaryKey(f: FileSummary): string {
  const semantic = semanticKeys.get(f);
  if (semantic !== undefined) return semantic;
  return JSON.stringify([f.bindings, f.callGraph, f.calls, f.evidence, f.vcCreated.map((v) => [v.fn, v.handle, v.aliases]), f.vcDeleted,
    f.paramStores, f.contexts?.map((c) => [c.name, c.type]), f.arities, f.params, f.macros?.map((m) => [m.name, m.params, m.body, m.line]),
    Object.entries(f.helpers ?? {}).map(([n, h]) => [n, helperKey(h)]),
    f.lifecycle?.functions.filter((x) => x.ending !== 'sync').map((x) => [x.name, x.ending])]);
}

/** The questions of WorkspaceView over a set of files. */
abstract class FactsView implements WorkspaceView {
  protected abstract facts(): Facts;
  abstract roleOf(uri: string): DriverKind;
  abstract settled(uri: string): boolean;
  abstract forFile(uri: string): WorkspaceView;
  abstract summaries(): Iterable<FileSummary>;
  abstract generation(exceptUri: string): number;
  protected abstract calledIn(uri: string, name: string): number;
  bindingsOf(name: string) { return this.facts().bindings.get(name) ?? []; }
  contextsOf(name: string) { return this.facts().contexts.get(name) ?? []; }
  callCount(name: string, exceptUri?: string) {
    const f = this.facts();
    const all = f.calls.get(name) ?? 0;
    return exceptUri && f.uris.has(exceptUri) ? all - this.calledIn(exceptUri, name) - (f.viaMacros.get(exceptUri)?.get(name) ?? 0) : all;
  }
  macro(name: string) { return this.facts().macros.get(name); }
  helperSummary(fn: string, exceptUri: string): HelperSource | undefined {
    const list = (this.facts().helpers.get(fn) ?? []).filter((h) => h.uri !== exceptUri).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return mergeSources(list);
  }
  callersOf(name: string) { return this.facts().callers.get(name) ?? []; }
  aritiesOf(name: string) { return this.facts().arities.get(name) ?? []; }
  calleesOf(fn: string) { return this.facts().callees.get(fn) ?? []; }
}

/** One driver's files and the files it shares with others: what the rules checking one of its files may read. */
class DriverView extends FactsView {
  private cache: { facts: Facts; summaries: FileSummary[] } | undefined;
  constructor(private readonly index: WorkspaceIndex, private readonly driver: Driver) { super(); }
  private own() {
    if (!this.cache) {
      const at = this.driver.key.replace(/^shared:/, '');
      const summaries = this.index.filesOfDriver(this.driver, at);
      this.cache = { facts: factsOf(summaries), summaries };
    }
    return this.cache;
  }
  protected facts() { return this.own().facts; }
  protected calledIn(uri: string, name: string) { return this.index.calledIn(uri, name); }
  summaries() { return this.own().summaries; }
  roleOf(uri: string) { return this.index.roleOf(uri); }
  settled(uri: string) { return this.index.settled(uri); }
  forFile(uri: string) { return this.index.forFile(uri); }
  generation(exceptUri: string) { return this.index.generation(exceptUri); }
}

export class WorkspaceIndex extends FactsView {
  private readonly files = new Map<string, FileSummary>();
  /** The same files by folder (what the driver map reads). */
  private readonly byDir = new Map<string, Map<string, FileSummary>>();
  private readonly keys = new Map<string, string>();
  /** Changes of cross-file facts: in all, and per file (so that a file's own changes can be left out). */
  private changes = 0;
  private readonly changesOf = new Map<string, number>();
  private overrideValue: DriverKind | 'auto';
  private cache: Facts | null = null;
  private driverMap: DriverMap | null = null;
  private readonly views = new Map<string, DriverView>();
  /** What the indexer has yet to list and read. */
  private readonly pending = new PendingFiles();
  private readonly listeners: (() => void)[] = [];
  /**
   * Macro name -> file -> its last definition there, kept as summaries come and go: a hover asks for workspace macros
   * while the index builds, and deriving them from every summary after each batch cost it 0.1 ms a file.
   */
  private readonly macroDefs = new Map<string, Map<string, MacroDef>>();

  constructor(override: DriverKind | 'auto' = 'auto', private readonly maxFiles = 50_000) {
    super();
    this.overrideValue = override;
  }

  get override(): DriverKind | 'auto' { return this.overrideValue; }
  set override(v: DriverKind | 'auto') {
    if (v === this.overrideValue) return;
    this.overrideValue = v;
    this.changes++;
  }

  /**
   * Stores a file's summary; returns whether its cross-file facts changed (or the file is new to the index). `key`:
   * a key of those facts the caller already has (FileAnalysis.semanticKey), else one is made from the summary.
   */
  set(summary: FileSummary, key = summaryKey(summary)): boolean {
    if (!this.files.has(summary.uri) && this.files.size >= this.maxFiles) return false;
    this.indexMacros(this.files.get(summary.uri), summary);
    this.files.set(summary.uri, summary);
    const dir = dirOf(summary.uri);
    let inDir = this.byDir.get(dir);
    if (!inDir) this.byDir.set(dir, inDir = new Map());
    inDir.set(summary.uri, summary);
    if (this.keys.get(summary.uri) === key) return false; // offsets may have moved; nothing the index derives did
    this.keys.set(summary.uri, key);
    this.bump(summary.uri);
    this.invalidate();
    return true;
  }

  delete(uri: string): void {
    this.indexMacros(this.files.get(uri), undefined);
    if (this.files.delete(uri)) {
      const inDir = this.byDir.get(dirOf(uri));
      inDir?.delete(uri);
      if (inDir && !inDir.size) this.byDir.delete(dirOf(uri));
      this.keys.delete(uri);
      this.bump(uri);
      this.invalidate();
    }
  }

  generation(exceptUri: string): number {
    return this.changes - (this.changesOf.get(exceptUri) ?? 0);
  }

  private bump(uri: string): void {
    this.changes++;
    this.changesOf.set(uri, (this.changesOf.get(uri) ?? 0) + 1);
  }

  has(uri: string): boolean { return this.files.has(uri); }
  /** The latest summary stored for `uri` (a driver view's list keeps the one of its last cross-file change). */
  summaryOf(uri: string): FileSummary | undefined { return this.files.get(uri); }
  get size(): number { return this.files.size; }
  summaries(): Iterable<FileSummary> { return this.files.values(); }

  private invalidate(): void {
    this.cache = null;
    this.driverMap = null;
    this.views.clear();
  }

  protected facts(): Facts { return (this.cache ??= factsOf(this.files.values())); }

  /** The workspace's definition of a macro: as `facts().macros` says (the file whose URI sorts last), without deriving them. */
  override macro(name: string): MacroDef | undefined {
    let best: MacroDef | undefined;
    for (const d of this.macroDefs.get(name)?.values() ?? []) if (!best || best.uri <= d.uri) best = d;
    return best;
  }

  private indexMacros(before: FileSummary | undefined, after: FileSummary | undefined): void {
    for (const m of before?.macros ?? []) {
      const defs = this.macroDefs.get(m.name);
      defs?.delete(before!.uri);
      if (defs && !defs.size) this.macroDefs.delete(m.name);
    }
    for (const m of after?.macros ?? []) {
      let defs = this.macroDefs.get(m.name);
      if (!defs) this.macroDefs.set(m.name, defs = new Map());
      defs.set(after!.uri, { ...m, uri: after!.uri }); // the last definition in the file wins, as in factsOf
    }
  }
  /** How often file `uri` calls `name`. */
  calledIn(uri: string, name: string): number { return this.files.get(uri)?.calls[name] ?? 0; }

  private drivers(): DriverMap { return (this.driverMap ??= new DriverMap(this.byDir)); }

  /** The driver `uri` belongs to (see drivers.ts). */
  driverOf(uri: string): Driver { return this.drivers().driverOf(uri); }

  forFile(uri: string): WorkspaceView {
    const d = this.driverOf(uri);
    let v = this.views.get(d.key);
    if (!v) { v = new DriverView(this, d); this.views.set(d.key, v); }
    return v;
  }

  /** The files a file of driver `d` (located at `at`) may read. */
  filesOfDriver(d: Driver, at: string): FileSummary[] {
    const map = this.drivers();
    const out: FileSummary[] = [];
    for (const f of this.files.values()) if (DriverMap.sees(d, at, map.driverOf(f.uri), f.uri)) out.push(f);
    return out;
  }

  roleOf(uri: string): DriverKind {
    if (this.overrideValue !== 'auto') return this.overrideValue;
    const d = this.driverOf(uri);
    return this.pending.decided(d) ? d.kind : 'unknown';
  }

  settled(uri: string): boolean { return this.pending.decided(this.driverOf(uri)); }

  /**
   * The indexer is about to list these workspace folders (URIs): until it has listed and read their files, nothing
   * in them is settled. Call it before anything else can ask (an open document's first check).
   */
  expectFolders(folders: readonly string[]): void { this.pending.expectFolders(folders); }
  /** Files the indexer has listed and will read: pending until `settle`d. */
  expect(uris: readonly string[]): void { this.pending.expect(uris); }
  /** A workspace folder is listed (its files `expect`ed). */
  listed(folder: string): void { if (this.pending.listed(folder)) this.notify(); }
  /** The indexer is done with a file (read, refused or left to its open document). */
  settle(uri: string): void { if (this.pending.settle(uri)) this.notify(); }
  /** Indexing ended (or stopped): nothing is pending any more. */
  settleAll(): void { if (this.pending.clear()) this.notify(); }

  /** Calls `fn` whenever a folder has been read completely (a file's `settled` may have changed). */
  onSettle(fn: () => void): void { this.listeners.push(fn); }

  private notify(): void { for (const fn of this.listeners) fn(); }
}

const dirOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/') + 1);
