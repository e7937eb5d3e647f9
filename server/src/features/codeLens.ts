// Code lenses of the lifecycle: above each handler of a pendable request, how its request ends and where it is
// completed; above each function making a completion call, which handlers' requests it completes. The list is cheap
// (names and ranges from the driver's model); titles and locations are made at resolve.
import type { CodeLens, Location } from 'vscode-languageserver';
import type { OpenDocument } from '../documents';
import type { FileAnalysis } from '../analysis/fileAnalysis';
import type { Lifecycle } from '../catalog/lifecycle';
import type { LifecycleModel } from './lifecycle/model';
import type { Place } from './lifecycle/types';
import { completesTitle, handlerTitle } from './lifecycle/titles';

/** The client command a resolved lens carries: arguments [uri, position, locations] (docs/protocol.md). */
export const SHOW_LOCATIONS = 'condis.showLocations';

export interface LensData { uri: string; kind: 'handler' | 'completes'; name: string; role?: string }

export function provideCodeLenses(doc: OpenDocument, file: FileAnalysis | null, model: LifecycleModel): CodeLens[] {
  if (!file) return [];
  const out: CodeLens[] = [];
  // From the items' facts: no syntax node is made for the list.
  for (const c of file.chunks()) {
    const name = c.facts.fn?.name;
    if (name === undefined || c.facts.type !== 'function_definition' || c.facts.nameAt === undefined) continue;
    const handlers = model.handler(name).filter((h) => h.pendable);
    const completes = model.sitesIn(name).some((s) => s.place.uri === doc.uri);
    if (!handlers.length && !completes) continue;
    const at = c.start + c.facts.nameAt;
    const range = { start: doc.text.positionAt(at), end: doc.text.positionAt(at + name.length) };
    for (const h of handlers) out.push({ range, data: { uri: doc.uri, kind: 'handler', name, role: h.role } satisfies LensData });
    if (completes) out.push({ range, data: { uri: doc.uri, kind: 'completes', name } satisfies LensData });
  }
  return out;
}

/** Fills the title and the command; `clientUri` spells a file's URI as the client does. */
export function resolveCodeLens(lens: CodeLens, model: LifecycleModel, lc: Lifecycle, clientUri: (uri: string) => string): CodeLens {
  const data = lens.data as Partial<LensData> | undefined;
  if (!data || typeof data.uri !== 'string' || typeof data.name !== 'string') return lens;
  const location = (p: Place): Location => ({ uri: clientUri(p.uri), range: p.range });
  let title: string;
  let places: Place[];
  if (data.kind === 'handler') {
    const h = model.handler(data.name).find((x) => x.role === data.role);
    if (!h) return { ...lens, command: { title: 'no longer a handler', command: '' } };
    title = handlerTitle(h);
    places = h.completions.length ? h.completions.map((c) => c.place) : h.registrations;
  } else {
    const sites = model.sitesIn(data.name).filter((s) => s.place.uri === data.uri);
    const handlers = [...new Set(sites.flatMap((s) => model.completedBy(s.callee)))];
    const roles = [...new Set(sites.filter((s) => !model.completedBy(s.callee).length).map((s) => {
      const role = lc.effectOf(s.callee)?.completesHandler;
      return role?.conventionalName ?? role?.name ?? s.callee;
    }))];
    title = sites.length ? completesTitle(handlers, roles) : 'completes nothing any more';
    places = handlers.flatMap((h) => (h.definition ? [h.definition] : []));
  }
  return { ...lens, command: { title, command: SHOW_LOCATIONS, arguments: [clientUri(data.uri), lens.range.start, places.map(location)] } };
}
