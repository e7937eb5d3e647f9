// Inlay hints: parameter names before the arguments of CoNDIS calls (`Status:`, `NdisVcHandle:`, ...).
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Node } from 'web-tree-sitter';
import type { OpenDocument } from '../documents';
import { callArguments, calleeName } from '../syntax/nodes';
import type { FeatureContext } from './context';

export function provideInlayHints(doc: OpenDocument, range: Range, ctx: FeatureContext): InlayHint[] {
  if (!doc.parsed.hasTree || !ctx.settings.inlayHints.parameterNames) return [];
  const start = doc.text.positionAt(doc.text.offsetAt(range.start));
  const end = doc.text.positionAt(doc.text.offsetAt(range.end));
  const hints: InlayHint[] = [];
  const from = doc.text.offsetAt(start);
  const to = doc.text.offsetAt(end);
  // Only calls inside the requested range are visited: the query cost follows the viewport, not the file. A large
  // edited file has several trees (ParsedText segments): each is asked for its own part of the range.
  const calls: Node[] = [];
  for (const seg of doc.parsed.segments) {
    const a = Math.max(from, seg.start);
    const b = Math.min(to, seg.end);
    if (a > b || (a === b && a !== from)) continue;
    const p = doc.text.positionAt(a);
    const q = doc.text.positionAt(b);
    for (const call of seg.tree.rootNode.descendantsOfType('call_expression', { row: p.line, column: p.character }, { row: q.line, column: q.character })) {
      if (call && call.endIndex > seg.start && call.startIndex < seg.end) calls.push(call);
    }
  }
  for (const call of calls) {
    const name = calleeName(call);
    const entry = name ? ctx.catalog.entry(name) : undefined;
    if (!entry || entry.kind !== 'function') continue;
    callArguments(call).forEach((arg, i) => {
      const param = entry.params[i];
      if (!param || arg.type === 'ERROR' || arg.startIndex === arg.endIndex) return;
      // A call spanning the range's edge contributes only the hints inside the range.
      if (arg.startIndex < from || arg.startIndex > to) return;
      // Like clangd: an argument already spelled as the parameter name needs no hint.
      if (arg.type === 'identifier' && arg.text.toLowerCase() === param.name.toLowerCase()) return;
      hints.push({
        position: doc.text.positionAt(arg.startIndex),
        label: `${param.name}:`,
        kind: InlayHintKind.Parameter,
        paddingRight: true,
        tooltip: entry.paramDocs[param.name],
      });
    });
  }
  return hints;
}
