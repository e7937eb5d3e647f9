// Per driver, not per workspace (issue 12, point 7): every cross-file fact a rule reads belongs to the file's own
// driver (drivers.ts), a library registering two kinds gets no kind-specific finding, and until the index has read
// the files that decide a file's driver, no rule that reads other files reports on it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex, classify } from '../../server/src/analysis/workspace';
import type { FileSummary } from '../../server/src/analysis/summary';
import { indexFolders } from '../../server/src/indexer';
import { nodeSourceFiles } from '../../server/src/nodeSourceFiles';
import { Validator } from '../../server/src/validation';
import { readSettings } from '../../server/src/settings';
import type { Services } from '../../server/src/services';
import { check, services } from './helpers';
import { CM_HEADER, CM_REGISTRATION } from './rules/ruleTestKit';

const file = (uri: string, over: Partial<FileSummary> = {}): FileSummary =>
  ({ uri, evidence: [], bindings: [], callGraph: {}, calls: {}, vcCreated: [], vcDeleted: [], ...over });
const CM = ['NdisCmRegisterAddressFamilyEx'];
const MCM = ['NdisMCmRegisterAddressFamilyEx'];

/** A call manager that completes the close of a VC kept in Vc->NdisVcHandle; it never creates one itself. */
const CLOSES = `${CM_HEADER}
NDIS_STATUS CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    return NDIS_STATUS_PENDING;
}
${CM_REGISTRATION}`;
/** A call manager that creates a VC into the same field. */
const CREATES = `${CM_HEADER}
NDIS_STATUS CmOffer(PCM_ADAPTER Adapter, PCM_VC Vc)
{
    return NdisCoCreateVc(Adapter->BindingHandle, Adapter->NdisAfHandle, Vc, &Vc->NdisVcHandle);
}
${CM_REGISTRATION}`;
const ENTRY = 'NTSTATUS DriverEntry(PDRIVER_OBJECT D, PUNICODE_STRING R) { return NdisRegisterProtocolDriver(NULL, NULL, NULL); }\n';

describe('facts per driver', () => {
  test('a VC created by another driver is not this driver\'s: no missing delete (examples + fixtures)', async () => {
    const r = await check({ 'fixtures/close.c': CLOSES, 'examples/cm/create.c': CREATES });
    assert.deepEqual(r.of('missing-vc-delete'), []);
  });

  test('a VC created by the same driver, in another file or subfolder, still counts', async () => {
    for (const other of ['cm/create.c', 'cm/sub/create.c']) {
      const r = await check({ 'cm/close.c': CLOSES, [other]: CREATES.replace(CM_REGISTRATION, '') });
      assert.equal(r.of('missing-vc-delete').length, 1, other);
    }
  });

  test('two files that each define DriverEntry in one folder are two drivers; the other files there are shared', async () => {
    const apart = await check({ 'fx/ndis5.c': CLOSES + ENTRY, 'fx/ndis6.c': CREATES + ENTRY });
    assert.deepEqual(apart.of('missing-vc-delete'), []);
    const shared = await check({ 'fx/ndis5.c': CLOSES + ENTRY, 'fx/ndis6.c': ENTRY, 'fx/common.c': CREATES.replace(CM_REGISTRATION, '') });
    assert.equal(shared.of('missing-vc-delete').length, 1);
  });

  test('bindings, calls and callers are answered from the asking file\'s driver', () => {
    const ws = new WorkspaceIndex();
    ws.set(file('file:///w/a/reg.c', { evidence: CM, bindings: [{ name: 'Close', entry: 'PROTOCOL_CM_CLOSE_CALL', via: 'handler-field', field: 'CmCloseCallHandler' }], calls: { NdisCmCloseCallComplete: 1 }, callGraph: { Helper: ['NdisCmCloseCallComplete'] } }));
    ws.set(file('file:///w/b/reg.c', { evidence: MCM }));
    ws.set(file('file:///w/a/include/a.h'));
    for (const mine of ['file:///w/a/x.c', 'file:///w/a/include/a.h']) {
      const v = ws.forFile(mine);
      assert.equal(v.bindingsOf('Close').length, 1, mine);
      assert.equal(v.callCount('NdisCmCloseCallComplete', mine), 1);
      assert.deepEqual(v.callersOf('NdisCmCloseCallComplete'), ['Helper']);
    }
    const other = ws.forFile('file:///w/b/x.c');
    assert.deepEqual([other.bindingsOf('Close'), other.callCount('NdisCmCloseCallComplete'), other.callersOf('NdisCmCloseCallComplete')], [[], 0, []]);
    assert.deepEqual([...other.summaries()].map((s) => s.uri), ['file:///w/b/reg.c']);
    // The whole index still answers for everything (hover, and callers that ask it directly).
    assert.equal(ws.bindingsOf('Close').length, 1);
  });

  test('a file shared above two drivers sees both, and both see it', () => {
    const ws = new WorkspaceIndex();
    ws.set(file('file:///w/cm/reg.c', { evidence: CM }));
    ws.set(file('file:///w/mcm/reg.c', { evidence: MCM }));
    ws.set(file('file:///w/common.h', { bindings: [{ name: 'Shared', entry: 'PROTOCOL_CM_CLOSE_CALL', via: 'role-type' }] }));
    assert.equal(ws.forFile('file:///w/cm/x.c').bindingsOf('Shared').length, 1);
    assert.equal(ws.forFile('file:///w/mcm/x.c').bindingsOf('Shared').length, 1);
    assert.equal([...ws.forFile('file:///w/common.h').summaries()].length, 3);
    assert.equal(ws.roleOf('file:///w/cm/x.c'), 'call-manager');
    assert.equal(ws.roleOf('file:///w/mcm/x.c'), 'miniport-call-manager');
  });
});

