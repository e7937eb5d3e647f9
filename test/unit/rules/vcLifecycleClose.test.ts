// VC lifecycle inside ProtocolCmCloseCall: party-handle-mismatch and missing-deactivate-vc.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { CM_HEADER, CM_REGISTRATION, assertFixRoundTrip } from './ruleTestKit';

/** A close handler that knows on each branch whether it closes a multipoint call. `$MP` / `$P2P` are the party arguments. */
const CLOSE_WITH_PARTY = `${CM_HEADER}
_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
    NDIS_STATUS Status = NdisCmDeactivateVc(Vc->NdisVcHandle);

    if (Status == NDIS_STATUS_PENDING) {
        return NDIS_STATUS_PENDING;
    }
    if (Party != NULL) {
        CmSendRelease(Vc, Party->NdisPartyHandle);
        NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, $MP);
    } else {
        NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, $P2P);
    }
    return NDIS_STATUS_PENDING;
}
${CM_REGISTRATION}`;
const withParty = (mp: string, p2p: string) => CLOSE_WITH_PARTY.replace('$MP', mp).replace('$P2P', p2p);

describe('party-handle-mismatch', () => {
  test('reports NULL passed as the party handle where the handler checked its party context is not NULL', async () => {
    const r = await check(withParty('NULL', 'NULL'));
    const found = r.of('party-handle-mismatch');
    assert.equal(found.length, 1);
    assert.equal(r.text.slice(found[0].start, found[0].end), 'NULL');
    assert.equal(found[0].severityName, 'warning');
    assert.match(found[0].message, /passes NULL as the party handle, but `CallMgrPartyContext` \(tested as `Party`\) is not NULL on this path.*Pass that party's handle \(`Party->NdisPartyHandle`\)/);
  });

  test('the fix passes the party handle the handler already uses', async () => {
    const fixed = await assertFixRoundTrip({ 'cm.c': withParty('NULL', 'NULL') }, 'party-handle-mismatch');
    assert.match(fixed, /NdisCmCloseCallComplete\(Status, Vc->NdisVcHandle, Party->NdisPartyHandle\);\n {4}\} else/);
  });

  test('reports a party handle passed where the party context is NULL, and the fix passes NULL', async () => {
    const src = withParty('Party->NdisPartyHandle', 'Vc->NdisPartyHandle');
    const [f] = (await check(src)).of('party-handle-mismatch');
    assert.match(f.message, /passes `Vc->NdisPartyHandle` as the party handle, but `CallMgrPartyContext` \(tested as `Party`\) is NULL on this path.*Pass NULL/);
    const fixed = await assertFixRoundTrip({ 'cm.c': src }, 'party-handle-mismatch');
    assert.match(fixed, /\} else \{\n {8}NdisCmCloseCallComplete\(Status, Vc->NdisVcHandle, NULL\);/);
  });

  test('reports an NDIS 5 handler bound in another file that tests the context itself, with the MCM spelling', async () => {
    const files = {
      'close.c': `
NDIS_STATUS
LegacyCloseCall(IN NDIS_HANDLE VcCtx, IN NDIS_HANDLE PartyCtx OPTIONAL, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL)
{
    if (!PartyCtx) {
        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, ((PCM_VC)VcCtx)->NdisVcHandle, ((PCM_VC)VcCtx)->NdisPartyHandle);
        return NDIS_STATUS_PENDING;
    }
    return NDIS_STATUS_SUCCESS;
}`,
      'register.c': `
VOID Register(NDIS_HANDLE Binding, PCO_ADDRESS_FAMILY Af)
{
    NDIS_CALL_MANAGER_CHARACTERISTICS Cm;
    Cm.CmCloseCallHandler = LegacyCloseCall;
    (VOID)NdisMCmRegisterAddressFamily(Binding, Af, &Cm, sizeof(Cm));
}`,
    };
    const [f] = (await check(files)).of('party-handle-mismatch');
    assert.ok(f);
    assert.match(f.message, /`NdisMCmCloseCallComplete` passes .* but `PartyCtx` is NULL on this path/);
  });

  test('offers no fix when no party handle is evident in the handler', async () => {
    const src = withParty('NULL', 'NULL').replace('CmSendRelease(Vc, Party->NdisPartyHandle);', 'CmSendRelease(Vc, Party);');
    const [f] = (await check(src)).of('party-handle-mismatch');
    assert.ok(f);
    assert.deepEqual(f.fixes ?? [], []);
  });

  test('does not report the handle that matches the branch, or paths where the handler never tested its party context', async () => {
    assert.deepEqual((await check(withParty('Party->NdisPartyHandle', 'NULL'))).of('party-handle-mismatch'), []);
    const untested = `${CM_HEADER}
NDIS_STATUS CmCloseCall(NDIS_HANDLE VcCtx, NDIS_HANDLE PartyCtx, PVOID Data, UINT Size)
{
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, ((PCM_VC)VcCtx)->NdisVcHandle, NULL);
    return NDIS_STATUS_PENDING;
}`;
    assert.deepEqual((await check(untested)).of('party-handle-mismatch'), []);
  });

  test('does not judge functions that are not ProtocolCmCloseCall, such as the routine that completes a pended close', async () => {
    const src = `
VOID CmFinishClose(PCM_VC Vc, PCM_PARTY Party)
{
    if (Party != NULL) {
        NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    }
}`;
    assert.deepEqual((await check(src)).of('party-handle-mismatch'), []);
  });

  test('does not treat a local that is later pointed elsewhere as the party context', async () => {
    const src = withParty('NULL', 'NULL').replace('CmSendRelease(Vc, Party->NdisPartyHandle);', 'Party = Party->Next;');
    assert.deepEqual((await check(src)).of('party-handle-mismatch'), []);
  });
});

