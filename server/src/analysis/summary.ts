// A small, serialisable summary of one file for the workspace index: bindings, calls per function, role evidence,
// VC creations and deletions. Cross-file rules read only these, never other files' trees.
import type { Node } from 'web-tree-sitter';
import type { Catalog } from '../catalog';
import { exprKey } from './cfg';
import { stripCasts } from './expressions';
import type { FileAnalysis } from './fileAnalysis';
import { findContextBindings } from './contexts';

export interface FileSummary {
  uri: string;
  bindings: { name: string; entry: string; via: 'role-type' | 'handler-field'; field?: string }[];
  /** Defined function -> the functions it calls (by name, in order, deduplicated). */
  callGraph: Record<string, string[]>;
  /** Every called name in the file -> count (outside functions too, e.g. in macro-free initialisers). */
  calls: Record<string, number>;
  /** Names that tell what kind of driver this is: registration calls and characteristics/handler structure types. */
  evidence: string[];
  /** VCs created here: in which function, into which handle expression. */
  vcCreated: { fn: string; handle: string; start: number; end: number; aliases?: string[] }[];
  /** `aliases`: lvalues the handle is copied to or from in the same function (`Vc->NdisVcHandle = VcHandle;`). */
  vcDeleted: { fn: string; handle: string; aliases?: string[] }[];
  /** Parameters stored into a field (`Vc->NdisVcHandle = NdisVcHandle;`): function, parameter index, field lvalue. */
  paramStores?: { fn: string; param: number; target: string }[];
  /** Routines bound to a non-CoNDIS execution context (timer, DPC, work item): name, context role typedef, evidence. */
  contexts?: { name: string; type: string; start: number; end: number }[];
}

export const ROLE_EVIDENCE = new Set([
  'NdisRegisterProtocolDriver', 'NdisCmRegisterAddressFamilyEx', 'NdisCmRegisterAddressFamily',
  'NdisMRegisterMiniportDriver', 'NdisMCmRegisterAddressFamilyEx', 'NdisMCmRegisterAddressFamily',
  'NdisClOpenAddressFamilyEx', 'NdisClOpenAddressFamily',
  'NDIS_CALL_MANAGER_CHARACTERISTICS', 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS', 'NDIS_CO_CLIENT_OPTIONAL_HANDLERS',
  'NDIS_CLIENT_CHARACTERISTICS', 'NDIS_MINIPORT_CO_CHARACTERISTICS', 'NDIS_MINIPORT_DRIVER_CHARACTERISTICS',
  'NDIS_PROTOCOL_DRIVER_CHARACTERISTICS', 'NDIS_MINIPORT_CHARACTERISTICS', 'NDIS_PROTOCOL_CHARACTERISTICS',
]);

/** The function definition's name when its declarator is a plain identifier. */
function functionName(p: Node): string | null {
  let d = p.childForFieldName('declarator');
  while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
  const name = d?.childForFieldName('declarator');
  return name?.type === 'identifier' ? name.text : null;
}

/**
 * The innermost function definition around each node of `nodes` (given in document order), by one sweep over
 * offsets. Walking `.parent` instead costs O(depth) per step in web-tree-sitter: cubic on deeply nested code.
 */
function owners(root: Node, nodes: Node[]): (Node | null)[] {
  const fns = root.descendantsOfType('function_definition').filter((n): n is Node => !!n);
  const open: Node[] = [];
  let j = 0;
  return nodes.map((n) => {
    for (; j < fns.length && fns[j].startIndex <= n.startIndex; j++) {
      while (open.length && open[open.length - 1].endIndex <= fns[j].startIndex) open.pop();
      open.push(fns[j]);
    }
    while (open.length && open[open.length - 1].endIndex < n.endIndex) open.pop();
    return open.length ? open[open.length - 1] : null;
  });
}

