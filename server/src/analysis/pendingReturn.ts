// Whether a function can return NDIS_STATUS_PENDING, read from its syntax alone (no flow): what the lifecycle model
// says of a handler in a file that is not open. An open file's handlers are judged by the flow instead.
import type { Node } from 'web-tree-sitter';
import { exprKey } from './cfg';
import type { WalkedNode } from './certainCalls';
import { statusForm } from './flowFacts';

/** 'pends': some return gives PENDING; 'sync': every return gives another constant; 'unknown': a return we cannot read. */
export type Ending = 'pends' | 'sync' | 'unknown';

/** `walked`: the item's walk (itemFacts.ts), of which the assignments, declarators and returns inside `body` are read. */
export function endingOf(body: Node, walked: readonly WalkedNode[]): Ending {
  // A variable that is given PENDING anywhere may be returned holding it; one given anything but constants is unknown.
  const pendingVars = new Set<string>();
  const otherVars = new Set<string>();
  const constVars = new Set<string>();
  const returns: Node[] = [];
  for (const w of walked) {
    if (w.start < body.startIndex || w.start >= body.endIndex) continue;
    if (w.type === 'return_statement') { returns.push(w.n); continue; }
    const assign = w.type === 'assignment_expression';
    if (!assign && w.type !== 'init_declarator') continue;
    const l = w.n.childForFieldName(assign ? 'left' : 'declarator');
    const r = w.n.childForFieldName(assign ? 'right' : 'value');
    if (!l || !r) continue;
    const key = exprKey(l);
    const f = statusForm(r);
    if (f.k !== 'const') otherVars.add(key);
    else if (f.v === 'NDIS_STATUS_PENDING') pendingVars.add(key);
    else constVars.add(key);
  }
  let out: Ending = 'sync';
  for (const ret of returns) {
    const value = ret.namedChildren.find((c) => c && c.type !== 'comment');
    if (!value) continue;
    const f = statusForm(value);
    if (f.k === 'const') { if (f.v === 'NDIS_STATUS_PENDING') return 'pends'; continue; }
    if (f.k === 'var' && pendingVars.has(f.v)) return 'pends';
    if (f.k === 'var' && constVars.has(f.v) && !otherVars.has(f.v)) continue;
    out = 'unknown';
  }
  return out;
}
