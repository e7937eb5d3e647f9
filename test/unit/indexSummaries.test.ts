// Workspace indexing off the server's thread: summaries cross threads as plain data and come back equal (lifecycle
// places included), a summarizer whose worker cannot start hands every file to the in-thread one, the indexer stores
// results in listing order whatever order they finish in, and workspace facts derive only the group that is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { services } from './helpers';
import { summarizeFile } from '../../server/src/services';
import { fromTransfer, withLifecycleValue, type FileSummarizer, type Summarized } from '../../server/src/summaryTransfer';
import { workerSummarizer } from '../../server/src/workerSummarizer';
import { indexFiles } from '../../server/src/indexer';
import { factsOf } from '../../server/src/analysis/workspaceFacts';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import type { FileSummary } from '../../server/src/analysis/summary';
import type { SourceFiles } from '../../server/src/sourceFiles';

const CM = `#define COMPLETE(v) NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, (v), NULL)
PROTOCOL_CM_CLOSE_CALL CloseCall;
NDIS_STATUS constructor(NDIS_HANDLE h) { return NDIS_STATUS_SUCCESS; }
NDIS_STATUS CloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID Buffer, UINT Size)
{
    COMPLETE(CallMgrVcContext);
    return NDIS_STATUS_PENDING;
}
VOID Reg(NDIS_HANDLE d) { NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H; H.CmCloseCallHandler = CloseCall; NdisSetOptionalHandlers(d, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&H); }
`;

test('a summary sent as plain data (structured clone) comes back equal, lifecycle places included', async () => {
  const s = await services();
  const original = summarizeFile(s, 'file:///ws/cm.c', CM)!;
  assert.ok(original.lifecycle!.functions.length >= 3);
  const pool = new Map<string, string>();
  const received = fromTransfer(structuredClone(withLifecycleValue({ ...original, lifecycle: original.lifecycle }, true)), pool);
  assert.ok(pool.has('CloseCall') && pool.has('PROTOCOL_CM_CLOSE_CALL'));
  assert.deepEqual({ ...received }, { ...original });
  assert.deepEqual(received.lifecycle, original.lifecycle);
  // As the summary a file read in this thread gets: lifecycle not enumerable, records keyed by any name.
  assert.equal(Object.keys(received).includes('lifecycle'), false);
  assert.equal(Object.getPrototypeOf(received.arities), null);
  assert.deepEqual(received.arities!.constructor, [1]);
});

test('a file summarised in this thread keeps its lifecycle as a value, not a getter over the items', async () => {
  const s = await services();
  const summary = summarizeFile(s, 'file:///ws/cm.c', CM)!;
  const d = Object.getOwnPropertyDescriptor(summary, 'lifecycle')!;
  assert.equal(d.get, undefined);
  assert.equal(d.enumerable, false);
  assert.ok(d.value.functions.length >= 3);
});

function fakeInThread(calls: string[]): FileSummarizer {
  return {
    parallel: 1, inThread: true,
    summarize: async (uri) => { calls.push(uri); return { ok: true, summary: null }; },
    close: () => undefined,
  };
}

test('a worker that cannot start hands every file to the in-thread summarizer', async () => {
  const calls: string[] = [];
  const logged: string[] = [];
  const w = workerSummarizer('/nonexistent/indexWorker.js', 1, fakeInThread(calls), (m) => logged.push(m));
  const rs = await Promise.all(['file:///a.c', 'file:///b.c', 'file:///c.c'].map((u) => w.summarize(u, 1e6)));
  w.close();
  assert.deepEqual(rs.map((r) => r.ok), [true, true, true]);
  assert.deepEqual(calls.sort(), ['file:///a.c', 'file:///b.c', 'file:///c.c']);
  assert.equal(w.inThread, true);
  assert.equal(logged.length, 1, logged.join('\n'));
});

test('the indexer stores results in listing order, whatever order they finish in', async () => {
  const s = await services();
  const ws = new WorkspaceIndex();
  const svc = { ...s, workspace: ws };
  const files = Array.from({ length: 12 }, (_, i) => `file:///ws/f${String(i).padStart(2, '0')}.c`);
  const summaries = new Map(files.map((u, i) => [u, summarizeFile(s, u, `int F${i}(int x) { return x; }\n`)!]));
  // Later files finish first: each answer waits for the next one to be asked and answered.
  const waiting: (() => void)[] = [];
  let asked = 0;
  const reversed: FileSummarizer = {
    parallel: 3, inThread: false,
    summarize: (uri) => new Promise<Summarized>((resolve) => {
      asked++;
      const answer = () => resolve({ ok: true, summary: summaries.get(uri)! });
      if (asked % 3 === 0 || asked === files.length) { answer(); while (waiting.length) waiting.pop()!(); } else waiting.push(answer);
    }),
    close: () => undefined,
  };
  ws.expectFolders(['file:///ws/']);
  ws.expect(files);
  ws.listed('file:///ws/');
  const source = {} as SourceFiles;
  const r = await indexFiles(svc, source, files, 1e6, { report: () => undefined, cancelled: () => false }, () => undefined, reversed);
  assert.equal(r.done, files.length);
  assert.deepEqual([...ws.summaries()].map((f: FileSummary) => f.uri), files);
  assert.ok(ws.settled(files[0]));
});

