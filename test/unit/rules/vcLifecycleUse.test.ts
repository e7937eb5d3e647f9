// VC lifecycle, using a handle too late: vc-used-after-close and vc-used-after-delete.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { CM_HEADER, CM_REGISTRATION } from './ruleTestKit';

const lineOfOffset = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('vc-used-after-close', () => {
  test('reports a send on a VC after the client asked NdisClCloseCall to close its call', async () => {
    const src = `${CM_HEADER}
VOID ClTeardown(PCM_VC Vc, PNET_BUFFER_LIST Nbl)
{
    NDIS_STATUS Status = NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);
    if (Status != NDIS_STATUS_PENDING) {
        ClCloseDone(Status, Vc);
    }
    NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
}`;
    const r = await check(src);
    const [f] = r.of('vc-used-after-close');
    assert.ok(f);
    assert.equal(r.text.slice(f.start, f.end), 'Vc->NdisVcHandle');
    assert.equal(f.severityName, 'error');
    assert.match(f.message, /NdisCoSendNetBufferLists. sends on .Vc->NdisVcHandle. after .NdisClCloseCall. at line \d+/);
    assert.equal(r.text.slice(f.related![0].start).startsWith('NdisClCloseCall('), true);
  });

  test('reports a send after a successful close-call completion, in the NDIS 5 style and with the MCM spelling', async () => {
    const src = `
VOID CmFinishClose(IN PCM_VC Vc, IN PNDIS_PACKET Packet)
{
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    NdisCoSendPackets(Vc->NdisVcHandle, &Packet, 1);
}
VOID McmFinishClose(PCM_VC Vc, PNET_BUFFER_LIST Nbl)
{
    NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
}`;
    const found = (await check(src)).of('vc-used-after-close');
    assert.deepEqual(found.map((f) => /`(\w+)` sends/.exec(f.message)?.[1]), ['NdisCoSendPackets', 'NdisCoSendNetBufferLists']);
  });

  test('reports an address-family handle used after its close completed and a party handle used after its drop completed', async () => {
    const src = `
VOID CmAfClosed(PCM_AF Af, PNDIS_OID_REQUEST Request)
{
    NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle);
    (VOID)NdisCoOidRequest(Af->NdisAfHandle, NULL, Request);
}
VOID CmPartyDropped(PCM_VC Vc, PCM_PARTY Party)
{
    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, Party->NdisPartyHandle);
}`;
    const found = (await check(src)).of('vc-used-after-close');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /Af->NdisAfHandle.*NdisCmCloseAddressFamilyComplete.*address-family handle is invalid/);
    assert.match(found[1].message, /Party->NdisPartyHandle.*NdisCmDropPartyComplete.*party handle is invalid/);
  });

  test('reports a send that follows the close on only one of two paths', async () => {
    const src = `
VOID MaybeClose(PCM_VC Vc, PNET_BUFFER_LIST Nbl, BOOLEAN Done)
{
    if (Done) {
        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    }
    NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
}`;
    assert.equal((await check(src)).of('vc-used-after-close').length, 1);
  });

  test('does not report a send after a close that reported a failure, or sends before the close and on another VC', async () => {
    const src = `
VOID FailedClose(PCM_VC Vc, PNET_BUFFER_LIST Nbl)
{
    NdisCmCloseCallComplete(NDIS_STATUS_FAILURE, Vc->NdisVcHandle, NULL);
    NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
}
VOID Ordered(PCM_VC Vc, PCM_VC Other, PNET_BUFFER_LIST Nbl)
{
    NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    NdisCoSendNetBufferLists(Other->NdisVcHandle, Nbl, 0);
}`;
    assert.deepEqual((await check(src)).of('vc-used-after-close'), []);
  });

  test('does not report deleting the VC after its close, nor a send on a handle assigned again after the close', async () => {
    const src = `${CM_HEADER}
VOID CmDeactivateVcDone(NDIS_STATUS Status, PCM_VC Vc)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
    if (NdisCoDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
        Vc->NdisVcHandle = NULL;
    }
}
VOID Reuse(PCM_VC Vc, NDIS_HANDLE Fresh, PNET_BUFFER_LIST Nbl)
{
    NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);
    Vc->NdisVcHandle = Fresh;
    NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
}
${CM_REGISTRATION}`;
    assert.deepEqual((await check(src)).of('vc-used-after-close'), []);
  });

  test('does not report a party handle after a failed drop, or tracing an address-family handle after its close', async () => {
    const src = `
VOID DropFailed(IN PCM_VC Vc, IN PCM_PARTY Party)
{
    NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle);
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, Party->NdisPartyHandle);
}
VOID AfClosed(PCM_AF Af)
{
    NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle);
    DbgPrint("AF %p closed\\n", Af->NdisAfHandle);
}`;
    assert.deepEqual((await check(src)).of('vc-used-after-close'), []);
  });
});

