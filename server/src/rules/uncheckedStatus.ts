// unchecked-status: the status of a `_Must_inspect_result_` CoNDIS call is thrown away. A bare call statement is always
// reported. A `(VOID)` cast is taken as a deliberate choice, except for calls that may return NDIS_STATUS_PENDING:
// there the status decides who runs the completion logic, and no cast makes it safe to ignore.
import type { Node } from 'web-tree-sitter';
import type { CatalogEntry } from '../catalog';
import type { Finding, Rule } from './types';
import { code, range } from './util';
import { callSites } from './callSites';

export const uncheckedStatus: Rule = {
  id: 'unchecked-status',
  defaultSeverity: 'warning',
  scope: 'file',
  summary: 'The status a CoNDIS call returns, which must be inspected, is ignored.',
  check(ctx) {
    const out: Finding[] = [];
    for (const { call, callee, name } of callSites(ctx)) {
      const entry = callee && ctx.catalog.entry(name);
      if (!callee || entry?.kind !== 'function' || !entry.mustInspectResult || ctx.file.defines(name)) continue;
      const use = discard(call);
      if (!use) continue;
      const pends = mayPend(entry);
      if (use === 'cast' && !pends) continue;
      const later = /completion arrives in (\w+)/.exec(entry.completes ?? '')?.[1];
      const why = pends
        ? `it says whether the request already finished or will finish later (NDIS_STATUS_PENDING)` +
          `${use === 'cast' ? ', and casting it to VOID does not change that' : ''}. Keep the status: on NDIS_STATUS_PENDING ` +
          `${later ? code(later) : 'the completion callback'} finishes the work; on any other status NDIS does not call it, so run ` +
          `that completion logic yourself.`
        : `it can report ${failures(entry)}. Keep the status and handle failure before relying on the call's effect.`;
      out.push({
        ...range(callee),
        message: `The status ${code(name)} returns is ignored, but ${why}`,
      });
    }
    return out;
  },
};

/** 'bare' for `f(...);`, 'cast' for `(VOID)f(...);`, null when the value is used. */
function discard(call: Node): 'bare' | 'cast' | null {
  let n: Node = call;
  let cast = false;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (p.type === 'parenthesized_expression') continue;
    if (p.type === 'cast_expression' && /^(void|VOID)$/.test(p.childForFieldName('type')?.text ?? '')) { cast = true; continue; }
    if (p.type === 'expression_statement' || (p.type === 'comma_expression' && p.childForFieldName('left')?.id === n.id)) {
      return cast ? 'cast' : 'bare';
    }
    return null;
  }
  return null;
}

function mayPend(e: CatalogEntry): boolean {
  return e.returnsStatuses.includes('NDIS_STATUS_PENDING') || /may return NDIS_STATUS_PENDING/.test(e.completes ?? '');
}

function failures(e: CatalogEntry): string {
  const list = e.returnsStatuses.filter((s) => s !== 'NDIS_STATUS_SUCCESS').slice(0, 3);
  return list.length ? `${list.join(', ')}${e.returnsStatuses.length - 1 > list.length ? ' and others' : ''}` : 'a failure';
}
