// The file-size limit (condis.maxFileSize): measuring a text, the unparsed stand-in for an oversize document's
// syntax, and the one diagnostic that tells the user what was skipped and why.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Tree } from 'web-tree-sitter';
import type { Segment } from './syntax/parsedText';
import { blankAnnotations } from './syntax/blank';
import type { OpenDocument } from './documents';
import type { Settings } from './settings';
import { utf8Length } from './portable';

export const FILE_TOO_LARGE = 'file-too-large';
const MB = 1_048_576;

/**
 * Whether `text`, as UTF-8, is larger than `maxBytes`. Cheap for nearly every text: a UTF-16 unit is 1 to 3 UTF-8
 * bytes, so the exact count is only needed between those bounds.
 */
export function overLimit(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8Length(text) > maxBytes;
}

/** "20.3 MB", "512.0 KB"; precise enough that a size just over `limitMb` never reads as equal to it. */
export function sizeText(bytes: number, limitMb = 0): string {
  if (bytes < MB) return `${(bytes / 1024).toFixed(1)} KB`;
  const one = (bytes / MB).toFixed(1);
  return `${Number(one) <= limitMb ? (bytes / MB).toFixed(3) : one} MB`;
}

/** A limit in MB as the user wrote it: 8, 0.5, 0.01. */
export const limitText = (mb: number): string => `${Number(mb.toFixed(3))} MB`;

/**
 * The syntax of a document too large to parse: its text (kept current through edits) with no tree. Features
 * treat it like a text that failed to parse. `blanked` is computed only if something asks for it.
 */
export class UnparsedText {
  readonly tree: Tree | null = null;
  readonly segments: readonly Segment[] = [];
  readonly hasTree = false;
  readonly editCount = 0;
  treeAt(): Tree | null { return null; }
  editsSince(): null { return null; }
  private blankedText: string | null = null;

  constructor(public text: string) {}

  get blanked(): string {
    return (this.blankedText ??= blankAnnotations(this.text));
  }

  edit(start: number, oldEnd: number, insert: string, _startRow?: number): void {
    this.text = this.text.slice(0, start) + insert + this.text.slice(oldEnd);
    this.blankedText = null;
  }

  replace(text: string): void {
    this.text = text;
    this.blankedText = null;
  }

  dispose(): void {
    this.blankedText = null;
  }
}

/** One-line explanation for the log. */
export function skipMessage(uri: string, text: string, settings: Settings): string {
  return `Not parsing or checking ${uri}: ${sizeText(utf8Length(text), settings.maxFileSize)} is above condis.maxFileSize (${limitText(settings.maxFileSize)}). Hover and signature help still work; raise the setting to check it.`;
}

/**
 * The diagnostic for a document that was not checked because of its size, or null when it was (or when the user
 * turned diagnostics off). Shown at the top of the file so the Problems panel says why there is nothing else.
 */
export function oversizeDiagnostic(doc: OpenDocument, settings: Settings): Diagnostic | null {
  if (!(doc.parsed instanceof UnparsedText) || !settings.diagnostics.enable) return null;
  const bytes = utf8Length(doc.parsed.text);
  const firstLine = doc.text.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(firstLine.length, 1_000) } },
    severity: DiagnosticSeverity.Information,
    source: 'condis',
    code: FILE_TOO_LARGE,
    message: `Not checked: this file is ${sizeText(bytes, settings.maxFileSize)}, above the ${limitText(settings.maxFileSize)} set by condis.maxFileSize. ` +
      'Hover and signature help for CoNDIS names still work; raise the setting to check it.',
  };
}
