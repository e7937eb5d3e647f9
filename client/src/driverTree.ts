// What the "CoNDIS Driver" view shows, as plain nodes built from the server's condis/driverModel answer: per driver
// its kind and evidence, its handler tables, and each handler with its role and how its request ends. Pure (no
// `vscode`), so the wording and structure are unit-tested; driverView.ts turns the nodes into tree items.
import {
  fileName, placeLabel,
  type CompletionSite, type DriverInfo, type DriverKind, type DriverModel, type HandlerInfo, type HandlerTable, type Place,
} from './protocol';

export type NodeIcon =
  | 'driver' | 'evidence' | 'group' | 'table' | 'entry'
  | 'completed' | 'no-completion' | 'sync' | 'unknown' | 'handler'
  | 'completion' | 'registration' | 'finding';

export interface DriverNode {
  /** Stable across refreshes, so VS Code keeps what the user expanded. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: NodeIcon;
  /** Where a click goes. */
  place?: Place;
  children: DriverNode[];
  expanded?: boolean;
}

export const KIND_WORDS: Record<DriverKind, string> = {
  'call-manager': 'stand-alone call manager',
  'miniport-call-manager': 'miniport call manager (MCM)',
  client: 'CoNDIS client',
  miniport: 'CoNDIS miniport',
  mixed: 'call manager and client',
  unknown: 'kind not recognised',
};

/** The whole tree: one node per driver (expanded when it is the only one). */
export function driverTree(model: DriverModel): DriverNode[] {
  const single = model.drivers.length === 1;
  return model.drivers.map((d) => driverNode(d, single));
}

function driverNode(d: DriverInfo, expanded: boolean): DriverNode {
  const id = `driver:${d.root}`;
  const children: DriverNode[] = [];
  if (d.evidence.length > 0) {
    children.push({
      id: `${id}/evidence`, label: 'Recognised by', icon: 'group', expanded: true,
      children: d.evidence.map((e, i) => ({
        id: `${id}/evidence/${i}`, label: e.name, icon: 'evidence', children: [],
        ...(e.place ? { place: e.place, description: placeLabel(e.place) } : {}),
      })),
    });
  }
  d.tables.forEach((t, i) => children.push(tableNode(`${id}/table/${i}`, t, d.handlers)));
  if (d.handlers.length > 0) {
    children.push({
      id: `${id}/handlers`, label: 'Handlers', icon: 'group', expanded: true,
      description: handlersSummary(d.handlers),
      // The requests that pend come first: where and whether they are completed is what the view is for.
      children: [...d.handlers.filter((h) => h.pendable), ...d.handlers.filter((h) => !h.pendable)]
        .map((h) => handlerNode(`${id}/handler/${h.name}`, h)),
    });
  }
  return {
    id, label: fileName(d.root) || d.root, description: KIND_WORDS[d.kind] ?? d.kind, icon: 'driver', expanded,
    tooltip: `${KIND_WORDS[d.kind] ?? d.kind} in ${d.root}`, children,
  };
}

/** "2 of 3 pendable requests completed": the view's one-line answer to "is anything left pending?". */
function handlersSummary(handlers: HandlerInfo[]): string {
  const pendable = handlers.filter((h) => h.pendable);
  if (pendable.length === 0) return `${handlers.length}`;
  const open = pendable.filter((h) => state(h) === 'no-completion').length;
  return open === 0 ? `${handlers.length}` : `${handlers.length} · ${open} pending without completion`;
}

function tableNode(id: string, t: HandlerTable, handlers: HandlerInfo[]): DriverNode {
  const byName = new Map(handlers.map((h) => [h.name, h]));
  return {
    id, label: t.structure, icon: 'table', ...(t.place ? { place: t.place, description: placeLabel(t.place) } : {}),
    children: t.entries.map((e, i) => {
      const h = byName.get(e.handler);
      const role = e.role ?? h?.role;
      return {
        id: `${id}/${i}`, label: e.handler, description: e.field, icon: 'entry' as const, place: e.place, children: [],
        tooltip: `${e.field} = ${e.handler}${role ? ` (${role})` : ''}, ${placeLabel(e.place)}`,
      };
    }),
  };
}

type HandlerState = 'completed' | 'no-completion' | 'sync' | 'unknown' | 'handler';

function state(h: HandlerInfo): HandlerState {
  if (!h.pendable || h.ending === 'not-pendable') return 'handler';
  if (h.completions.length > 0) return 'completed';
  if (h.ending === 'pends') return 'no-completion';
  if (h.ending === 'sync') return 'sync';
  return 'unknown';
}

/** How the handler's request ends, in a few words (the tree item's description). */
export function endingWords(h: HandlerInfo): string {
  switch (state(h)) {
    case 'completed': return `completed in ${unique(h.completions.map((c) => c.caller)).join(', ')}`;
    case 'no-completion': return 'pends · no completion found';
    case 'sync': return 'completes synchronously';
    case 'unknown': return 'completion not determined';
    default: return '';
  }
}

function handlerNode(id: string, h: HandlerInfo): DriverNode {
  const role = h.conventional ?? h.role;
  const ending = endingWords(h);
  const children: DriverNode[] = [
    ...h.completions.map((c, i) => completionNode(`${id}/completion/${i}`, c)),
    ...h.registrations.map((p, i) => ({
      id: `${id}/registration/${i}`, label: 'registered', description: placeLabel(p), icon: 'registration' as const, place: p, children: [],
    })),
    ...h.findings.map((f, i) => ({
      id: `${id}/finding/${i}`, label: f.rule, description: f.message, tooltip: `${f.message} (${placeLabel(f.place)})`,
      icon: 'finding' as const, place: f.place, children: [],
    })),
  ];
  return {
    id, label: h.name, description: ending ? `${role} · ${ending}` : role, icon: state(h),
    tooltip: [`${h.name} implements ${h.role}${h.conventional ? ` (${h.conventional})` : ''}`, ending,
      h.definition ? `defined at ${placeLabel(h.definition)}` : 'definition not found'].filter(Boolean).join('\n'),
    ...(h.definition ? { place: h.definition } : {}),
    children,
    // Open by default where something needs attention.
    expanded: h.findings.length > 0 || state(h) === 'no-completion',
  };
}

function completionNode(id: string, c: CompletionSite): DriverNode {
  return {
    // The caller first: in a narrow side bar the function's name is what tells the entries apart.
    id, label: c.caller, description: `${placeLabel(c.place)} · ${c.callee}${c.via ? ` through ${c.via}` : ''}`,
    icon: 'completion', place: c.place, children: [],
    tooltip: `completed by ${c.callee} in ${c.caller}${c.via ? ` through ${c.via}` : ''}, ${placeLabel(c.place)}`,
  };
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
