// irql-dispatch-only: a call that must run at exactly DISPATCH_LEVEL (NdisCoAssignInstanceName, NdisCoGetTapiCallId,
// NdisClGetProtocolVcContextFromTapiCallId, ...) made from a routine that certainly runs at PASSIVE_LEVEL there.
import { RAISES_IRQL, READS_IRQL } from '../catalog/contexts';
import type { Finding, Rule } from './types';
import { code, range } from './util';
import { contextLookup } from './roleUtil';

export const irqlDispatchOnly: Rule = {
  id: 'irql-dispatch-only',
  defaultSeverity: 'error',
  scope: 'workspace',
  presence: true,
  summary: 'A DISPATCH_LEVEL-only CoNDIS function is called from a routine that runs at PASSIVE_LEVEL.',
  check(ctx) {
    const out: Finding[] = [];
    const contextsOf = contextLookup(ctx);
    for (const fn of ctx.file.functions()) {
      const flow = ctx.file.flowOf(fn);
      const targets = flow.calls.filter((o) => ctx.catalog.entry(o.call.name)?.irql.min === 'DISPATCH_LEVEL');
      // Only certain cases: every known context is PASSIVE_LEVEL, and nothing in the function raises or reads the IRQL.
      if (!targets.length || flow.calls.some((o) => RAISES_IRQL.has(o.call.name) || READS_IRQL.has(o.call.name))) continue;
      const contexts = contextsOf(fn);
      const passive = contexts.find((c) => c.irql === 'PASSIVE_LEVEL');
      if (!passive || contexts.some((c) => c.irql !== 'PASSIVE_LEVEL')) continue;
      for (const obs of targets) {
        if (obs.states.some((s) => s.locks > 0)) continue; // a held spin lock puts the caller at DISPATCH_LEVEL
        out.push({
          ...range(obs.call.node.childForFieldName('function') ?? obs.call.node),
          message: `${code(obs.call.name)} must be called at DISPATCH_LEVEL, but ${code(fn.name)} is ${passive.what}` +
            `${passive.where ? ` (${passive.where})` : ''}, which runs at PASSIVE_LEVEL. Make the call from a DISPATCH_LEVEL context, or raise the ` +
            `IRQL around it (for example while holding a spin lock taken with NdisAcquireSpinLock).`,
          related: passive.related ? [passive.related] : undefined,
        });
      }
    }
    return out;
  },
};
