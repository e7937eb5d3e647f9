// Lifecycle lenses and condis/driverModel over stdio, on multi-file drivers (the stand-alone CM and MCM examples, the
// NDIS 5 call manager of the corpus): resolved titles and locations, and how both follow edits that remove or add a
// completion (with condis/driverModelChanged and, for a client that supports it, workspace/codeLens/refresh).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Location } from 'vscode-languageserver';
import type { DriverModelResult, HandlerInfo } from '../../server/src/features/lifecycle/types';
import { clientInitializeParams, ROOT, startServer, waitFor, within, type RunningServer } from './lsp';

const MS = 15_000;
const CLOSE_COMPLETION = 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, PartyHandle);';

describe('lifecycle lenses and condis/driverModel', () => {
  let dir: string;
  let server: RunningServer;
  let changed = 0;
  let refreshes = 0;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const text = (name: string) => readFileSync(join(dir, name), 'utf8');
  /** 1-based line of the first line containing `needle` that is not a comment. */
  const lineOf = (name: string, needle: string) => text(name).split('\n').findIndex((l) => l.includes(needle) && !l.trimStart().startsWith('//')) + 1;
  const model = () => within(MS, 'driverModel', server.connection.sendRequest<DriverModelResult>('condis/driverModel', {}));
  const handlerIn = async (root: string, name: string): Promise<HandlerInfo> => {
    const d = (await model()).drivers.find((x) => x.root === uri(root));
    const h = d?.handlers.find((x) => x.name === name);
    assert.ok(h, `${name} in ${root}`);
    return h;
  };
  const lenses = async (name: string) => {
    const list = await within(MS, 'codeLens', server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(name) } }));
    assert.ok(list.every((l) => !l.command), 'the list is unresolved');
    return Promise.all(list.map((l) => within(MS, 'resolve', server.connection.sendRequest<CodeLens>('codeLens/resolve', l))));
  };
  const lensAt = async (name: string, line: number) => (await lenses(name)).filter((l) => l.range.start.line + 1 === line);
  let version = 1;
  const replace = async (name: string, from: string, to: string) => {
    const t = text(name);
    const offset = t.indexOf(from);
    assert.ok(offset >= 0, from);
    const before = t.slice(0, offset).split('\n');
    const start = { line: before.length - 1, character: before[before.length - 1].length };
    const endLines = (t.slice(0, offset) + from).split('\n');
    const end = { line: endLines.length - 1, character: endLines[endLines.length - 1].length };
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version: ++version }, contentChanges: [{ range: { start, end }, text: to }] });
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'condis-lens-'));
    cpSync(join(ROOT, 'examples', 'standalone-cm'), join(dir, 'cm'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'mcm'), join(dir, 'mcm'), { recursive: true });
    cpSync(join(ROOT, 'test', 'corpus', 'ndis5-cm'), join(dir, 'ndis5'), { recursive: true });
    server = startServer();
    server.connection.onNotification('condis/driverModelChanged', () => { changed++; });
    server.connection.onRequest('workspace/codeLens/refresh', () => { refreshes++; return null; });
    const base = clientInitializeParams();
    const params = {
      ...base, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
      capabilities: { ...base.capabilities, workspace: { ...base.capabilities.workspace, codeLens: { refreshSupport: true } }, textDocument: { ...base.capabilities.textDocument, codeLens: {} } },
    };
    const init = await within(MS, 'initialize', server.connection.sendRequest<{ capabilities: { codeLensProvider?: { resolveProvider?: boolean } } }>('initialize', params));
    assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: true });
    await server.connection.sendNotification('initialized', {});
    await waitFor(MS, 'the index built', () => (server.log.some((l) => /Indexed \d+ C files/.test(l)) ? true : undefined));
    for (const name of ['cm/call.c', 'cm/af.c']) {
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'c', version: 1, text: text(name) } });
    }
  });
  after(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('condis/driverModel lists the three drivers with their kinds, tables and how each request ends', async () => {
    const m = await model();
    assert.equal(m.indexing, false);
    assert.deepEqual(m.drivers.map((d) => [d.root, d.kind]), [[uri('cm/'), 'call-manager'], [uri('mcm/'), 'miniport-call-manager'], [uri('ndis5/'), 'call-manager']]);
    const cm = m.drivers[0];
    assert.ok(cm.evidence.some((e) => e.name === 'NdisCmRegisterAddressFamilyEx' && e.place?.uri === uri('cm/driver.c')));
    assert.ok(cm.tables.some((t) => t.structure === 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS' && t.entries.some((e) => e.handler === 'ExCmCloseCall' && e.field === 'CmCloseCallHandler')));
    const close = cm.handlers.find((h) => h.name === 'ExCmCloseCall')!;
    assert.equal(close.role, 'PROTOCOL_CM_CLOSE_CALL');
    assert.equal(close.ending, 'pends');
    assert.equal(close.definition?.uri, uri('cm/call.c'));
    assert.deepEqual(close.completions.map((c) => [c.callee, c.caller, c.place.uri, c.place.range.start.line + 1]),
      [['NdisCmCloseCallComplete', 'ExCmDeactivateVcComplete', uri('cm/call.c'), lineOf('cm/call.c', CLOSE_COMPLETION)]]);
    const openAf = cm.handlers.find((h) => h.name === 'ExCmOpenAf')!;
    assert.deepEqual(openAf.completions.map((c) => [c.caller, c.place.uri]), [['ExCmOidRequestComplete', uri('cm/af.c')]]);
    // The MCM completes with the NdisMCm spelling.
    const mcmClose = m.drivers[1].handlers.find((h) => h.name === 'ExMcmCloseCall')!;
    assert.deepEqual(mcmClose.completions.map((c) => c.callee), ['NdisMCmCloseCallComplete']);
    // NDIS 5: the close call is completed through a macro of the driver's header.
    const acm = m.drivers[2].handlers.find((h) => h.name === 'AcmCloseCall')!;
    assert.ok(acm.completions.some((c) => c.via === 'ACM_COMPLETE_CLOSE' && c.caller === 'AcmDeactivateVcComplete' && c.place.uri === uri('ndis5/acmcall.c')));
    assert.ok(m.drivers[2].tables.some((t) => t.structure === 'NDIS_CALL_MANAGER_CHARACTERISTICS'));
  });

  test('lenses: the close-call handler says where its request is completed, the completing function names the handler', async () => {
    const handlerLine = lineOf('cm/call.c', 'ExCmCloseCall(');
    const completeLine = lineOf('cm/call.c', CLOSE_COMPLETION);
    const [lens] = await lensAt('cm/call.c', handlerLine);
    assert.equal(lens.command?.title, `ProtocolCmCloseCall · pends → completed by NdisCmCloseCallComplete in ExCmDeactivateVcComplete (call.c:${completeLine})`);
    assert.equal(lens.command?.command, 'condis.showLocations');
    const [at, position, locations] = lens.command!.arguments as [string, unknown, Location[]];
    assert.equal(at, uri('cm/call.c'));
    assert.deepEqual(position, lens.range.start);
    assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line + 1]), [[uri('cm/call.c'), completeLine]]);
    const [done] = await lensAt('cm/call.c', lineOf('cm/call.c', 'ExCmDeactivateVcComplete(NDIS_STATUS Status'));
    assert.equal(done.command?.title, `completes ExCmCloseCall (call.c:${handlerLine})`);
    const sync = (await lenses('cm/call.c')).find((l) => /ModifyCallQoS/.test(l.command?.title ?? ''));
    assert.equal(sync?.command?.title, 'ProtocolCmModifyCallQoS · completes synchronously');
  });

  test('removing the completion: the lens says so, the model follows, the client is told; adding it back restores both', async () => {
    const handlerLine = lineOf('cm/call.c', 'ExCmCloseCall(');
    const before = changed;
    await replace('cm/call.c', CLOSE_COMPLETION, ';');
    await waitFor(MS, 'driverModelChanged after the removal', () => (changed > before ? true : undefined));
    const [lens] = await lensAt('cm/call.c', handlerLine);
    assert.equal(lens.command?.title, 'ProtocolCmCloseCall · pends · no completion found');
    assert.deepEqual((await handlerIn('cm/', 'ExCmCloseCall')).completions, []);
    assert.equal((await lenses('cm/call.c')).filter((l) => /^completes ExCmCloseCall/.test(l.command?.title ?? '')).length, 0);
    const again = changed;
    await replace('cm/call.c', `    if (State == ExCmVcClosing || State == ExCmVcRejecting) {\n        Vc->State = ExCmVcIdle;\n    }\n    NdisReleaseSpinLock(&Binding->Lock);`, `    if (State == ExCmVcClosing || State == ExCmVcRejecting) {\n        Vc->State = ExCmVcIdle;\n    }\n    NdisReleaseSpinLock(&Binding->Lock);\n    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, PartyHandle);`);
    await waitFor(MS, 'driverModelChanged after the addition', () => (changed > again ? true : undefined));
    const h = await handlerIn('cm/', 'ExCmCloseCall');
    // Added at the end of ExCmDeactivateVcComplete, the completion is now made on every path through it (it was under a
    // test before), so the two functions that call it complete the close through it as well.
    assert.deepEqual(h.completions.map((c) => [c.caller, c.via]),
      [['ExCmIncomingCallComplete', 'ExCmDeactivateVcComplete'], ['ExCmDeactivateWorkItem', 'ExCmDeactivateVcComplete'], ['ExCmDeactivateVcComplete', undefined]]);
    const [back] = await lensAt('cm/call.c', handlerLine);
    assert.match(back.command?.title ?? '', /^ProtocolCmCloseCall · pends → completed by NdisCmCloseCallComplete in ExCmDeactivateVcComplete \(call\.c:\d+\) \(\+2 more\)$/);
  });

  test('lenses asked for right after an edit are answered after that edit\'s diagnostics are sent, never before', async () => {
    // Computing lenses must not delay the diagnostics of the edit the user just made (the server answers them after).
    const order: string[] = [];
    const v = version + 1;
    server.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
      if (p.uri === uri('cm/call.c') && p.version === v) order.push('diagnostics');
    });
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('cm/call.c'), version: ++version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] });
    const list = server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('cm/call.c') } }).then((l) => { order.push('lenses'); return l; });
    const model = server.connection.sendRequest('condis/driverModel', {}).then(() => { order.push('model'); });
    const lensList = await within(MS, 'codeLens after an edit', list);
    await within(MS, 'driverModel after an edit', model);
    assert.ok(lensList.length > 0);
    assert.deepEqual(order.slice(0, 1), ['diagnostics'], order.join(', '));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('cm/call.c'), version: ++version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }] });
  });

  test('a completion added in another open file: that file\'s lens counts it, and the client is asked to refresh lenses', async () => {
    const line = lineOf('cm/af.c', 'ExCmOpenAf(');
    const [before] = await lensAt('cm/af.c', line);
    assert.match(before.command?.title ?? '', /^ProtocolCmOpenAf · pends → completed by NdisCmOpenAddressFamilyComplete in ExCmOidRequestComplete \(af\.c:\d+\)$/);
    const refreshed = refreshes;
    await replace('cm/call.c', CLOSE_COMPLETION, `${CLOSE_COMPLETION}\n    NdisCmOpenAddressFamilyComplete(NDIS_STATUS_FAILURE, NULL, NULL);`);
    await waitFor(MS, 'workspace/codeLens/refresh', () => (refreshes > refreshed ? true : undefined));
    const [after] = await lensAt('cm/af.c', line);
    assert.match(after.command?.title ?? '', /\(\+1 more\)$/);
    assert.equal((after.command!.arguments![2] as Location[]).length, 2);
  });
});

describe('condis.codeLens.enable', () => {
  test('off: the server offers no lenses, condis/driverModel still answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'condis-lens-off-'));
    cpSync(join(ROOT, 'examples', 'standalone-cm'), dir, { recursive: true });
    const server = startServer();
    try {
      const params = { ...clientInitializeParams(), rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
        initializationOptions: { settings: { codeLens: { enable: false } } } };
      await within(MS, 'initialize', server.connection.sendRequest('initialize', params));
      await server.connection.sendNotification('initialized', {});
      await waitFor(MS, 'the index built', () => (server.log.some((l) => /Indexed \d+ C files/.test(l)) ? true : undefined));
      const uri = pathToFileURL(join(dir, 'call.c')).href;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: readFileSync(join(dir, 'call.c'), 'utf8') } });
      assert.deepEqual(await within(MS, 'codeLens', server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })), []);
      const m = await within(MS, 'driverModel', server.connection.sendRequest<DriverModelResult>('condis/driverModel', {}));
      assert.ok(m.drivers[0].handlers.some((h) => h.name === 'ExCmCloseCall' && h.ending === 'pends'));
    } finally {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