describe('a library of both kinds', () => {
  test('registering as two kinds classifies as mixed; one registration keeps its kind', () => {
    assert.equal(classify(new Set(['NdisCmRegisterAddressFamilyEx', 'NdisClOpenAddressFamilyEx'])), 'mixed');
    assert.equal(classify(new Set(['NdisCmRegisterAddressFamilyEx', 'NdisMCmRegisterAddressFamilyEx'])), 'mixed');
    assert.equal(classify(new Set(['NdisCmRegisterAddressFamilyEx', 'NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS'])), 'call-manager');
    assert.equal(classify(new Set(['NdisClOpenAddressFamilyEx', 'NDIS_CO_CLIENT_OPTIONAL_HANDLERS'])), 'client');
  });

  const SPELLS_BOTH = `
VOID Finish(NDIS_HANDLE Vc) { NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL); NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL); }
`;
  test('no cm-api-in-miniport or mcm-api-in-protocol for it; each kind alone still gets its finding', async () => {
    const mixed = await check({ 'lib/x.c': SPELLS_BOTH, 'lib/reg.c': 'VOID R(NDIS_HANDLE b, PCO_ADDRESS_FAMILY af) { NdisCmRegisterAddressFamilyEx(b, af); NdisClOpenAddressFamilyEx(b, af, NULL, NULL); }\n' });
    assert.deepEqual([...mixed.of('cm-api-in-miniport'), ...mixed.of('mcm-api-in-protocol')], []);
    const cm = await check({ 'lib/x.c': SPELLS_BOTH, 'lib/reg.c': 'VOID R(NDIS_HANDLE b, PCO_ADDRESS_FAMILY af) { NdisCmRegisterAddressFamilyEx(b, af); }\n' });
    assert.equal(cm.of('mcm-api-in-protocol').length, 1);
    const mcm = await check({ 'lib/x.c': SPELLS_BOTH, 'lib/reg.c': 'VOID R(NDIS_HANDLE b, PCO_ADDRESS_FAMILY af) { NdisMCmRegisterAddressFamilyEx(b, af); }\n' });
    assert.equal(mcm.of('cm-api-in-miniport').length, 1);
  });
});

