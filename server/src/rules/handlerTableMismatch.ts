// handler-table-mismatch: a handler-table field holds a function of another role (its role-type declaration says so),
// or one whose definition has the wrong number of parameters, or (no declaration) one written for another of its entries
// (displacedEntries.ts); and a stand-alone call manager's
// NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS that leaves an entry out or NULL (such a CM must fill every entry).
import type { Node } from 'web-tree-sitter';
import { handlerTablesOf } from '../catalog/handlerTables';
import type { Finding, Rule, RuleContext } from './types';
import { code, lineOf, range } from './util';
import { fileName, kindReason, occurrences } from './roleUtil';
import { argumentCount, fits } from './trustedRoles';
import { displacedFrom } from './displacedEntries';

const CM_TABLE = 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS';
/** Calls that may take the table's address without filling it. */
const HARMLESS = /^(NdisSetOptionalHandlers|NdisZeroMemory|RtlZeroMemory|memset)$/;

export const handlerTableMismatch: Rule = {
  id: 'handler-table-mismatch',
  defaultSeverity: 'warning',
  scope: 'workspace',
  summary: 'A handler-table entry holds a function of the wrong role or shape, or a stand-alone call manager leaves an entry empty.',
  // A table that is a function's local is checked with that function; a global one with the whole file.
  check: (ctx) => [...wrongRole(ctx), ...wrongShape(ctx), ...displaced(ctx), ...ctx.workspace.roleOf(ctx.file.uri) === 'call-manager' ? emptyEntries(ctx, 'local') : []],
  checkFile: (ctx) => ctx.workspace.roleOf(ctx.file.uri) === 'call-manager' ? emptyEntries(ctx, 'global') : [],
};

/** Where a binding or definition is, kept as an offset in this file or another file's URI; put into words only for a finding. */
type Site = { start: number } | { uri: string };
const where = (site: Site, ctx: RuleContext) => ('uri' in site ? fileName(site.uri) : `line ${lineOf(ctx.file.text, site.start)}`);

/** Role-type declarations of `name` anywhere in the driver: entry name -> where. */
function declaredRoles(name: string, ctx: RuleContext): Map<string, Site> {
  // Once per name and version (see rolesOf).
  return ctx.file.memo(`declaredRoles:${name}`, () => {
    const out = new Map<string, Site>();
    for (const b of ctx.file.bindingsOf(name)) if (b.via === 'role-type') out.set(b.entry.name, { start: b.start });
    for (const b of ctx.workspace.bindingsOf(name)) if (b.via === 'role-type' && b.uri !== ctx.file.uri && !out.has(b.entry)) out.set(b.entry, { uri: b.uri });
    return out;
  });
}

/** Every handler field `name` is assigned to in the driver, each field once with its first site. */
function fieldsOf(name: string, ctx: RuleContext): { field: string; site: Site }[] {
  return ctx.file.memo(`handlerFields:${name}`, () => {
    const out = new Map<string, Site>();
    for (const b of ctx.file.bindingsOf(name)) if (b.via === 'handler-field' && b.field && !out.has(b.field)) out.set(b.field, { start: b.start });
    for (const b of ctx.workspace.bindingsOf(name)) {
      if (b.via === 'handler-field' && b.field && b.uri !== ctx.file.uri && !out.has(b.field)) out.set(b.field, { uri: b.uri });
    }
    return [...out].map(([field, site]) => ({ field, site }));
  });
}

/** The definitions of `name` in the driver: how many parameters each declares (-1: unknown) and where. */
function definitionsOf(name: string, ctx: RuleContext): { arity: number; site: Site }[] {
  const local = ctx.file.memo('localArities', () => {
    const m = new Map<string, { arity: number; site: Site }[]>();
    for (const c of ctx.file.chunks()) {
      if (!c.facts.fn) continue;
      const l = m.get(c.facts.fn.name) ?? [];
      l.push({ arity: c.facts.fn.arity, site: { start: c.start } });
      m.set(c.facts.fn.name, l);
    }
    return m;
  });
  const remote = ctx.workspace.aritiesOf(name).filter((a) => a.uri !== ctx.file.uri).map((a) => ({ arity: a.arity, site: { uri: a.uri } }));
  return [...local.get(name) ?? [], ...remote];
}

