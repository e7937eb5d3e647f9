// Which of a function's handler bindings say what it is. A role-type declaration wins over a table entry that
// contradicts it, and an entry whose parameter count the definition has wins over one it lacks: the entries that lose
// are mistakes in a table, reported at the entry (handler-table-mismatch), and the rules that judge the function by
// its role ignore them. Each definition is judged by its own shape, so two definitions in `#if`/`#else` arms keep
// the roles of their own arm.
import type { Catalog } from '../catalog';

export interface RoleBinding { entry: string; via: string; field?: string }

/** A declared role fits a handler field when it is the field's callback or lists the field itself. */
export function fits(role: string, field: string, catalog: Catalog): boolean {
  return catalog.byHandlerField(field)?.name === role || !!catalog.entry(role)?.handlerFields.includes(field);
}

/** How many arguments NDIS passes the callback `entry`; undefined when the catalog does not say. */
export function argumentCount(entry: string, catalog: Catalog): number | undefined {
  return catalog.entry(entry)?.params.length;
}

/**
 * The bindings that say what a function of `arity` parameters (-1 or null: unknown) implements: with role-type
 * declarations, those and the entries that fit one of them; without, the entries of its shape when there are any.
 */
export function trusted<B extends RoleBinding>(bindings: readonly B[], arity: number | null, catalog: Catalog): B[] {
  const declared = bindings.filter((b) => b.via === 'role-type').map((b) => b.entry);
  if (declared.length) return bindings.filter((b) => b.via === 'role-type' || !b.field || declared.some((r) => fits(r, b.field!, catalog)));
  if (arity === null || arity < 0) return [...bindings];
  const shaped = bindings.filter((b) => argumentCount(b.entry, catalog) === arity);
  return shaped.length ? shaped : [...bindings];
}
