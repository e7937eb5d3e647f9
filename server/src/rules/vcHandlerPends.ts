// vc-handler-pends: a ProtocolCoCreateVc / ProtocolCoDeleteVc / MiniportCoCreateVc / MiniportCoDeleteVc handler returns
// NDIS_STATUS_PENDING. These handlers have no completion call: NDIS needs the outcome when they return.
import { resolveStatus } from '../analysis/flow';
import type { Finding, Rule } from './types';
import { code, range, rolesOf } from './util';
import { bindingSite } from './roleUtil';

export const vcHandlerPends: Rule = {
  id: 'vc-handler-pends',
  defaultSeverity: 'error',
  scope: 'workspace',
  presence: true,
  summary: 'A VC create or delete handler returns NDIS_STATUS_PENDING, which those handlers may never do.',
  check(ctx) {
    const out: Finding[] = [];
    for (const fn of ctx.file.functions()) {
      const role = rolesOf(fn, ctx).find((r) => ctx.lifecycle.isSynchronousOnly(r));
      if (!role) continue;
      for (const exit of ctx.file.flowOf(fn).exits) {
        if (!exit.node || !exit.states.some((s) => resolveStatus(exit.value, s) === 'NDIS_STATUS_PENDING')) continue;
        const site = bindingSite(fn.name, role.name, ctx);
        const literal = !!exit.value && /^(NDIS_)?STATUS_PENDING$/.test(exit.value.text);
        out.push({
          ...range(exit.node),
          message: `${code(fn.name)} is a ${role.conventionalName ?? role.name} handler (${site.text}) and returns NDIS_STATUS_PENDING ` +
            `${literal ? 'here' : `here (${code(exit.value?.text ?? '')} holds it on this path)`}, but NDIS offers no way to ` +
            `complete a VC ${/DELETE/.test(role.name) ? 'deletion' : 'creation'} later. Finish the work before returning and ` +
            `return NDIS_STATUS_SUCCESS or a failure status.`,
          related: site.related ? [site.related] : undefined,
          // Only a literal can be swapped without changing what the other paths return.
          fixes: literal && exit.value
            ? [{ title: 'Return NDIS_STATUS_SUCCESS', changes: [{ ...range(exit.value), newText: 'NDIS_STATUS_SUCCESS' }] }]
            : undefined,
        });
      }
    }
    return out;
  },
};
