// vc-used-after-delete: a VC handle used on a path after NdisCoDeleteVc / NdisMCmDeleteVc deleted it (passed to any
// call, or dereferenced inside a call's argument), and a delete of a VC that is still active on that path.
//
// "Still active" is claimed only when this function proves it: the VC was activated here and the activation's status
// is known to be SUCCESS or PENDING on the path, or an incoming call was dispatched on it here (only legal on an active
// VC), or a call was made on it here and did not fail; and no deactivation or close of it follows on that path. A VC
// activated elsewhere, or an activation whose result is never examined, is not reported: the rejection paths that
// delete right after a failed activation are correct, and we cannot tell them apart without the status.
import type { Node } from 'web-tree-sitter';
import { exprKey, type Event } from '../analysis/cfg';
import type { FlowState } from '../analysis/flow';
import type { Finding, Rule, RuleContext } from './types';
import { code, lineOf, range } from './util';
import { apisWhere, argKey, callManagerKind, CLOSES_NOT_COMPLETION, DEACTIVATES, DELETES, isTraceCall, spelled } from './vcUtil';
import { throughAt } from './helperVia';

type Call = Extract<Event, { k: 'call' }>;

/** `arg` is the handle `k` itself, or dereferences it (`k->Field`, `*k`). */
function uses(arg: Node, k: string): boolean {
  if (argKey(arg) === k || exprKey(arg) === k) return true;
  return arg.descendantsOfType(['field_expression', 'pointer_expression']).some((d) =>
    !!d && (d.type === 'field_expression' || d.child(0)?.text === '*') && !!d.childForFieldName('argument') && argKey(d.childForFieldName('argument')!) === k);
}

/** The offset of the call that made `k` active on this path, when the path proves it still is. */
function activeSince(s: FlowState, k: string): number | undefined {
  const e = s.active.get(k);
  if (!e || s.deactivated.has(k) || s.closed.has(k)) return undefined;
  const [at, how] = e.split('|');
  const st = how && how !== '*' ? s.vars.get(how) : undefined;
  return how === '*' || st === 'NDIS_STATUS_SUCCESS' || st === 'NDIS_STATUS_PENDING' ? Number(at) : undefined;
}

function stillActive(ctx: RuleContext, del: Call, activator: Call, k: string): Finding {
  const line = lineOf(ctx.file.text, activator.node.startIndex);
  const client = ctx.catalog.entry(activator.name)?.role === 'client';
  const undo = client
    ? spelled(ctx, apisWhere(ctx, CLOSES_NOT_COMPLETION), false)
    : spelled(ctx, apisWhere(ctx, DEACTIVATES), callManagerKind(ctx) === 'miniport-call-manager' || activator.name.startsWith('NdisM'));
  return {
    ...range(del.node),
    message: `${code(del.name)} deletes ${code(k)} while it is still active on this path (since ${code(activator.name)} at line ${line}): ` +
      `NDIS refuses to delete a VC that is still active. ${client ? 'Close the call' : 'Deactivate the VC'} with ${code(undo)} first, ` +
      'and delete it once that has finished.',
    related: [{ ...range(activator.node), message: `${activator.name} activates ${k} here` }],
  };
}

export const vcUsedAfterDelete: Rule = {
  id: 'vc-used-after-delete',
  defaultSeverity: 'error',
  scope: 'workspace',
  presence: true,
  summary: 'A VC handle is used after the VC was deleted, or a VC is deleted while it is still active.',
  check(ctx) {
    const out: Finding[] = [];
    for (const fn of ctx.file.functions()) {
      const flow = ctx.file.flowOf(fn);
      const byOffset = new Map(flow.calls.map((o) => [o.call.node.startIndex, o.call]));
      for (const obs of flow.calls) {
        const { name, args } = obs.call;
        if (!isTraceCall(name)) {
          for (const arg of args) {
            const hit = obs.states.flatMap((s) => [...s.deleted]).find(([k]) => uses(arg, k));
            const deleter = hit && byOffset.get(hit[1]);
            if (!hit || !deleter) continue;
            const through = throughAt(ctx, flow.calls, hit[1], DELETES);
            out.push({
              ...range(arg),
              message: `${code(name)} uses ${code(hit[0])} after ${code(deleter.name)} at line ${lineOf(ctx.file.text, hit[1])}` +
                `${through}${through ? ',' : ''} deleted the VC: ` +
                'the handle is invalid as soon as the delete returns. Use it before deleting the VC, or clear the handle when deleting it.',
              related: [{ ...range(deleter.node), message: `${deleter.name} deletes ${hit[0]} here` }],
            });
          }
        }
        const effect = ctx.lifecycle.effectOf(name);
        const harg = effect?.deletes && effect.handleArg !== undefined ? args[effect.handleArg] : undefined;
        if (!harg) continue;
        const k = exprKey(harg);
        const at = obs.states.map((s) => activeSince(s, k)).find((x) => x !== undefined);
        const activator = at === undefined ? undefined : byOffset.get(at);
        if (activator) out.push(stillActive(ctx, obs.call, activator, k));
      }
    }
    return out;
  },
};
