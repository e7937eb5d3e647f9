// delete-foreign-vc where one field holds both kinds of VC: the driver creates VCs into it and its ProtocolCoCreateVc
// stores the other side's there too. A delete is then the driver's own business only on a path that tells them apart:
// reported when a handler that meets VCs of the other side (not one that meets only the driver's own, such as the
// client's make-call completion) reaches the delete, in this file, with no test of the VC on the way.
import type { Node } from 'web-tree-sitter';
import type { FunctionInfo } from '../analysis/fileAnalysis';
import type { Finding, RuleContext } from './types';
import { code, range, rolesOf } from './util';
import { acrossSummaries, argKey, paramIndex } from './vcUtil';
import { vcOrigins, deleteField, type VcSide } from './vcOrigins';

/** Handlers that only ever meet VCs the driver created itself (a client places calls and adds parties on its own VCs). */
const OWN_ONLY = new Set(['PROTOCOL_CL_MAKE_CALL_COMPLETE', 'PROTOCOL_CL_ADD_PARTY_COMPLETE', 'PROTOCOL_CM_INCOMING_CALL_COMPLETE']);
const MAX_DEPTH = 4;
/** A condition about nothing but a status (`Status == NDIS_STATUS_SUCCESS`) does not tell a VC's creator. */
const STATUS_WORD = /^(\w*status\w*|NDIS_STATUS_\w+|STATUS_\w+|NT_SUCCESS|NULL|TRUE|FALSE|PENDING)$/i;

/** Whether a condition tests something other than a status: a flag, a field, a pointer (lenient: any such test). */
function tellsApart(cond: Node | null): boolean {
  if (!cond) return false;
  return cond.descendantsOfType(['identifier', 'field_identifier']).some((n) => !!n && !STATUS_WORD.test(n.text));
}

const JUMPS = ['return_statement', 'goto_statement', 'break_statement', 'continue_statement', 'seh_leave_statement'];

/**
 * Whether `at` (in `fn`) lies under a branch that tests the VC, or after an early exit on such a test
 * (`if ((Vc->Flags & OURS) == 0) return;`), or on the right of `&&` / `?:` after one.
 */
function guarded(at: Node, fn: FunctionInfo): boolean {
  for (let n: Node | null = at, up = at.parent; up && n && n.id !== fn.body.id; n = up, up = up.parent) {
    const cond = up.type === 'if_statement' || up.type === 'while_statement' || up.type === 'conditional_expression' ? up.childForFieldName('condition') : null;
    if (cond && cond.id !== n.id && tellsApart(cond)) return true;
    if (up.type === 'switch_statement' && tellsApart(up.childForFieldName('condition'))) return true;
    if (up.type === 'binary_expression' && /^(&&|\|\|)$/.test(up.childForFieldName('operator')?.text ?? '') && up.childForFieldName('right')?.id === n.id &&
      tellsApart(up.childForFieldName('left'))) return true;
  }
  // An earlier `if` of the function that leaves on a test: whatever reaches `at` passed it.
  return fn.body.descendantsOfType('if_statement').some((s) => !!s && s.endIndex <= at.startIndex && tellsApart(s.childForFieldName('condition')) &&
    s.childForFieldName('consequence')?.descendantsOfType(JUMPS).length !== 0);
}

type Sites = { get(name: string): { caller: FunctionInfo; must: boolean }[] | undefined };

/**
 * The calls of a name in this file, from the items' helper summaries (facts): which function calls it, and whether on
 * every path through the caller (no test, no early exit before it). Only facts are read, so the item's findings, kept
 * under the file's semantic key, change when a caller's call does (an incremental check equals a fresh one).
 */
function callSitesOf(ctx: RuleContext): Sites {
  const memo = new Map<string, { caller: FunctionInfo; must: boolean }[]>();
  return {
    get(name) {
      let list = memo.get(name);
      if (!list) {
        list = [];
        for (const c of ctx.file.chunks()) {
          const calls = c.facts.helper?.calls.filter((k) => k.callee === name);
          if (!c.facts.fn || !calls?.length) continue;
          for (const caller of ctx.file.view(c).functions()) list.push({ caller, must: calls.some((k) => k.must) });
        }
        memo.set(name, list);
      }
      return list;
    },
  };
}

/** The first handler reaching `fn` through unguarded calls in this file, whose role meets the other side's VCs. */
function reachingHandler(fn: FunctionInfo, sites: Sites, ctx: RuleContext): string | undefined {
  const seen = new Set([fn.name]);
  let frontier = [fn];
  for (let d = 0; d <= MAX_DEPTH && frontier.length; d++) {
    const next: FunctionInfo[] = [];
    for (const g of frontier) {
      const roles = rolesOf(g, ctx);
      if (roles.some((r) => OWN_ONLY.has(r.name))) continue;
      if (roles.length) return g.name;
      for (const s of sites.get(g.name) ?? []) {
        if (seen.has(s.caller.name) || !s.must) continue;
        seen.add(s.caller.name);
        next.push(s.caller);
      }
    }
    frontier = next;
  }
  return undefined;
}

/**
 * Checks the item's functions (`ctx.file` is a view of one item): its findings are kept with the item, under a key that
 * holds the file's semantic key, so they follow a caller's change of guard through its helper summary (whether it calls
 * on every path). Callers are found from the items' callees (facts), and only their flows are read.
 */
export function mixedDeletes(ctx: RuleContext, side: VcSide): Finding[] {
  // Only an item whose facts call a deleting API is followed further (no walk for the others).
  const own = ctx.file.chunk ? [ctx.file.chunk] : ctx.file.chunks();
  if (!own.some((c) => [...c.facts.calls.keys()].some((n) => ctx.lifecycle.effectOf(n)?.deletes))) return [];
  const fns = ctx.file.functions();
  let sites: Sites | undefined;
  const out: Finding[] = [];
  for (const fn of fns) {
    for (const obs of ctx.file.flowOf(fn).calls) {
      const e = ctx.lifecycle.effectOf(obs.call.name);
      const arg = e?.deletes ? obs.call.args[paramIndex(ctx, obs.call.name, 'NdisVcHandle') ?? -1] : undefined;
      if (!arg || guarded(obs.call.node, fn)) continue;
      const origins = acrossSummaries(ctx, vcOrigins)[side];
      const field = deleteField(ctx, fn.name, argKey(arg), (f) => origins.get(f)?.own === true);
      const o = field && origins.get(field);
      // A VC created in this very function is the driver's own.
      if (!o || ctx.file.summary().vcCreated.some((c) => c.fn === fn.name && c.handle.endsWith(field!))) continue;
      sites ??= callSitesOf(ctx);
      const via = reachingHandler(fn, sites, ctx);
      if (!via) continue;
      const other = side === 'client' ? 'the call manager' : 'a client';
      out.push({
        ...range(obs.call.node),
        message: `${code(obs.call.name)} deletes ${code(argKey(arg))} on every VC that reaches it from ${code(via)}, but the ${code(field)} ` +
          `field also holds VCs ${other} created (${code(o.fn)} stores the handle NDIS passes it), and only the creator of a VC ` +
          `may delete it. Delete only the VCs this driver created: test the flag you set when creating them before the delete.`,
      });
    }
  }
  return out;
}
