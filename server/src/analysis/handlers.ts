// Finds the user's CoNDIS handlers in one file: by role-type declaration or by assignment to a handler-table field.
import { Query, type Node, type Language } from 'web-tree-sitter';
import type { Catalog, CatalogEntry } from '../catalog';

export type HandlerEvidence = 'role-type' | 'handler-field';

export interface HandlerBinding {
  /** The user's function name. */
  name: string;
  /** The callback it implements (a role typedef entry such as PROTOCOL_CM_CLOSE_CALL). */
  entry: CatalogEntry;
  via: HandlerEvidence;
  /** For `handler-field`: the field it was assigned to. */
  field?: string;
  /** Offsets of the evidence (the declaration or the assignment). */
  start: number;
  end: number;
}

const QUERY_SOURCE = `
(declaration type: (type_identifier) @role declarator: (identifier) @name)
(initializer_pair designator: (field_designator (field_identifier) @field) value: (_) @value)
(assignment_expression left: (field_expression field: (field_identifier) @field) right: (_) @value)
`;

const QUERY_BUDGET_MS = 1_000;
const QUERY_BUDGET_MS_PER_MB = 250;

export class HandlerQueries {
  private readonly query: Query;
  constructor(language: Language) {
    this.query = new Query(language, QUERY_SOURCE);
  }

  /** The handler bindings inside `node`, in document order. */
  findIn(node: Node, catalog: Catalog): HandlerBinding[] {
    const out: HandlerBinding[] = [];
    // tree-sitter's query cursor is quadratic on some wide error nodes (20,000 unclosed `struct {` took 3.5 s):
    // past the budget the bindings found so far are used. Whole real files take a fraction of it.
    const deadline = performance.now() + QUERY_BUDGET_MS + (QUERY_BUDGET_MS_PER_MB * (node.endIndex - node.startIndex)) / 1_048_576;
    for (const m of this.query.matches(node, { progressCallback: () => performance.now() > deadline })) {
      const cap = (n: string) => m.captures.find((c) => c.name === n)?.node;
      const role = cap('role');
      if (role) {
        const entry = catalog.entry(role.text);
        const name = cap('name');
        if (entry && entry.kind === 'callback' && name) {
          const decl = role.parent ?? role;
          out.push({ name: name.text, entry, via: 'role-type', start: decl.startIndex, end: decl.endIndex });
        }
        continue;
      }
      const field = cap('field');
      const value = cap('value');
      if (!field || !value) continue;
      const entry = catalog.byHandlerField(field.text);
      const fn = functionNameOf(value);
      if (entry && fn) {
        const site = field.parent?.parent ?? field;
        out.push({ name: fn, entry, via: 'handler-field', field: field.text, start: site.startIndex, end: site.endIndex });
      }
    }
    return out;
  }
}

/** `Fn`, `&Fn`, `(CM_CLOSE_CALL_HANDLER)Fn` -> `Fn`. */
export function functionNameOf(value: Node): string | null {
  let v: Node | null = value;
  while (v) {
    if (v.type === 'identifier') return v.text;
    if (v.type === 'pointer_expression' || v.type === 'parenthesized_expression') v = v.namedChild(v.namedChildCount - 1);
    else if (v.type === 'cast_expression') v = v.childForFieldName('value');
    else return null;
  }
  return null;
}
