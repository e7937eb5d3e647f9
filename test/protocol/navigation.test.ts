// Navigation over stdio on multi-file drivers (the stand-alone CM and MCM examples, an NDIS 5 CM from the corpus):
// implementation, definition, references, call hierarchy and condis/requestLifecycle, before and after an edit that
// removes a completion and one that puts it back.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CallHierarchyIncomingCall, CallHierarchyItem, CallHierarchyOutgoingCall, Location, Position } from 'vscode-languageserver';
import type { RequestLifecycleResult } from '../../server/src/features/lifecycle/requestLifecycle';
import { clientInitializeParams, offsetOf, positionAt, ROOT, startServer, waitFor, within, type RunningServer } from './lsp';

const MS = 10_000;

describe('navigation between pends and completions', () => {
  let dir: string;
  let server: RunningServer;
  const texts = new Map<string, string>();
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const text = (name: string) => texts.get(name) ?? readFileSync(join(dir, name), 'utf8');
  const at = (name: string, needle: string, delta = 0): Position => positionAt(text(name), offsetOf(text(name), needle) + delta);
  const ask = <T>(method: string, name: string, needle: string, extra: object = {}, delta = 3) =>
    within(MS, `${method} ${needle}`, server.connection.sendRequest<T>(method, { textDocument: { uri: uri(name) }, position: at(name, needle, delta), ...extra }));
  const has = (locs: Location[] | null, name: string, needle: string) => (locs ?? []).some((l) => l.uri === uri(name) &&
    l.range.start.line === at(name, needle).line && l.range.start.character === at(name, needle).character);
  const open = async (name: string) => {
    texts.set(name, readFileSync(join(dir, name), 'utf8'));
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'c', version: 1, text: text(name) } });
  };
  let version = 1;
  const replace = async (name: string, from: string, to: string) => {
    const t = text(name);
    const start = positionAt(t, offsetOf(t, from));
    const end = positionAt(t, offsetOf(t, from) + from.length);
    texts.set(name, t.replace(from, to));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version: ++version }, contentChanges: [{ range: { start, end }, text: to }] });
  };
  let capabilities: Record<string, unknown> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'condis-nav-'));
    cpSync(join(ROOT, 'examples', 'standalone-cm'), join(dir, 'cm'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'mcm'), join(dir, 'mcm'), { recursive: true });
    cpSync(join(ROOT, 'test', 'corpus', 'ndis5-cm'), join(dir, 'ndis5'), { recursive: true });
    server = startServer();
    const params = { ...clientInitializeParams(), rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] };
    capabilities = ((await within(MS, 'initialize', server.connection.sendRequest('initialize', params))) as { capabilities: Record<string, unknown> }).capabilities;
    await server.connection.sendNotification('initialized', {});
    await waitFor(MS, 'the index built', () => (server.log.some((l) => /Indexed \d+ C files/.test(l)) ? true : undefined));
    for (const f of ['cm/call.c', 'cm/driver.c', 'mcm/call.c', 'ndis5/acmcall.c']) await open(f);
  });
  after(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('initialize announces implementation, definition, references and call hierarchy', () => {
    for (const c of ['implementationProvider', 'definitionProvider', 'referencesProvider', 'callHierarchyProvider']) assert.equal(capabilities[c], true, c);
  });

  test('implementation on a handler\'s name, and on its `return NDIS_STATUS_PENDING`, lists the completion call', async () => {
    const byName = await ask<Location[] | null>('textDocument/implementation', 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE');
    assert.ok(has(byName, 'cm/call.c', 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS'), JSON.stringify(byName));
    const byReturn = await ask<Location[] | null>('textDocument/implementation', 'cm/call.c', 'return NDIS_STATUS_PENDING;\n}\n\n_Use_decl_annotations_\nVOID\nExCmDeactivateWorkItem');
    assert.deepEqual(byReturn, byName);
    // From the handler table in another file.
    const fromTable = await ask<Location[] | null>('textDocument/implementation', 'cm/driver.c', 'ExCmCloseCall;');
    assert.deepEqual(fromTable, byName);
  });

  test('implementation elsewhere answers nothing', async () => {
    assert.equal(await ask('textDocument/implementation', 'cm/call.c', 'ExCmUnlinkVc(Vc);\n        // The call is gone'), null);
  });

  test('definition on a completion call offers the handler it completes; on an ordinary call, nothing', async () => {
    const defs = await ask<Location[] | null>('textDocument/definition', 'cm/call.c', 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS');
    assert.ok(has(defs, 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE'), JSON.stringify(defs));
    assert.equal(defs!.length, 1);
    assert.equal(await ask('textDocument/definition', 'cm/call.c', 'ExCmUnlinkVc(Vc);\n        // The call is gone'), null);
  });

  test('references on a handler: its table entry in driver.c and its completion; the definition only with includeDeclaration', async () => {
    const without = await ask<Location[] | null>('textDocument/references', 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE', { context: { includeDeclaration: false } });
    assert.ok((without ?? []).some((l) => l.uri === uri('cm/driver.c')), JSON.stringify(without));
    assert.ok(has(without, 'cm/call.c', 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS'));
    assert.ok(!has(without, 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE'));
    const withDecl = await ask<Location[] | null>('textDocument/references', 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE', { context: { includeDeclaration: true } });
    assert.ok(has(withDecl, 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE'));
    assert.equal(withDecl!.length, without!.length + 1);
  });

  test('call hierarchy: from the function completing the close, up to the work item that calls it, and back down', async () => {
    const items = await ask<CallHierarchyItem[] | null>('textDocument/prepareCallHierarchy', 'cm/call.c', 'ExCmDeactivateVcComplete(NDIS_STATUS Status');
    assert.equal(items?.length, 1);
    assert.equal(items![0].name, 'ExCmDeactivateVcComplete');
    const incoming = await within(MS, 'incoming', server.connection.sendRequest<CallHierarchyIncomingCall[]>('callHierarchy/incomingCalls', { item: items![0] }));
    const work = incoming.find((c) => c.from.name === 'ExCmDeactivateWorkItem');
    assert.ok(work, JSON.stringify(incoming.map((c) => c.from.name)));
    assert.deepEqual(work.fromRanges[0].start, at('cm/call.c', 'ExCmDeactivateVcComplete(Vc->DeactivateStatus', 0));
    const outgoing = await within(MS, 'outgoing', server.connection.sendRequest<CallHierarchyOutgoingCall[]>('callHierarchy/outgoingCalls', { item: work.from }));
    assert.deepEqual(outgoing.map((c) => c.to.name), ['ExCmDeactivateVcComplete']);
  });

  test('condis/requestLifecycle on the close-call handler: steps from the catalog with the author\'s functions', async () => {
    const r = await ask<RequestLifecycleResult | null>('condis/requestLifecycle', 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE');
    assert.ok(r);
    assert.equal(r.request, 'CloseCall');
    assert.deepEqual(r.steps.map((s) => s.id), ['initiate', 'handler', 'pending', 'complete', 'callback', 'vc-delete']);
    const step = (id: string) => r.steps.find((s) => s.id === id)!;
    assert.equal(step('handler').state, 'implemented');
    assert.deepEqual(step('complete').implementedBy.map((x) => x.name), ['ExCmDeactivateVcComplete']);
    assert.equal(step('complete').api, 'NdisCmCloseCallComplete');
    assert.equal(step('vc-delete').state, 'implemented', 'ExCm creates VCs for incoming calls and deletes them');
    // The same picture from the completion call.
    const fromCall = await ask<RequestLifecycleResult | null>('condis/requestLifecycle', 'cm/call.c', 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS');
    assert.equal(fromCall?.handler.name, 'ExCmCloseCall');
  });

  test('an MCM: the completion is its NdisMCm spelling, found by implementation and in the picture', async () => {
    const locs = await ask<Location[] | null>('textDocument/implementation', 'mcm/call.c', 'ExMcmCloseCall(NDIS_HANDLE');
    assert.ok(has(locs, 'mcm/call.c', 'NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS'), JSON.stringify(locs));
    const r = await ask<RequestLifecycleResult | null>('condis/requestLifecycle', 'mcm/call.c', 'ExMcmCloseCall(NDIS_HANDLE');
    assert.equal(r?.steps.find((s) => s.id === 'complete')?.api, 'NdisMCmCloseCallComplete');
    assert.equal(r?.steps.find((s) => s.id === 'vc-delete')?.api, 'NdisMCmDeleteVc');
  });

  test('an NDIS 5 CM completing through a macro: implementation finds the macro use', async () => {
    const locs = await ask<Location[] | null>('textDocument/implementation', 'ndis5/acmcall.c', 'AcmCloseCall(\n');
    assert.ok(has(locs, 'ndis5/acmcall.c', 'ACM_COMPLETE_CLOSE(pVc, NDIS_STATUS_SUCCESS)'), JSON.stringify(locs));
  });

  test('after an edit removing the completion: no implementation, the picture marks it missing; restored, it is back', async () => {
    const call = 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, PartyHandle);';
    await replace('cm/call.c', call, '/* completion removed */');
    let locs = await ask<Location[] | null>('textDocument/implementation', 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE');
    assert.deepEqual(locs, []);
    const r = await ask<RequestLifecycleResult | null>('condis/requestLifecycle', 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE');
    assert.equal(r?.steps.find((s) => s.id === 'complete')?.state, 'missing');
    await replace('cm/call.c', '/* completion removed */', call);
    locs = await ask<Location[] | null>('textDocument/implementation', 'cm/call.c', 'ExCmCloseCall(NDIS_HANDLE');
    assert.ok(has(locs, 'cm/call.c', call));
  });
});
