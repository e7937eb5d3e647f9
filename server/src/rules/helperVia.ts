// What the lifecycle rules say about a call to a workspace helper: which of its lifecycle calls (helperEffects.ts) a
// finding rests on, and the words that name the helper and where that call is.
import type { Event } from '../analysis/cfg';
import type { ResolvedEffect } from '../analysis/helperEffects';
import type { CallEffect } from '../catalog/lifecycle';
import type { RuleContext } from './types';
import { code, lineOf } from './util';

type Call = Extract<Event, { k: 'call' }>;

/**
 * The effects of helper call `call` whose catalog effect satisfies `pred`, with that effect: none for a catalog call
 * (the rules read those directly). `must`: only those made on every path through the helper.
 */
export function helperEffects(ctx: RuleContext, call: Call, pred: (e: CallEffect) => boolean, must = true): { e: ResolvedEffect; effect: CallEffect }[] {
  if (!call.name || ctx.lifecycle.effectOf(call.name)) return [];
  const out: { e: ResolvedEffect; effect: CallEffect }[] = [];
  for (const e of ctx.file.helper(call.name) ?? []) {
    const effect = ctx.lifecycle.effectOf(e.api);
    if (effect && pred(effect) && (e.must || !must)) out.push({ e, effect });
  }
  return out;
}

/** `` `CmCompleteClose` → `NdisCmCloseCallComplete` in call.c``: the helper, the functions below it, the call and its place. */
export function via(ctx: RuleContext, helper: string, e: ResolvedEffect): string {
  const where = e.uri === ctx.file.uri
    ? (e.offset !== undefined ? `at line ${lineOf(ctx.file.text, e.offset)}` : 'in this file')
    : `in ${decodeURIComponent(e.uri.slice(e.uri.lastIndexOf('/') + 1))}`;
  return `${[helper, ...e.chain, e.api].map(code).join(' → ')} ${where}`;
}

/** A flow's calls by offset, per flow: a function with thousands of completions asks for each. */
const byOffset = new WeakMap<readonly { call: Call }[], Map<number, Call>>();

/** For a message about the call at `offset` of this function: `, through …` when a helper made the effect there. */
export function throughAt(ctx: RuleContext, calls: readonly { call: Call }[], offset: number, pred: (e: CallEffect) => boolean): string {
  let at = byOffset.get(calls);
  if (!at) { at = new Map(calls.map((o) => [o.call.node.startIndex, o.call])); byOffset.set(calls, at); }
  const call = at.get(offset);
  const hit = call && helperEffects(ctx, call, pred)[0];
  return hit ? `, through ${via(ctx, call.name, hit.e)}` : '';
}
