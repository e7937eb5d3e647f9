// The calls in a rule's scope with their plain-name callees, listed once per item for every rule that reads them.
import type { Node } from 'web-tree-sitter';
import type { RuleContext } from './types';
import { CONDITIONAL_NODES, liveFilter } from '../analysis/preproc';
import { typeList } from '../syntax/nodes';

const CALL_NODES = typeList('call_expression', ...CONDITIONAL_NODES);

export interface CallSite {
  call: Node;
  /** The callee identifier when the callee is a plain name, else null. */
  callee: Node | null;
  /** Its text; '' when `callee` is null. For a call made through a macro: the name called inside it. */
  name: string;
  /** Made inside the expansion of the macro called at `call` (whose name `callee` is). */
  throughMacro?: boolean;
}

const byScope = new WeakMap<Node, CallSite[]>();

/**
 * Every call_expression under the scope nodes, in document order (as `descendantsOfType` gives them). Kept per scope
 * node object: wrong-argument-count, unchecked-status and the two API-family rules walk the same item.
 */
export function callSites(ctx: RuleContext, opts: { throughMacros?: boolean } = {}): CallSite[] {
  const out: CallSite[] = [];
  const macros = opts.throughMacros ? ctx.file.macros() : undefined;
  for (const root of ctx.file.scopeNodes()) {
    let list = byScope.get(root);
    if (!list) {
      list = [];
      const live = liveFilter(); // no call in a dead `#if 0` arm
      for (const call of root.descendantsOfType(CALL_NODES)) {
        if (!call || !live(call)) continue;
        const fn = call.childForFieldName('function');
        const callee = fn?.type === 'identifier' ? fn : null;
        list.push({ call, callee, name: callee ? callee.text : '' });
      }
      byScope.set(root, list);
    }
    for (const c of list) {
      out.push(c);
      // The calls a macro use makes (nested macros seen through), at the use: the rules that read the names spelled.
      if (macros && c.callee) for (const name of macros.callsOf(c.call)) out.push({ call: c.call, callee: c.callee, name, throughMacro: true });
    }
  }
  return out;
}
