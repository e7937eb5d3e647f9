// complete-with-pending: a *Complete call whose Status is NDIS_STATUS_PENDING (literally, or a variable holding it on that
// path), also through a workspace helper that passes its own Status parameter on to the completion (reported at the
// argument of the helper's call, where the PENDING comes from).
import { resolveStatus } from '../analysis/flow';
import type { Finding, Rule } from './types';
import { code, range } from './util';
import { helperEffects, via } from './helperVia';
import type { CallEffect } from '../catalog/lifecycle';

const COMPLETES_WITH_STATUS = (e: CallEffect) => e.completes && e.statusArg !== undefined;

export const completeWithPending: Rule = {
  id: 'complete-with-pending',
  defaultSeverity: 'error',
  scope: 'workspace',
  presence: true,
  summary: 'A completion call reports NDIS_STATUS_PENDING, which is never a final status.',
  check(ctx) {
    const out: Finding[] = [];
    for (const fn of ctx.file.functions()) {
      for (const obs of ctx.file.flowOf(fn).calls) {
        const effect = ctx.lifecycle.effectOf(obs.call.name);
        // Through a helper: every completion it may make with the caller's status, on any of its paths.
        const made = effect?.completes && effect.statusArg !== undefined
          ? [{ api: obs.call.name, arg: obs.call.args[effect.statusArg], effect, through: '' }]
          : helperEffects(ctx, obs.call, COMPLETES_WITH_STATUS, false).flatMap(({ e, effect }) => e.status && 'p' in e.status
            ? [{ api: e.api, arg: obs.call.args[e.status.p], effect, through: `, which gets it through ${via(ctx, obs.call.name, e)}` }] : []);
        for (const { api, arg, effect, through } of made) {
          if (!arg || !obs.states.some((s) => resolveStatus(arg, s) === 'NDIS_STATUS_PENDING')) continue;
          const handler = effect.completesHandler;
          const literal = /^(NDIS_)?STATUS_PENDING$/.test(arg.text);
          const what = literal ? code(arg.text) : `${code(arg.text)} holds NDIS_STATUS_PENDING on this path and`;
          out.push({
            ...range(arg),
            message: `${what} is not a valid Status for ${code(api)}${through}: the call reports the final outcome of the pended ` +
              `${code(handler?.conventionalName ?? 'request')}, so pass NDIS_STATUS_SUCCESS or a failure status.`,
            fixes: [
              { title: 'Complete with NDIS_STATUS_SUCCESS', changes: [{ ...range(arg), newText: 'NDIS_STATUS_SUCCESS' }], preferred: true },
              { title: 'Complete with NDIS_STATUS_FAILURE', changes: [{ ...range(arg), newText: 'NDIS_STATUS_FAILURE' }] },
            ],
          });
          break;
        }
      }
    }
    return out;
  },
};