/** Lvalues that `key` is copied to or from in `body`: one step of plain assignment, casts ignored. */
function copiesOf(body: Node | null, key: string): string[] {
  const out = new Set<string>();
  for (const n of body?.descendantsOfType(['init_declarator', 'assignment_expression']) ?? []) {
    const decl = n?.type === 'init_declarator';
    const l = n?.childForFieldName(decl ? 'declarator' : 'left');
    const r = stripCasts(n?.childForFieldName(decl ? 'value' : 'right') ?? null);
    if (!l || !r || (!decl && n!.childForFieldName('operator')?.text !== '=')) continue;
    if (exprKey(r) === key) out.add(exprKey(l));
    else if (exprKey(l) === key && (r.type === 'identifier' || r.type === 'field_expression')) out.add(exprKey(r));
  }
  out.delete(key);
  return [...out];
}

/** Stores of a function's parameters into fields, the evidence delete-foreign-vc needs from other files. */
function paramStoresOf(file: FileAnalysis): NonNullable<FileSummary['paramStores']> {
  const out: NonNullable<FileSummary['paramStores']> = [];
  for (const fn of file.functions()) {
    for (const a of fn.body.descendantsOfType('assignment_expression')) {
      const l = a?.childForFieldName('left');
      const r = stripCasts(a?.childForFieldName('right') ?? null);
      const param = r?.type === 'identifier' ? fn.params.indexOf(r.text) : -1;
      if (l?.type === 'field_expression' && param >= 0) out.push({ fn: fn.name, param, target: exprKey(l) });
    }
  }
  return out;
}

export function summarize(uri: string, file: FileAnalysis, catalog: Catalog): FileSummary {
  const callGraph: Record<string, string[]> = {};
  const calls: Record<string, number> = {};
  const evidence = new Set<string>();
  const vcCreated: FileSummary['vcCreated'] = [];
  const vcDeleted: FileSummary['vcDeleted'] = [];
  const root = file.tree.rootNode;
  const allCalls = root.descendantsOfType('call_expression').filter((n): n is Node => !!n);
  const ownerNodes = owners(root, allCalls);
  allCalls.forEach((call, k) => {
    const fn = call.childForFieldName('function');
    if (!fn || fn.type !== 'identifier') return;
    const name = fn.text;
    calls[name] = (calls[name] ?? 0) + 1;
    if (ROLE_EVIDENCE.has(name)) evidence.add(name);
    const ownerNode = ownerNodes[k];
    const owner = ownerNode && functionName(ownerNode);
    if (owner) {
      const list = (callGraph[owner] ??= []);
      if (!list.includes(name)) list.push(name);
    }
    const args = call.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
    if (name === 'NdisCoCreateVc' || name === 'NdisMCmCreateVc') {
      const out = args[3];
      if (out) {
        const target = out.type === 'pointer_expression' ? out.childForFieldName('argument') : out;
        if (target) vcCreated.push({ fn: owner ?? '', handle: exprKey(target), start: call.startIndex, end: call.endIndex, aliases: copiesOf(ownerNode, exprKey(target)) });
      }
    } else if ((name === 'NdisCoDeleteVc' || name === 'NdisMCmDeleteVc') && args[0]) {
      vcDeleted.push({ fn: owner ?? '', handle: exprKey(args[0]), aliases: copiesOf(ownerNode, exprKey(args[0])) });
    }
  });
  for (const t of root.descendantsOfType('type_identifier')) {
    if (t && ROLE_EVIDENCE.has(t.text)) evidence.add(t.text);
    if (t && /^MINIPORT_CO_/.test(t.text) && catalog.entry(t.text)) evidence.add('MINIPORT_CO_*');
  }
  const bindings: FileSummary['bindings'] = [];
  for (const [name, list] of file.bindings()) {
    for (const b of list) bindings.push({ name, entry: b.entry.name, via: b.via, ...(b.field ? { field: b.field } : {}) });
  }
  const contexts = findContextBindings(file.tree, file.text);
  return { uri, bindings, callGraph, calls, evidence: [...evidence].sort(), vcCreated, vcDeleted, paramStores: paramStoresOf(file), contexts };
}
