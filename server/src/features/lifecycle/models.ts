// The lifecycle models of the workspace's drivers, each built at most once per cross-item state of its files: the
// index's generation, the driver-kind override and its open documents' semantic keys. An edit that keeps them keeps
// the model (its places follow the edit, its endings and findings are read again where the text changed); any other
// edit rebuilds the model of its own driver only, from summaries (no other file is parsed or read again).
import type { Diagnostic } from 'vscode-languageserver';
import type { Services } from '../../services';
import type { OpenDocument } from '../../documents';
import type { FileAnalysis } from '../../analysis/fileAnalysis';
import type { FileSummary } from '../../analysis/summary';
import type { ChunkFacts } from '../../analysis/chunks';
import { attachFindings, buildModel, type LifecycleModel, type ModelEnv } from './model';
import { DocAnchors } from './anchors';
import { flowEnding } from './endings';
import { positionsFromText, type PositionsOf } from './places';
import type { DriverModel, HandlerInfo, Place } from './types';

export interface ModelSources {
  /** The analysis of an open document's current version (the validator's, memoised per version). */
  analysis(doc: OpenDocument): FileAnalysis | null;
  /** An open document's diagnostics (the lifecycle rules' findings). */
  diagnostics?(doc: OpenDocument): Diagnostic[];
  /** A file's text from disk (files that are not open), or undefined. */
  readText(uri: string): string | undefined;
}

/** One built model and what it was built from. */
interface Built {
  /** The cross-item state: the index's generation, the override, whether settled, the open documents' semantic keys. */
  stamp: string;
  docs: OpenDocument[];
  model: LifecycleModel;
  anchors: DocAnchors[];
  id: number;
  /** Bumped when a handler's ending changes after an edit that kept the semantic key. */
  endings: number;
  /** Handlers by the item their definition lies in (open documents), to read their endings again from a new text. */
  defined: Map<ChunkFacts, HandlerInfo[]>;
  /** Handlers with findings kept per version, by open document. */
  bodies: Map<OpenDocument, { body: Place; h: HandlerInfo }[]>;
}

export class LifecycleModels {
  private readonly byDriver = new Map<string, Built>();
  private readonly builtOf = new WeakMap<LifecycleModel, Built>();
  private groups: { stamp: string; keys: Map<string, string> } | undefined;
  private readonly diskPositions: PositionsOf;
  /** How many models were built (tests count work with it). */
  builds = 0;

  constructor(private readonly s: Services, private readonly sources: ModelSources) {
    this.diskPositions = positionsFromText((uri) => sources.readText(uri));
  }

  /**
   * The model of the driver `uri` belongs to. Built again only when a cross-item fact may have changed; an edit that
   * keeps the open documents' semantic keys keeps it, its places following the edits (anchors.ts).
   */
  forUri(uri: string): LifecycleModel {
    const driver = this.s.workspace.driverOf(uri);
    const open = [...this.s.documents.all()].filter((d) => this.s.workspace.driverOf(d.uri).key === driver.key);
    const stamp = [this.s.workspace.generation(''), this.s.workspace.override, this.s.workspace.settled(uri),
      ...open.map((d) => `${d.uri}@${this.sources.analysis(d)?.semanticKey() ?? `v${d.version}`}`)].join('|');
    const had = this.byDriver.get(driver.key);
    if (had && had.stamp === stamp && had.docs.length === open.length && had.docs.every((d, i) => d === open[i]) && had.anchors.every((a) => a.sync())) return had.model;
    const built = this.build(uri, driver.key, open, stamp);
    this.byDriver.set(driver.key, built);
    this.builtOf.set(built.model, built);
    this.builds++;
    return built.model;
  }

  /** The key of every model (`all()`): the same key, the same condis/driverModel answer. */
  allKey(): string {
    let key = '';
    for (const m of this.all()) key += `${m.root}\0${this.keyOf(m)}\n`;
    return key;
  }

  /** A string that changes when the model's answer (condis/driverModel) would: no place is made or serialised. */
  keyOf(m: LifecycleModel): string {
    const b = this.builtOf.get(m);
    if (!b) return JSON.stringify(plainModel(m));
    let key = `${b.id}/${b.endings}`;
    for (const a of b.anchors) key += `|${a.fingerprint()}`;
    for (const [doc, list] of b.bodies) {
      key += `|${doc.uri}`;
      for (const { h } of list) for (const f of h.findings) key += `|${f.rule}:${f.message}:${f.place.range.start.line}.${f.place.range.start.character}`;
    }
    return key;
  }
  /** Every driver of the workspace with handlers or evidence, by root. */
  all(): LifecycleModel[] {
    const out: LifecycleModel[] = [];
    for (const uri of this.representatives().values()) {
      const m = this.forUri(uri);
      if (m.handlers.length || m.evidence.length) out.push(m);
    }
    return out.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  }

