// complete-with-pending: a *Complete call whose Status is NDIS_STATUS_PENDING (literally, or a variable holding it on that path).
import { resolveStatus } from '../analysis/flow';
import type { Finding, Rule } from './types';
import { code, range } from './util';

export const completeWithPending: Rule = {
  id: 'complete-with-pending',
  defaultSeverity: 'error',
  scope: 'file',
  summary: 'A completion call reports NDIS_STATUS_PENDING, which is never a final status.',
  check(ctx) {
    const out: Finding[] = [];
    for (const fn of ctx.file.functions()) {
      for (const obs of ctx.file.flowOf(fn).calls) {
        const effect = ctx.lifecycle.effectOf(obs.call.name);
        if (!effect?.completes || effect.statusArg === undefined) continue;
        const arg = obs.call.args[effect.statusArg];
        if (!arg || !obs.states.some((s) => resolveStatus(arg, s) === 'NDIS_STATUS_PENDING')) continue;
        const handler = effect.completesHandler;
        const literal = /^(NDIS_)?STATUS_PENDING$/.test(arg.text);
        const what = literal ? code(arg.text) : `${code(arg.text)} holds NDIS_STATUS_PENDING on this path and`;
        out.push({
          ...range(arg),
          message: `${what} is not a valid Status for ${code(obs.call.name)}: the call reports the final outcome of the pended ` +
            `${code(handler?.conventionalName ?? 'request')}, so pass NDIS_STATUS_SUCCESS or a failure status.`,
          fixes: [
            { title: 'Complete with NDIS_STATUS_SUCCESS', changes: [{ ...range(arg), newText: 'NDIS_STATUS_SUCCESS' }], preferred: true },
            { title: 'Complete with NDIS_STATUS_FAILURE', changes: [{ ...range(arg), newText: 'NDIS_STATUS_FAILURE' }] },
          ],
        });
      }
    }
    return out;
  },
};
