// Hover: catalog functions and callbacks, pointer typedefs, handler fields, NDIS_STATUS codes, and the user's own handlers.
import type { Hover, Position } from 'vscode-languageserver';
import type { OpenDocument } from '../documents';
import { identifierAt } from '../syntax/nodes';
import { bindingsOfName, localBindings, type FeatureContext } from './context';
import { bindingMarkdown, entryMarkdown, fieldMarkdown, statusMarkdown, toPlainText } from './render';
import { wordAt } from './words';
import { macroMarkdown } from './macroHover';

export function provideHover(doc: OpenDocument, position: Position, ctx: FeatureContext): Hover | null {
  const offset = doc.text.offsetAt(position);
  const node = doc.parsed.hasTree ? identifierAt(doc.parsed, offset) : null;
  // Inside macro bodies tree-sitter sees one token: fall back to the word under the cursor. So does a text that was
  // not parsed (over condis.maxFileSize, or the parse gave up).
  const word = node ? { text: node.text, start: node.startIndex, end: node.endIndex, isField: node.type === 'field_identifier' }
    : doc.parsed.hasTree ? wordInPreprocessor(doc, offset) : wordInText(doc, offset);
  if (!word) return null;
  const md = markdownFor(word.text, word.isField, doc, ctx);
  if (!md) return null;
  return {
    contents: ctx.markdown ? { kind: 'markdown', value: md } : { kind: 'plaintext', value: toPlainText(md) },
    range: { start: doc.text.positionAt(word.start), end: doc.text.positionAt(word.end) },
  };
}

function markdownFor(name: string, isField: boolean, doc: OpenDocument, ctx: FeatureContext): string | null {
  const { catalog } = ctx;
  const status = catalog.status(name);
  if (status) return statusMarkdown(status);
  const entry = catalog.entry(name);
  if (entry) return entryMarkdown(entry);
  const byPointer = catalog.byPointerType(name);
  if (byPointer) return `\`${name}\` is the pointer type of \`${byPointer.name}\`.\n\n` + entryMarkdown(byPointer);
  const byField = catalog.byHandlerField(name);
  if (byField && (isField || !localBindings(doc, name, ctx).length)) return fieldMarkdown(name, byField);
  const bindings = bindingsOfName(doc, name, ctx);
  if (bindings.length) return bindingMarkdown(name, bindings);
  return doc.parsed.hasTree ? macroMarkdown(name, doc, ctx) : null;
}

function wordInPreprocessor(doc: OpenDocument, offset: number) {
  const n = doc.parsed.treeAt(offset)?.rootNode.descendantForIndex(offset, offset);
  if (!n || (n.type !== 'preproc_arg' && n.parent?.type !== 'preproc_arg')) return null;
  const w = wordAt(doc.parsed.text, offset);
  return w ? { ...w, isField: false } : null;
}

/** The word under the cursor in a text without a tree; a field when it follows `.` or `->`. */
function wordInText(doc: OpenDocument, offset: number) {
  const w = wordAt(doc.parsed.text, offset);
  if (!w) return null;
  const before = doc.parsed.text.slice(Math.max(0, w.start - 8), w.start).trimEnd();
  return { ...w, isField: before.endsWith('.') || before.endsWith('->') };
}
