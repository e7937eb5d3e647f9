// Signature help for every catalog function, with the active parameter, in nested, cast, wrapped and multi-line calls.
import type { MarkupContent, ParameterInformation, Position, SignatureHelp } from 'vscode-languageserver';
import type { CatalogEntry } from '../catalog';
import type { OpenDocument } from '../documents';
import { openCallsAt, type OpenCall } from '../syntax/callScan';
import { blankAnnotations } from '../syntax/blank';
import { inCommentOrString } from '../syntax/nodes';
import { bindingsOfName, type FeatureContext } from './context';
import { paramLabel, toPlainText } from './render';

/** How far back the scan for an open call may start: bounds the work on huge, broken files. */
const MAX_SCAN = 32_768;

export function provideSignatureHelp(doc: OpenDocument, position: Position, ctx: FeatureContext): SignatureHelp | null {
  const offset = doc.text.offsetAt(position);
  if (doc.parsed.hasTree && inCommentOrString(doc.parsed, offset)) return null;
  const calls = doc.parsed.hasTree ? callsInTree(doc, offset) : callsInText(doc.parsed.text, offset);
  for (const call of calls) {
    if (!call.callee) continue;
    const entry = ctx.catalog.entry(call.callee);
    if (entry && entry.kind === 'function') return signatureOf(entry, call.argIndex, ctx);
    // A callback's shape: a call through a handler field, or the user writing (or calling) their own handler.
    const callback = ctx.catalog.byHandlerField(call.callee) ?? ctx.catalog.byConventionalName(call.callee) ??
      bindingsOfName(doc, call.callee, ctx)[0]?.entry;
    if (callback && callback.params.length) return signatureOf(callback, call.argIndex, ctx);
  }
  return null;
}

function callsInTree(doc: OpenDocument, offset: number): OpenCall[] {
  // Start at the top-level construct holding the cursor: outside every call by construction.
  // (Found from the root down: climbing `.parent` costs O(depth) per step in web-tree-sitter.)
  const at = Math.max(0, offset - 1);
  const top = doc.parsed.treeAt(at)?.rootNode.firstChildForIndex(at);
  const from = Math.max(top && top.startIndex <= at ? top.startIndex : 0, offset - MAX_SCAN);
  return openCallsAt(doc.parsed.blanked, offset, from);
}

/**
 * Without a tree (a file over condis.maxFileSize): scan from a line start at most MAX_SCAN back, blanking only that
 * window (blanking is line-local; the whole of a 20 MB text would take a fifth of a second).
 */
function callsInText(text: string, offset: number): OpenCall[] {
  const from = offset > MAX_SCAN ? text.lastIndexOf('\n', offset - MAX_SCAN) + 1 : 0;
  const lineEnd = text.indexOf('\n', offset);
  const window = blankAnnotations(text.slice(from, lineEnd < 0 ? text.length : lineEnd));
  return openCallsAt(window, offset - from, 0);
}

function markup(md: string, ctx: FeatureContext): MarkupContent {
  return ctx.markdown ? { kind: 'markdown', value: md } : { kind: 'plaintext', value: toPlainText(md) };
}

export function signatureOf(e: CatalogEntry, argIndex: number, ctx: FeatureContext): SignatureHelp {
  const name = e.kind === 'callback' ? (e.conventionalName ?? e.name) : e.name;
  let label = `${e.returnType || 'VOID'} ${name}(`;
  const parameters: ParameterInformation[] = [];
  e.params.forEach((p, i) => {
    if (i > 0) label += ', ';
    const text = `${p.type} ${p.name}`;
    parameters.push({
      label: [label.length, label.length + text.length],
      documentation: markup(`\`${p.name}\` (${paramLabel(p)}): ${e.paramDocs[p.name] ?? ''}`.trim(), ctx),
    });
    label += text;
  });
  label += ')';
  const about = [e.summary, `IRQL ${e.irql.text}.`];
  if (e.docUrl) about.push(`[Reference page](${e.docUrl})`);
  return {
    signatures: [{ label, documentation: markup(about.filter(Boolean).join('\n\n'), ctx), parameters, activeParameter: argIndex }],
    activeSignature: 0,
    activeParameter: argIndex,
  };
}