const NO_DEACTIVATE = `${CM_HEADER}
_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    CmSignalRelease(Vc);
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    return NDIS_STATUS_PENDING;
}
${CM_REGISTRATION}`;

describe('missing-deactivate-vc', () => {
  test('reports a ProtocolCmCloseCall that never deactivates the VC, at its name', async () => {
    const r = await check(NO_DEACTIVATE);
    const [f] = r.of('missing-deactivate-vc');
    assert.ok(f);
    assert.equal(f.severityName, 'warning');
    assert.equal(r.text.slice(f.start, f.end), 'CmCloseCall');
    assert.match(f.message, /`CmCloseCall` \(ProtocolCmCloseCall\) never calls `NdisCmDeactivateVc`/);
  });

  test('reports it when none of the helpers it calls in other files deactivate either (NDIS 5 binding)', async () => {
    const files = {
      'close.c': `
NDIS_STATUS
LegacyCloseCall(IN NDIS_HANDLE VcCtx, IN NDIS_HANDLE PartyCtx OPTIONAL, IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL)
{
    CmTeardown((PCM_VC)VcCtx);
    return NDIS_STATUS_PENDING;
}`,
      'teardown.c': 'VOID CmTeardown(PCM_VC Vc) { CmSignalRelease(Vc); CmFinish(Vc); }\nVOID CmFinish(PCM_VC Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL); }',
      'register.c': `
VOID Register(NDIS_HANDLE Binding, PCO_ADDRESS_FAMILY Af)
{
    NDIS_CALL_MANAGER_CHARACTERISTICS Cm;
    Cm.CmCloseCallHandler = LegacyCloseCall;
    (VOID)NdisCmRegisterAddressFamily(Binding, Af, &Cm, sizeof(Cm));
}`,
    };
    assert.equal((await check(files)).of('missing-deactivate-vc').length, 1);
  });

  test('names NdisMCmDeactivateVc in a miniport call manager', async () => {
    const src = NO_DEACTIVATE.replace('NdisCmCloseCallComplete', 'NdisMCmCloseCallComplete').replace(CM_REGISTRATION,
      'NDIS_STATUS Init(NDIS_HANDLE a, PCO_ADDRESS_FAMILY f) { return NdisMCmRegisterAddressFamilyEx(a, f); }');
    const [f] = (await check(src)).of('missing-deactivate-vc');
    assert.match(f.message, /never calls `NdisMCmDeactivateVc`.*Call `NdisMCmDeactivateVc`/);
  });

  test('does not report a handler that deactivates directly, or through a helper defined in another file', async () => {
    const direct = NO_DEACTIVATE.replace('CmSignalRelease(Vc);', 'if (NdisCmDeactivateVc(Vc->NdisVcHandle) == NDIS_STATUS_PENDING) { return NDIS_STATUS_PENDING; }');
    assert.deepEqual((await check(direct)).of('missing-deactivate-vc'), []);
    const files = {
      'close.c': NO_DEACTIVATE,
      'signal.c': 'VOID CmSignalRelease(PCM_VC Vc) { CmStopVc(Vc); }\nVOID CmStopVc(PCM_VC Vc) { NDIS_STATUS s = NdisCmDeactivateVc(Vc->NdisVcHandle); CmNote(s); }',
    };
    assert.deepEqual((await check(files)).of('missing-deactivate-vc'), []);
  });

  test('does not report a handler that queues a work item whose routine deactivates the VC', async () => {
    const src = NO_DEACTIVATE.replace('CmSignalRelease(Vc);', 'NdisQueueIoWorkItem(Vc->CloseWork, CmCloseWorker, Vc);') + `
VOID CmCloseWorker(PVOID Context, NDIS_HANDLE WorkItem)
{
    NDIS_STATUS Status = NdisCmDeactivateVc(((PCM_VC)Context)->NdisVcHandle);
    CmNote(Status);
}`;
    assert.deepEqual((await check(src)).of('missing-deactivate-vc'), []);
  });

  test('does not report a stub that fails every close with NDIS_STATUS_NOT_SUPPORTED, nor functions that are not close handlers', async () => {
    const stub = `${CM_HEADER}
NDIS_STATUS CmCloseCall(IN NDIS_HANDLE VcCtx, IN NDIS_HANDLE PartyCtx OPTIONAL, IN PVOID Data OPTIONAL, IN UINT Size)
{
    return NDIS_STATUS_NOT_SUPPORTED;
}
VOID CmFinish(PCM_VC Vc) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL); }
${CM_REGISTRATION}`;
    assert.deepEqual((await check(stub)).of('missing-deactivate-vc'), []);
  });
});