test('workspace facts derive only the group that is read: the bindings never walk the call graph', () => {
  let graphReads = 0;
  const file = (uri: string, fns: string[]): FileSummary => ({
    uri, bindings: [{ name: fns[0], entry: 'PROTOCOL_CM_CLOSE_CALL', via: 'role-type' }], calls: { NdisZeroMemory: fns.length }, evidence: [],
    vcCreated: [], vcDeleted: [],
    get callGraph() { graphReads++; return Object.fromEntries(fns.map((f) => [f, ['NdisZeroMemory']])); },
  });
  const files = [file('file:///a.c', ['A1', 'A2']), file('file:///b.c', ['B1', 'A1'])];
  const facts = factsOf(files);
  assert.deepEqual(facts.bindings.get('A1')?.map((b) => b.uri), ['file:///a.c']);
  assert.equal(facts.macros.size, 0);
  assert.equal(graphReads, 0);
  // Read, the callers are each named once, in the order first met, however many files call the same API.
  assert.deepEqual(facts.callers.get('NdisZeroMemory'), ['A1', 'A2', 'B1']);
  assert.deepEqual(facts.callees.get('A1'), ['NdisZeroMemory', 'NdisZeroMemory']);
  assert.equal(facts.calls.get('NdisZeroMemory'), 4);
  assert.equal(graphReads, 2);
});

test('indexing in this thread lets a waiting message in after each long file, not after a batch of them', async () => {
  const s = await services();
  const svc = { ...s, workspace: new WorkspaceIndex() };
  let summarised = 0;
  // Each file keeps the thread busy for longer than a slice (as a 50 KB file does), so the indexer yields after each.
  const slow: FileSummarizer = {
    parallel: 1, inThread: true,
    summarize: async () => {
      const until = performance.now() + 12;
      while (performance.now() < until) { /* a long parse */ }
      summarised++;
      return { ok: true, summary: null };
    },
    close: () => undefined,
  };
  const files = Array.from({ length: 20 }, (_, i) => `file:///ws/f${i}.c`);
  // A message that arrives while the first file is read: vscode-jsonrpc handles it in an immediate.
  let seenAt = -1;
  setImmediate(() => { seenAt = summarised; });
  await indexFiles(svc, {} as SourceFiles, files, 1e6, { report: () => undefined, cancelled: () => false }, () => undefined, slow);
  assert.equal(summarised, files.length);
  assert.ok(seenAt >= 1 && seenAt <= 2, `the message waited for ${seenAt} files`);
});

test('the workspace macro lookup, kept as summaries come and go, answers as the facts derived from every file do', () => {
  const ws = new WorkspaceIndex();
  const file = (uri: string, macros: [string, string][]): FileSummary => ({
    uri, bindings: [], callGraph: {}, calls: {}, evidence: [], vcCreated: [], vcDeleted: [],
    macros: macros.map(([name, body], i) => ({ name, params: null, body, line: i + 1, start: i * 10 })),
  });
  const names = ['COMPLETE', 'LOCK', 'UNLOCK', 'FREE'];
  const same = () => { for (const n of [...names, 'NONE']) assert.deepEqual(ws.macro(n), factsOf(ws.summaries()).macros.get(n), n); };
  // Redefined in one file (the last wins), defined in several (the URI sorting last wins), files replaced and deleted.
  ws.set(file('file:///ws/b.c', [['COMPLETE', 'b1'], ['LOCK', 'b'], ['COMPLETE', 'b2']]));
  same();
  ws.set(file('file:///ws/a.c', [['COMPLETE', 'a'], ['FREE', 'a']]));
  same();
  ws.set(file('file:///ws/c/d.h', [['LOCK', 'd'], ['UNLOCK', 'd']]));
  same();
  ws.set(file('file:///ws/b.c', [['FREE', 'b']]));
  same();
  ws.delete('file:///ws/c/d.h');
  same();
  ws.set(file('file:///ws/c/d.h', []));
  same();
  assert.equal(ws.macro('COMPLETE')?.body, 'a');
  assert.equal(ws.macro('FREE')?.body, 'b');
});

test('a workspace macro lookup after a change reads no summary again', () => {
  const ws = new WorkspaceIndex();
  let reads = 0;
  const file = (uri: string): FileSummary => {
    const macros = [{ name: 'COMPLETE', params: null, body: uri, line: 1, start: 0 }];
    return { uri, bindings: [], callGraph: {}, calls: {}, evidence: [], vcCreated: [], vcDeleted: [], get macros() { reads++; return macros; } };
  };
  for (let i = 0; i < 50; i++) ws.set(file(`file:///ws/f${String(i).padStart(2, '0')}.c`));
  const stored = reads;
  ws.set(file('file:///ws/zz.c')); // a change: a derived table would be made again from all 51
  const before = reads;
  assert.equal(ws.macro('COMPLETE')?.body, 'file:///ws/zz.c');
  assert.equal(reads, before);
  assert.ok(stored <= 2 * 50, `${stored} reads to store 50 summaries`);
});
