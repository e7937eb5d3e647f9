// Shared test helpers: the real services (wasm grammar from dist/), inline C with a `$0` cursor marker.
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver';
import { createServices, type Services } from '../../server/src/services';
import type { FeatureContext } from '../../server/src/features/context';
import type { OpenDocument } from '../../server/src/documents';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

export const ROOT = join(__dirname, '..', '..');
let servicesPromise: Promise<Services> | undefined;

export function services(): Promise<Services> {
  servicesPromise ??= createServices(join(ROOT, 'dist'));
  return servicesPromise;
}

export async function context(over: Partial<FeatureContext> = {}): Promise<FeatureContext> {
  const s = await services();
  return { catalog: s.catalog, handlers: s.handlers, settings: structuredClone(DEFAULT_SETTINGS), markdown: true, snippets: true, ...over };
}

let counter = 0;

/** Opens `source` (with an optional `$0` cursor marker) as a document; returns it and the cursor position. */
export async function open(source: string): Promise<{ doc: OpenDocument; pos: Position; offset: number }> {
  const s = await services();
  const offset = source.indexOf('$0');
  const text = offset >= 0 ? source.slice(0, offset) + source.slice(offset + 2) : source;
  const doc = s.documents.open(`file:///test/${++counter}.c`, 'c', 1, text);
  return { doc, pos: doc.text.positionAt(Math.max(0, offset)), offset: Math.max(0, offset) };
}
