// What the cursor is on, for navigation: a `return NDIS_STATUS_PENDING` (its function), a completion function called
// (with the function making the call), or a plain name; read from the open document's syntax tree.
import type { Node } from 'web-tree-sitter';
import type { Lifecycle } from '../../catalog/lifecycle';
import type { OpenDocument } from '../../documents';
import { identifierAt } from '../../syntax/nodes';

export type NavTarget =
  /** `return NDIS_STATUS_PENDING;` inside function `fn`. */
  | { kind: 'pending'; fn: string; start: number; end: number }
  /** A completion function's name at a call (`NdisCmCloseCallComplete(...)`), made in function `caller`. */
  | { kind: 'completion'; callee: string; caller?: string; start: number; end: number }
  /** Any other identifier; `fn`: the function the cursor is in. */
  | { kind: 'name'; name: string; fn?: string; start: number; end: number };

/** How far up from the token under the cursor a return statement is looked for (`return (NDIS_STATUS_PENDING);`). */
const RETURN_DEPTH = 4;

export function targetAt(doc: OpenDocument, offset: number, lifecycle: Lifecycle, functions: () => { name: string; node: Node }[]): NavTarget | null {
  if (!doc.parsed.hasTree) return null;
  const enclosing = (at: number) => functions().find((f) => f.node.startIndex <= at && at < f.node.endIndex)?.name;
  const id = identifierAt(doc.parsed, offset);
  const token = id ?? doc.parsed.treeAt(offset)?.rootNode.descendantForIndex(offset, offset) ?? null;
  // The return statement around the cursor (on `return`, on the status, or on the `;`), a few levels up at most.
  let n: Node | null = token;
  for (let i = 0; n && i < RETURN_DEPTH && n.type !== 'return_statement'; i++) n = n.parent;
  if (n?.type === 'return_statement') {
    const value = n.namedChildren.find((c) => c && c.type !== 'comment');
    const text = value?.text.replace(/[()\s]/g, '');
    if (text === 'NDIS_STATUS_PENDING') {
      const fn = enclosing(n.startIndex);
      if (fn) return { kind: 'pending', fn, start: n.startIndex, end: n.endIndex };
    }
  }
  if (!id || id.type !== 'identifier') return null;
  const name = id.text;
  const call = id.parent?.type === 'call_expression' && id.parent.childForFieldName('function')?.startIndex === id.startIndex;
  if (call && lifecycle.effectOf(name)?.completesHandler) {
    return { kind: 'completion', callee: name, caller: enclosing(id.startIndex), start: id.startIndex, end: id.endIndex };
  }
  return { kind: 'name', name, fn: enclosing(id.startIndex), start: id.startIndex, end: id.endIndex };
}
