// irql-passive-only: a PASSIVE_LEVEL-only CoNDIS call (NdisClOpenAddressFamilyEx, *RegisterAddressFamilyEx, ...) made
// where the IRQL may be DISPATCH_LEVEL: in a callback NDIS may run at DISPATCH_LEVEL, a timer or DPC routine, or while
// a spin lock is held on every path to the call.
import { ACQUIRE } from '../analysis/flow';
import { READS_IRQL } from '../catalog/contexts';
import type { Finding, Rule } from './types';
import { code, lineOf, range } from './util';
import { contextLookup } from './roleUtil';

export const irqlPassiveOnly: Rule = {
  id: 'irql-passive-only',
  defaultSeverity: 'error',
  scope: 'workspace',
  presence: true,
  summary: 'A PASSIVE_LEVEL-only CoNDIS function is called where the IRQL may be DISPATCH_LEVEL.',
  check(ctx) {
    const out: Finding[] = [];
    const contextsOf = contextLookup(ctx);
    for (const fn of ctx.file.functions()) {
      const flow = ctx.file.flowOf(fn);
      if (!flow.calls.some((o) => ctx.catalog.entry(o.call.name)?.irql.max === 'PASSIVE_LEVEL')) continue;
      if (flow.calls.some((o) => READS_IRQL.has(o.call.name))) continue; // it checks the IRQL itself
      const dispatch = contextsOf(fn).find((c) => c.irql === 'DISPATCH_LEVEL');
      for (const obs of flow.calls) {
        const entry = ctx.catalog.entry(obs.call.name);
        if (entry?.kind !== 'function' || entry.irql.max !== 'PASSIVE_LEVEL') continue;
        const locked = obs.states.length > 0 && obs.states.every((s) => s.locks > 0);
        if (!locked && !dispatch) continue;
        const lock = locked
          ? flow.calls.filter((o) => ACQUIRE.test(o.call.name) && o.call.node.startIndex < obs.call.node.startIndex).pop()
          : undefined;
        const why = locked
          ? `a spin lock is held here (${lock ? `${code(lock.call.name)} at line ${lineOf(ctx.file.text, lock.call.node.startIndex)}` : 'acquired earlier'}), so the IRQL is DISPATCH_LEVEL`
          : `${code(fn.name)} is ${dispatch!.what}${dispatch!.where ? ` (${dispatch!.where})` : ''}, which may run at DISPATCH_LEVEL`;
        const related = locked
          ? (lock ? [{ start: lock.call.node.startIndex, end: lock.call.node.endIndex, message: 'spin lock acquired' }] : undefined)
          : (dispatch!.related ? [dispatch!.related] : undefined);
        out.push({
          ...range(obs.call.node.childForFieldName('function') ?? obs.call.node),
          message: `${code(obs.call.name)} may only be called at PASSIVE_LEVEL, but ${why}. ` +
            (locked ? 'Release the lock before the call, or move the call to a work item (NdisQueueIoWorkItem).'
              : 'Move the call to a work item (NdisQueueIoWorkItem), which runs at PASSIVE_LEVEL.'),
          related,
        });
      }
    }
    return out;
  },
};
