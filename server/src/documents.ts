// The open documents: LSP text (for positions) plus the parsed C, updated incrementally from didChange events.
// A document larger than the size limit keeps its text current but is not parsed (limits.ts).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Parser } from 'web-tree-sitter';
import { ParsedText } from './syntax/parsedText';
import { overLimit, UnparsedText } from './limits';
import { UriKeys } from './uris';

/** A document's syntax: parsed, or (over the size limit) text only, with a null tree. */
export type SourceText = ParsedText | UnparsedText;

export interface OpenDocument {
  /** The key the server files the document under (uris.ts): one per file, however the client spells it. */
  readonly uri: string;
  /** The URI as the client sent it: what answers about this document are addressed to. */
  readonly clientUri: string;
  readonly languageId: string;
  version: number;
  text: TextDocument;
  parsed: SourceText;
  /** Results derived from this version (handler bindings, ...); cleared on every change. */
  derived: Map<string, unknown>;
}

/** Memoises `compute` on the document until its next change. */
export function derive<T>(doc: OpenDocument, key: string, compute: () => T): T {
  if (doc.derived.has(key)) return doc.derived.get(key) as T;
  const v = compute();
  doc.derived.set(key, v);
  return v;
}

const isPosition = (p: unknown): boolean =>
  !!p && typeof p === 'object' && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);

/** The change as the text model understands it, or null when it is not one (no text, a range that is not a range). */
function wellFormed(c: unknown): TextDocumentContentChangeEvent | null {
  if (!c || typeof c !== 'object' || typeof (c as { text?: unknown }).text !== 'string') return null;
  const { range, text } = c as { range?: { start?: unknown; end?: unknown }; text: string };
  if (range === undefined) return { text };
  return range && isPosition(range.start) && isPosition(range.end) ? c as TextDocumentContentChangeEvent : null;
}

/** The open documents by key: every method takes a URI in any spelling of it. */
export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  /**
   * @param maxBytes documents larger than this (UTF-8) are not parsed.
   * @param onSkipped told each time a document becomes too large to parse (opened, edited or the limit lowered).
   * @param keys the keys shared with the workspace index, so an open file and its copy on disk are one entry.
   */
  constructor(private readonly parser: Parser, private maxBytes = Infinity, private readonly onSkipped?: (doc: OpenDocument) => void,
    readonly keys = new UriKeys()) {}

  open(clientUri: string, languageId: string, version: number, content: string): OpenDocument {
    const uri = this.keys.key(clientUri);
    this.close(uri);
    const over = overLimit(content, this.maxBytes);
    const doc: OpenDocument = {
      uri, clientUri, languageId, version,
      text: TextDocument.create(clientUri, languageId, version, content),
      parsed: over ? new UnparsedText(content) : new ParsedText(this.parser, content),
      derived: new Map(),
    };
    this.docs.set(uri, doc);
    if (over) this.onSkipped?.(doc);
    return doc;
  }

  /** Changes the limit; parses the documents that now fit and drops the trees of those that no longer do. Returns both. */
  setMaxBytes(maxBytes: number): OpenDocument[] {
    this.maxBytes = maxBytes;
    return [...this.docs.values()].filter((doc) => this.fit(doc));
  }

  /** Parses or unparses `doc` to match the limit; true when that changed it. */
  private fit(doc: OpenDocument): boolean {
    const over = overLimit(doc.parsed.text, this.maxBytes);
    if (over === doc.parsed instanceof UnparsedText) return false;
    const text = doc.parsed.text;
    doc.parsed.dispose();
    doc.parsed = over ? new UnparsedText(text) : new ParsedText(this.parser, text);
    doc.derived.clear();
    if (over) this.onSkipped?.(doc);
    return true;
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const doc = this.get(uri);
    if (!doc) return undefined;
    for (const raw of changes) {
      // A malformed change is ignored whole: the text model half-applies some (a line that is not an integer), which
      // would leave the text and its tree out of step, and a throw would leave this version's results cached.
      const change = wellFormed(raw);
      if (!change) continue;
      if ('range' in change) {
        // TextDocument.update swaps a reversed range (end before start); the parsed text must do the same.
        const a = doc.text.offsetAt(change.range.start);
        const b = doc.text.offsetAt(change.range.end);
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        // offsetAt clamps out-of-range positions, so the row must come from the clamped offset.
        const startRow = doc.text.positionAt(start).line;
        doc.text = TextDocument.update(doc.text, [change], version);
        doc.parsed.edit(start, Math.max(start, end), change.text, startRow);
      } else {
        doc.text = TextDocument.update(doc.text, [change], version);
        doc.parsed.replace(change.text);
      }
    }
    doc.version = version;
    doc.derived.clear();
    this.fit(doc); // an edit can take a document across the limit either way
    return doc;
  }

  close(uri: string): void {
    const doc = this.get(uri);
    if (!doc) return;
    doc.parsed.dispose();
    this.docs.delete(doc.uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(this.keys.key(uri));
  }

  all(): IterableIterator<OpenDocument> {
    return this.docs.values();
  }
}
