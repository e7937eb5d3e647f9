// Turns catalog entries into the Markdown our hovers, completion docs and signature help show.
import type { CatalogEntry, ParamFact, StatusEntry } from '../catalog';
import { handlerTablesOf } from '../catalog/handlerTables';
import type { HandlerBinding } from '../analysis/handlers';

export const ROLE_LABEL: Record<string, string> = {
  'call-manager': 'stand-alone call manager',
  'miniport-call-manager': 'miniport call manager (MCM)',
  client: 'CoNDIS client',
  miniport: 'CoNDIS miniport',
  any: 'any CoNDIS driver',
};

export function annotationOf(p: ParamFact): string {
  if (p.annotation && p.annotation.startsWith('_')) return p.annotation;
  const base = p.direction === 'inout' ? '_Inout_' : p.direction === 'out' ? '_Out_' : '_In_';
  return p.optional ? base.replace(/_$/, '_opt_') : base;
}

/** The C shape a user writes: `RET Name(\n    _In_ T P,\n ...)`; callbacks use their conventional name. */
export function prototypeOf(e: CatalogEntry): string {
  const fn = e.kind === 'callback' ? (e.conventionalName ?? e.name) : e.name;
  if (e.params.length === 0) return `${e.returnType || 'VOID'} ${fn}(VOID);`;
  const width = Math.max(...e.params.map((p) => annotationOf(p).length));
  const lines = e.params.map((p, i) =>
    `    ${annotationOf(p).padEnd(width)} ${p.type} ${p.name}${i < e.params.length - 1 ? ',' : ''}`);
  return `${e.returnType || 'VOID'} ${fn}(\n${lines.join('\n')});`;
}

export function paramLabel(p: ParamFact): string {
  const dir = p.direction === 'inout' ? 'in, out' : p.direction;
  return `${dir}${p.optional ? ', optional' : ''}`;
}

function link(e: CatalogEntry): string {
  return e.docUrl ? `[Reference page: ${e.name}](${e.docUrl})` : 'No current reference page: the declaration lives in `ndis.h` only.';
}

function factsLine(e: CatalogEntry): string {
  const parts: string[] = [];
  if (e.kind === 'callback') parts.push(`Callback implemented by ${ROLE_LABEL[e.role] ?? e.role}`);
  else parts.push(`Called by ${ROLE_LABEL[e.role] ?? e.role}`);
  parts.push(`IRQL ${e.irql.text}`);
  if (e.minNdis) parts.push(e.minNdis);
  return parts.join(' · ');
}

function headerLine(e: CatalogEntry): string {
  const parts = ['Header `ndis.h`'];
  if (e.kind === 'function') parts.push(e.macro ? `macro over \`${e.macro.target}\` (no library export)` : 'library `ndis.lib`');
  if (e.sdvRule) parts.push(`SDV rule \`${e.sdvRule}\``);
  if (e.headerCondition) parts.push(`declared under \`${e.headerCondition}\``);
  return parts.join(' · ');
}

export function entryMarkdown(e: CatalogEntry, opts: { brief?: boolean } = {}): string {
  const out: string[] = [];
  out.push('```c\n' + prototypeOf(e) + '\n```');
  out.push(`**${e.name}** · ${factsLine(e)}`);
  if (e.summary) out.push(e.summary);
  if (e.params.length) {
    out.push('**Parameters**\n\n' + e.params.map((p) =>
      `- \`${p.name}\` (${paramLabel(p)})${e.paramDocs[p.name] ? ': ' + e.paramDocs[p.name] : ''}`).join('\n'));
  }
  if (e.returns) out.push(`**Returns** ${e.returns}`);
  if (e.kind === 'callback') {
    const decl = [`Declare it with its role type: \`${e.name} ${e.conventionalName ?? 'MyHandler'};\``];
    if (e.handlerFields.length) decl.push(`and set it in \`${e.handlerFields.join('` or `')}\`.`);
    out.push(decl.join(' '));
    if (e.obligation) out.push(`**Obligation** ${e.obligation}`);
  }
  if (!opts.brief) {
    if (e.completes) out.push(`**Pend/complete** ${e.completes}.`);
    out.push(...e.remarks);
    out.push(headerLine(e));
    if (e.seeAlso.length) out.push('See also: ' + e.seeAlso.map((s) => `\`${s}\``).join(', '));
  }
  out.push(link(e));
  return out.join('\n\n');
}

export function statusMarkdown(s: StatusEntry): string {
  const value = s.value === null ? 'no numeric value' : `0x${(s.value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
  const head = s.value === null ? `\`${s.name}\`` : `#define ${s.name} ${s.alias ? `${s.alias} /* ${value} */` : `((NDIS_STATUS)${value}L)`}`;
  const out = ['```c\n' + head + '\n```', `**${s.name}** · ${value}${s.alias ? ` (\`${s.alias}\`)` : ''}`, s.summary, ...s.remarks];
  out.push(`Mentioned on ${s.pagesMentioning} CoNDIS reference pages.`);
  return out.join('\n\n');
}

export function fieldMarkdown(field: string, e: CatalogEntry): string {
  const tables = handlerTablesOf(field, e.handlerFieldNote);
  const where = tables.length ? ` of \`${tables.join('` / `')}\`` : '';
  const head = `\`${field}\`: handler field${where}. It takes a \`${e.pointerType ?? e.name}\`, a pointer to a \`${e.name}\` function (\`${e.conventionalName ?? e.name}\`).`;
  return head + '\n\n' + entryMarkdown(e, { brief: true });
}

export function bindingMarkdown(name: string, bindings: HandlerBinding[]): string {
  const e = bindings[0].entry;
  const how = bindings.map((b) => b.via === 'role-type'
    ? `declared with role type \`${b.entry.name}\``
    : `assigned to \`${b.field}\``);
  const out = [
    `\`${name}\` implements **${e.conventionalName ?? e.name}** (\`${e.name}\`), ${ROLE_LABEL[e.role] ?? e.role} callback: ${[...new Set(how)].join(', ')}.`,
  ];
  if (e.obligation) out.push(`**What it must do** ${e.obligation}`);
  if (e.summary) out.push(e.summary);
  out.push(`IRQL ${e.irql.text}` + (e.returnType && e.returnType !== 'VOID' ? ` · returns \`${e.returnType}\`` : ''));
  const others = [...new Set(bindings.map((b) => b.entry.name))].filter((n) => n !== e.name);
  if (others.length) out.push(`Also bound as: ${others.map((o) => `\`${o}\``).join(', ')}.`);
  out.push(link(e));
  return out.join('\n\n');
}

/** Markdown -> readable plain text, for clients that do not render Markdown. */
export function toPlainText(md: string): string {
  return md
    .replace(/```c\n([\s\S]*?)\n```/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}
