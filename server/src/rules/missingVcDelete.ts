// missing-vc-delete: a VC the call manager created itself is never deleted. Reported at the creating call when no
// NdisCoDeleteVc / NdisMCmDeleteVc anywhere in the workspace takes that handle, and at a successful close-call
// completion of such a VC when no delete follows it: none after it on any path of the same function (directly or
// through a function called there), and none in the functions around it, which is where deferred deletes live (its
// callers up to 4 levels and what they call after the call leading to the completion: deleteAround.ts). A VC deleted
// before its close completes is vc-used-after-delete's finding, not this one's.
//
// "Created by this call manager" is judged by the handle: the completion's handle is the same expression, or the same
// struct field, as a handle some NdisCoCreateVc / NdisMCmCreateVc in the workspace writes. A driver that keeps VCs it
// created and VCs a client created in the same field gets the completion finding for both; the fix deletes
// unconditionally, so such a driver should put its own created-by-us check around it.
import type { Node } from 'web-tree-sitter';
import { exprKey } from '../analysis/cfg';
import { resolveStatus, type CallObservation } from '../analysis/flow';
import { stripCasts } from '../analysis/expressions';
import type { FileSummary } from '../analysis/summary';
import type { Finding, Fix, Rule, RuleContext } from './types';
import { code, lineBreak, range } from './util';
import { deletedAround } from './deleteAround';
import { acrossSummaries, anySame, apisWhere, argKey, callManagerKind, CLOSE_COMPLETIONS, DELETES, insertionAfter, namesOf, paramIndex, reachable, spelled, where } from './vcUtil';

const failed = (st: string | undefined) => st !== undefined && !st.startsWith('!') && st !== 'NDIS_STATUS_SUCCESS';

function deleteFix(ctx: RuleContext, obs: CallObservation, handle: Node, del: string): Fix[] {
  const ins = insertionAfter(ctx.file.text, obs.call.node);
  const lvalue = stripCasts(handle);
  if (!ins || !lvalue || !['identifier', 'field_expression', 'subscript_expression'].includes(lvalue.type)) return [];
  const handleText = exprKey(lvalue);
  const { at, indent, step } = ins;
  // The delete's status is examined (it is _Must_inspect_result_) and the stale handle cleared, as drivers do.
  const nl = lineBreak(ctx.file);
  const newText = `${nl}${indent}if (${del}(${handleText}) == NDIS_STATUS_SUCCESS) {${nl}${indent}${step}${handleText} = NULL;${nl}${indent}}`;
  return [{ title: `Delete the VC with ${del} after completing the close`, changes: [{ start: at, end: at, newText }], preferred: true }];
}

/** Every VC create and delete in the workspace. */
function vcsOf(summaries: FileSummary[]): { deleted: FileSummary['vcDeleted']; created: (FileSummary['vcCreated'][number] & { uri: string })[] } {
  return {
    deleted: summaries.flatMap((s) => s.vcDeleted),
    created: summaries.flatMap((s) => s.vcCreated.map((c) => ({ ...c, uri: s.uri }))),
  };
}

export const missingVcDelete: Rule = {
  id: 'missing-vc-delete',
  defaultSeverity: 'warning',
  scope: 'workspace',
  summary: 'A VC the call manager created is never deleted after its call is closed.',
  check(ctx) {
    const kind = callManagerKind(ctx);
    if (!kind) return [];
    const out: Finding[] = [];
    // The workspace's creates and deletes, gathered only for an item that creates a VC or completes a close.
    const workspaceVcs = () => acrossSummaries(ctx, vcsOf);
    const del = spelled(ctx, apisWhere(ctx, DELETES), kind === 'miniport-call-manager');

    for (const c of ctx.file.summary().vcCreated) {
      if (!ctx.file.inScope(c.start)) continue;
      const { deleted } = workspaceVcs();
      if (deleted.some((d) => anySame(namesOf(c), namesOf(d)))) continue;
      const api = /^\w+/.exec(ctx.file.text.slice(c.start))?.[0] ?? '';
      out.push({
        start: c.start, end: c.start + api.length,
        message: `${code(api)} creates a VC into ${code(c.handle)}, but nothing in the workspace passes that handle to ${code(del)}: ` +
          'a call manager deletes the VCs it creates itself, once the close of their call has completed or the client has ' +
          `rejected the incoming call. Call ${code(del)} on those paths.`,
      });
    }

    const closeCompletions = apisWhere(ctx, CLOSE_COMPLETIONS);
    for (const fn of ctx.file.functions()) {
      const flow = ctx.file.flowOf(fn);
      for (const obs of flow.calls) {
        const effect = ctx.lifecycle.effectOf(obs.call.name);
        if (!closeCompletions.includes(obs.call.name) || effect?.handleArg !== paramIndex(ctx, obs.call.name, 'NdisVcHandle')) continue;
        const arg = obs.call.args[effect?.handleArg ?? -1];
        const status = obs.call.args[effect?.statusArg ?? -1] ?? null;
        if (!arg || obs.states.every((s) => failed(resolveStatus(status, s)))) continue;
        const h = argKey(arg);
        if (obs.states.some((s) => s.deleted.has(h))) continue; // deleted too early (vc-used-after-delete), not never
        const { deleted, created } = workspaceVcs();
        const creator = created.find((c) => anySame([h], namesOf(c)));
        if (!creator) continue;
        const deleters = new Set(deleted.filter((d) => anySame([h], namesOf(d))).map((d) => d.fn));
        const localAliases = (k: string) => ctx.file.summary().vcDeleted.filter((d) => d.fn === fn.name && d.handle === k).flatMap(namesOf);
        const after = flow.calls.filter((o) => o.states.some((s) => s.closed.get(h) === obs.call.node.startIndex));
        const deletesAfter = after.some((o) => {
          const e = ctx.lifecycle.effectOf(o.call.name);
          const a = e?.deletes && e.handleArg !== undefined ? o.call.args[e.handleArg] : undefined;
          if (a) return anySame([h], [argKey(a), ...localAliases(argKey(a))]);
          return [...reachable(ctx, [o.call.name], 4, 'callees')].some((f) => deleters.has(f));
        });
        if (deletesAfter) continue;
        if (deletedAround(ctx, fn.name, deleters)) continue;
        const local = creator.uri === ctx.file.uri;
        out.push({
          ...range(obs.call.node),
          message: `${code(obs.call.name)} completes the close of ${code(h)}, a VC this call manager created (${local ? 'at' : 'in'} ` +
            `${where(ctx, creator.uri, creator.start)}), but nothing deletes it afterwards, so the VC stays allocated. ` +
            `Call ${code(del)} on it once the close has completed.`,
          fixes: deleteFix(ctx, obs, arg, del),
          ...(local ? { related: [{ start: creator.start, end: creator.end, message: 'the VC is created here' }] } : {}),
        });
      }
    }
    return out;
  },
};