describe('until the index has read a folder', () => {
  test('the kind is unknown while a file that could decide it is unread, and known once it is read', () => {
    const ws = new WorkspaceIndex();
    ws.expectFolders(['file:///w']);
    ws.set(file('file:///w/mcm/reg.c', { evidence: MCM }));
    ws.set(file('file:///w/cm/call.c')); // an open document, fed before its neighbours
    assert.equal(ws.roleOf('file:///w/cm/call.c'), 'unknown');
    ws.expect(['file:///w/mcm/reg.c', 'file:///w/cm/call.c', 'file:///w/cm/reg.c']);
    ws.listed('file:///w/');
    ws.settle('file:///w/mcm/reg.c');
    assert.equal(ws.roleOf('file:///w/mcm/reg.c'), 'miniport-call-manager'); // its own folder is read
    ws.settle('file:///w/cm/call.c');
    assert.equal(ws.roleOf('file:///w/cm/call.c'), 'unknown');
    assert.equal(ws.settled('file:///w/cm/call.c'), false);
    ws.set(file('file:///w/cm/reg.c', { evidence: CM }));
    ws.settle('file:///w/cm/reg.c');
    assert.equal(ws.roleOf('file:///w/cm/call.c'), 'call-manager');
    assert.equal(ws.settled('file:///w/cm/call.c'), true);
  });

  describe('an open document checked while the index is being built', () => {
    let dir: string;
    let s: Services;
    let saved: Services['workspace'];
    const CALLS = `VOID Finish(NDIS_HANDLE Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, NULL); NdisMCmActivateVc(Vc, NULL); }\n`;
    before(async () => {
      s = await services();
      saved = s.workspace;
      s.workspace = new WorkspaceIndex();
      dir = mkdtempSync(join(tmpdir(), 'condis-drivers-'));
      mkdirSync(join(dir, 'a-mcm'));
      mkdirSync(join(dir, 'b-cm'));
      writeFileSync(join(dir, 'a-mcm', 'driver.c'), 'VOID R(NDIS_HANDLE b, PCO_ADDRESS_FAMILY af) { NdisMCmRegisterAddressFamilyEx(b, af); }\n');
      for (let i = 0; i < 7; i++) writeFileSync(join(dir, 'a-mcm', `part${i}.c`), `int Part${i};\n`);
      writeFileSync(join(dir, 'b-cm', 'call.c'), CALLS);
      writeFileSync(join(dir, 'b-cm', 'driver.c'), 'VOID R(NDIS_HANDLE b, PCO_ADDRESS_FAMILY af) { NdisCmRegisterAddressFamilyEx(b, af); }\n');
    });
    after(() => {
      s.workspace = saved;
      rmSync(dir, { recursive: true, force: true });
    });

    test('gets no finding naming the neighbouring MCM, and its kind-dependent findings once its folder is read', async () => {
      const published: { rules: string[] }[] = [];
      const uri = pathToFileURL(join(dir, 'b-cm', 'call.c')).href;
      let seen: () => void;
      const final = new Promise<void>((resolve) => { seen = resolve; });
      const v = new Validator(s, () => readSettings({}), 'https://docs/', (u, _version, d) => {
        if (u !== uri) return;
        published.push({ rules: d.map((x) => String(x.code)) });
        if (d.some((x) => x.code === 'mcm-api-in-protocol')) seen();
      }, () => undefined);
      const early: string[][] = [];
      await indexFolders(s, nodeSourceFiles, [pathToFileURL(dir).href], 1 << 20, {
        // After the first slice (the MCM's folder read, this driver's not): the document opens and is checked.
        report: (done) => {
          if (done !== 8) return;
          const doc = s.documents.open(uri, 'c', 1, CALLS);
          early.push(v.diagnostics(doc).map((x) => String(x.code)));
        },
        cancelled: () => false,
      }, () => undefined);
      assert.deepEqual(early, [[]]);
      await final; // the validator re-checks it once its folder is read, with no timer of the test's own
      assert.ok(published.every((p) => !p.rules.includes('cm-api-in-miniport')), JSON.stringify(published));
      assert.deepEqual(published.at(-1)!.rules, ['mcm-api-in-protocol']);
      s.documents.close(uri);
    });
  });
});
