// How a handler in an open file ends, from its flow (as missing-completion judges it): PENDING on some way out, a
// known other status on every way out, or unknown. Kept per item facts (which live as long as the item's text) under
// what else the flow reads: the file's cross-item facts and the other files' generation, so an edit elsewhere in the
// file does not run the flows of every handler again.
import { resolveStatus } from '../../analysis/flow';
import type { FileAnalysis, FunctionInfo } from '../../analysis/fileAnalysis';
import type { Chunk, ChunkFacts } from '../../analysis/chunks';
import type { WorkspaceView } from '../../analysis/workspace';
import type { Ending } from '../../analysis/pendingReturn';

const kept = new WeakMap<ChunkFacts, { key: string; ending: Ending | undefined }>();

/** Counts flows run for endings (tests count work with it). */
export const endingRuns = { n: 0 };

export function flowEnding(file: FileAnalysis, name: string, ws: WorkspaceView): Ending | undefined {
  // From the items' facts alone (no syntax node is made unless a flow has to run).
  const byName = file.memo('lifecycle:functions', () => {
    const m = new Map<string, Chunk>();
    for (const c of file.chunks()) if (c.facts.fn && c.facts.type === 'function_definition' && !m.has(c.facts.fn.name)) m.set(c.facts.fn.name, c);
    return m;
  });
  const chunk = byName.get(name);
  if (!chunk) return undefined;
  const key = `${file.uri}|${file.semanticKey()}|${ws.generation(file.uri)}`;
  const had = kept.get(chunk.facts);
  if (had?.key === key) return had.ending;
  const fn = file.view(chunk).functions()[0];
  if (!fn) return undefined;
  file.useWorkspace(ws);
  endingRuns.n++;
  const ending = endingOfFlow(file, fn);
  kept.set(chunk.facts, { key, ending });
  return ending;
}

function endingOfFlow(file: FileAnalysis, fn: FunctionInfo): Ending | undefined {
  const flow = file.flowOf(fn);
  if (!flow.exits.length) return undefined; // a body the flow cannot read: the syntax's answer stands
  let out: Ending = 'sync';
  for (const exit of flow.exits) {
    if (!exit.value) continue;
    for (const s of exit.states) {
      const v = resolveStatus(exit.value, s);
      if (v === 'NDIS_STATUS_PENDING') return 'pends';
      if (v === undefined) out = 'unknown';
    }
  }
  return out;
}
