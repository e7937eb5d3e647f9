// Shape checks for what features return: LSP types with ranges inside the document, sane offsets and enums.
// Each returns a list of problems in words (empty when the result is valid).
import type {
  CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, InlayHint, Position, Range, SignatureHelp, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const str = (v: unknown) => JSON.stringify(v)?.slice(0, 200);

/** Length of line `line` including its line break (a position may sit between the CR and LF of a CRLF). */
function lineLength(doc: TextDocument, line: number): number {
  const start = doc.offsetAt({ line, character: 0 });
  const next = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
  return next - start;
}

export function checkPosition(doc: TextDocument, p: Position | undefined, what: string): string[] {
  if (!p || !isInt(p.line) || !isInt(p.character)) return [`${what}: not a position ${str(p)}`];
  if (p.line < 0 || p.character < 0) return [`${what}: negative position ${str(p)}`];
  if (p.line >= doc.lineCount) return [`${what}: line ${p.line} past the last line ${doc.lineCount - 1}`];
  if (p.character > lineLength(doc, p.line)) return [`${what}: character ${p.character} past the end of line ${p.line} (${lineLength(doc, p.line)})`];
  return [];
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

export function checkRange(doc: TextDocument, r: Range | undefined, what: string): string[] {
  if (!r) return [`${what}: missing range`];
  const out = [...checkPosition(doc, r.start, `${what}.start`), ...checkPosition(doc, r.end, `${what}.end`)];
  if (!out.length && !before(r.start, r.end)) out.push(`${what}: start after end ${str(r)}`);
  return out;
}

function checkMarkup(v: unknown, what: string): string[] {
  if (typeof v === 'string') return [];
  const m = v as { kind?: unknown; value?: unknown } | undefined;
  if (!m || (m.kind !== 'markdown' && m.kind !== 'plaintext') || typeof m.value !== 'string') return [`${what}: not MarkupContent ${str(v)}`];
  return [];
}

export function checkHover(doc: TextDocument, h: Hover | null, at: Position): string[] {
  if (h === null) return [];
  const out = checkMarkup(h.contents, 'hover.contents');
  if ((h.contents as { value?: string }).value === '') out.push('hover: empty contents');
  if (h.range) {
    out.push(...checkRange(doc, h.range, 'hover.range'));
    const p = doc.positionAt(doc.offsetAt(at));
    if (!out.length && !(before(h.range.start, p) && before(p, h.range.end))) out.push(`hover.range ${str(h.range)} does not contain ${str(p)}`);
  }
  return out;
}

export function checkSignatureHelp(s: SignatureHelp | null): string[] {
  if (s === null) return [];
  const out: string[] = [];
  if (!Array.isArray(s.signatures) || s.signatures.length === 0) return [`signatureHelp: no signatures ${str(s)}`];
  if (s.activeSignature !== undefined && (!isInt(s.activeSignature) || s.activeSignature < 0 || s.activeSignature >= s.signatures.length)) out.push(`signatureHelp.activeSignature ${s.activeSignature}`);
  if (s.activeParameter !== undefined && s.activeParameter !== null && (!isInt(s.activeParameter) || s.activeParameter < 0)) out.push(`signatureHelp.activeParameter ${s.activeParameter}`);
  for (const sig of s.signatures) {
    if (typeof sig.label !== 'string' || !sig.label) out.push('signature without a label');
    if (sig.documentation !== undefined) out.push(...checkMarkup(sig.documentation, 'signature.documentation'));
    for (const p of sig.parameters ?? []) {
      if (Array.isArray(p.label)) {
        const [a, b] = p.label;
        if (!isInt(a) || !isInt(b) || a < 0 || a > b || b > sig.label.length) out.push(`parameter label offsets ${str(p.label)} outside ${sig.label.length}`);
      } else if (typeof p.label !== 'string' || !sig.label.includes(p.label)) {
        out.push(`parameter label ${str(p.label)} not in the signature`);
      }
    }
  }
  return out;
}

function balancedSnippet(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === '$' && s[i + 1] === '{') { depth++; i++; } else if (s[i] === '}' && depth > 0) depth--;
  }
  return depth === 0;
}

export function checkCompletionItem(item: CompletionItem, what = 'completion item'): string[] {
  const out: string[] = [];
  if (typeof item.label !== 'string' || !item.label) out.push(`${what} without a label ${str(item)}`);
  if (item.kind !== undefined && (!isInt(item.kind) || item.kind < 1 || item.kind > 25)) out.push(`${what} kind ${item.kind}`);
  if (item.insertTextFormat !== undefined && item.insertTextFormat !== 1 && item.insertTextFormat !== 2) out.push(`${what} insertTextFormat ${item.insertTextFormat}`);
  if (item.insertTextFormat === 2 && typeof item.insertText === 'string' && !balancedSnippet(item.insertText)) out.push(`${what} snippet unbalanced: ${item.insertText}`);
  if (item.documentation !== undefined) out.push(...checkMarkup(item.documentation, `${what}.documentation`));
  return out;
}

