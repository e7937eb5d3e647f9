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

import { ParsedText } from '../../server/src/syntax/parsedText';
import { analyzeFile, type FileAnalysis } from '../../server/src/analysis/fileAnalysis';
import { WorkspaceIndex, type DriverKind } from '../../server/src/analysis/workspace';
import { runRules, type RawFinding } from '../../server/src/features/diagnostics';
import { readSettings } from '../../server/src/settings';

export interface Checked {
  findings: RawFinding[];
  /** Findings of one rule as `line:col message-start`, 1-based, for compact assertions. */
  of(rule: string): RawFinding[];
  file: FileAnalysis;
  text: string;
}

/**
 * Runs the checker over `files` (path -> C source) as one workspace and returns the findings in `target`
 * (the first file by default). `settings` is the `condis` settings object.
 */
export async function check(files: Record<string, string> | string, opts: { target?: string; settings?: unknown; role?: DriverKind | 'auto' } = {}): Promise<Checked> {
  const s = await services();
  const map = typeof files === 'string' ? { 'driver.c': files } : files;
  const ws = new WorkspaceIndex(opts.role ?? 'auto');
  const analyses = new Map<string, { file: FileAnalysis; parsed: ParsedText }>();
  for (const [path, text] of Object.entries(map)) {
    const uri = `file:///ws/${path}`;
    const parsed = new ParsedText(s.parser, text);
    const file = analyzeFile(uri, text, parsed, { catalog: s.catalog, lifecycle: s.lifecycle, handlers: s.handlers, workspace: ws });
    ws.set(file.summary());
    analyses.set(path, { file, parsed });
  }
  const target = opts.target ?? Object.keys(map)[0];
  const { file } = analyses.get(target)!;
  const findings = runRules({ file, catalog: s.catalog, lifecycle: s.lifecycle, workspace: ws }, readSettings(opts.settings ?? {}));
  return { findings, of: (rule) => findings.filter((f) => f.rule === rule), file, text: map[target] };
}

/** Applies every change of a finding's fix to `text`. */
export function applyFix(text: string, f: RawFinding, index = 0): string {
  const changes = [...(f.fixes?.[index]?.changes ?? [])].sort((a, b) => b.start - a.start);
  let out = text;
  for (const c of changes) out = out.slice(0, c.start) + c.newText + out.slice(c.end);
  return out;
}
