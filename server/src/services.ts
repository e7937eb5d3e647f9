// Builds the long-lived pieces the server and the CLI share: grammar, parser, catalog, compiled queries, documents.
import type { Parser } from 'web-tree-sitter';
import { createCatalog, type Catalog } from './catalog';
import { HandlerQueries } from './analysis/handlers';
import { loadCLanguage, type CLanguage, type WasmFiles } from './syntax/parser';
import { DocumentStore, type OpenDocument, type SourceText } from './documents';
import { buildCompletionItems, type CompletionItems } from './features/completion';
import { createLifecycle, type Lifecycle } from './catalog/lifecycle';
import { WorkspaceIndex } from './analysis/workspace';
import { analyzeFile, type FileAnalysis } from './analysis/fileAnalysis';
import { ParsedText } from './syntax/parsedText';
import type { FileSummary } from './analysis/summary';
import type { CarriedChunks } from './analysis/chunks';
import { UriKeys } from './uris';
import { withLifecycleValue } from './summaryTransfer';

export interface Services {
  language: CLanguage;
  parser: Parser;
  catalog: Catalog;
  handlers: HandlerQueries;
  completionItems: CompletionItems;
  documents: DocumentStore;
  /** One key per file (uris.ts), shared by the open documents and the workspace index. */
  uris: UriKeys;
  lifecycle: Lifecycle;
  workspace: WorkspaceIndex;
  /** A parser kept apart from the open documents' one, for files read from disk. */
  scanParser: Parser;
}

/** Analysis of an open document's current version (memoised by the caller). */
export function analyzeText(s: Services, uri: string, text: string, parsed: SourceText, previous?: CarriedChunks): FileAnalysis | null {
  return parsed instanceof ParsedText && parsed.hasTree ? analyzeFile(uri, text, parsed, s, previous) : null;
}

/**
 * Parses a file read from disk just long enough to summarise it for the workspace index. Nothing of the parse or the
 * analysis outlives it: the tree is deleted and the summary keeps no item facts (withLifecycleValue).
 */
export function summarizeFile(s: Services, uri: string, text: string): FileSummary | null {
  const parsed = new ParsedText(s.scanParser, text);
  try {
    return parsed.hasTree ? withLifecycleValue(analyzeFile(uri, text, parsed, s).summary()) : null;
  } finally {
    parsed.dispose();
  }
}

export interface ServiceOptions {
  /** Told when an open document becomes too large to parse (see DocumentStore). */
  onSkipped?: (doc: OpenDocument) => void;
}

export async function createServices(wasm: WasmFiles, opts: ServiceOptions = {}): Promise<Services> {
  const language = await loadCLanguage(wasm);
  const parser = language.createParser();
  const catalog = createCatalog();
  const uris = new UriKeys();
  return {
    language,
    parser,
    catalog,
    handlers: new HandlerQueries(language.language),
    completionItems: buildCompletionItems(catalog),
    documents: new DocumentStore(parser, Infinity, opts.onSkipped, uris),
    uris,
    lifecycle: createLifecycle(catalog),
    workspace: new WorkspaceIndex(),
    scanParser: language.createParser(),
  };
}
