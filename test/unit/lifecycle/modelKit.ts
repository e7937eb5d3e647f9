// Builds the lifecycle model of a multi-file workspace in-process: each file summarised into one index, positions
// from the files' texts, and the flow used for the files named open.
import { services } from '../helpers';
import { ParsedText } from '../../../server/src/syntax/parsedText';
import { analyzeFile, type FileAnalysis } from '../../../server/src/analysis/fileAnalysis';
import { WorkspaceIndex } from '../../../server/src/analysis/workspace';
import { buildModel, type LifecycleModel } from '../../../server/src/features/lifecycle/model';
import { positionsFromText } from '../../../server/src/features/lifecycle/places';

export const uriOf = (path: string) => `file:///ws/${path}`;

export async function modelOf(files: Record<string, string>, opts: { open?: string[] } = {}): Promise<LifecycleModel> {
  const s = await services();
  const ws = new WorkspaceIndex('auto');
  const analyses = new Map<string, FileAnalysis>();
  for (const [path, text] of Object.entries(files)) {
    const file = analyzeFile(uriOf(path), text, new ParsedText(s.parser, text), { catalog: s.catalog, lifecycle: s.lifecycle, handlers: s.handlers, workspace: ws });
    ws.set(file.summary());
    analyses.set(uriOf(path), file);
  }
  const first = uriOf(Object.keys(files)[0]);
  const texts = new Map(Object.entries(files).map(([p, t]) => [uriOf(p), t]));
  const view = ws.forFile(first);
  const open = new Set((opts.open ?? []).map(uriOf));
  return buildModel('file:///ws/', ws.roleOf(first), [...view.summaries()], view, {
    catalog: s.catalog, lifecycle: s.lifecycle,
    positions: positionsFromText((u) => texts.get(u)),
    analysisOf: (u) => (open.has(u) ? analyses.get(u) : undefined),
  });
}

/** `file:line` (1-based) of a place, for compact assertions. */
export const at = (p: { uri: string; range: { start: { line: number } } } | undefined) =>
  p && `${p.uri.slice(p.uri.lastIndexOf('/') + 1)}:${p.range.start.line + 1}`;
