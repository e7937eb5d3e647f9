// Call hierarchy over the driver's own functions: the definitions and call sites its files' summaries keep
// (FileSummary.lifecycle: offsets of each function and of each call in it), so incoming calls walk from a helper that
// completes a request up to the handlers, DPCs and work items reaching it. Catalog functions are leaves, not items.
import { SymbolKind, type CallHierarchyIncomingCall, type CallHierarchyItem, type CallHierarchyOutgoingCall, type Range } from 'vscode-languageserver';
import type { FileSummary } from '../../analysis/summary';
import type { PositionsOf } from '../lifecycle/places';

/** What an item carries between prepare and the incoming/outgoing requests. */
interface ItemData { condis: 1; name: string }

type Fn = NonNullable<FileSummary['lifecycle']>['functions'][number];

/** The driver's files (current summaries) and how to place offsets in them. */
export interface HierarchySource { files: readonly FileSummary[]; positions: PositionsOf; detail?(name: string): string | undefined }

function itemOf(f: FileSummary, fn: Fn, src: HierarchySource): CallHierarchyItem | undefined {
  const at = src.positions(f.uri, f);
  if (!at) return undefined;
  const detail = src.detail?.(fn.name);
  return {
    name: fn.name, kind: SymbolKind.Function, uri: f.uri, ...(detail ? { detail } : {}),
    range: { start: at(fn.start), end: at(fn.end) },
    selectionRange: { start: at(fn.nameAt), end: at(fn.nameAt + fn.name.length) },
    data: { condis: 1, name: fn.name } satisfies ItemData,
  };
}

/** Every definition of `name` in the driver (two under `#if` alternatives are two items). */
function definitionsOf(name: string, src: HierarchySource): { f: FileSummary; fn: Fn }[] {
  const out: { f: FileSummary; fn: Fn }[] = [];
  for (const f of src.files) for (const fn of f.lifecycle?.functions ?? []) if (fn.name === name) out.push({ f, fn });
  return out;
}

/** textDocument/prepareCallHierarchy: the driver's function named at the cursor (`name`), or nothing. */
export function prepareCallHierarchy(name: string | undefined, src: HierarchySource): CallHierarchyItem[] | null {
  if (!name) return null;
  const items = definitionsOf(name, src).flatMap(({ f, fn }) => itemOf(f, fn, src) ?? []);
  return items.length ? items : null;
}

const nameOf = (item: CallHierarchyItem) => ((item.data as ItemData | undefined)?.condis === 1 ? (item.data as ItemData).name : item.name);

/** callHierarchy/incomingCalls: each function of the driver calling the item's function, with the calls' ranges. */
export function incomingCalls(item: CallHierarchyItem, src: HierarchySource): CallHierarchyIncomingCall[] {
  const name = nameOf(item);
  const out: CallHierarchyIncomingCall[] = [];
  for (const f of src.files) {
    const at = src.positions(f.uri, f);
    for (const fn of f.lifecycle?.functions ?? []) {
      const ranges: Range[] = [];
      for (const c of fn.calls ?? []) if (c.name === name && at) ranges.push({ start: at(c.at), end: at(c.at + name.length) });
      const from = ranges.length ? itemOf(f, fn, src) : undefined;
      if (from) out.push({ from, fromRanges: ranges });
    }
  }
  return out;
}

/** callHierarchy/outgoingCalls: the driver's functions the item's function calls, with the calls' ranges. */
export function outgoingCalls(item: CallHierarchyItem, src: HierarchySource): CallHierarchyOutgoingCall[] {
  const name = nameOf(item);
  const own = definitionsOf(name, src).find(({ f }) => f.uri === item.uri) ?? definitionsOf(name, src)[0];
  if (!own) return [];
  const at = src.positions(own.f.uri, own.f);
  if (!at) return [];
  const byCallee = new Map<string, Range[]>();
  for (const c of own.fn.calls ?? []) {
    const l = byCallee.get(c.name);
    const r = { start: at(c.at), end: at(c.at + c.name.length) };
    if (l) l.push(r); else byCallee.set(c.name, [r]);
  }
  const out: CallHierarchyOutgoingCall[] = [];
  for (const [callee, fromRanges] of byCallee) {
    const def = definitionsOf(callee, src)[0];
    const to = def && itemOf(def.f, def.fn, src);
    if (to) out.push({ to, fromRanges });
  }
  return out;
}
