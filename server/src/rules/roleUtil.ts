// Helpers for the role, IRQL and handler-table rules: where a function is bound, which execution contexts it runs in,
// what made the driver the kind it is, and the shape of a definition's parameter list.
import type { Node } from 'web-tree-sitter';
import { callArguments } from '../syntax/nodes';
import { arityOf } from '../analysis/chunks';
import type { IrqlLevel } from '../catalog/types';
import { CONTEXT_BY_NAME, CONTEXT_TYPES } from '../catalog/contexts';
import type { FunctionInfo } from '../analysis/fileAnalysis';
import type { DriverKind } from '../analysis/workspace';
import type { Finding, Fix, RuleContext } from './types';
import { code, lineOf, rolesOf } from './util';

type Related = NonNullable<Finding['related']>[number];

/** The last path segment of a URI, for messages that point at another file. */
export function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try { return decodeURIComponent(last); } catch { return last; }
}

/** Where `name` is bound to callback `entry`, in words ("declared `PROTOCOL_CM_CLOSE_CALL` at line 12"), with a related range. */
export function bindingSite(name: string, entry: string, ctx: RuleContext): { text: string; related?: Related } {
  const local = ctx.file.bindingsOf(name).filter((b) => b.entry.name === entry);
  const b = local.find((x) => x.via === 'role-type') ?? local[0];
  if (b) {
    const what = b.via === 'role-type' ? `declared ${code(entry)}` : `assigned to ${code(b.field ?? '')}`;
    return { text: `${what} at line ${lineOf(ctx.file.text, b.start)}`, related: { start: b.start, end: b.end, message: what } };
  }
  const remote = ctx.workspace.bindingsOf(name).filter((x) => x.entry === entry && x.uri !== ctx.file.uri);
  const r = remote.find((x) => x.via === 'role-type') ?? remote[0];
  if (!r) return { text: `bound as ${code(entry)}` };
  return { text: `${r.via === 'role-type' ? `declared ${code(entry)}` : `assigned to ${code(r.field ?? '')}`} in ${fileName(r.uri)}` };
}

export interface ExecContext {
  irql: IrqlLevel;
  /** "a ProtocolCmCloseCall handler", "an NDIS timer function". */
  what: string;
  /** "declared `NDIS_TIMER_FUNCTION` at line 4", "assigned to `CmCloseCallHandler` in register.c"; empty when the name says it. */
  where: string;
  related?: Related;
}

/**
 * Returns a lookup of the execution contexts a function is known to run in: the CoNDIS callbacks it implements
 * (their catalog IRQL), timer/DPC/work-item bindings in any file, and DriverEntry by name.
 */
export function contextLookup(ctx: RuleContext): (fn: FunctionInfo) => ExecContext[] {
  const local = ctx.file.summary().contexts ?? [];
  return (fn) => {
    const out: ExecContext[] = [];
    for (const role of rolesOf(fn, ctx)) {
      if (!role.irql.max) continue;
      const site = bindingSite(fn.name, role.name, ctx);
      out.push({ irql: role.irql.max, what: role.conventionalName ? `a ${role.conventionalName} handler` : `a ${code(role.name)} callback`, where: site.text, related: site.related });
    }
    const seen = new Set<string>();
    for (const c of local) {
      const t = CONTEXT_TYPES[c.type];
      if (c.name !== fn.name || !t || seen.has(c.type)) continue;
      seen.add(c.type);
      const where = `bound as ${code(c.type)} at line ${lineOf(ctx.file.text, c.start)}`;
      out.push({ irql: t.irql, what: t.what, where, related: { start: c.start, end: c.end, message: `bound as ${c.type}` } });
    }
    for (const c of ctx.workspace.contextsOf(fn.name)) {
      const t = CONTEXT_TYPES[c.type];
      if (c.uri === ctx.file.uri || !t || seen.has(c.type)) continue;
      seen.add(c.type);
      out.push({ irql: t.irql, what: t.what, where: `bound as ${code(c.type)} in ${fileName(c.uri)}` });
    }
    const byName = CONTEXT_BY_NAME[fn.name];
    if (byName && !seen.has(byName)) out.push({ irql: CONTEXT_TYPES[byName].irql, what: CONTEXT_TYPES[byName].what, where: '' });
    return out;
  };
}