export function checkCompletion(c: CompletionList | CompletionItem[] | null): string[] {
  if (c === null) return [];
  const items = Array.isArray(c) ? c : c.items;
  if (!Array.isArray(items)) return [`completion: no items array ${str(c)}`];
  if (!Array.isArray(c) && typeof c.isIncomplete !== 'boolean') return ['completion: isIncomplete not a boolean'];
  return items.flatMap((i) => checkCompletionItem(i));
}

export function checkInlayHints(doc: TextDocument, hints: InlayHint[] | null, range: Range): string[] {
  if (hints === null) return [];
  if (!Array.isArray(hints)) return [`inlayHints: not an array ${str(hints)}`];
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const out: string[] = [];
  for (const h of hints) {
    const bad = checkPosition(doc, h.position, 'inlayHint.position');
    out.push(...bad);
    if (!bad.length) {
      const at = doc.offsetAt(h.position);
      if (at < Math.min(from, to) || at > Math.max(from, to)) out.push(`inlayHint at ${at} outside the requested ${from}..${to}`);
    }
    if (typeof h.label !== 'string' || !h.label) out.push(`inlayHint label ${str(h.label)}`);
    if (h.kind !== undefined && h.kind !== 1 && h.kind !== 2) out.push(`inlayHint kind ${h.kind}`);
  }
  return out;
}

/** Edits of one fix: valid ranges, none overlapping another, none a no-op. */
export function checkEdits(doc: TextDocument, edits: TextEdit[], what: string): string[] {
  if (!Array.isArray(edits) || edits.length === 0) return [`${what}: no edits`];
  const out = edits.flatMap((e, i) => checkRange(doc, e.range, `${what}[${i}]`));
  if (out.length) return out;
  const spans = edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end), e] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) {
    const [ps, pe] = spans[i - 1];
    const [s] = spans[i];
    // Two insertions at one point have no defined order; an edit starting inside another overlaps it.
    if (s < pe || (s === pe && ps === pe && s === spans[i][1])) out.push(`${what}: edits overlap at ${s}`);
  }
  for (const [s, e, edit] of spans) {
    if (typeof edit.newText !== 'string') out.push(`${what}: newText ${str(edit.newText)}`);
    else if (doc.getText().slice(s, e) === edit.newText) out.push(`${what}: a no-op edit at ${s}`);
  }
  return out;
}

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] | null {
  if (!edit) return null;
  if (edit.changes) return edit.changes[uri] ?? [];
  const dc = edit.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === uri) as { edits: TextEdit[] } | undefined;
  return dc ? dc.edits : [];
}

const NOTICES = new Set(['check-in-progress', 'file-too-large']);

export function checkDiagnostics(doc: TextDocument, diags: Diagnostic[], ruleIds: Set<string>): string[] {
  if (!Array.isArray(diags)) return [`diagnostics: not an array ${str(diags)}`];
  const out: string[] = [];
  for (const d of diags) {
    const what = `diagnostic ${String(d.code)}`;
    out.push(...checkRange(doc, d.range, what));
    if (!isInt(d.severity) || d.severity < 1 || d.severity > 4) out.push(`${what}: severity ${d.severity}`);
    if (d.source !== 'condis') out.push(`${what}: source ${d.source}`);
    // Besides findings: the notices of a check in parts (condis.timeBudget) and of a file over condis.maxFileSize.
    if (typeof d.code !== 'string' || !(ruleIds.has(d.code) || NOTICES.has(d.code))) out.push(`${what}: unknown code`);
    if (typeof d.message !== 'string' || !d.message.trim()) out.push(`${what}: empty message`);
    const data = d.data as { version?: unknown; fixes?: { title: string; edits: TextEdit[] }[] } | undefined;
    if (!data || data.version !== doc.version || !Array.isArray(data.fixes)) out.push(`${what}: data ${str(data)}`);
    for (const [i, f] of (data?.fixes ?? []).entries()) {
      if (!f.title) out.push(`${what}: fix ${i} without a title`);
      out.push(...checkEdits(doc, f.edits, `${what} fix ${i}`));
    }
    for (const r of d.relatedInformation ?? []) {
      if (r.location.uri === doc.uri) out.push(...checkRange(doc, r.location.range, `${what} related`));
    }
  }
  return out;
}

export function checkCodeActions(doc: TextDocument, actions: CodeAction[]): string[] {
  if (!Array.isArray(actions)) return [`codeActions: not an array ${str(actions)}`];
  const out: string[] = [];
  for (const a of actions) {
    if (typeof a.title !== 'string' || !a.title) out.push(`codeAction without a title ${str(a)}`);
    if (a.kind !== undefined && a.kind !== 'quickfix') out.push(`codeAction kind ${a.kind}`);
    const edits = editsOf(a.edit, doc.uri);
    if (edits) out.push(...checkEdits(doc, edits, `codeAction "${a.title}"`));
    if (a.edit?.documentChanges) {
      for (const c of a.edit.documentChanges) {
        if ('textDocument' in c && c.textDocument.version !== doc.version) out.push(`codeAction "${a.title}": edit for version ${c.textDocument.version}, document is at ${doc.version}`);
      }
    }
    if (!a.edit && !a.command) out.push(`codeAction "${a.title}" does nothing`);
  }
  return out;
}
