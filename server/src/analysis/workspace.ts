// The workspace index: one summary per file, and the questions cross-file rules ask of them
// (the driver role around a file, handlers bound anywhere, completions called anywhere).
import type { FileSummary } from './summary';
import { helperKey, mergeSources, type HelperSource } from './helperEffects';

export type DriverKind = 'call-manager' | 'miniport-call-manager' | 'client' | 'miniport' | 'unknown';

export interface WorkspaceView {
  /** The kind of driver the file belongs to: the override setting, else evidence nearest the file. */
  roleOf(uri: string): DriverKind;
  /** Handler bindings of `name` in any file. */
  bindingsOf(name: string): { entry: string; via: string; field?: string; uri: string }[];
  /** How often `name` is called across the workspace, not counting file `exceptUri`. */
  callCount(name: string, exceptUri?: string): number;
  /** Non-CoNDIS execution contexts (`NDIS_TIMER_FUNCTION`, ...) `name` is bound to in any file. */
  contextsOf(name: string): { type: string; uri: string }[];
  /** Functions (any file) that call `name`. */
  callersOf(name: string): string[];
  /** What `fn` calls, looked up in whichever file defines it. */
  calleesOf(fn: string): string[];
  summaries(): Iterable<FileSummary>;
  /**
   * A number that changes whenever a file other than `exceptUri` changes a cross-file fact (its summary without
   * offsets), or the driver-kind override changes: results that read other files are valid while it stays the same.
   */
  generation(exceptUri: string): number;
}