describe('vc-used-after-delete', () => {
  test('reports a send on a VC handle after NdisCoDeleteVc deleted it, pointing at the delete', async () => {
    const src = `
VOID Teardown(PCM_VC Vc, PNET_BUFFER_LIST Nbl)
{
    NDIS_STATUS Status = NdisCoDeleteVc(Vc->NdisVcHandle);
    NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
}`;
    const r = await check(src);
    const [f] = r.of('vc-used-after-delete');
    assert.ok(f);
    assert.equal(f.severityName, 'error');
    assert.equal(r.text.slice(f.start, f.end), 'Vc->NdisVcHandle');
    assert.match(f.message, /after `NdisCoDeleteVc` at line 4 deleted the VC/);
    assert.equal(lineOfOffset(r.text, f.related![0].start), 4);
  });

  test('reports a second NdisMCmDeleteVc of the same handle and a dereference of a deleted handle (NDIS 5 style)', async () => {
    const src = `
VOID McmDrop(IN NDIS_HANDLE VcHandle, IN PVOID Unused OPTIONAL)
{
    NdisMCmDeleteVc(VcHandle);
    LogVc(&VcHandle->Flags);
    NdisMCmDeleteVc(VcHandle);
}`;
    assert.equal((await check(src)).of('vc-used-after-delete').length, 2);
  });

  test('reports deleting a VC after dispatching an incoming call on it without deactivating it first', async () => {
    const src = `
NDIS_STATUS CmOfferCall(PCM_VC Vc, NDIS_HANDLE Sap, PCO_CALL_PARAMETERS Params)
{
    NDIS_STATUS Status = NdisCmActivateVc(Vc->NdisVcHandle, Params);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }
    Status = NdisCmDispatchIncomingCall(Sap, Vc->NdisVcHandle, Params);
    if (Status != NDIS_STATUS_PENDING && Status != NDIS_STATUS_SUCCESS) {
        Status = NdisCoDeleteVc(Vc->NdisVcHandle);
    }
    return Status;
}`;
    const [f] = (await check(src)).of('vc-used-after-delete');
    assert.ok(f);
    assert.match(f.message, /still active on this path \(since `NdisCmDispatchIncomingCall` at line 8\).*Deactivate the VC with `NdisCmDeactivateVc` first/);
  });

  test('reports deleting a VC whose activation or outgoing call is known to have succeeded', async () => {
    const src = `
VOID Activated(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params)
{
    NDIS_STATUS Status;
    Status = NdisMCmActivateVc(Vc, Params);
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = NdisMCmDeleteVc(Vc);
    }
}
VOID Called(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params)
{
    NDIS_STATUS Status = NdisClMakeCall(Vc, Params, NULL, NULL);
    if (Status == NDIS_STATUS_PENDING) {
        Status = NdisCoDeleteVc(Vc);
    }
}`;
    const found = (await check(src)).of('vc-used-after-delete');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /Deactivate the VC with `NdisMCmDeactivateVc`/);
    assert.match(found[1].message, /Close the call with `NdisClCloseCall`/);
  });

  test('does not report a handle that was created again after the delete, or a delete on another path', async () => {
    const src = `
VOID Recreate(PCM_VC Vc, NDIS_HANDLE Binding, NDIS_HANDLE Af, PNET_BUFFER_LIST Nbl)
{
    NDIS_STATUS Status = NdisCoDeleteVc(Vc->NdisVcHandle);
    Status = NdisCoCreateVc(Binding, Af, Vc, &Vc->NdisVcHandle);
    NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
}
VOID Either(PCM_VC Vc, PNET_BUFFER_LIST Nbl, BOOLEAN Drop)
{
    if (Drop) {
        (VOID)NdisCoDeleteVc(Vc->NdisVcHandle);
        return;
    }
    NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
}`;
    assert.deepEqual((await check(src)).of('vc-used-after-delete'), []);
  });

  test('does not report deleting each VC of a list in a loop, or tracing the handle after the delete', async () => {
    const src = `
VOID DeleteAll(PLIST_ENTRY Head)
{
    PLIST_ENTRY Entry;
    for (Entry = Head->Flink; Entry != Head; Entry = Entry->Flink) {
        PCM_VC Vc = CONTAINING_RECORD(Entry, CM_VC, Link);
        NDIS_STATUS Status = NdisCoDeleteVc(Vc->NdisVcHandle);
        DbgPrint("deleted %p: %x\\n", Vc->NdisVcHandle, Status);
    }
}`;
    assert.deepEqual((await check(src)).of('vc-used-after-delete'), []);
  });

  test('does not report deleting after deactivation, after a failed activation, or when the activation result is unknown', async () => {
    const src = `
VOID Rejected(PCM_VC Vc, PCO_CALL_PARAMETERS Params)
{
    NDIS_STATUS Status = NdisCmActivateVc(Vc->NdisVcHandle, Params);
    if (Status != NDIS_STATUS_SUCCESS && Status != NDIS_STATUS_PENDING) {
        Status = NdisCoDeleteVc(Vc->NdisVcHandle);
        return;
    }
    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    Status = NdisCoDeleteVc(Vc->NdisVcHandle);
}
VOID Unknown(IN NDIS_HANDLE Vc, IN PCO_CALL_PARAMETERS Params)
{
    NDIS_STATUS Status = NdisCmActivateVc(Vc, Params);
    CmRecordActivation(Vc, Status);
    Status = NdisCoDeleteVc(Vc);
}`;
    assert.deepEqual((await check(src)).of('vc-used-after-delete'), []);
  });

  test('does not report deleting after a pended activation whose real outcome, read later, is a failure', async () => {
    const src = `
NDIS_STATUS SigStart(PBINDING Binding, PCM_VC Vc)
{
    NDIS_STATUS Status = NdisCmActivateVc(Vc->NdisVcHandle, &Binding->Params);
    if (Status == NDIS_STATUS_PENDING) {
        NdisWaitEvent(&Binding->Event, 0);
        Status = Binding->EventStatus;
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        if (NdisCoDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
            CmFreeVc(Vc);
        }
    }
    return Status;
}`;
    assert.deepEqual((await check(src)).of('vc-used-after-delete'), []);
  });
});
