// The statement walk of the control-flow graph: the edges of if/else, switch and fall-through, loops (constant
// conditions read as the compiler reads them: `do { } while (0)` runs once, `for (;;)` leaves only by a jump),
// break/continue, goto, SEH (`__try`/`__finally`/`__except`/`__leave`) and `#if` chains as alternatives.
import type { Node } from 'web-tree-sitter';
import { CFG_LIMITS, exprKey, type CfgBuilder, type Event } from './cfg';
import { constTruth, stripCasts } from './expressions';
import { deadArms, ppArms, type PpTest } from './preproc';

/** A jump target (loop exit, loop continuation) with the number of `__finally` bodies open where it was set. */
interface Target { block: number; finallys: number }
/** An open `__try` with a `__finally`: its body's extent, and the handler run on every way out of it. */
interface Finally { body: Node; start: number; end: number; depth: number }

/** Directives that, met as plain statements, mean an `#if` chain was cut across by the syntax around it. */
const CONDITIONAL_DIRECTIVE = /^#\s*(if|ifdef|ifndef|elif|elifdef|elifndef|else|endif)\b/;

/** Walks `body` from block `entry`; returns the block control falls off the end in (-1 if it cannot). */
export function walkStatements(b: CfgBuilder, body: Node, entry: number): number {
  const { blocks, newBlock, edge, expr } = b;
  const { MAX_BLOCKS, MAX_DEPTH } = CFG_LIMITS;
  const push = (cur: number, ev: Event) => { if (cur >= 0) blocks[cur].events.push(ev); };
  const breaks: Target[] = [];
  const continues: Target[] = [];
  const switches: { head: number; hasDefault: boolean }[] = [];
  let finallys: Finally[] = [];
  const leaves: number[] = [];
  const labelAt = new Map<string, number>();
  const labelBlocks = new Set<number>();
  const gotos: { from: number; name: string; open: Finally[] }[] = [];
  // Label blocks are entered by jumps from anywhere: never an edge into an `__except` handler from one.
  const label = (name: string) => { const x = b.label(name); labelBlocks.add(x); return x; };

  /** Runs the `__finally` bodies open above depth `downTo`, innermost first (each walked with only its outer ones open). */
  const runFinallys = (cur: number, downTo: number, open: Finally[] = finallys): number => {
    for (let i = open.length - 1; i >= downTo && cur >= 0; i--) cur = walkFinally(open, i, cur);
    return cur;
  };
  const walkFinally = (open: Finally[], i: number, cur: number): number => {
    const saved = finallys;
    finallys = open.slice(0, i);
    try { return stmt(open[i].body, cur, open[i].depth); } finally { finallys = saved; }
  };
  const jump = (cur: number, t: Target | undefined) => { if (t) edge(runFinallys(cur, t.finallys), t.block); };
  const ppEvents = (cur: number, tests: readonly { key: string; truth: boolean }[], at: number) => {
    for (const t of tests) push(cur, { k: 'pp', key: t.key, truth: t.truth, at });
  };

  function stmt(n: Node | null, cur: number, depth: number): number {
    if (!n || blocks.length > MAX_BLOCKS || depth > MAX_DEPTH) return cur;
    const type = n.type;
    switch (type) {
      case 'compound_statement':
      case 'translation_unit':
      case 'ERROR':
      case 'preproc_elif':
      case 'preproc_elifdef':
      case 'preproc_else': {
        // (An `#elif`/`#else` met on its own is a piece of a chain the syntax broke up: read it as plain code.)
        for (const c of n.namedChildren) cur = stmt(c, cur, depth + 1);
        return cur;
      }
      case 'preproc_call': {
        if (CONDITIONAL_DIRECTIVE.test(n.namedChild(0)?.text ?? '')) b.unreliable = true;
        return cur;
      }
      case 'declaration': {
        for (const d of n.childrenForFieldName('declarator')) {
          if (d?.type !== 'init_declarator') continue;
          const value = d.childForFieldName('value');
          const name = d.childForFieldName('declarator');
          if (name && value && stripCasts(value)?.type === 'conditional_expression') { cur = picked(d, exprKey(name), stripCasts(value)!, cur, depth); continue; }
          if (cur < 0) continue;
          expr(value, cur, depth + 1);
          if (name && value && value.type !== 'initializer_list') push(cur, { k: 'assign', node: d, target: exprKey(name), value });
        }
        return cur;
      }
      case 'expression_statement': {
        const e = n.namedChild(0);
        // A statement-like workspace macro (`do { ... } while (0)`) is read as statements, with its branches.
        const expanded = e ? b.expandStatement(e, cur, depth, stmt) : undefined;
        if (expanded !== undefined) return expanded;
        // Only an assignment whose text holds a `?` can pick its value by a conditional expression.
        if (e && b.mayContain(e, '?') && e.type === 'assignment_expression' && e.childForFieldName('operator')?.text === '=') {
          const left = e.childForFieldName('left');
          const value = stripCasts(e.childForFieldName('right'));
          if (left && value?.type === 'conditional_expression') return picked(e, exprKey(left), value, cur, depth);
        }
        expr(e, cur, depth + 1);
        return cur;
      }
      case 'return_statement': {
        const value = n.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
        expr(value, cur, depth + 1);
        cur = runFinallys(cur, 0);
        push(cur, { k: 'return', node: n, value });
        return -1;
      }
      case 'if_statement': {
        const cond = n.childForFieldName('condition');
        expr(cond, cur, depth + 1);
        const known = constTruth(cond);
        const join = newBlock();
        const thenB = newBlock();
        if (known !== false) edge(cur, thenB);
        if (cond && known === undefined) push(thenB, { k: 'assume', cond, truth: true });
        edge(stmt(n.childForFieldName('consequence'), thenB, depth + 1), join);
        const elseB = newBlock();
        if (known !== true) edge(cur, elseB);
        if (cond && known === undefined) push(elseB, { k: 'assume', cond, truth: false });
        const alt = n.childForFieldName('alternative');
        edge(stmt(alt?.type === 'else_clause' ? alt.namedChild(0) : alt, elseB, depth + 1), join);
        return join;
      }
      case 'switch_statement': {
        expr(n.childForFieldName('condition'), cur, depth + 1);
        const after = newBlock();
        const sw = { head: cur, hasDefault: false };
        switches.push(sw);
        breaks.push({ block: after, finallys: finallys.length });
        // Code before the first label runs on no path; each case label is entered from the head (case_statement below).
        edge(stmt(n.childForFieldName('body'), -1, depth + 1), after);
        breaks.pop();
        switches.pop();
        if (!sw.hasDefault) edge(cur, after);
        return after;
      }
      case 'case_statement': {
        const sw = switches[switches.length - 1];
        const c = newBlock();
        if (sw) edge(sw.head, c);
        edge(cur, c); // fall-through from the case before
        if (sw && !n.childForFieldName('value')) sw.hasDefault = true;
        return caseBody(n, c, depth);
      }
      case 'while_statement':
      case 'for_statement': {
        if (type === 'for_statement') {
          const init = n.childForFieldName('initializer');
          if (init?.type === 'declaration') cur = stmt(init, cur, depth + 1); else expr(init, cur, depth + 1);
        }
        const head = newBlock();
        edge(cur, head);
        const cond = n.childForFieldName('condition');
        expr(cond, head, depth + 1);
        // No condition (`for (;;)`) is true; a constant one decides which way the head goes.
        const known = cond ? constTruth(cond) : true;
        const body = newBlock();
        const after = newBlock();
        if (known !== false) edge(head, body);
        if (known !== true) edge(head, after);
        if (cond && known === undefined) {
          push(body, { k: 'assume', cond, truth: true });
          push(after, { k: 'assume', cond, truth: false });
        }
        const cont = newBlock();
        breaks.push({ block: after, finallys: finallys.length }); continues.push({ block: cont, finallys: finallys.length });
        edge(stmt(n.childForFieldName('body'), body, depth + 1), cont);
        breaks.pop(); continues.pop();
        expr(n.childForFieldName('update'), cont, depth + 1);
        edge(cont, head);
        return after;
      }
      case 'do_statement': {
        const body = newBlock();
        edge(cur, body);
        const cond = newBlock();
        const after = newBlock();
        breaks.push({ block: after, finallys: finallys.length }); continues.push({ block: cond, finallys: finallys.length });
        edge(stmt(n.childForFieldName('body'), body, depth + 1), cond);
        breaks.pop(); continues.pop();
        const c = n.childForFieldName('condition');
        expr(c, cond, depth + 1);
        // `do { ... } while (0)` is a block that `break` and `continue` leave: the body never runs twice.
        const known = constTruth(c);
        if (known !== false) edge(cond, body);
        if (known !== true) edge(cond, after);
        return after;
      }
      case 'break_statement':
        jump(cur, breaks[breaks.length - 1]);
        return -1;
      case 'continue_statement':
        jump(cur, continues[continues.length - 1]);
        return -1;
      case 'goto_statement': {
        const l = n.childForFieldName('label');
        // Out of a `__try` the `__finally` runs first: decided at the end, once every label's place is known.
        if (l && finallys.length) gotos.push({ from: cur, name: l.text, open: finallys });
        else if (l) edge(cur, label(l.text));
        return -1;
      }
      case 'labeled_statement': {
        const l = n.childForFieldName('label');
        const lb = l ? label(l.text) : newBlock();
        if (l) labelAt.set(l.text, n.startIndex);
        edge(cur, lb);
        let inner = lb;
        for (const c of n.namedChildren) if (c) inner = stmt(c, inner, depth + 1); // the label too: no event
        return inner;
      }
      case 'seh_leave_statement':
        if (leaves.length) edge(cur, leaves[leaves.length - 1]);
        return -1;
      case 'seh_try_statement':
        return sehTry(n, cur, depth);
      case 'preproc_if':
      case 'preproc_ifdef':
        return preprocChain(n, cur, depth);
      default:
        return cur;
    }
  }

  /** Every named child of a case, its value too (a plain expression: no block, no event). */
  function caseBody(n: Node, c: number, depth: number): number {
    let inner = c;
    for (const s of n.namedChildren) if (s) inner = stmt(s, inner, depth + 1);
    return inner;
  }

  /** `x = cond ? a : b;`: two paths, each knowing which side the condition took and which value `x` got. */
  function picked(node: Node, target: string, value: Node, cur: number, depth: number): number {
    const cond = value.childForFieldName('condition');
    expr(cond, cur, depth + 1);
    const known = constTruth(cond);
    const join = newBlock();
    const sides: [Node | null, boolean][] = [[value.childForFieldName('consequence') ?? cond, true], [value.childForFieldName('alternative'), false]];
    for (const [side, truth] of sides) {
      if (known === !truth) continue;
      const arm = newBlock();
      edge(cur, arm);
      if (cond && known === undefined) push(arm, { k: 'assume', cond, truth });
      expr(side, arm, depth + 1);
      push(arm, { k: 'assign', node, target, value: side, picked: true });
      edge(arm, join);
    }
    return join;
  }

  /**
   * An `#if`/`#ifdef` chain: one path through each live arm, plus one past all of them when there is no `#else`. Each
   * path carries what the directives said (`pp` events), so that the same condition tested again takes the same arm.
   */
  function preprocChain(n: Node, cur: number, depth: number): number {
    const arms = ppArms(n);
    const dead = deadArms(arms);
    const join = newBlock();
    const before: { key: string; truth: boolean }[] = [];
    const negate = (t: { key: string; truth: boolean }) => ({ key: t.key, truth: !t.truth });
    let covered = false;
    for (let i = 0; i < arms.length && !covered; i++) {
      const test: PpTest | null = arms[i].test;
      if (dead.has(i)) continue;
      const arm = newBlock();
      edge(cur, arm);
      ppEvents(arm, before.map(negate), n.startIndex);
      if (test && test.constant === undefined) ppEvents(arm, [test], n.startIndex);
      let inner = arm;
      for (const c of arms[i].body) inner = stmt(c, inner, depth + 1);
      edge(inner, join);
      if (!test || test.constant !== undefined) covered = true; // `#else`, or a literal 1 (a literal 0 is dead above)
      else before.push(test);
    }
    if (!covered) {
      const none = newBlock();
      edge(cur, none);
      ppEvents(none, before.map(negate), n.startIndex);
      edge(none, join);
    }
    return join;
  }

  /**
   * `__try`: `__leave` and falling off the end reach the end of the body; with `__finally`, every way out (those,
   * return, break, continue, goto) runs the handler first. An `__except` handler may run after any part of the body:
   * it is entered from the start of the body and from every block of it.
   */
  function sehTry(n: Node, cur: number, depth: number): number {
    const body = n.childForFieldName('body');
    const clause = n.namedChildren.find((c) => c?.type === 'seh_finally_clause' || c?.type === 'seh_except_clause') ?? null;
    const fin = clause?.type === 'seh_finally_clause' ? clause.childForFieldName('body') : null;
    const start = newBlock();
    edge(cur, start);
    const end = newBlock();
    if (fin && body) finallys = [...finallys, { body: fin, start: body.startIndex, end: body.endIndex, depth: depth + 1 }];
    leaves.push(end);
    const first = blocks.length;
    edge(stmt(body, start, depth + 1), end);
    const last = blocks.length;
    leaves.pop();
    if (fin && body) finallys = finallys.slice(0, -1);
    if (fin) return stmt(fin, end, depth + 1);
    if (clause?.type !== 'seh_except_clause') return end;
    const handler = newBlock();
    edge(start, handler);
    for (let i = first; i < last; i++) if (!labelBlocks.has(i)) edge(i, handler);
    expr(clause.childForFieldName('filter'), handler, depth + 1);
    const after = newBlock();
    edge(end, after);
    edge(stmt(clause.childForFieldName('body'), handler, depth + 1), after);
    return after;
  }

  const out = stmt(body, entry, 0);
  // Gotos out of a `__try` with a `__finally`: run the handlers of the trys the label is not inside.
  for (const g of gotos) {
    const at = labelAt.get(g.name);
    let keep = g.open.length;
    while (keep > 0 && !(at !== undefined && g.open[keep - 1].start <= at && at < g.open[keep - 1].end)) keep--;
    edge(runFinallys(g.from, keep, g.open), label(g.name));
  }
  if (!b.unreliable && body.hasError && hasDirectiveInside(body)) b.unreliable = true;
  return out;
}

/** Whether a conditional directive appears inside `body` but not as a chain the tree understood (an ERROR's piece). */
function hasDirectiveInside(body: Node): boolean {
  return /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b/m.test(body.text);
}

