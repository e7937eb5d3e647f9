// The lifecycle model: how each pendable handler ends and where its request is completed (directly, in another file,
// through a workspace macro, through a helper), from the summaries, for open and closed files alike.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CM_HEADER, CM_REGISTRATION } from '../rules/ruleTestKit';
import { at, modelOf } from './modelKit';

const CALL_C = `${CM_HEADER}
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NdisCmDeactivateVc(Vc->NdisVcHandle);
    return NDIS_STATUS_PENDING;
}
${CM_REGISTRATION}`;

const VC_C = `${CM_HEADER}
VOID CmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}
`;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('lifecycle model', () => {
  for (const open of [[], ['call.c', 'vc.c']]) {
    const how = open.length ? 'open files (flow)' : 'closed files (summaries)';
    test(`a pending close call completed in another file: pends, completed there (${how})`, async () => {
      const m = await modelOf({ 'call.c': CALL_C, 'vc.c': VC_C }, { open });
      const [h] = m.handler('CmCloseCall');
      assert.equal(h.role, 'PROTOCOL_CM_CLOSE_CALL');
      assert.equal(h.conventional, 'ProtocolCmCloseCall');
      assert.equal(h.pendable, true);
      assert.equal(h.ending, 'pends');
      assert.equal(at(h.definition), `call.c:${lineOf(CALL_C, 'CmCloseCall(NDIS_HANDLE')}`);
      // The role-type declaration of the shared header text, in each file that has it.
      assert.deepEqual(h.registrations.map(at), ['call.c', 'vc.c'].map((f) => `${f}:${lineOf(CALL_C, 'PROTOCOL_CM_CLOSE_CALL CmCloseCall;')}`));
      assert.deepEqual(h.completions.map((c) => [c.callee, c.caller, at(c.place), c.via]),
        [['NdisCmCloseCallComplete', 'CmDeactivateVcComplete', `vc.c:${lineOf(VC_C, 'NdisCmCloseCallComplete(')}`, undefined]]);
      assert.deepEqual(m.completedBy('NdisCmCloseCallComplete').map((x) => x.name), ['CmCloseCall']);
      assert.equal(m.completedBy('NdisMCmCloseCallComplete')[0]?.name, 'CmCloseCall', 'the MCM spelling completes it too');
    });
  }

  test('the completion removed: still pends, no completion', async () => {
    const m = await modelOf({ 'call.c': CALL_C, 'vc.c': VC_C.replace('NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);', '') });
    const [h] = m.handler('CmCloseCall');
    assert.equal(h.ending, 'pends');
    assert.deepEqual(h.completions, []);
  });

  for (const open of [[], ['call.c']]) {
    test(`a handler that returns SUCCESS on every path completes synchronously (${open.length ? 'flow' : 'syntax'})`, async () => {
      const sync = CALL_C.replace('return NDIS_STATUS_PENDING;', 'return NDIS_STATUS_SUCCESS;');
      const [h] = (await modelOf({ 'call.c': sync, 'vc.c': VC_C }, { open })).handler('CmCloseCall');
      assert.equal(h.ending, 'sync');
    });
  }

  test('a status variable given PENDING and returned pends; one given a call\'s result is unknown', async () => {
    const viaVar = CALL_C.replace('return NDIS_STATUS_PENDING;', 'NDIS_STATUS S = NDIS_STATUS_PENDING;\n    return S;');
    assert.equal((await modelOf({ 'call.c': viaVar })).handler('CmCloseCall')[0].ending, 'pends');
    const fromCall = CALL_C.replace('NdisCmDeactivateVc(Vc->NdisVcHandle);\n    return NDIS_STATUS_PENDING;', 'return NdisCmDeactivateVc(Vc->NdisVcHandle);');
    assert.equal((await modelOf({ 'call.c': fromCall })).handler('CmCloseCall')[0].ending, 'unknown');
  });

  test('a handler whose role has no completion is not pendable', async () => {
    const src = `${CALL_C}
PROTOCOL_CO_CREATE_VC CmCreateVc;
NDIS_STATUS CmCreateVc(NDIS_HANDLE A, NDIS_HANDLE V, PNDIS_HANDLE C) { return NDIS_STATUS_SUCCESS; }`;
    const [h] = (await modelOf({ 'call.c': src })).handler('CmCreateVc');
    assert.equal(h.pendable, false);
    assert.equal(h.ending, 'not-pendable');
    assert.deepEqual(h.completions, []);
  });

  test('a completion made through a workspace macro defined in a header names the macro', async () => {
    const header = '#define COMPLETE_CLOSE(S, V) NdisCmCloseCallComplete((S), (V)->NdisVcHandle, NULL)\n';
    const vc = VC_C.replace('NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);', 'COMPLETE_CLOSE(Status, Vc);');
    const m = await modelOf({ 'call.c': CALL_C, 'vc.c': vc, 'macros.h': header });
    const [h] = m.handler('CmCloseCall');
    assert.deepEqual(h.completions.map((c) => [c.callee, c.caller, at(c.place), c.via]),
      [['NdisCmCloseCallComplete', 'CmDeactivateVcComplete', `vc.c:${lineOf(vc, 'COMPLETE_CLOSE(Status')}`, 'COMPLETE_CLOSE']]);
  });

  test('a completion made in a helper: the helper\'s call and the call through it (from a DPC in a third file)', async () => {
    const helper = `${CM_HEADER}
VOID FinishClose(PCM_VC Vc, NDIS_STATUS Status)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}
`;
    const dpc = `${CM_HEADER}
VOID FinishClose(PCM_VC Vc, NDIS_STATUS Status);
VOID CloseDpc(PVOID A, PVOID Ctx, PVOID B, PVOID C)
{
    FinishClose((PCM_VC)Ctx, NDIS_STATUS_SUCCESS);
}
`;
    const m = await modelOf({ 'call.c': CALL_C, 'helper.c': helper, 'dpc.c': dpc });
    const [h] = m.handler('CmCloseCall');
    const got = h.completions.map((c) => [c.caller, at(c.place), c.via ?? '']).sort();
    assert.deepEqual(got, [['CloseDpc', `dpc.c:${lineOf(dpc, 'FinishClose((PCM_VC)')}`, 'FinishClose'], ['FinishClose', `helper.c:${lineOf(helper, 'NdisCmCloseCallComplete(')}`, '']]);
    assert.deepEqual(m.sitesIn('CloseDpc').map((s) => s.callee), ['NdisCmCloseCallComplete']);
  });

  test('a neutral refactor (functions reordered, a comment added) changes places only', async () => {
    const a = await modelOf({ 'call.c': CALL_C, 'vc.c': VC_C });
    const moved = `${CM_HEADER}\n// Completions come later.\nVOID Unrelated(VOID) { }\n${VC_C.replace(CM_HEADER, '')}`;
    const b = await modelOf({ 'call.c': CALL_C, 'vc.c': moved });
    const strip = (h: typeof a.handlers[number]) => ({ ...h, completions: h.completions.map((c) => ({ ...c, place: undefined })) });
    assert.deepEqual(b.handlers.map(strip), a.handlers.map(strip));
    assert.notDeepEqual(b.handlers[0].completions[0].place, a.handlers[0].completions[0].place);
  });

  test('a handler table entry is a registration, listed under its structure', async () => {
    const src = `${CALL_C}
VOID Register(VOID)
{
    NDIS_CALL_MANAGER_CHARACTERISTICS Chars;
    Chars.CmCloseCallHandler = CmCloseCall;
}`;
    const m = await modelOf({ 'call.c': src });
    const [h] = m.handler('CmCloseCall');
    assert.equal(h.registrations.length, 2, 'the declaration and the table entry');
    const t = m.tables.find((x) => x.entries.some((e) => e.handler === 'CmCloseCall'));
    assert.equal(t?.structure, 'NDIS_CALL_MANAGER_CHARACTERISTICS');
    assert.equal(t?.entries[0].field, 'CmCloseCallHandler');
    assert.equal(m.kind, 'call-manager');
    assert.ok(m.evidence.some((e) => e.name === 'NdisCmRegisterAddressFamilyEx' && e.place));
  });
});