/** The handler-field assignments in scope (the view's item, or the whole file). */
function fieldBindings(ctx: RuleContext): { name: string; field: string; entry: string; start: number; end: number }[] {
  const chunks = ctx.file.chunk ? [ctx.file.chunk] : ctx.file.chunks();
  return chunks.flatMap((c) => c.facts.bindings.filter((b) => b.via === 'handler-field' && b.field)
    .map((b) => ({ name: b.name, field: b.field!, entry: b.entry, start: c.start + b.start, end: c.start + b.end })));
}

const handlerName = (e: { conventionalName?: string | null; name: string }) => e.conventionalName ?? e.name;

/**
 * An entry holding a function declared with a role type none of whose declarations fits the field (declarations in
 * `#if`/`#else` arms are alternatives: one that fits is enough). Reported at the entry, which is where the mistake is
 * when another entry of the function fits its declaration.
 */
function wrongRole(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const b of fieldBindings(ctx)) {
    const entry = ctx.catalog.entry(b.entry);
    const declared = declaredRoles(b.name, ctx);
    if (!entry || !declared.size || [...declared.keys()].some((r) => fits(r, b.field, ctx.catalog))) continue;
    const [role, site] = [...declared][0];
    const agrees = fieldsOf(b.name, ctx).find((f) => [...declared.keys()].some((r) => fits(r, f.field, ctx.catalog)));
    out.push({
      start: b.start, end: b.end,
      message: `${code(b.name)} is declared ${code(role)} (${where(site, ctx)}) but assigned to ${code(b.field)}, which NDIS calls as ` +
        `${handlerName(entry)} (${code(entry.name)}) with other arguments. ` +
        (agrees ? `Its entry ${code(agrees.field)} (${where(agrees.site, ctx)}) fits the declaration, so this entry is the mistake: assign a ${handlerName(entry)} handler here.`
          : `Assign a ${handlerName(entry)} handler here, or correct the declaration if ${code(b.name)} is one.`),
    });
  }
  return out;
}

/**
 * An entry holding a function whose every definition (one per `#if` arm) has another number of parameters than NDIS
 * passes through that field. Reported at the entry; the definition is named, and a change to it is suggested only
 * when no other entry of the function fits it as it is.
 */
function wrongShape(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const b of fieldBindings(ctx)) {
    const entry = ctx.catalog.byHandlerField(b.field);
    const want = entry?.params.length;
    if (!entry || want === undefined) continue;
    const defs = definitionsOf(b.name, ctx);
    if (!defs.length || defs.some((d) => d.arity < 0 || d.arity === want)) continue;
    const declared = declaredRoles(b.name, ctx);
    if (declared.size && ![...declared.keys()].some((r) => fits(r, b.field, ctx.catalog))) continue; // wrong-role explains it
    const def = defs[0];
    const agrees = fieldsOf(b.name, ctx).find((f) => f.field !== b.field &&
      defs.some((d) => d.arity === argumentCount(ctx.catalog.byHandlerField(f.field)?.name ?? '', ctx.catalog)));
    out.push({
      start: b.start, end: b.end,
      message: `${code(b.name)} is assigned to ${code(b.field)}, where NDIS calls a ${handlerName(entry)} handler with ${want} ` +
        `argument${want === 1 ? '' : 's'} (${entry.params.map((p) => p.name).join(', ')}), but it is defined with ${def.arity} (${where(def.site, ctx)}). ` +
        (agrees ? `Its entry ${code(agrees.field)} (${where(agrees.site, ctx)}) fits that definition, so this entry is the mistake: assign a ${handlerName(entry)} handler here.`
          : `Assign a ${handlerName(entry)} handler here, or give ${code(b.name)} the parameter list of ${code(entry.name)}.`),
    });
  }
  return out;
}

