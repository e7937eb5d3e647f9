// Builds the long-lived pieces the server and the CLI share: grammar, parser, catalog, compiled queries, documents.
import type { Parser } from 'web-tree-sitter';
import { createCatalog, type Catalog } from './catalog';
import { HandlerQueries } from './analysis/handlers';
import { loadCLanguage, type CLanguage } from './syntax/parser';
import { DocumentStore } from './documents';
import { buildCompletionItems, type CompletionItems } from './features/completion';

export interface Services {
  language: CLanguage;
  parser: Parser;
  catalog: Catalog;
  handlers: HandlerQueries;
  completionItems: CompletionItems;
  documents: DocumentStore;
}

export async function createServices(wasmDir: string): Promise<Services> {
  const language = await loadCLanguage(wasmDir);
  const parser = language.createParser();
  const catalog = createCatalog();
  return {
    language,
    parser,
    catalog,
    handlers: new HandlerQueries(language.language),
    completionItems: buildCompletionItems(catalog),
    documents: new DocumentStore(parser),
  };
}
