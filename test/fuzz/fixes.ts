// Properties of quick fixes on any text: every change is inside the text, changes never overlap, each is minimal
// (no whole token or white space it leaves unchanged at either end, never a no-op), the LSP edits carried on the
// diagnostic are the same changes, and applying a fix leaves everything outside its changes untouched.
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RawFinding } from '../../server/src/features/diagnostics';
import type { TextChange } from '../../server/src/rules/types';

const WORD = /[A-Za-z0-9_]/;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i < max && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** Applies non-overlapping changes given in any order. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, c.start) + c.newText + out.slice(c.end);
  return out;
}

/** Why `c` is not a minimal change of `text`, or null. Minimal at token level: `Ndis|Cm...` -> `Ndis|MCm...` is fine. */
export function notMinimal(text: string, c: TextChange): string | null {
  const old = text.slice(c.start, c.end);
  if (old === c.newText) return 'changes nothing';
  const p = commonPrefix(old, c.newText);
  if ([...old.slice(0, p)].some((ch) => !WORD.test(ch))) return `keeps ${JSON.stringify(old.slice(0, p))} at its start`;
  const s = commonSuffix(old, c.newText, Math.min(old.length, c.newText.length) - p);
  if ([...old.slice(old.length - s)].some((ch) => !WORD.test(ch))) return `keeps ${JSON.stringify(old.slice(old.length - s))} at its end`;
  return null;
}

/** Problems with the fixes of `findings` over `text`; `diags` are the same findings as LSP diagnostics (same order). */
export function checkFixes(text: string, findings: readonly RawFinding[], diags: readonly Diagnostic[], version: number): string[] {
  const out: string[] = [];
  const doc = TextDocument.create('file:///fix.c', 'c', version, text);
  const crlf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
  findings.forEach((f, k) => {
    if (f.start < 0 || f.end > text.length || f.start > f.end) out.push(`${f.rule}: finding offsets ${f.start}..${f.end} outside 0..${text.length}`);
    (f.fixes ?? []).forEach((fix, i) => {
      const what = `${f.rule} fix "${fix.title}"`;
      const changes = [...fix.changes].sort((a, b) => a.start - b.start || a.end - b.end);
      if (!changes.length) { out.push(`${what}: no changes`); return; }
      for (const c of changes) {
        if (!(Number.isInteger(c.start) && Number.isInteger(c.end) && 0 <= c.start && c.start <= c.end && c.end <= text.length)) {
          out.push(`${what}: change ${c.start}..${c.end} outside 0..${text.length}`);
          return;
        }
        const why = notMinimal(text, c);
        if (why) out.push(`${what}: not minimal, ${why}`);
        if (crlf && /(^|[^\r])\n/.test(c.newText)) out.push(`${what}: inserts LF line breaks into a CRLF file`);
      }
      for (let j = 1; j < changes.length; j++) {
        if (changes[j].start < changes[j - 1].end || (changes[j].start === changes[j - 1].end && changes[j].start === changes[j].end && changes[j - 1].start === changes[j - 1].end)) {
          out.push(`${what}: changes overlap at ${changes[j].start}`);
        }
      }
      const applied = applyChanges(text, changes);
      // Outside the changed span the text is untouched.
      const lo = changes[0].start;
      const hi = changes[changes.length - 1].end;
      if (applied.slice(0, lo) !== text.slice(0, lo) || applied.slice(applied.length - (text.length - hi)) !== text.slice(hi)) out.push(`${what}: touches text outside its changes`);
      // The LSP edits on the diagnostic (what the editor applies) produce the same text.
      const edits = (diags[k]?.data as { fixes?: { edits: TextEdit[] }[] } | undefined)?.fixes?.[i]?.edits;
      if (!edits) out.push(`${what}: missing from Diagnostic.data`);
      else if (TextDocument.applyEdits(doc, edits) !== applied) out.push(`${what}: its LSP edits give a different text than its offsets`);
    });
  });
  return out;
}
