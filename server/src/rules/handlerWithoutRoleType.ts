// handler-without-role-type: a function put in a handler table but never declared with its role typedef
// (`PROTOCOL_CM_CLOSE_CALL MyCloseCall;`), so Code Analysis and Static Driver Verifier cannot tell what it is.
// Handlers bound only in NDIS 5 characteristics tables are not reported: that code predates role types.
import { blankAnnotations } from '../syntax/blank';
import type { FunctionInfo } from '../analysis/fileAnalysis';
import type { Finding, Fix, Rule, RuleContext } from './types';
import { code, lineBreak, lineOf } from './util';
import { definedParamCount, fileName } from './roleUtil';
import { trusted } from './trustedRoles';

/** NDIS 5 tables predate role types: a driver that only has those is legacy code, and the hint would be noise. */
const NDIS5_TABLES = ['NDIS_CALL_MANAGER_CHARACTERISTICS', 'NDIS_CLIENT_CHARACTERISTICS', 'NDIS_PROTOCOL_CHARACTERISTICS', 'NDIS_MINIPORT_CHARACTERISTICS'];
const NDIS6_TABLES = ['NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS', 'NDIS_CO_CLIENT_OPTIONAL_HANDLERS', 'NDIS_PROTOCOL_DRIVER_CHARACTERISTICS', 'NDIS_MINIPORT_DRIVER_CHARACTERISTICS'];
function isLegacyOnly(evidence: readonly string[]): boolean {
  return NDIS5_TABLES.some((t) => evidence.includes(t)) && !NDIS6_TABLES.some((t) => evidence.includes(t));
}

export const handlerWithoutRoleType: Rule = {
  id: 'handler-without-role-type',
  defaultSeverity: 'information',
  scope: 'workspace',
  summary: 'A handler-table function has no role-type declaration, so analysis tools cannot check its role or IRQL.',
  check(ctx) {
    const out: Finding[] = [];
    const { file } = ctx;
    for (const fn of file.functions()) {
      const v = verdictFor(fn.name, definedParamCount(fn) ?? -1, ctx);
      if (!v) continue;
      const { fields, roles, entry, example } = v;
      out.push({
        start: fn.nameNode.startIndex,
        end: fn.nameNode.endIndex,
        message: `${code(fn.name)} is assigned to ${code(fields[0].field ?? '')} (${fields[0].where()}) but never declared with its ` +
          `role type, so Code Analysis and Static Driver Verifier cannot tell it is ${roles.length === 1 && entry?.conventionalName
            ? `a ${entry.conventionalName} handler` : 'a handler'} or check its IRQL. Declare it as ${example} before the definition.`,
        // Definitions of other shapes (`#if`/`#else` arms) have other roles: one declaration would contradict their
        // entries, so each must be declared in its own arm, by hand.
        fixes: roles.length === 1 && !otherShapes(fn.name, definedParamCount(fn) ?? -1, ctx) ? [declare(fn, roles[0], file.text, lineBreak(file))] : undefined,
      });
    }
    return out;
  },
};

/**
 * What is said of every definition of `name`, or null when nothing is: it depends on the name alone, so it is worked out
 * once per name and version (a file of repeated code binds one name thousands of times, for each of its definitions).
 */
function verdictFor(name: string, arity: number, ctx: RuleContext) {
  const { file, workspace } = ctx;
  return file.memo(`handlerWithoutRoleType:${name}:${arity}`, () => {
    const evidenceOf = (uri: string) => (uri === file.uri ? file.summary().evidence
      : [...workspace.summaries()].find((f) => f.uri === uri)?.evidence ?? []);
    const local = file.bindingsOf(name);
    const remote = workspace.bindingsOf(name).filter((b) => b.uri !== file.uri);
    if (local.some((b) => b.via === 'role-type') || remote.some((b) => b.via === 'role-type')) return null;
    // Entries of another shape than this definition are mistakes in their tables (handler-table-mismatch says so there):
    // the role to declare comes from the entries that fit it.
    const fields = trusted([
      ...local.filter((b) => b.via === 'handler-field').map((b) => ({ entry: b.entry.name, via: b.via, field: b.field, uri: file.uri, where: () => `at line ${lineOf(file.text, b.start)}` })),
      ...remote.filter((b) => b.via === 'handler-field').map((b) => ({ entry: b.entry, via: b.via, field: b.field, uri: b.uri, where: () => `in ${fileName(b.uri)}` })),
    ], arity, ctx.catalog)
      // An NDIS 5 function-pointer typedef (`CO_REQUEST_HANDLER`) has no role type to declare a function with:
      // `CO_REQUEST_HANDLER Fn;` would declare a pointer variable, not the function.
      .filter((b) => ctx.catalog.entry(b.entry)?.declarationForm.startsWith('role type'));
    if (!fields.length) return null;
    // Bound only in NDIS 5 characteristics tables (in files that have no NDIS 6 table): legacy code, left alone.
    const bindingFiles = fields.map((b) => b.uri);
    if (bindingFiles.every((u) => isLegacyOnly(evidenceOf(u)))) return null;
    const roles = [...new Set(fields.map((f) => f.entry))];
    const entry = ctx.catalog.entry(roles[0]);
    const example = roles.length === 1 ? `${code(`${roles[0]} ${name};`)}` : roles.map(code).join(' or ');
    return { fields, roles, entry, example };
  });
}

/** Whether `name` has a definition in the driver with another parameter count than `arity`. */
function otherShapes(name: string, arity: number, ctx: RuleContext): boolean {
  return ctx.file.memo(`otherShapes:${name}:${arity}`, () => ctx.file.chunks().some((c) => c.facts.fn?.name === name && c.facts.fn.arity !== arity) ||
    ctx.workspace.aritiesOf(name).some((a) => a.uri !== ctx.file.uri && a.arity !== arity));
}

/** Inserts `ROLE Name;` on its own line above the definition and above any annotation-only lines that lead it. */
function declare(fn: FunctionInfo, role: string, text: string, nl: string): Fix {
  let at = text.lastIndexOf('\n', fn.node.startIndex - 1) + 1;
  for (;;) {
    if (at === 0) break;
    const prev = text.lastIndexOf('\n', at - 2) + 1;
    const line = text.slice(prev, at - 1);
    if (!line.trim() || blankAnnotations(line).trim()) break; // blank, or real code: stop here
    at = prev;
  }
  const indent = /^[ \t]*/.exec(text.slice(at))?.[0] ?? '';
  const isStatic = fn.node.namedChildren.some((c) => c?.type === 'storage_class_specifier' && c.text === 'static');
  return {
    title: `Declare ${fn.name} as ${role}`,
    changes: [{ start: at, end: at, newText: `${indent}${isStatic ? 'static ' : ''}${role} ${fn.name};${nl}` }],
    preferred: true,
  };
}
