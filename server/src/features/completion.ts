// Completion of catalog names: functions (inserted as calls with parameter placeholders), role typedefs,
// pointer typedefs, NDIS_STATUS codes, and handler-table fields after `.` or `->`. Docs come on resolve.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { Catalog } from '../catalog';
import type { OpenDocument } from '../documents';
import { inCommentOrString } from '../syntax/nodes';
import type { FeatureContext } from './context';
import { entryMarkdown, fieldMarkdown, statusMarkdown, toPlainText } from './render';
import { prefixAt } from './words';

type ItemData = { k: 'entry' | 'status' | 'field' | 'pointer'; n: string };

/** The items, built once per catalog: requests only filter and copy. */
export interface CompletionItems {
  names: CompletionItem[];
  fields: CompletionItem[];
}

export function buildCompletionItems(catalog: Catalog): CompletionItems {
  const names: CompletionItem[] = [];
  for (const e of catalog.entries) {
    if (e.kind === 'function') {
      names.push({ label: e.name, kind: CompletionItemKind.Function, detail: `${e.returnType || 'VOID'} ${e.name}(${e.params.map((p) => p.name).join(', ')})`, data: { k: 'entry', n: e.name } satisfies ItemData });
    } else {
      names.push({ label: e.name, kind: CompletionItemKind.Interface, detail: e.conventionalName ? `role type of ${e.conventionalName}` : 'NDIS 5 handler pointer type', data: { k: 'entry', n: e.name } satisfies ItemData });
      if (e.pointerType) names.push({ label: e.pointerType, kind: CompletionItemKind.Interface, detail: `pointer to ${e.name}`, data: { k: 'pointer', n: e.pointerType } satisfies ItemData });
    }
  }
  for (const s of catalog.statuses) {
    names.push({ label: s.name, kind: CompletionItemKind.Constant, detail: s.value === null ? 'NDIS_STATUS placeholder' : `NDIS_STATUS 0x${(s.value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`, data: { k: 'status', n: s.name } satisfies ItemData });
  }
  const fields = catalog.handlerFields.map((f): CompletionItem => {
    const e = catalog.byHandlerField(f)!;
    return { label: f, kind: CompletionItemKind.Field, detail: `${e.pointerType ?? e.name} (${e.conventionalName ?? e.name})`, data: { k: 'field', n: f } satisfies ItemData };
  });
  return { names, fields };
}

export function provideCompletion(doc: OpenDocument, position: Position, ctx: FeatureContext, items: CompletionItems): CompletionList | null {
  const offset = doc.text.offsetAt(position);
  const text = doc.parsed.text;
  if (inCommentOrString(doc.parsed, offset)) return null;
  const prefix = prefixAt(text, offset);
  const lineStart = prefix.start > 0 ? text.lastIndexOf('\n', prefix.start - 1) + 1 : 0;
  if (/^\s*#\s*include/.test(text.slice(lineStart, prefix.start))) return null;
  const before = text.slice(Math.max(0, prefix.start - 2), prefix.start);
  const afterMember = before.endsWith('.') || before.endsWith('->');
  if (afterMember) return { isIncomplete: false, items: items.fields };
  if (prefix.text.length === 0) return null;
  // A `(` already after the cursor: insert only the name.
  const parenFollows = /^\s*\(/.test(text.slice(offset, offset + 64));
  const p = prefix.text.toLowerCase();
  const out: CompletionItem[] = [];
  for (const item of items.names) {
    // Clients filter fuzzily; sending only names that contain the typed letters in order keeps replies small.
    if (!subsequence(p, item.label.toLowerCase())) continue;
    if (item.kind === CompletionItemKind.Function && ctx.snippets && !parenFollows) {
      const e = ctx.catalog.entry(item.label)!;
      const args = e.params.map((prm, i) => `\${${i + 1}:${prm.name}}`).join(', ');
      out.push({ ...item, insertText: `${item.label}(${args})`, insertTextFormat: InsertTextFormat.Snippet });
    } else {
      out.push(item);
    }
  }
  for (const item of ctx.snippetItems ?? []) if (subsequence(p, item.label.toLowerCase())) out.push(item);
  return { isIncomplete: false, items: out };
}

function subsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

export function resolveCompletion(item: CompletionItem, ctx: FeatureContext): CompletionItem {
  const data = item.data as ItemData | undefined;
  if (!data || typeof data !== 'object' || typeof data.n !== 'string') return item;
  const { catalog } = ctx;
  let md: string | null = null;
  if (data.k === 'entry') { const e = catalog.entry(data.n); if (e) md = entryMarkdown(e, { brief: true }); }
  else if (data.k === 'pointer') { const e = catalog.byPointerType(data.n); if (e) md = `Pointer type of \`${e.name}\`.\n\n` + entryMarkdown(e, { brief: true }); }
  else if (data.k === 'status') { const s = catalog.status(data.n); if (s) md = statusMarkdown(s); }
  else if (data.k === 'field') { const e = catalog.byHandlerField(data.n); if (e) md = fieldMarkdown(data.n, e); }
  if (!md) return item;
  return { ...item, documentation: ctx.markdown ? { kind: MarkupKind.Markdown, value: md } : toPlainText(md) };
}
