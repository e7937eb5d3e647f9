// The navigation requests as the server routes them: implementation, definition, references, call hierarchy and
// condis/requestLifecycle, each reading the lifecycle model of the document's driver (one per driver state).
import type { CallHierarchyItem, Location, Position } from 'vscode-languageserver';
import type { Services } from '../../services';
import type { OpenDocument } from '../../documents';
import { LifecycleModels, type ModelSources } from '../lifecycle/models';
import { positionsFromText } from '../lifecycle/places';
import type { LifecycleModel } from '../lifecycle/model';
import type { FileSummary } from '../../analysis/summary';
import { requestLifecycle, type DriverFacts, type RequestLifecycleResult } from '../lifecycle/requestLifecycle';
import { definitions, handlerOf, handlersCompletedBy, implementations, references } from './navigate';
import { targetAt } from './target';
import { incomingCalls, outgoingCalls, prepareCallHierarchy, type HierarchySource } from './callHierarchy';

export interface Navigation { s: Services; sources: ModelSources; models: LifecycleModels }

const made = new WeakMap<Services, Navigation>();

/** The navigation state of a server: the server's models (the lenses' own), else its own made on first use. */
export function navigation(s: Services, sources: ModelSources, models?: LifecycleModels): Navigation {
  let n = made.get(s);
  if (!n || (models && n.models !== models)) { n = { s, sources, models: models ?? new LifecycleModels(s, sources) }; made.set(s, n); }
  return n;
}

function target(doc: OpenDocument, position: Position, n: Navigation) {
  const file = n.sources.analysis(doc);
  return file ? targetAt(doc, doc.text.offsetAt(position), n.s.lifecycle, () => file.functions()) : null;
}

/** Answers use the client's spelling of an open document's URI (the model keys files by the server's). */
function clientUris<T extends { uri: string }>(list: T[] | null, n: Navigation): T[] | null {
  return list && list.map((l) => ({ ...l, uri: n.s.documents.get(l.uri)?.clientUri ?? l.uri }));
}

export function provideImplementation(doc: OpenDocument, position: Position, n: Navigation): Location[] | null {
  return clientUris(implementations(target(doc, position, n), n.models.forUri(doc.uri)), n);
}

export function provideDefinition(doc: OpenDocument, position: Position, n: Navigation): Location[] | null {
  return clientUris(definitions(target(doc, position, n), n.models.forUri(doc.uri), n.s.lifecycle, n.s.catalog), n);
}

export function provideReferences(doc: OpenDocument, position: Position, includeDeclaration: boolean, n: Navigation): Location[] | null {
  return clientUris(references(target(doc, position, n), n.models.forUri(doc.uri), includeDeclaration), n);
}

/** The driver's current summaries (open documents' current versions) and how to place their offsets. */
function hierarchySource(uri: string, n: Navigation): HierarchySource {
  const ws = n.s.workspace.forFile(uri);
  const files: FileSummary[] = [];
  const seen = new Set<string>();
  const current = (u: string) => { const d = n.s.documents.get(u); return d ? n.sources.analysis(d)?.summary() : undefined; };
  for (const f of ws.summaries()) { seen.add(f.uri); files.push(current(f.uri) ?? f); }
  if (!seen.has(uri)) { const own = current(uri); if (own) files.push(own); }
  const disk = positionsFromText((u) => n.sources.readText(u));
  const model = n.models.forUri(uri);
  return {
    files,
    positions: (u, summary) => { const d = n.s.documents.get(u); return d ? (o) => d.text.positionAt(o) : disk(u, summary); },
    detail: (name) => model.handler(name).map((h) => h.conventional ?? h.role).join(', ') || undefined,
  };
}

export function providePrepareCallHierarchy(doc: OpenDocument, position: Position, n: Navigation): CallHierarchyItem[] | null {
  const t = target(doc, position, n);
  const name = t?.kind === 'name' ? t.name : t?.kind === 'pending' ? t.fn : undefined;
  return clientUris(prepareCallHierarchy(name, hierarchySource(doc.uri, n)), n);
}

export function provideIncomingCalls(item: CallHierarchyItem, n: Navigation) {
  const src = hierarchySource(n.s.uris.key(item.uri), n);
  return incomingCalls(item, src).map((c) => ({ ...c, from: { ...c.from, uri: n.s.documents.get(c.from.uri)?.clientUri ?? c.from.uri } }));
}

export function provideOutgoingCalls(item: CallHierarchyItem, n: Navigation) {
  const src = hierarchySource(n.s.uris.key(item.uri), n);
  return outgoingCalls(item, src).map((c) => ({ ...c, to: { ...c.to, uri: n.s.documents.get(c.to.uri)?.clientUri ?? c.to.uri } }));
}

/** What the lifecycle picture reads of the driver besides the handler. */
function driverFacts(model: LifecycleModel, uri: string, n: Navigation): DriverFacts {
  const src = hierarchySource(uri, n);
  const defOf = (name: string) => {
    for (const f of src.files) {
      const fn = f.lifecycle?.functions.find((x) => x.name === name);
      const at = fn && src.positions(f.uri, f);
      if (fn && at) return { name, place: { uri: f.uri, range: { start: at(fn.nameAt), end: at(fn.nameAt + name.length) } } };
    }
    return { name };
  };
  const ws = n.s.workspace.forFile(uri);
  return {
    kind: model.kind,
    callersOf: (name) => ws.callersOf(name).map(defOf),
    boundTo: (role) => model.handlers.filter((h) => h.role === role).map((h) => ({ name: h.name, ...(h.definition ? { place: h.definition } : {}) })),
    vcCreators: src.files.flatMap((f) => f.vcCreated.map((v) => v.fn)),
    vcDeleters: [...new Set(src.files.flatMap((f) => f.vcDeleted.map((v) => v.fn)))].filter(Boolean).map(defOf),
  };
}

/** condis/requestLifecycle: the handler at the cursor (its name, inside its definition, or a call completing it). */
export function provideRequestLifecycle(doc: OpenDocument, position: Position, n: Navigation): RequestLifecycleResult | null {
  const model = n.models.forUri(doc.uri);
  const t = target(doc, position, n);
  const h = handlerOf(t, model)
    ?? (t?.kind === 'completion' ? handlersCompletedBy(t.callee, t.caller, model, n.s.lifecycle, n.s.catalog)[0] : undefined)
    ?? (t && 'fn' in t && t.fn ? model.handler(t.fn).find((x) => x.pendable) : undefined);
  if (!h) return null;
  const r = requestLifecycle(h, driverFacts(model, doc.uri, n), n.s.catalog, n.s.lifecycle);
  return r && JSON.parse(JSON.stringify(r, (k, v) => (k === 'uri' && typeof v === 'string' ? n.s.documents.get(v)?.clientUri ?? v : v))) as RequestLifecycleResult;
}
