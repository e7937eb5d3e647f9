// Whether a VC whose close a function completes is deleted by the functions around it (missing-vc-delete): a caller,
// up to 4 levels up, that deletes it itself or calls a deleting function AFTER its call leading to the completion.
// A delete that a caller makes before that call (on another path: a failed activation deleting the VC, then
// returning) does not delete the VC whose close completes later.
import { MAX_CALLS, type LocalSummary } from '../analysis/helperSummary';
import type { RuleContext } from './types';
import { reachable } from './vcUtil';

/** A function's summary of calls and lifecycle calls (offsets within the function), this file's own first. */
function summaryOf(ctx: RuleContext, fn: string): LocalSummary | undefined {
  return ctx.file.summary().helpers?.[fn] ?? (ctx.file.defines(fn) ? undefined : ctx.workspace.helperSummary(fn, ctx.file.uri)?.summary);
}

/**
 * Whether one of `deleters` (the functions that delete the VC's handle) runs after the completion made in `fn`, as a
 * caller of `fn` (or a function it calls, one level down) that runs after the caller's call leading to `fn`. A caller
 * whose summary does not show the order (no summary, no call towards `fn` in it, or more calls than a summary keeps)
 * counts when it reaches a deleter at all: no finding without evidence that the delete comes first.
 */
export function deletedAround(ctx: RuleContext, fn: string, deleters: ReadonlySet<string>): boolean {
  const callers = reachable(ctx, [fn], 4, 'callers');
  for (const c of callers) {
    if (c === fn) continue;
    const s = summaryOf(ctx, c);
    const towards = s?.calls.filter((x) => callers.has(x.callee)) ?? [];
    if (!s || !towards.length || s.calls.length >= MAX_CALLS) {
      if ([...reachable(ctx, [c], 2, 'callees')].some((f) => f !== fn && deleters.has(f))) return true;
      continue;
    }
    const first = Math.min(...towards.map((x) => x.at));
    // A caller that deletes it itself counts wherever: its summary keeps one of several deletes of a handle, so it
    // does not tell whether one comes after the call towards `fn`.
    if (deleters.has(c)) return true;
    for (const x of s.calls) {
      if (x.at <= first) continue;
      if ([...reachable(ctx, [x.callee], 1, 'callees')].some((f) => f !== fn && deleters.has(f))) return true;
    }
  }
  return false;
}