/**
 * An entry of a table without role-type declarations (NDIS 5 characteristics) holding a function of the same shape
 * written for another of its entries (displacedEntries.ts says from what evidence): a copy-paste slip in the table.
 */
function displaced(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const b of fieldBindings(ctx)) {
    const entry = ctx.catalog.byHandlerField(b.field);
    if (!entry || declaredRoles(b.name, ctx).size) continue; // a declaration: wrongRole judges
    const fields = fieldsOf(b.name, ctx);
    const d = displacedFrom(b.name, entry, fields.filter((f) => f.field !== b.field), ctx);
    if (!d) continue;
    const other = fields.find((f) => f.field === d.field)!;
    const orphanAt = (o: { name: string; uri: string }) => (o.uri === ctx.file.uri
      ? where({ start: ctx.file.chunks().find((c) => c.facts.fn?.name === o.name)?.start ?? 0 }, ctx) : fileName(o.uri));
    out.push({
      start: b.start, end: b.end,
      message: `${code(b.name)} is assigned to ${code(b.field)}, where NDIS calls a ${handlerName(entry)} handler, but it was written as a ` +
        `${handlerName(d.role)} handler: ` + (d.orphan ? `its parameters are those of ${code(d.role.name)}` : `it calls ${code(d.completion!)}`) +
        `, and its entry ${code(d.field)} (${where(other.site, ctx)}) holds it as that. ` +
        (d.orphan ? `${code(d.orphan.name)} (${orphanAt(d.orphan)}), written as a ${handlerName(entry)} handler, is in no table: assign it here.`
          : `Assign a ${handlerName(entry)} handler here.`),
    });
  }
  return out;
}

function emptyEntries(ctx: RuleContext, scope: 'local' | 'global'): Finding[] {
  const out: Finding[] = [];
  const required = requiredFields(ctx);
  let reason: string | undefined;
  const sites = scope === 'local' ? occurrences(ctx, CM_TABLE, true)
    // A global table is declared in an item that is no function and names the type (its facts say so).
    : ctx.file.chunks().filter((c) => !c.facts.fn && c.facts.evidence.includes(CM_TABLE))
      .flatMap((c) => occurrences({ ...ctx, file: ctx.file.view(c) }, CM_TABLE, true));
  // A global table name declared more than once (a file of repeated code): which declaration a use fills cannot be
  // told, and following each one's uses through the whole file would cost their number squared.
  const declaredTwice = new Set<string>();
  if (scope === 'global') {
    const seen = new Set<string>();
    for (const type of sites) {
      for (const d of type.parent?.type === 'declaration' ? type.parent.childrenForFieldName('declarator') : []) {
        const name = (d?.type === 'init_declarator' ? d.childForFieldName('declarator') : d)?.text ?? '';
        if (seen.has(name)) declaredTwice.add(name); else seen.add(name);
      }
    }
  }
  for (const type of sites) {
    const decl = type.parent;
    if (decl?.type !== 'declaration' || decl.childForFieldName('type')?.id !== type.id) continue;
    if ((scopeOf(decl)?.type === 'function_definition') !== (scope === 'local')) continue;
    for (const d of decl.childrenForFieldName('declarator')) {
      const nameNode = d?.type === 'init_declarator' ? d.childForFieldName('declarator') : d;
      if (!d || nameNode?.type !== 'identifier' || declaredTwice.has(nameNode.text)) continue;
      const entries = filled(d, nameNode, decl, ctx);
      if (!entries || !entries.size) continue;
      reason ??= kindReason('call-manager', ctx);
      const missing = required.filter((f) => !entries.has(f));
      if (missing.length) {
        out.push({
          ...range(nameNode), severity: 'error',
          message: `${code(nameNode.text)} leaves ${missing.map(code).join(', ')} unset, but a stand-alone call manager (${reason}) ` +
            `must fill every entry of ${CM_TABLE}. Add a handler for each; one that returns NDIS_STATUS_NOT_SUPPORTED will do for ` +
            `an operation this call manager does not support.`,
        });
      }
      for (const [field, value] of entries) {
        if (!required.includes(field) || !isNull(value)) continue;
        out.push({
          start: value.startIndex, end: value.endIndex, severity: 'error',
          message: `${code(field)} is NULL, but a stand-alone call manager (${reason}) must fill every entry of ${CM_TABLE}. ` +
            `Assign a ${ctx.catalog.byHandlerField(field)?.conventionalName ?? 'handler'} function; it may return NDIS_STATUS_NOT_SUPPORTED.`,
        });
      }
    }
  }
  return out;
}

