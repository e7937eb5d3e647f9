// Code actions for our diagnostics: the rule's fixes (rebuilt from Diagnostic.data, only for the version they were
// computed for), "suppress on this line", and "show rule documentation".
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { OpenDocument } from '../documents';
import { SOURCE, type DiagnosticData } from './diagnostics';
import { FILE_TOO_LARGE } from '../limits';

import { OPEN_LOCATION, SHOW_RULE_DOC } from './commands';

export { SHOW_RULE_DOC };

function isData(d: unknown): d is DiagnosticData {
  return !!d && typeof d === 'object' && typeof (d as DiagnosticData).version === 'number' && Array.isArray((d as DiagnosticData).fixes);
}

/** Addressed to the document as the client spells it (a client may not match another spelling to its buffer). */
function edit(doc: OpenDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned
    ? { documentChanges: [{ textDocument: { uri: doc.clientUri, version: doc.version }, edits }] }
    : { changes: { [doc.clientUri]: edits } };
}

export function provideCodeActions(doc: OpenDocument, params: CodeActionParams, versioned: boolean): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) return [];
  const out: CodeAction[] = [];
  const seenDocs = new Set<string>();
  for (const d of params.context.diagnostics) {
    // The size-limit notice is not a rule: nothing to fix, suppress or look up.
    if (d.source !== SOURCE || typeof d.code !== 'string' || d.code === FILE_TOO_LARGE) continue;
    const rule = d.code;
    if (isData(d.data) && d.data.version === doc.version) {
      for (const fix of d.data.fixes) {
        out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: !!fix.preferred, edit: edit(doc, fix.edits, versioned) });
      }
      // A fix that would edit a macro is not offered as an edit: this opens the macro's definition instead.
      for (const o of Array.isArray(d.data.opens) ? d.data.opens : []) {
        if (typeof o?.uri !== 'string' || typeof o.title !== 'string' || !Number.isInteger(o.line) || !Number.isInteger(o.character)) continue;
        out.push({ title: o.title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: o.title, command: OPEN_LOCATION, arguments: [o.uri, o.line, o.character] } });
      }
    }
    out.push({ title: `Suppress ${rule} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(doc, [suppressEdit(doc, d, rule)], versioned) });
    if (!seenDocs.has(rule)) {
      seenDocs.add(rule);
      out.push({ title: `Show documentation for ${rule}`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: `Show documentation for ${rule}`, command: SHOW_RULE_DOC, arguments: [rule] } });
    }
  }
  return out;
}

/** Adds `// condis-ignore-next-line <rule>` above the diagnostic's line, or appends the rule to one already there. */
function suppressEdit(doc: OpenDocument, d: Diagnostic, rule: string): TextEdit {
  // A stale or hostile diagnostic may point past the end (or before the start) of the current text.
  const line = Math.min(Math.max(0, Math.trunc(d.range.start.line) || 0), doc.text.lineCount - 1);
  const text = doc.text.getText();
  const lineStart = doc.text.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  if (line > 0) {
    const prevStart = doc.text.offsetAt({ line: line - 1, character: 0 });
    const prev = text.slice(prevStart, lineStart).replace(/\r?\n$/, '');
    const m = /\/\/\s*condis-ignore-next-line\b.*$/.exec(prev);
    if (m) {
      const end = { line: line - 1, character: prev.length };
      return { range: { start: end, end }, newText: `, ${rule}` };
    }
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// condis-ignore-next-line ${rule}${eol}` };
}
