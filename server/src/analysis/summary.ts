// A small, serialisable summary of one file for the workspace index: bindings, calls per function, role evidence,
// VC creations and deletions. Cross-file rules read only these, never other files' trees.
import type { Node } from 'web-tree-sitter';
import type { Catalog } from '../catalog';
import { exprKey } from './cfg';
import type { FileAnalysis } from './fileAnalysis';

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
  vcCreated: { fn: string; handle: string; start: number; end: number }[];
  vcDeleted: { fn: string; handle: string }[];
}

export const ROLE_EVIDENCE = new Set([
  'NdisRegisterProtocolDriver', 'NdisCmRegisterAddressFamilyEx', 'NdisCmRegisterAddressFamily',
  'NdisMRegisterMiniportDriver', 'NdisMCmRegisterAddressFamilyEx', 'NdisMCmRegisterAddressFamily',
  'NdisClOpenAddressFamilyEx', 'NdisClOpenAddressFamily',
  'NDIS_CALL_MANAGER_CHARACTERISTICS', 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS', 'NDIS_CO_CLIENT_OPTIONAL_HANDLERS',
  'NDIS_CLIENT_CHARACTERISTICS', 'NDIS_MINIPORT_CO_CHARACTERISTICS', 'NDIS_MINIPORT_DRIVER_CHARACTERISTICS',
  'NDIS_PROTOCOL_DRIVER_CHARACTERISTICS', 'NDIS_MINIPORT_CHARACTERISTICS', 'NDIS_PROTOCOL_CHARACTERISTICS',
]);

function enclosingFunction(n: Node): string | null {
  let p: Node | null = n.parent;
  while (p && p.type !== 'function_definition') p = p.parent;
  if (!p) return null;
  let d = p.childForFieldName('declarator');
  while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
  const name = d?.childForFieldName('declarator');
  return name?.type === 'identifier' ? name.text : null;
}

export function summarize(uri: string, file: FileAnalysis, catalog: Catalog): FileSummary {
  const callGraph: Record<string, string[]> = {};
  const calls: Record<string, number> = {};
  const evidence = new Set<string>();
  const vcCreated: FileSummary['vcCreated'] = [];
  const vcDeleted: FileSummary['vcDeleted'] = [];
  const root = file.tree.rootNode;
  for (const call of root.descendantsOfType('call_expression')) {
    if (!call) continue;
    const fn = call.childForFieldName('function');
    if (!fn || fn.type !== 'identifier') continue;
    const name = fn.text;
    calls[name] = (calls[name] ?? 0) + 1;
    if (ROLE_EVIDENCE.has(name)) evidence.add(name);
    const owner = enclosingFunction(call);
    if (owner) {
      const list = (callGraph[owner] ??= []);
      if (!list.includes(name)) list.push(name);
    }
    const args = call.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
    if (name === 'NdisCoCreateVc' || name === 'NdisMCmCreateVc') {
      const out = args[3];
      if (out) {
        const target = out.type === 'pointer_expression' ? out.childForFieldName('argument') : out;
        if (target) vcCreated.push({ fn: owner ?? '', handle: exprKey(target), start: call.startIndex, end: call.endIndex });
      }
    } else if ((name === 'NdisCoDeleteVc' || name === 'NdisMCmDeleteVc') && args[0]) {
      vcDeleted.push({ fn: owner ?? '', handle: exprKey(args[0]) });
    }
  }
  for (const t of root.descendantsOfType('type_identifier')) {
    if (t && ROLE_EVIDENCE.has(t.text)) evidence.add(t.text);
    if (t && /^MINIPORT_CO_/.test(t.text) && catalog.entry(t.text)) evidence.add('MINIPORT_CO_*');
  }
  const bindings: FileSummary['bindings'] = [];
  for (const [name, list] of file.bindings()) {
    for (const b of list) bindings.push({ name, entry: b.entry.name, via: b.via, ...(b.field ? { field: b.field } : {}) });
  }
  return { uri, bindings, callGraph, calls, evidence: [...evidence].sort(), vcCreated, vcDeleted };
}
