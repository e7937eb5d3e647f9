// Small, CoNDIS-agnostic helpers over tree-sitter C nodes.
import type { Node } from 'web-tree-sitter';
import type { Syntax } from './parsedText';

export const IDENTIFIER_TYPES = new Set(['identifier', 'type_identifier', 'field_identifier']);

/** An array of node types that answers `includes` from a Set (see typeList). */
class TypeList extends Array<string> {
  // Array methods (map, filter, ...) make plain arrays, not lists built from a length.
  static get [Symbol.species](): ArrayConstructor { return Array; }
  private readonly set: Set<string>;
  constructor(types: readonly string[]) {
    super();
    this.push(...types);
    this.set = new Set(types);
  }
  override includes(type: string): boolean { return this.set.has(type); }
}

/**
 * Node types for `descendantsOfType`, made once per list. web-tree-sitter matches every symbol of the grammar (363 in
 * tree-sitter-c) against the list with `includes` on each call: with 12 types that is about 8 µs a call before the walk
 * starts, 14 -> 6 µs for a small body (bench/README.md). Everywhere else it is a plain array of the same types.
 */
export function typeList(...types: string[]): string[] {
  return new TypeList(types);
}

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

/** How many siblings are stepped with Node.nextSibling before a cursor takes over (see rootChildrenFrom). */
const FEW_SIBLINGS = 16;

/**
 * The root's children from the first one that ends after `from`, in order. Node.nextSibling costs time in
 * proportion to the node's index among its siblings (tree-sitter looks it up from the parent), so stepping through
 * thousands of siblings with it is quadratic: an edit that deleted most of 10,000 nested `if`s left 10,000 `}` at the
 * top level and took 5 s. After a few siblings a cursor takes over, which steps in constant time.
 */
export function* rootChildrenFrom(root: Node, from: number): Generator<Node> {
  let n = root.firstChildForIndex(from);
  for (let k = 0; n && k < FEW_SIBLINGS; k++) {
    yield n;
    n = n.nextSibling;
  }
  if (!n) return;
  const cursor = root.walk();
  try {
    if (!cursor.gotoFirstChild()) return;
    const start = n.startIndex;
    const id = n.id;
    while (cursor.startIndex < start || cursor.nodeId !== id) if (!cursor.gotoNextSibling()) return;
    do yield cursor.currentNode; while (cursor.gotoNextSibling());
  } finally {
    cursor.delete();
  }
}
