// vc-used-after-close: a handle used on a path after what it names was closed: sending on a VC after NdisClCloseCall
// or a successful close-call completion (the VC itself stays valid for deletion, so only transfers count), or passing
// an address-family or party handle to any call after the completion that released it (made here, or on every path of
// a workspace helper called here).
import { exprKey, type Event } from '../analysis/cfg';
import type { Finding, Rule, RuleContext } from './types';
import { code, lineOf, range } from './util';
import { argKey, isTraceCall, paramIndex } from './vcUtil';
import { helperEffects, via } from './helperVia';
import { handleAt } from '../analysis/helperEffects';
import type { CallEffect } from '../catalog/lifecycle';

type Call = Extract<Event, { k: 'call' }>;

/** What the handle a close call releases names, by the catalog's parameter name: words for the message. */
const RELEASED: Record<string, string> = {
  NdisAfHandle: 'the address-family handle is invalid once its close has completed',
  NdisPartyHandle: 'the party handle is invalid once its drop has completed successfully',
};

/** The catalog parameter the close at `closer` released `k` as, and through which helper when one made it. */
function releasedParam(ctx: RuleContext, closer: Call, k: string): { param?: string; through: string } {
  const i = ctx.lifecycle.effectOf(closer.name)?.handleArg;
  if (i !== undefined) return { param: ctx.catalog.entry(closer.name)?.params[i]?.name, through: '' };
  const hit = helperEffects(ctx, closer, CLOSES).find(({ e }) => e.handle && handleAt(closer, e.handle) === k);
  const j = hit?.effect.handleArg;
  return hit && j !== undefined ? { param: ctx.catalog.entry(hit.e.api)?.params[j]?.name, through: `, through ${via(ctx, closer.name, hit.e)},` } : { through: '' };
}

const CLOSES = (e: CallEffect) => !!e.closes;

export const vcUsedAfterClose: Rule = {
  id: 'vc-used-after-close',
  defaultSeverity: 'error',
  scope: 'workspace',
  presence: true,
  summary: 'A VC is sent on, or a party or address-family handle used, after the close that ended it.',
  check(ctx) {
    const out: Finding[] = [];
    for (const fn of ctx.file.functions()) {
      const flow = ctx.file.flowOf(fn);
      const byOffset = new Map(flow.calls.map((o) => [o.call.node.startIndex, o.call]));
      for (const obs of flow.calls) {
        const { name, args } = obs.call;
        if (isTraceCall(name)) continue;
        const own = ctx.lifecycle.effectOf(name);
        const sendArg = ctx.lifecycle.isTransfer(name) ? paramIndex(ctx, name, 'NdisVcHandle') : undefined;
        args.forEach((arg, i) => {
          // A second completion of the same object is double-completion's finding, not this one.
          if (own?.completes && own.handleArg === i) return;
          const k = argKey(arg);
          for (const s of obs.states) {
            const closer = byOffset.get(s.closed.get(k) ?? s.closed.get(exprKey(arg)) ?? -1);
            // Deleted as well: vc-used-after-delete says the stronger thing.
            if (!closer || s.deleted.has(k)) continue;
            const { param, through } = releasedParam(ctx, closer, s.closed.has(k) ? k : exprKey(arg));
            const line = lineOf(ctx.file.text, closer.node.startIndex);
            const related = [{ ...range(closer.node), message: `${closer.name} closes ${k} here` }];
            if (param === 'NdisVcHandle' && i === sendArg) {
              out.push({
                ...range(arg), related,
                message: `${code(name)} sends on ${code(k)} after ${code(closer.name)} at line ${line}${through} closed the call on it: ` +
                  'a VC whose call is closing or closed carries no more data. Send before closing the call, and return ' +
                  'anything still queued to its owner instead of sending it.',
              });
            } else if (param && RELEASED[param]) {
              out.push({
                ...range(arg), related,
                message: `${code(name)} uses ${code(k)} after ${code(closer.name)} at line ${line}${through} released it: ${RELEASED[param]}. ` +
                  'Take what you need from it before that completion call, and do not pass it on afterwards.',
              });
            } else continue;
            return;
          }
        });
      }
    }
    return out;
  },
};
