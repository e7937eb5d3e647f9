// The lifecycle models of the workspace's drivers, each built at most once per state of its files: the index's
// cross-file generation, the driver-kind override and the versions of its open documents. An edit rebuilds the
// model of its own driver only, from summaries (no other file is parsed or read again).
import type { Diagnostic } from 'vscode-languageserver';
import type { Services } from '../../services';
import type { OpenDocument } from '../../documents';
import type { FileAnalysis } from '../../analysis/fileAnalysis';
import type { FileSummary } from '../../analysis/summary';
import { buildModel, type LifecycleModel, type ModelEnv } from './model';
import { positionsFromText, type PositionsOf } from './places';
import type { DriverModel, Place } from './types';

export interface ModelSources {
  /** The analysis of an open document's current version (the validator's, memoised per version). */
  analysis(doc: OpenDocument): FileAnalysis | null;
  /** An open document's diagnostics (the lifecycle rules' findings). */
  diagnostics?(doc: OpenDocument): Diagnostic[];
  /** A file's text from disk (files that are not open), or undefined. */
  readText(uri: string): string | undefined;
}

export class LifecycleModels {
  private readonly byDriver = new Map<string, { stamp: string; model: LifecycleModel }>();
  private groups: { stamp: string; keys: Map<string, string> } | undefined;
  private readonly diskPositions: PositionsOf;
  /** How many models were built (tests count work with it). */
  builds = 0;

  constructor(private readonly s: Services, private readonly sources: ModelSources) {
    this.diskPositions = positionsFromText((uri) => sources.readText(uri));
  }

  /** The model of the driver `uri` belongs to. */
  forUri(uri: string): LifecycleModel {
    const driver = this.s.workspace.driverOf(uri);
    const open = [...this.s.documents.all()].filter((d) => this.s.workspace.driverOf(d.uri).key === driver.key);
    const stamp = [this.s.workspace.generation(''), this.s.workspace.override, this.s.workspace.settled(uri),
      ...open.map((d) => `${d.uri}@${d.version}`)].join('|');
    const had = this.byDriver.get(driver.key);
    if (had?.stamp === stamp) return had.model;
    const model = this.build(uri, driver.key, open);
    this.byDriver.set(driver.key, { stamp, model });
    this.builds++;
    return model;
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

  private build(uri: string, key: string, open: OpenDocument[]): LifecycleModel {
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
    const env: ModelEnv = {
      catalog: this.s.catalog,
      lifecycle: this.s.lifecycle,
      positions: (u, summary) => { const d = openBy.get(u); return d ? (o) => d.text.positionAt(o) : this.diskPositions(u, summary); },
      analysisOf,
      findingsOf: (u) => {
        const d = openBy.get(u);
        return d && this.sources.diagnostics ? findingsOf(d, this.sources.diagnostics(d)) : [];
      },
    };
    const root = key.replace(/^shared:/, '');
    return buildModel(root, this.s.workspace.roleOf(uri), files, ws, env);
  }
}

function findingsOf(doc: OpenDocument, diags: Diagnostic[]): { rule: string; message: string; place: Place }[] {
  return diags.filter((d) => typeof d.code === 'string' && d.code !== 'check-in-progress' && d.code !== 'file-too-large')
    .map((d) => ({ rule: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, place: { uri: doc.uri, range: d.range } }));
}

/** The model as JSON (condis/driverModel's shape), without the lookups. */
export function plainModel(m: LifecycleModel): DriverModel {
  return { root: m.root, kind: m.kind, evidence: m.evidence, tables: m.tables, handlers: m.handlers };
}
