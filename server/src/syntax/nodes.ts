// Small, CoNDIS-agnostic helpers over tree-sitter C nodes.
import type { Node } from 'web-tree-sitter';
import type { Syntax } from './parsedText';

export const IDENTIFIER_TYPES = new Set(['identifier', 'type_identifier', 'field_identifier']);

/** The identifier-like leaf that touches `offset` (cursor just after a word counts), or null. */
export function identifierAt(syntax: Pick<Syntax, 'treeAt'>, offset: number): Node | null {
  for (const at of [offset, offset - 1]) {
    if (at < 0) continue;
    const n = syntax.treeAt(at)?.rootNode.descendantForIndex(at, at);
    if (n && IDENTIFIER_TYPES.has(n.type) && n.startIndex <= offset && offset <= n.endIndex) return n;
  }
  return null;
}

/** Whether `offset` lies inside a comment or a string/char literal. */
export function inCommentOrString(syntax: Pick<Syntax, 'treeAt'>, offset: number): boolean {
  // At the very end of a `//` comment (end of file) only the character before the cursor lies in it.
  const at = Math.max(0, offset - 1);
  let n: Node | null = syntax.treeAt(at)?.rootNode.descendantForIndex(at, offset) ?? null;
  // Comments and literals are leaves or a level or two above them; `.parent` costs O(depth) in web-tree-sitter,
  // so climbing to the root would be quadratic on deeply nested code.
  for (let up = 0; n && up < 4; up++) {
    const t = n.type;
    if ((t === 'comment' || t === 'string_literal' || t === 'char_literal' || t === 'system_lib_string') &&
        n.startIndex < offset && offset < n.endIndex) return true;
    if (t === 'comment' && n.startIndex < offset && offset <= n.endIndex && n.text.startsWith('//')) return true;
    n = n.parent;
  }
  return false;
}

/** The callee name of a call_expression when it is a plain identifier. */
export function calleeName(call: Node): string | null {
  const fn = call.childForFieldName('function');
  return fn && fn.type === 'identifier' ? fn.text : null;
}

/** The argument expressions of a call (comments and punctuation dropped). */
export function callArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

/** The name declared by a declarator (peels pointers, arrays, function declarators, parentheses). */
export function declaratorName(decl: Node | null): Node | null {
  let d = decl;
  while (d) {
    if (d.type === 'identifier' || d.type === 'field_identifier' || d.type === 'type_identifier') return d;
    const inner = d.childForFieldName('declarator') ?? (d.type === 'parenthesized_declarator' ? d.namedChild(0) : null);
    if (!inner) return null;
    d = inner;
  }
  return null;
}
