// missing-deactivate-vc: a ProtocolCmCloseCall that never leads to NdisCmDeactivateVc / NdisMCmDeactivateVc, neither
// in its body nor in the functions it calls (up to 4 levels, across files), nor in functions whose address it hands
// on (a work item or timer routine queued from the handler), nor in the routines that finish the close (those that call
// the close completion, and their callers). A handler that fails on every path (a stub returning
// NDIS_STATUS_NOT_SUPPORTED) is left alone: it closes nothing, so it has nothing to deactivate.
import { resolveStatus } from '../analysis/flow';
import type { Finding, Rule } from './types';
import { code, range, rolesOf } from './util';
import { apisWhere, callManagerKind, DEACTIVATES, reachable, spelled } from './vcUtil';

const DEPTH = 4;

export const missingDeactivateVc: Rule = {
  id: 'missing-deactivate-vc',
  defaultSeverity: 'warning',
  scope: 'workspace',
  summary: 'A ProtocolCmCloseCall handler never deactivates the VC, directly or through what it calls.',
  check(ctx) {
    const out: Finding[] = [];
    const deactivations = apisWhere(ctx, DEACTIVATES);
    for (const fn of ctx.file.functions()) {
      const role = rolesOf(fn, ctx).find((r) => r.name === 'PROTOCOL_CM_CLOSE_CALL');
      if (!role) continue;
      const exits = ctx.file.flowOf(fn).exits;
      const failsAlways = exits.length > 0 && exits.every((x) => x.states.every((s) => {
        const v = resolveStatus(x.value, s);
        return v !== undefined && !v.startsWith('!') && v !== 'NDIS_STATUS_SUCCESS' && v !== 'NDIS_STATUS_PENDING';
      }));
      if (failsAlways) continue;
      // Functions passed by name (`NdisQueueIoWorkItem(Item, CloseWorker, Vc)`) run on the handler's behalf too.
      // (Taken from the argument lists down: `.parent` per identifier costs O(depth) each, quadratic on deep trees.)
      const handedOn = fn.body.descendantsOfType('argument_list').flatMap((a) => a?.namedChildren ?? [])
        .filter((n) => n?.type === 'identifier' && (ctx.file.defines(n.text) || ctx.workspace.calleesOf(n.text).length))
        .map((n) => n!.text);
      const reached = reachable(ctx, [fn.name, ...handedOn], DEPTH, 'callees');
      if (deactivations.some((d) => reached.has(d))) continue;
      // The routine that finishes the close (it calls the close completion, typically when the peer answers, so the
      // handler cannot reach it) may deactivate too: look at what the completion's callers, and theirs, call.
      const finishers = reachable(ctx, ctx.lifecycle.completionsOf(role).flatMap((c) => ctx.workspace.callersOf(c)), 2, 'callers');
      const finishing = reachable(ctx, finishers, DEPTH, 'callees');
      if (deactivations.some((d) => finishing.has(d))) continue;
      const mcm = callManagerKind(ctx) === 'miniport-call-manager' || [...reached].some((n) => n.startsWith('NdisMCm'));
      const api = spelled(ctx, deactivations, mcm);
      out.push({
        ...range(fn.nameNode),
        message: `${code(fn.name)} (${role.conventionalName ?? role.name}) never calls ${code(api)}, neither directly nor through the functions it ` +
          `calls: once the network side of the call is torn down, the call manager deactivates the VC before completing the close; ` +
          `without that the VC stays active and cannot be deleted. Call ${code(api)} after the teardown (in the handler or in the ` +
          'routine that finishes it).',
      });
    }
    return out;
  },
};