  /** One file per driver (driver key -> a file of it): recomputed when the index's cross-file facts change. */
  private representatives(): Map<string, string> {
    const ws = this.s.workspace;
    const stamp = `${ws.generation('')}|${[...this.s.documents.all()].map((d) => d.uri).join(',')}`;
    if (this.groups?.stamp === stamp) return this.groups.keys;
    const keys = new Map<string, string>();
    const add = (uri: string) => { const k = ws.driverOf(uri).key; if (!keys.has(k)) keys.set(k, uri); };
    for (const f of ws.summaries()) add(f.uri);
    for (const d of this.s.documents.all()) add(d.uri);
    this.groups = { stamp, keys };
    return keys;
  }

  private build(uri: string, key: string, open: OpenDocument[], stamp: string): Built {
    const ws = this.s.workspace.forFile(uri);
    const openBy = new Map(open.map((d) => [d.uri, d]));
    const analysisOf = (u: string) => { const d = openBy.get(u); return (d && this.sources.analysis(d)) ?? undefined; };
    // The current summaries: an open document's current version, else the index's latest.
    const files: FileSummary[] = [];
    const seen = new Set<string>();
    for (const f of ws.summaries()) {
      seen.add(f.uri);
      const current = openBy.has(f.uri) ? analysisOf(f.uri)?.summary() : this.s.workspace.summaryOf(f.uri);
      if (current) files.push(current);
    }
    for (const d of open) if (!seen.has(d.uri)) { const sum = analysisOf(d.uri)?.summary(); if (sum) files.push(sum); }
    const built: Built = { stamp, docs: open, model: undefined as unknown as LifecycleModel, anchors: [], id: ++builtCount, endings: 0, defined: new Map(), bodies: new Map() };
    const anchorsBy = new Map<string, DocAnchors>();
    const moved = (from: ChunkFacts, to: ChunkFacts, file: FileAnalysis) => {
      const hs = built.defined.get(from);
      if (!hs) return;
      built.defined.delete(from);
      built.defined.set(to, hs);
      for (const h of hs) {
        if (!h.pendable) continue;
        const ending = flowEnding(file, h.name, ws) ?? to.ending ?? 'unknown';
        if (ending !== h.ending) { h.ending = ending; built.endings++; }
      }
    };
    const env: ModelEnv = {
      catalog: this.s.catalog,
      lifecycle: this.s.lifecycle,
      positions: (u, summary) => this.diskPositions(u, summary),
      placer: (u) => {
        const d = openBy.get(u);
        const file = d && this.sources.analysis(d);
        if (!d || !file) return undefined;
        const a = new DocAnchors(d, () => this.sources.analysis(d), file, moved);
        anchorsBy.set(u, a);
        built.anchors.push(a);
        return (start, end) => a.place(start, end);
      },
      analysisOf,
      bodies: (u, list) => { const d = openBy.get(u); if (d) built.bodies.set(d, list); },
    };
    const root = key.replace(/^shared:/, '');
    built.model = buildModel(root, this.s.workspace.roleOf(uri), files, ws, env);
    for (const h of built.model.handlers) {
      const facts = h.definition && anchorsBy.get(h.definition.uri)?.factsOf(h.definition);
      if (facts) { const l = built.defined.get(facts); if (l) l.push(h); else built.defined.set(facts, [h]); }
    }
    for (const [doc, list] of built.bodies) this.findingsPerVersion(doc, list);
    return built;
  }

  /** The lifecycle findings in each handler of `doc`, attached when first read at each version (not at every edit). */
  private findingsPerVersion(doc: OpenDocument, list: { body: Place; h: HandlerInfo }[]): void {
    const store = new Map<HandlerInfo, HandlerInfo['findings']>(list.map(({ h }) => [h, []]));
    let at: unknown;
    const ensure = () => {
      const version = this.sources.analysis(doc);
      if (at === version) return;
      at = version;
      for (const { h } of list) store.set(h, []);
      if (this.sources.diagnostics) attachFindings(findingsOf(doc, this.sources.diagnostics(doc)), list);
    };
    for (const { h } of list) {
      Object.defineProperty(h, 'findings', { enumerable: true, configurable: true, get: () => { ensure(); return store.get(h)!; } });
    }
  }
}

let builtCount = 0;

function findingsOf(doc: OpenDocument, diags: Diagnostic[]): { rule: string; message: string; place: Place }[] {
  return diags.filter((d) => typeof d.code === 'string' && d.code !== 'check-in-progress' && d.code !== 'file-too-large')
    .map((d) => ({ rule: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, place: { uri: doc.uri, range: d.range } }));
}

/** The model as JSON (condis/driverModel's shape), without the lookups. */
export function plainModel(m: LifecycleModel): DriverModel {
  return { root: m.root, kind: m.kind, evidence: m.evidence, tables: m.tables, handlers: m.handlers };
}
