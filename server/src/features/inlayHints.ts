// Inlay hints: parameter names before the arguments of CoNDIS calls (`Status:`, `NdisVcHandle:`, ...).
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { OpenDocument } from '../documents';
import { callArguments, calleeName } from '../syntax/nodes';
import type { FeatureContext } from './context';

export function provideInlayHints(doc: OpenDocument, range: Range, ctx: FeatureContext): InlayHint[] {
  const tree = doc.parsed.tree;
  if (!tree || !ctx.settings.inlayHints.parameterNames) return [];
  const start = doc.text.positionAt(doc.text.offsetAt(range.start));
  const end = doc.text.positionAt(doc.text.offsetAt(range.end));
  const hints: InlayHint[] = [];
  const from = doc.text.offsetAt(start);
  const to = doc.text.offsetAt(end);
  // Only calls inside the requested range are visited: the query cost follows the viewport, not the file.
  const calls = tree.rootNode.descendantsOfType('call_expression', { row: start.line, column: start.character }, { row: end.line, column: end.character });
  for (const call of calls) {
    if (!call) continue;
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
