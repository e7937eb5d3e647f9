// Hover on a use of one of the workspace's macros: the CoNDIS calls it makes (or the status it stands for), with the
// catalog entry of the first, and where the macro is defined.
import { derive, type OpenDocument } from '../documents';
import type { FileAnalysis } from '../analysis/fileAnalysis';
import { localMacros } from '../analysis/macroSource';
import type { FeatureContext } from './context';
import { expandedCallees, macroFactOf, type MacroDef } from '../analysis/macroDefs';
import { entryMarkdown, statusMarkdown } from './render';
import { fileName } from '../rules/roleUtil';

/** Markdown for macro `name`, when it expands (through nested macros) to catalog calls or a status; else null. */
export function macroMarkdown(name: string, doc: OpenDocument, ctx: FeatureContext): string | null {
  const { catalog } = ctx;
  if (catalog.entry(name)) return null; // keyed as spelled: NdisMCm* are the catalog's own
  const local = localDefinitions(doc);
  const lookup = (n: string): MacroDef | undefined => (catalog.entry(n) ? undefined : local.get(n) ?? ctx.workspace?.macro(n));
  const def = lookup(name);
  if (!def) return null;
  const where = def.uri === doc.uri ? `line ${def.line}` : `${fileName(def.uri)}:${def.line}`;
  const calls = expandedCallees(name, lookup).filter((n) => catalog.entry(n)?.kind === 'function');
  if (calls.length) {
    const entry = catalog.entry(calls[0])!;
    return `\`${name}\` is a macro (defined at ${where}) that calls ${calls.map((c) => `\`${c}\``).join(', ')}.\n\n---\n\n${entryMarkdown(entry)}`;
  }
  let body = def.params === null ? def.body.replace(/^\(+|\)+$/g, '').trim() : '';
  for (let i = 0; i < 16 && body && !catalog.status(body); i++) {
    const inner = lookup(body);
    body = inner && inner.params === null ? inner.body.replace(/^\(+|\)+$/g, '').trim() : '';
  }
  const status = body ? catalog.status(body) : undefined;
  return status ? `\`${name}\` is a macro (defined at ${where}) for \`${body}\`.\n\n---\n\n${statusMarkdown(status)}` : null;
}

/**
 * The document's own `#define`s by name (the last one wins): from the validator's analysis of this version when there
 * is one (its items' facts), else read from the tree once per version, not once per hover.
 */
function localDefinitions(doc: OpenDocument): Map<string, MacroDef> {
  return derive(doc, 'macroDefinitions', () => {
    const out = new Map<string, MacroDef>();
    const analysed = doc.derived.get('analysis') as FileAnalysis | null | undefined;
    if (analysed) {
      for (const d of localMacros(doc.uri, analysed.text, analysed.chunks()).all()) out.set(d.name, d);
      return out;
    }
    const text = doc.parsed.text;
    for (const seg of doc.parsed.segments) {
      for (const n of seg.tree.rootNode.descendantsOfType(['preproc_def', 'preproc_function_def'])) {
        if (!n || n.startIndex < seg.start || n.startIndex >= seg.end) continue;
        const m = macroFactOf(n, text, 0);
        if (m) out.set(m.name, { ...m, uri: doc.uri, line: n.startPosition.row + 1 });
      }
    }
    return out;
  });
}
