// What the index holds when things change under it: a watched-file event during a build is not overwritten by the
// build's older read of that file, and a header whose macro definitions swap places is a change of its cross-file facts
// (the last of two definitions wins, and messages name its line).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { summarizeFile } from '../../server/src/services';
import { applyFileEvents, indexFiles } from '../../server/src/indexer';
import type { SourceFiles } from '../../server/src/sourceFiles';
import { services } from './helpers';

/** An in-memory disk: URI -> text, read asynchronously as the real one is. */
function memoryDisk(files: Map<string, string>, reads: string[] = []): SourceFiles {
  return {
    reaches: () => true,
    list: async (folder) => [...files.keys()].filter((u) => u.startsWith(folder)).sort(),
    read: async (uri) => {
      await new Promise((r) => setImmediate(r));
      reads.push(uri);
      const text = files.get(uri);
      return text === undefined ? { ok: false, why: 'FileNotFound' } : { ok: true, text, encoding: 'utf-8' };
    },
    readNow: (uri) => files.get(uri),
  };
}
const noProgress = { report: () => undefined, cancelled: () => false };
const callees = (ws: WorkspaceIndex, uri: string) => JSON.stringify(ws.summaryOf(uri)?.callGraph ?? null);

describe('the index under change', () => {
  for (const event of ['changed', 'deleted'] as const) test(`a file ${event} on disk while the index builds keeps what the event stored`, async () => {
    const s = await services();
    const saved = s.workspace;
    s.workspace = new WorkspaceIndex();
    try {
      const disk = new Map<string, string>();
      const A = 'file:///race/a.c';
      disk.set(A, 'VOID A(VOID) { OldCall(); }\n');
      for (let i = 0; i < 400; i++) disk.set(`file:///race/f${String(i).padStart(3, '0')}.c`, `int F${i}(int x) { return x + ${i}; }\n`);
      const reads: string[] = [];
      const source = memoryDisk(disk, reads);
      const uris = [...disk.keys()].sort();
      const build = indexFiles(s, source, uris, 1e9, noProgress, () => undefined);
      // Once the build has read a.c (it comes first), before its batch is stored, the file changes and its event is applied.
      while (!reads.includes(A)) await new Promise((r) => setImmediate(r));
      assert.equal(s.workspace.has(A), false, 'stored already: the test would not see the race');
      if (event === 'changed') disk.set(A, 'VOID A(VOID) { NewCall(); }\n'); else disk.delete(A);
      await applyFileEvents(s, source, [{ uri: A, type: event === 'changed' ? 2 : 3 }], 1e9, new Map(), () => undefined);
      const afterEvent = callees(s.workspace, A);
      await build;
      assert.equal(callees(s.workspace, A), afterEvent, 'the build stored its older read over the event');
      if (event === 'changed') assert.match(afterEvent, /NewCall/); else assert.equal(s.workspace.has(A), false);
    } finally {
      s.workspace = saved;
    }
  });

  test('swapping two macro definitions in a header changes its key; the same text again does not', async () => {
    const s = await services();
    const ws = new WorkspaceIndex();
    const H = 'file:///drv/foo.h';
    const done = '#define FOO_DONE(_Vc) NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, (_Vc)->NdisVcHandle, NULL)\n';
    const quiet = '#define FOO_DONE(_Vc) ((void)(_Vc))\n';
    assert.equal(ws.set(summarizeFile(s, H, `${done}#undef FOO_DONE\n${quiet}`)!), true);
    assert.equal(ws.set(summarizeFile(s, H, `${quiet}#undef FOO_DONE\n${done}`)!), true, 'the last definition changed, the index did not see it');
    assert.equal(ws.set(summarizeFile(s, H, `${quiet}#undef FOO_DONE\n${done}`)!), false);
    const a = '#define FOO_A(x) NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, (x))\n';
    const b = '#define FOO_B(x) NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, (x), NULL)\n';
    assert.equal(ws.set(summarizeFile(s, H, a + b)!), true);
    assert.equal(ws.set(summarizeFile(s, H, b + a)!), true, 'each macro\'s line changed, the index did not see it');
  });
});