/** The summary without offsets: what other files' results may depend on. */
export function summaryKey(f: FileSummary): string {
  return JSON.stringify([f.bindings, f.callGraph, f.calls, f.evidence, f.vcCreated.map((v) => [v.fn, v.handle, v.aliases]), f.vcDeleted,
    f.paramStores, f.contexts?.map((c) => [c.name, c.type]), Object.entries(f.helpers ?? {}).map(([n, h]) => [n, helperKey(h)])]);
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly files = new Map<string, FileSummary>();
  private readonly keys = new Map<string, string>();
  /** Changes of cross-file facts: in all, and per file (so that a file's own changes can be left out). */
  private changes = 0;
  private readonly changesOf = new Map<string, number>();
  private overrideValue: DriverKind | 'auto';
  private cache: { bindings: Map<string, { entry: string; via: string; field?: string; uri: string }[]>; contexts: Map<string, { type: string; uri: string }[]>; calls: Map<string, number>; callers: Map<string, string[]>; callees: Map<string, string[]>; helpers: Map<string, HelperSource[]> } | null = null;
  private readonly roleCache = new Map<string, DriverKind>();

  constructor(override: DriverKind | 'auto' = 'auto', private readonly maxFiles = 50_000) {
    this.overrideValue = override;
  }

  get override(): DriverKind | 'auto' { return this.overrideValue; }
  set override(v: DriverKind | 'auto') {
    if (v === this.overrideValue) return;
    this.overrideValue = v;
    this.changes++;
    this.roleCache.clear();
  }

  /**
   * Stores a file's summary; returns whether its cross-file facts changed (or the file is new to the index). `key`:
   * a key of those facts the caller already has (FileAnalysis.semanticKey), else one is made from the summary.
   */
  set(summary: FileSummary, key = summaryKey(summary)): boolean {
    if (!this.files.has(summary.uri) && this.files.size >= this.maxFiles) return false;
    this.files.set(summary.uri, summary);
    if (this.keys.get(summary.uri) === key) return false; // offsets may have moved; nothing the index derives did
    this.keys.set(summary.uri, key);
    this.bump(summary.uri);
    this.invalidate();
    return true;
  }

  delete(uri: string): void {
    if (this.files.delete(uri)) {
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
  get size(): number { return this.files.size; }
  summaries(): Iterable<FileSummary> { return this.files.values(); }

  private invalidate(): void {
    this.cache = null;
    this.roleCache.clear();
  }

  private index() {
    if (this.cache) return this.cache;
    const bindings = new Map<string, { entry: string; via: string; field?: string; uri: string }[]>();
    const calls = new Map<string, number>();
    const callers = new Map<string, string[]>();
    const callees = new Map<string, string[]>();
    const contexts = new Map<string, { type: string; uri: string }[]>();
    const helpers = new Map<string, HelperSource[]>();
    for (const f of this.files.values()) {
      for (const [fn, summary] of Object.entries(f.helpers ?? {})) {
        const l = helpers.get(fn);
        if (l) l.push({ summary, uri: f.uri }); else helpers.set(fn, [{ summary, uri: f.uri }]);
      }
      for (const c of f.contexts ?? []) contexts.set(c.name, [...(contexts.get(c.name) ?? []), { type: c.type, uri: f.uri }]);
      for (const b of f.bindings) {
        const l = bindings.get(b.name) ?? [];
        l.push({ entry: b.entry, via: b.via, field: b.field, uri: f.uri });
        bindings.set(b.name, l);
      }
      for (const [n, c] of Object.entries(f.calls)) calls.set(n, (calls.get(n) ?? 0) + c);
      for (const [fn, list] of Object.entries(f.callGraph)) {
        callees.set(fn, [...(callees.get(fn) ?? []), ...list]);
        for (const callee of list) {
          const l = callers.get(callee) ?? [];
          if (!l.includes(fn)) l.push(fn);
          callers.set(callee, l);
        }
      }
    }
    this.cache = { bindings, contexts, calls, callers, callees, helpers };
    return this.cache;
  }

  bindingsOf(name: string) { return this.index().bindings.get(name) ?? []; }
  contextsOf(name: string) { return this.index().contexts.get(name) ?? []; }
  callCount(name: string, exceptUri?: string) {
    const all = this.index().calls.get(name) ?? 0;
    return exceptUri ? all - (this.files.get(exceptUri)?.calls[name] ?? 0) : all;
  }
  callersOf(name: string) { return this.index().callers.get(name) ?? []; }
  calleesOf(fn: string) { return this.index().callees.get(fn) ?? []; }
  /** What function `fn` (defined in a file other than `exceptUri`) does to its callers' requests and handles. */
  helperSummary(fn: string, exceptUri: string): HelperSource | undefined {
    const list = (this.index().helpers.get(fn) ?? []).filter((h) => h.uri !== exceptUri).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return mergeSources(list);
  }

  roleOf(uri: string): DriverKind {
    if (this.overrideValue !== 'auto') return this.overrideValue;
    let r = this.roleCache.get(uri);
    if (!r) { r = this.computeRole(uri); this.roleCache.set(uri, r); }
    return r;
  }

  /**
   * Walks up from the file's folder: first the files directly in each folder (so a driver at the root is not
   * outvoted by a sample driver in a subfolder), then, when no folder on the way up says anything, each folder's
   * whole subtree (so a header in include/ takes the kind of the driver in src/).
   */
  private computeRole(uri: string): DriverKind {
    for (const recursive of [false, true]) {
      let dir = uri.slice(0, uri.lastIndexOf('/') + 1);
      for (;;) {
        const evidence = new Set<string>();
        for (const f of this.files.values()) {
          if (!f.uri.startsWith(dir) || (!recursive && f.uri.indexOf('/', dir.length) >= 0)) continue;
          for (const e of f.evidence) evidence.add(e);
        }
        const kind = classify(evidence);
        if (kind !== 'unknown') return kind;
        const up = dir.slice(0, dir.lastIndexOf('/', dir.length - 2) + 1);
        if (!up || up === dir || !up.includes('/')) break;
        dir = up;
      }
    }
    return 'unknown';
  }
}

export function classify(e: Set<string>): DriverKind {
  if (e.has('NdisMCmRegisterAddressFamilyEx') || e.has('NdisMCmRegisterAddressFamily')) return 'miniport-call-manager';
  if (e.has('NdisCmRegisterAddressFamilyEx') || e.has('NdisCmRegisterAddressFamily')) return 'call-manager';
  const miniport = e.has('NdisMRegisterMiniportDriver') || e.has('NDIS_MINIPORT_DRIVER_CHARACTERISTICS') || e.has('NDIS_MINIPORT_CHARACTERISTICS');
  const cmTable = e.has('NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS') || e.has('NDIS_CALL_MANAGER_CHARACTERISTICS');
  if (miniport && cmTable) return 'miniport-call-manager';
  const protocol = e.has('NdisRegisterProtocolDriver') || e.has('NDIS_PROTOCOL_DRIVER_CHARACTERISTICS') || e.has('NDIS_PROTOCOL_CHARACTERISTICS');
  if (protocol && cmTable) return 'call-manager';
  if (e.has('NdisClOpenAddressFamilyEx') || e.has('NdisClOpenAddressFamily') || e.has('NDIS_CO_CLIENT_OPTIONAL_HANDLERS') || e.has('NDIS_CLIENT_CHARACTERISTICS')) return 'client';
  if (miniport || e.has('NDIS_MINIPORT_CO_CHARACTERISTICS') || e.has('MINIPORT_CO_*')) return 'miniport';
  if (cmTable) return 'call-manager';
  return 'unknown';
}
