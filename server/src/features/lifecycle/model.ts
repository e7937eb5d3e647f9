// The lifecycle model of one driver: its handlers (from the bindings in its files' summaries), how each pendable one
// ends, where its request is completed, its handler tables and evidence. Pure: the caller hands in the files' current
// summaries, how to place offsets, and (for open files) their analyses and findings.
import type { Catalog, CatalogEntry } from '../../catalog';
import type { Lifecycle } from '../../catalog/lifecycle';
import { handlerTablesOf } from '../../catalog/handlerTables';
import type { FileSummary } from '../../analysis/summary';
import type { DriverKind, WorkspaceView } from '../../analysis/workspace';
import type { FileAnalysis } from '../../analysis/fileAnalysis';
import { completionSites } from './sites';
import { flowEnding } from './endings';
import { placeOf, type PositionsOf } from './places';
import type { CompletionSite, DriverModel, HandlerInfo, HandlerTable, Place } from './types';

export type { CompletionSite, DriverModel, HandlerInfo, HandlerTable, Place } from './types';

export interface ModelEnv {
  catalog: Catalog;
  lifecycle: Lifecycle;
  positions: PositionsOf;
  /** Places made otherwise for some files (open documents: anchored, read when asked): undefined for the others. */
  placer?(uri: string): ((start: number, end: number) => Place | undefined) | undefined;
  /** Takes the handlers' definitions in a file (to attach findings itself, per version) instead of `findingsOf`. */
  bodies?(uri: string, list: { body: Place; h: HandlerInfo }[]): void;
  /** An open document's analysis of its current version (its handlers' endings come from the flow). */
  analysisOf?(uri: string): FileAnalysis | undefined;
  /** An open document's lifecycle findings (rule id, message, place), for the handlers they sit in. */
  findingsOf?(uri: string): { rule: string; message: string; place: Place }[];
}

/** The model with its lookups: by handler name, and from a completion function to the handlers it completes. */
export interface LifecycleModel extends DriverModel {
  handler(name: string): HandlerInfo[];
  completedBy(callee: string): HandlerInfo[];
  /** Completion sites by the function they are made in. */
  sitesIn(caller: string): CompletionSite[];
}

export function buildModel(root: string, kind: DriverKind, files: readonly FileSummary[], ws: WorkspaceView, env: ModelEnv): LifecycleModel {
  const { catalog, lifecycle } = env;
  const placers = new Map(files.map((f) => {
    const own = env.placer?.(f.uri);
    const at = own ? undefined : env.positions(f.uri, f);
    return [f.uri, own ?? ((start: number, end: number) => placeOf(f.uri, at, start, end))];
  }));
  const place = (uri: string, start: number, end: number) => placers.get(uri)?.(start, end);
  // Function definitions by name (a name defined twice, under `#if`: the first).
  const defs = new Map<string, { uri: string; fn: NonNullable<FileSummary['lifecycle']>['functions'][number] }>();
  for (const f of files) for (const fn of f.lifecycle?.functions ?? []) if (!defs.has(fn.name)) defs.set(fn.name, { uri: f.uri, fn });
  const sites: CompletionSite[] = [];
  for (const s of completionSites(files, ws, lifecycle)) {
    const p = place(s.uri, s.start, s.end);
    if (p) sites.push({ callee: s.callee, caller: s.caller, place: p, ...(s.via ? { via: s.via } : {}) });
  }
  const handlers = new Map<string, HandlerInfo>();
  const tables = new Map<string, HandlerTable>();
  for (const f of files) {
    f.bindings.forEach((b, i) => {
      const role = catalog.entry(b.entry);
      if (!role || role.kind !== 'callback') return;
      const span = f.lifecycle?.bindings[i];
      const where = span && place(f.uri, span[0], span[1]);
      const info = handlers.get(`${b.name}\0${role.name}`) ?? newHandler(b.name, role, lifecycle, handlers);
      if (where) info.registrations.push(where);
      if (b.via === 'handler-field' && b.field && where) {
        // The structure the file names (its evidence) among those holding the field: NDIS 5 and 6 share field names.
        const candidates = tablesOf(b.field, role);
        const structure = candidates.find((c) => f.evidence.includes(c)) ?? candidates[0] ?? 'handler table';
        const key = `${f.uri}\0${structure}`;
        let t = tables.get(key);
        if (!t) { t = { structure, place: where, entries: [] }; tables.set(key, t); }
        t.entries.push({ field: b.field, handler: b.name, role: role.name, place: where });
      }
    });
  }
  const byCalleeSites = group(sites, (s) => s.callee);
  const bodies = new Map<string, { body: Place; h: HandlerInfo }[]>();
  for (const h of handlers.values()) {
    const def = defs.get(h.name);
    if (def) {
      h.definition = place(def.uri, def.fn.nameAt, def.fn.nameAt + h.name.length);
      if (h.pendable) {
        const open = env.analysisOf?.(def.uri);
        h.ending = (open && flowEnding(open, h.name, ws)) ?? def.fn.ending;
      }
      const body = place(def.uri, def.fn.start, def.fn.end);
      if (body) { const l = bodies.get(def.uri); if (l) l.push({ body, h }); else bodies.set(def.uri, [{ body, h }]); }
    }
    if (h.pendable) h.completions = lifecycle.completionsOf(catalog.entry(h.role)!).flatMap((c) => byCalleeSites.get(c) ?? []);
  }
  if (env.bodies) for (const [uri, list] of bodies) env.bodies(uri, list);
  else if (env.findingsOf) for (const [uri, list] of bodies) attachFindings(env.findingsOf(uri), list);
  const list = [...handlers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.role < b.role ? -1 : 1));
  const byName = group(list, (h) => h.name);
  const byCallee = new Map<string, HandlerInfo[]>();
  for (const h of list) for (const c of h.pendable ? lifecycle.completionsOf(catalog.entry(h.role)!) : []) byCallee.set(c, [...(byCallee.get(c) ?? []), h]);
  const byCaller = group(sites, (s) => s.caller);
  return {
    root, kind, evidence: evidenceOf(files, place), tables: [...tables.values()], handlers: list,
    handler: (name) => byName.get(name) ?? [],
    completedBy: (callee) => byCallee.get(callee) ?? [],
    sitesIn: (caller) => byCaller.get(caller) ?? [],
  };
}