/** Registration calls and table types that make a driver each kind, strongest first (mirrors workspace.classify). */
const KIND_EVIDENCE: Partial<Record<DriverKind, string[]>> = {
  'miniport-call-manager': ['NdisMCmRegisterAddressFamilyEx', 'NdisMCmRegisterAddressFamily', 'NdisMRegisterMiniportDriver',
    'NDIS_MINIPORT_DRIVER_CHARACTERISTICS', 'NDIS_MINIPORT_CHARACTERISTICS'],
  'call-manager': ['NdisCmRegisterAddressFamilyEx', 'NdisCmRegisterAddressFamily', 'NdisRegisterProtocolDriver',
    'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS', 'NDIS_CALL_MANAGER_CHARACTERISTICS'],
};

/** Why the file belongs to a driver of `kind`, strongest evidence first: "it calls `NdisMCmRegisterAddressFamilyEx` at line 40". */
export function kindReason(kind: DriverKind, ctx: RuleContext): string {
  // Once per version of the file: it searches the whole text, and rules ask it for every item with a finding.
  return ctx.file.memo(`kindReason:${kind}`, () => kindReasonOnce(kind, ctx));
}

function kindReasonOnce(kind: DriverKind, ctx: RuleContext): string {
  const dir = ctx.file.uri.slice(0, ctx.file.uri.lastIndexOf('/') + 1);
  const verb = (n: string) => (/^[A-Z0-9_]+$/.test(n) ? 'uses' : 'calls');
  for (const n of KIND_EVIDENCE[kind] ?? []) {
    if (ctx.file.summary().evidence.includes(n)) {
      const at = occurrences(ctx, n).find((x) => x.type === 'type_identifier' || x.parent?.type === 'call_expression');
      return `it ${verb(n)} ${code(n)}${at ? ` at line ${lineOf(ctx.file.text, at.startIndex)}` : ''}`;
    }
    let best: { uri: string; shared: number } | undefined;
    for (const f of ctx.workspace.summaries()) {
      if (f.uri === ctx.file.uri || !f.evidence.includes(n)) continue;
      let shared = 0;
      while (shared < dir.length && dir[shared] === f.uri[shared]) shared++;
      if (!best || shared > best.shared) best = { uri: f.uri, shared };
    }
    if (best) return `${fileName(best.uri)} ${verb(n)} ${code(n)}`;
  }
  return 'the `condis.driverRole` setting says so';
}

/**
 * The identifier-like nodes spelling `name` in the file (or only in the item a view is narrowed to), found through the
 * text: cheaper than walking the tree.
 */
export function occurrences(ctx: RuleContext, name: string, inScopeOnly = false): Node[] {
  const out: Node[] = [];
  const from = inScopeOnly && ctx.file.chunk ? ctx.file.chunk.start : 0;
  const text = inScopeOnly && ctx.file.chunk ? ctx.file.text.slice(from, ctx.file.chunk.end) : ctx.file.text;
  for (let j = text.indexOf(name); j >= 0; j = text.indexOf(name, j + name.length)) {
    const i = from + j;
    const n = ctx.file.nodeAt(i, i + name.length);
    if (n && n.startIndex === i && n.text === name && /identifier$/.test(n.type)) out.push(n);
  }
  return out;
}

/** How many parameters a definition declares: unnamed ones count, `(VOID)` is none; null when variadic or unreadable. */
export function definedParamCount(fn: FunctionInfo): number | null {
  return arityOf(fn.node);
}

/** The callee identifier of a call, when it is a plain name. */
export function calleeOf(call: Node): Node | null {
  const fn = call.childForFieldName('function');
  return fn?.type === 'identifier' ? fn : null;
}

/**
 * The fix that switches a call from `from` to its counterpart `to`: rename the callee when the parameter lists match;
 * also drop the leading binding handle when `to` is `from` without it (`NdisCoOidRequest` -> `NdisMCmOidRequest`).
 */
export function counterpartFix(call: Node, callee: Node, from: string, to: string, ctx: RuleContext): Fix | undefined {
  const a = ctx.catalog.entry(from)?.params.map((p) => p.type) ?? [];
  const b = ctx.catalog.entry(to)?.params.map((p) => p.type) ?? [];
  const args = callArguments(call);
  const rename = { start: callee.startIndex, end: callee.endIndex, newText: to };
  if (a.length === b.length && a.every((t, i) => t === b[i])) return { title: `Use ${to}`, changes: [rename], preferred: true };
  const dropsBinding = ctx.catalog.entry(from)?.params[0]?.name === 'NdisBindingHandle' && a.length === b.length + 1 &&
    b.every((t, i) => t === a[i + 1]) && args.length === a.length;
  if (!dropsBinding) return undefined;
  return {
    title: `Use ${to} (without the binding handle)`,
    changes: [rename, { start: args[0].startIndex, end: args[1].startIndex, newText: '' }],
    preferred: true,
  };
}
