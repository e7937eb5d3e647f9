// delete-foreign-vc: a driver deletes a VC that the other side created (a call manager a client's, a client the call
// manager's). The evidence, all of which must hold:
//  1. the driver is a call manager (stand-alone or MCM); for a client, only fields of both origins (mixedVcDelete.ts);
//  2. its ProtocolCoCreateVc (bound by role type or its own side's create-VC entry) stores the NdisVcHandle parameter
//     NDIS gave it into a struct field (`Vc->NdisVcHandle = NdisVcHandle;`): that field holds foreign VCs;
//  3. the deleted handle is that field (through any pointer, or a local copied from it);
//  4. no NdisCoCreateVc / NdisMCmCreateVc anywhere in the driver creates a VC into that field. A driver that keeps its
//     own VCs in the same field is judged by the delete's paths instead (mixedVcDelete.ts);
//  5. the delete is not under a test of a created-by-us flag (the condition mentions "creat" or "own").
import type { Node } from 'web-tree-sitter';
import type { Finding, Rule, RuleContext } from './types';
import { code, range } from './util';
import { acrossSummaries, argKey, paramIndex } from './vcUtil';
import { deleteField, vcOrigins, type VcSide } from './vcOrigins';
import { mixedDeletes } from './mixedVcDelete';

/** Which side of the VC the driver is on: a call manager (stand-alone or MCM) or a client. */
function sideOf(ctx: RuleContext): VcSide | undefined {
  const role = ctx.workspace.roleOf(ctx.file.uri);
  return role === 'call-manager' || role === 'miniport-call-manager' ? 'call-manager' : role === 'client' ? 'client' : undefined;
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
  summary: 'A driver deletes a VC that the other side (client or call manager) created; only the creator of a VC may delete it.',
  check(ctx) {
    const side = sideOf(ctx);
    if (!side) return [];
    // A field holding VCs of both origins: the paths that reach a delete span functions of the file (mixedVcDelete.ts).
    const mixed = mixedDeletes(ctx, side);
    // A client whose VCs all come from the call manager has no business deleting any, but its own creations may be
    // out of sight (another driver's library): the field-only evidence is kept for call managers, as before.
    if (side !== 'call-manager') return mixed;
    return [...mixed, ...foreignDeletes(ctx, side)];
  },
};

/** Deletes on a field that holds only VCs the other side created (a call manager's). */
function foreignDeletes(ctx: RuleContext, side: VcSide): Finding[] {
  {
    const out: Finding[] = [];
    let foreign: ReturnType<typeof vcOrigins>[VcSide] | undefined;
    for (const fn of ctx.file.functions()) {
      for (const obs of ctx.file.flowOf(fn).calls) {
        const e = ctx.lifecycle.effectOf(obs.call.name);
        const arg = e?.deletes ? obs.call.args[paramIndex(ctx, obs.call.name, 'NdisVcHandle') ?? -1] : undefined;
        if (!arg || guardedByCreatorCheck(obs.call.node)) continue;
        foreign ??= acrossSummaries(ctx, vcOrigins)[side];
        if (!foreign.size) return [];
        const k = argKey(arg);
        // A field the driver also creates its own VCs into: mixedVcDelete.ts judges those deletes by their paths.
        const field = deleteField(ctx, fn.name, k, (f) => foreign!.get(f)?.own === false);
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
  }
}
