// The workspace index builds off the server's thread (a worker thread in Node; CONDIS_INDEX_THREADS=0 builds it in the
// server's thread between messages): a hover sent while it builds is answered before the indexer reports much more, the
// open file's first diagnostics come before the build ends, and what the index holds at the end is the same either way
// (a cross-file finding that needs the handler table read last).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { clientInitializeParams, positionOf, startServer, waitFor, within, type RunningServer } from './lsp';

const MS = 60_000;
const FILLERS = 32;
const OPEN = 'NDIS_STATUS\nOpenHandler(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily, NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext)\n' +
  '{\n    *CallMgrAfContext = CallMgrBindingContext;\n    return NDIS_STATUS_SUCCESS;\n}\n\n' +
  'VOID\nFinish(NDIS_HANDLE Vc)\n{\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL);\n}\n';
const TABLES = 'VOID\nRegister(NDIS_HANDLE Driver)\n{\n    NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H;\n    H.CmOpenAfHandler = OpenHandler;\n' +
  '    NdisSetOptionalHandlers(Driver, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&H);\n}\n';

/** A file of `n` small functions calling NDIS: enough that summarising one takes a while. */
function filler(file: number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += `NDIS_STATUS\nFiller${file}_${i}(NDIS_HANDLE h, PVOID Buffer)\n{\n    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;\n` +
      '    NdisZeroMemory(Buffer, sizeof(NDIS_HANDLE));\n    if (Status != NDIS_STATUS_SUCCESS) {\n        return Status;\n    }\n' +
      `    switch (${i} & 3) { case 0: Status = NDIS_STATUS_PENDING; break; default: break; }\n    return Status;\n}\n\n`;
  }
  return out;
}

interface Run { events: string[]; final: string[]; log: string[] }

/** One server on `dir`: the file opened at once, a hover sent after the first progress report; the order of what came back. */
async function run(dir: string, threads: string | undefined): Promise<Run> {
  const uri = pathToFileURL(join(dir, 'drv', 'src', 'open.c')).href;
  const saved = process.env.CONDIS_INDEX_THREADS;
  if (threads === undefined) delete process.env.CONDIS_INDEX_THREADS; else process.env.CONDIS_INDEX_THREADS = threads;
  let server: RunningServer | undefined;
  try {
    server = startServer();
    const s = server;
    const events: string[] = [];
    let final: string[] = [];
    s.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri !== uri) return;
      final = p.diagnostics.map((d) => String(d.code));
      events.push('diagnostics');
    });
    let hovered = false;
    s.connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      events.push(p.value?.kind ?? '?');
      if (p.value?.kind !== 'report' || hovered) return;
      hovered = true;
      void s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(OPEN, 'NdisCmCloseCallComplete', 3) })
        .then((h) => events.push(h ? 'hover' : 'empty hover'));
    });
    const base = clientInitializeParams();
    const root = pathToFileURL(dir).href;
    await within(MS, 'initialize', s.connection.sendRequest('initialize', {
      ...base, rootUri: root, workspaceFolders: [{ uri: root, name: 'w' }], capabilities: { ...base.capabilities, window: { workDoneProgress: true } },
    }));
    await s.connection.sendNotification('initialized', {});
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: OPEN } });
    await waitFor(MS, 'the index built', () => (s.log.some((l) => /Indexed \d+ C files/.test(l)) ? true : undefined));
    await waitFor(MS, 'the cross-file finding', () => (final.includes('handler-without-role-type') ? true : undefined));
    return { events, final, log: [...s.log] };
  } finally {
    server?.kill();
    if (saved === undefined) delete process.env.CONDIS_INDEX_THREADS; else process.env.CONDIS_INDEX_THREADS = saved;
  }
}

describe('requests while the workspace index builds', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'condis-indexing-'));
    mkdirSync(join(dir, 'drv', 'src', 'area'), { recursive: true });
    for (let i = 0; i < FILLERS; i++) writeFileSync(join(dir, 'drv', 'src', 'area', `f${String(i).padStart(3, '0')}.c`), filler(i, 150));
    writeFileSync(join(dir, 'drv', 'src', 'open.c'), OPEN);
    // Listed after src/: the driver of open.c is decided only when the last file is read.
    writeFileSync(join(dir, 'drv', 'tables.c'), TABLES);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** `reports`: how many progress reports may come between the one the hover was sent on and its answer. */
  const check = (r: Run, reports: number) => {
    const at = (e: string) => r.events.indexOf(e);
    assert.ok(at('hover') >= 0, r.events.join(' '));
    // The indexer reads 8 files between two reports; a worker thread leaves the server's thread free, so the hover is
    // answered before the next one. In the server's thread it waits for the file being read (test/unit/indexSummaries).
    const reportsBefore = r.events.slice(r.events.indexOf('report') + 1, at('hover')).filter((e) => e === 'report').length;
    assert.ok(reportsBefore <= reports, `${reportsBefore} reports before the hover: ${r.events.join(' ')}`);
    assert.ok(at('hover') < at('end'), r.events.join(' '));
    assert.ok(at('diagnostics') < at('end'), r.events.join(' '));
    assert.ok(r.events.filter((e) => e === 'report').length >= 3, r.events.join(' '));
  };

  test('in a worker thread: the hover comes back while the index builds, and the finding from the table file follows', async () => {
    const r = await run(dir, undefined);
    check(r, 0);
    assert.ok(r.log.some((l) => /Indexed \d+ C files in \d+ ms \([1-9]\d* worker threads?\)/.test(l)), r.log.join(''));
    assert.deepEqual(r.final, ['handler-without-role-type']);
  });

  test('in the server thread (CONDIS_INDEX_THREADS=0): the same order, and the same findings', async () => {
    const r = await run(dir, '0');
    check(r, 1);
    assert.ok(r.log.some((l) => /Indexed \d+ C files in \d+ ms\.$/m.test(l)), r.log.join(''));
    assert.deepEqual(r.final, ['handler-without-role-type']);
  });
});
