// How a handler in an open file ends, from its flow (as missing-completion judges it): PENDING on some way out, a
// known other status on every way out, or unknown.
import { resolveStatus } from '../../analysis/flow';
import type { FileAnalysis, FunctionInfo } from '../../analysis/fileAnalysis';
import type { WorkspaceView } from '../../analysis/workspace';
import type { Ending } from '../../analysis/pendingReturn';

export function flowEnding(file: FileAnalysis, name: string, ws: WorkspaceView): Ending | undefined {
  const byName = file.memo('lifecycle:functions', () => {
    const m = new Map<string, FunctionInfo>();
    for (const fn of file.functions()) if (!m.has(fn.name)) m.set(fn.name, fn);
    return m;
  });
  const fn = byName.get(name);
  if (!fn) return undefined;
  // The flow reads other files' helpers: per version and workspace generation.
  return file.memo(`lifecycle:ending:${name}:${ws.generation(file.uri)}`, () => {
    file.useWorkspace(ws);
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
  });
}
