// delete-foreign-vc: a call manager deletes a VC that a client created. The evidence, all of which must hold:
//  1. the driver is a call manager (stand-alone or MCM);
//  2. its ProtocolCoCreateVc (bound by role type or CmCreateVcHandler, not ClCreateVcHandler) stores the NdisVcHandle
//     parameter NDIS gave it into a struct field (`Vc->NdisVcHandle = NdisVcHandle;`): that field holds foreign VCs;
//  3. the deleted handle is that field (through any pointer, or a local copied from it);
//  4. no NdisCoCreateVc / NdisMCmCreateVc anywhere in the workspace creates a VC into that field. A driver that keeps
//     its own VCs in the same field is not reported: without its created-by-us flag we cannot tell which VC a delete
//     meets, and missing-vc-delete already asks for those deletes.
//  5. the delete is not under a test of a created-by-us flag (the condition mentions "creat" or "own").
import type { Node } from 'web-tree-sitter';
import type { Finding, Rule, RuleContext } from './types';
import { code, range } from './util';
import type { FileSummary } from '../analysis/summary';
import { acrossSummaries, argKey, callManagerKind, fieldOf, namesOf, paramIndex } from './vcUtil';

/** Field name -> the ProtocolCoCreateVc that stores NDIS's VC handle in it, and where that handler lives. */
function foreignFields(summaries: FileSummary[], ctx: RuleContext): ReadonlyMap<string, { fn: string; uri: string }> {
  const handlers = new Set<string>();
  for (const s of summaries) {
    for (const b of s.bindings) if (b.entry === 'PROTOCOL_CO_CREATE_VC' && b.field !== 'ClCreateVcHandler') handlers.add(b.name);
  }
  const param = ctx.catalog.entry('PROTOCOL_CO_CREATE_VC')?.params.findIndex((p) => p.name === 'NdisVcHandle') ?? -1;
  const out = new Map<string, { fn: string; uri: string }>();
  for (const s of summaries) {
    for (const st of s.paramStores ?? []) {
      const field = fieldOf(st.target);
      if (field && st.param === param && handlers.has(st.fn)) out.set(field, { fn: st.fn, uri: s.uri });
    }
  }
  for (const s of summaries) for (const c of s.vcCreated) for (const n of namesOf(c)) { const f = fieldOf(n); if (f) out.delete(f); }
  return out;
}

/**
 * A delete under a test of a "we created it" flag (`if (Vc->Flags & CM_VC_FLAG_CREATED_BY_CM)`,
 * `if (Vc->CreatedByCm)`) is the documented way to delete only the call manager's own VCs: not reported.
 */
function guardedByCreatorCheck(call: Node): boolean {
  for (let n: Node | null = call.parent; n && n.type !== 'function_definition'; n = n.parent) {
    if (n.type === 'if_statement' && /creat|(^|[^a-z])own/i.test(n.childForFieldName('condition')?.text ?? '')) return true;
  }
  return false;
}

export const deleteForeignVc: Rule = {
  id: 'delete-foreign-vc',
  defaultSeverity: 'error',
  scope: 'workspace',
  summary: 'A call manager deletes a VC that the client created; only the creator of a VC may delete it.',
  check(ctx) {
    if (!callManagerKind(ctx)) return [];
    const out: Finding[] = [];
    let foreign: ReadonlyMap<string, { fn: string; uri: string }> | undefined;
    for (const fn of ctx.file.functions()) {
      for (const obs of ctx.file.flowOf(fn).calls) {
        const e = ctx.lifecycle.effectOf(obs.call.name);
        const arg = e?.deletes ? obs.call.args[paramIndex(ctx, obs.call.name, 'NdisVcHandle') ?? -1] : undefined;
        if (!arg || guardedByCreatorCheck(obs.call.node)) continue;
        foreign ??= acrossSummaries(ctx, foreignFields);
        if (!foreign.size) return [];
        const k = argKey(arg);
        const copies = ctx.file.summary().vcDeleted.filter((d) => d.fn === fn.name && d.handle === k).flatMap(namesOf);
        const field = [k, ...copies].map(fieldOf).find((f) => f !== undefined && foreign!.has(f));
        if (!field) continue;
        const h = foreign.get(field)!;
        const at = h.uri === ctx.file.uri ? '' : ` in ${h.uri.slice(h.uri.lastIndexOf('/') + 1)}`;
        const role = (name: string) => ctx.catalog.entry(name)?.conventionalName ?? name;
        out.push({
          ...range(obs.call.node),
          message: `${code(obs.call.name)} deletes ${code(k)}, but the ${code(field)} field holds the VC handle NDIS passed to ` +
            `${code(h.fn)} (${role('PROTOCOL_CO_CREATE_VC')}${at}), and this driver never creates a VC into it: the client created ` +
            `this VC, and only the creator of a VC may delete it. Free your per-VC state in ${role('PROTOCOL_CO_DELETE_VC')} and ` +
            'leave deleting the VC to the client.',
        });
      }
    }
    return out;
  },
};