function newHandler(name: string, role: CatalogEntry, lc: Lifecycle, into: Map<string, HandlerInfo>): HandlerInfo {
  const pendable = lc.completionsOf(role).length > 0;
  const h: HandlerInfo = {
    name, role: role.name, ...(role.conventionalName ? { conventional: role.conventionalName } : {}),
    registrations: [], pendable, ending: pendable ? 'unknown' : 'not-pendable', completions: [], findings: [],
  };
  into.set(`${name}\0${role.name}`, h);
  return h;
}

/** The evidence names of the driver's files (first file by URI that names each), placed where first named. */
function evidenceOf(files: readonly FileSummary[], place: (uri: string, start: number, end: number) => Place | undefined): DriverModel['evidence'] {
  const out: DriverModel['evidence'] = [];
  const seen = new Set<string>();
  for (const f of [...files].sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    const at = new Map((f.lifecycle?.evidence ?? []).map((e) => [e.name, e.at]));
    for (const name of f.evidence) {
      if (seen.has(name)) continue;
      seen.add(name);
      const start = at.get(name);
      const p = start === undefined ? undefined : place(f.uri, start, start + name.length);
      out.push({ name, ...(p ? { place: p } : {}) });
    }
  }
  return out;
}

/** Gives each finding to the handlers whose definition holds it: one binary search per finding. */
export function attachFindings(findings: readonly HandlerInfo['findings'][number][], bodies: { body: Place; h: HandlerInfo }[]): void {
  if (!findings.length) return;
  const line = (p: Place) => p.range.start.line;
  bodies.sort((a, b) => line(a.body) - line(b.body));
  for (const f of findings) {
    let lo = 0;
    let hi = bodies.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (line(bodies[mid].body) <= line(f.place)) lo = mid; else hi = mid - 1; }
    // Several handlers may share a definition (one function, two roles): each gets the finding.
    for (let i = lo; i >= 0 && line(bodies[i].body) === line(bodies[lo].body); i--) if (within(f.place, bodies[i].body)) bodies[i].h.findings.push(f);
  }
}

const tables = new Map<string, string[]>();

/** The structures a handler field may sit in (handlerTables.ts), once per field and role. */
function tablesOf(field: string, role: CatalogEntry): string[] {
  const key = `${field}\0${role.name}`;
  let t = tables.get(key);
  if (!t) { t = handlerTablesOf(field, role.handlerFieldNote ?? null); tables.set(key, t); }
  return t;
}

function within(p: Place, outer: Place): boolean {
  const before = (a: Place['range']['start'], b: Place['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return p.uri === outer.uri && before(outer.range.start, p.range.start) && before(p.range.end, outer.range.end);
}

function group<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) { const l = out.get(key(t)); if (l) l.push(t); else out.set(key(t), [t]); }
  return out;
}
