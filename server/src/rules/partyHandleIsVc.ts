// party-handle-mismatch, second case: a completion that takes both a VC handle and a party handle (close-call and
// make-call completions) is given the VC's own context or handle as the party handle. A party handle is the one NDIS
// gave for one party of a multipoint call (NULL on a point-to-point call); the VC's context, or its NdisVcHandle, never
// is one. Judged in any function, directly or through a macro: the party argument is the VC handle argument itself,
// the object the VC handle argument is read from (`Vc` in `Vc->NdisVcHandle`), or, in a close-call handler, its
// CallMgrVcContext parameter or a plain copy of it.
import type { FunctionInfo } from '../analysis/fileAnalysis';
import type { CallObservation } from '../analysis/flow';
import { isNullLiteral } from '../analysis/expressions';
import type { Finding, RuleContext } from './types';
import { code, range } from './util';
import { argKey, paramIndex } from './vcUtil';

/** The object a VC-handle expression is read from: `Vc` for `Vc->NdisVcHandle` or `Vc.NdisVcHandle`. */
const baseOf = (key: string) => /^(.+?)(?:->|\.)[A-Za-z_]\w*$/.exec(key)?.[1];

/**
 * The finding for `obs` when its party-handle argument is the VC's context or handle, else undefined. `vcContext`:
 * the names that hold the handler's VC context in this function (empty outside a close-call handler).
 */
export function vcAsParty(ctx: RuleContext, fn: FunctionInfo, obs: CallObservation, vcContext: readonly string[]): Finding | undefined {
  const { name, args } = obs.call;
  if (!ctx.lifecycle.effectOf(name)?.completes) return undefined;
  const party = args[paramIndex(ctx, name, 'NdisPartyHandle') ?? -1];
  const vc = args[paramIndex(ctx, name, 'NdisVcHandle') ?? -1];
  if (!party || !vc || isNullLiteral(party)) return undefined;
  const p = argKey(party);
  const v = argKey(vc);
  const what = p === v ? 'the VC handle it also passes as the VC'
    : p === baseOf(v) ? `the VC's context (the object its VC handle ${code(v)} is read from)`
      : vcContext.includes(p) ? `the VC's context (${code(fn.params[0] ?? p)}, the handler's VC context)`
        : undefined;
  if (!what) return undefined;
  return {
    ...range(party),
    message: `${code(name)} passes ${code(p)} as the party handle, but that is ${what}, not a party handle. ` +
      'Pass the handle NDIS gave for the party of a multipoint call, or NULL for a point-to-point call.',
  };
}