/** The handler fields of NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, per catalog (asked for every item otherwise). */
function requiredFields(ctx: RuleContext): readonly string[] {
  let out = required.get(ctx.catalog);
  if (!out) {
    out = ctx.catalog.handlerFields.filter((f) => handlerTablesOf(f, ctx.catalog.byHandlerField(f)?.handlerFieldNote ?? null).includes(CM_TABLE));
    required.set(ctx.catalog, out);
  }
  return out;
}

const required = new WeakMap<object, readonly string[]>();

/** The entries a table variable gets: from designated initializers, or `Var.Field = X` while Var never escapes. */
function filled(d: Node, nameNode: Node, decl: Node, ctx: RuleContext): Map<string, Node> | null {
  const out = new Map<string, Node>();
  const init = d.type === 'init_declarator' ? d.childForFieldName('value') : null;
  const pairs = init?.type === 'initializer_list' ? init.namedChildren.filter((c): c is Node => c?.type === 'initializer_pair') : [];
  for (const p of pairs) {
    const field = p.childForFieldName('designator')?.namedChild(0)?.text;
    const value = p.childForFieldName('value');
    if (field && value) out.set(field, value);
  }
  if (pairs.length) return out;
  if (init && !(init.type === 'initializer_list' && /^\{\s*0?\s*\}$/.test(init.text))) return null; // positional or copied
  // A local table's uses are in its function; a global one's anywhere in the file (found through the text: a large
  // edited file has several trees, ParsedText segments).
  const scope = scopeOf(decl);
  const uses = scope?.type === 'function_definition' ? scope.descendantsOfType('identifier') : occurrences({ ...ctx, file: { ...ctx.file, chunk: undefined } }, nameNode.text);
  for (const use of uses) {
    if (!use || use.text !== nameNode.text || use.id === nameNode.id) continue;
    const p = use.parent;
    if (p?.type === 'field_expression' && p.childForFieldName('argument')?.id === use.id) {
      const a = p.parent;
      const value = a?.type === 'assignment_expression' && a.childForFieldName('left')?.id === p.id ? a.childForFieldName('right') : null;
      if (value) out.set(p.childForFieldName('field')?.text ?? '', value);
      continue;
    }
    // `&H`, or `(PTYPE)&H`, which the parser reads as a bitwise and when it does not know PTYPE is a type.
    const castAnd = p?.type === 'binary_expression' && p.childForFieldName('operator')?.text === '&' &&
      p.childForFieldName('right')?.id === use.id && p.childForFieldName('left')?.type === 'parenthesized_expression';
    let up: Node | null = p?.type === 'pointer_expression' || castAnd ? p.parent : null;
    while (up && (up.type === 'cast_expression' || up.type === 'parenthesized_expression')) up = up.parent;
    const callee = up?.type === 'argument_list' ? up.parent?.childForFieldName('function')?.text ?? '' : '';
    if (HARMLESS.test(callee) || p?.type === 'sizeof_expression' || p?.parent?.type === 'sizeof_expression') continue;
    return null; // the table escapes: something else may fill it
  }
  return out;
}

/** The function a declaration is local to, or the translation unit. */
function scopeOf(decl: Node): Node | null {
  let scope: Node | null = decl.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'translation_unit') scope = scope.parent;
  return scope;
}

function isNull(v: Node): boolean {
  let n: Node | null = v;
  while (n && (n.type === 'cast_expression' || n.type === 'parenthesized_expression')) n = n.type === 'cast_expression' ? n.childForFieldName('value') : n.namedChild(0);
  return !!n && (n.type === 'null' || n.text === 'NULL' || n.text === '0');
}
