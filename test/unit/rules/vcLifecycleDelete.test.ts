// VC lifecycle, deleting VCs: missing-vc-delete (the creator must delete) and delete-foreign-vc (only the creator may).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { CM_HEADER, CM_REGISTRATION, assertFixRoundTrip } from './ruleTestKit';

/** A call manager offering an incoming call on a VC it creates itself. */
const INCOMING = `${CM_HEADER}
NDIS_STATUS
CmOfferIncomingCall(PCM_ADAPTER Adapter, PCM_VC Vc, PCO_CALL_PARAMETERS Params)
{
    NDIS_STATUS Status;

    Status = NdisCoCreateVc(Adapter->BindingHandle, Adapter->NdisAfHandle, Vc, &Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }
    Status = NdisCmActivateVc(Vc->NdisVcHandle, Params);
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = NdisCmDispatchIncomingCall(Adapter->NdisSapHandle, Vc->NdisVcHandle, Params);
    }
    return Status;
}
`;

/** Its close path: deactivates, then completes the close, and forgets to delete the VC. */
const CLOSE = `${CM_HEADER}
VOID CmDeactivateVcDone(NDIS_STATUS Status, PCM_VC Vc);

_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NDIS_STATUS Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status != NDIS_STATUS_PENDING) {
        CmDeactivateVcDone(Status, Vc);
    }
    return NDIS_STATUS_PENDING;
}

VOID CmDeactivateVcDone(NDIS_STATUS Status, PCM_VC Vc)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
}
${CM_REGISTRATION}`;

const MCM_REGISTRATION = `
NDIS_STATUS McmInitialize(NDIS_HANDLE Adapter, PCO_ADDRESS_FAMILY Af, PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Handlers)
{
    return NdisMCmRegisterAddressFamilyEx(Adapter, Af);
}
`;

describe('missing-vc-delete', () => {
  test('reports a VC the call manager creates for an incoming call when nothing in the workspace deletes it', async () => {
    const r = await check({ 'incoming.c': INCOMING, 'close.c': CLOSE });
    const [f] = r.of('missing-vc-delete');
    assert.ok(f);
    assert.equal(f.severityName, 'warning');
    assert.equal(r.text.slice(f.start, f.end), 'NdisCoCreateVc');
    assert.match(f.message, /creates a VC into `Vc->NdisVcHandle`, but nothing in the workspace passes that handle to `NdisCoDeleteVc`/);
  });

  test('reports a close completion of a VC created in another file when no delete follows it', async () => {
    const r = await check({ 'close.c': CLOSE, 'incoming.c': INCOMING });
    const [f] = r.of('missing-vc-delete');
    assert.ok(f);
    assert.ok(r.text.slice(f.start, f.end).startsWith('NdisCmCloseCallComplete('));
    assert.match(f.message, /a VC this call manager created \(in incoming\.c\).*Call `NdisCoDeleteVc` on it/);
  });

  test('the fix deletes the VC after the completion, checks the status and clears the handle', async () => {
    const fixed = await assertFixRoundTrip({ 'close.c': CLOSE, 'incoming.c': INCOMING }, 'missing-vc-delete');
    assert.match(fixed, /NdisCmCloseCallComplete\(Status, Vc->NdisVcHandle, NULL\);\n {4}if \(NdisCoDeleteVc\(Vc->NdisVcHandle\) == NDIS_STATUS_SUCCESS\) \{\n {8}Vc->NdisVcHandle = NULL;\n {4}\}\n\}/);
  });

  test('in an NDIS 5 style MCM the fix spells NdisMCmDeleteVc and keeps tab indentation', async () => {
    const files = {
      'close.c': `
VOID
McmCloseDone(
    IN NDIS_STATUS Status,
    IN PMCM_VC pVc
    )
{
\tif (Status == NDIS_STATUS_SUCCESS) {
\t\tNdisMCmCloseCallComplete(Status, pVc->VcHandle, NULL);
\t}
}`,
      'incoming.c': `
NDIS_STATUS McmIncoming(IN PMCM_ADAPTER Adapter, IN PMCM_VC pVc)
{
    return NdisMCmCreateVc(Adapter->MiniportHandle, Adapter->AfHandle, pVc, &pVc->VcHandle);
}
${MCM_REGISTRATION}`,
    };
    const [f] = (await check(files)).of('missing-vc-delete');
    assert.match(f.message, /Call `NdisMCmDeleteVc`/);
    const fixed = await assertFixRoundTrip(files, 'missing-vc-delete');
    assert.match(fixed, /NULL\);\n\t\tif \(NdisMCmDeleteVc\(pVc->VcHandle\) == NDIS_STATUS_SUCCESS\) \{\n\t\t\tpVc->VcHandle = NULL;\n\t\t\}\n\t\}/);
  });

  test('does not report a creation when another file deletes that field through another pointer, or through a local copy', async () => {
    const viaLocal = INCOMING.replace('NDIS_STATUS Status;', 'NDIS_STATUS Status;\n    NDIS_HANDLE VcHandle;')
      .replace('&Vc->NdisVcHandle);', '&VcHandle);\n    Vc->NdisVcHandle = VcHandle;');
    const deletes = `VOID CmReleaseVc(PCM_VC pVc) { if (NdisCoDeleteVc(pVc->NdisVcHandle) == NDIS_STATUS_SUCCESS) { pVc->NdisVcHandle = NULL; } }`;
    assert.deepEqual((await check({ 'incoming.c': INCOMING, 'close.c': CLOSE, 'release.c': deletes })).of('missing-vc-delete'), []);
    assert.deepEqual((await check({ 'incoming.c': viaLocal, 'close.c': CLOSE, 'release.c': deletes })).of('missing-vc-delete'), []);
  });

  test('does not report a completion followed on some path by a delete, directly or through a helper in another file', async () => {
    const guarded = CLOSE.replace('NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);',
      'NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);\n    if (Vc->CreatedByCm) {\n        Status = NdisCoDeleteVc(Vc->NdisVcHandle);\n    }');
    assert.deepEqual((await check({ 'close.c': guarded, 'incoming.c': INCOMING })).of('missing-vc-delete'), []);
    const viaHelper = CLOSE.replace('NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);',
      'NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);\n    CmReleaseVc(Vc);');
    const helper = 'VOID CmReleaseVc(PCM_VC pVc) { NDIS_STATUS s = NdisCoDeleteVc(pVc->NdisVcHandle); CmFreeVc(pVc, s); }';
    assert.deepEqual((await check({ 'close.c': viaHelper, 'incoming.c': INCOMING, 'vc.c': helper })).of('missing-vc-delete'), []);
  });

  test('does not report a completion whose caller deletes the VC afterwards (a deferred delete)', async () => {
    const deferred = CLOSE + `
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE CmDeactivateVcComplete;
VOID CmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
    CmDeactivateVcDone(Status, (PCM_VC)CallMgrVcContext);
    CmReleaseVc((PCM_VC)CallMgrVcContext);
}`;
    const helper = 'VOID CmReleaseVc(PCM_VC pVc) { NDIS_STATUS s = NdisCoDeleteVc(pVc->NdisVcHandle); CmFreeVc(pVc, s); }';
    assert.deepEqual((await check({ 'close.c': deferred, 'incoming.c': INCOMING, 'vc.c': helper })).of('missing-vc-delete'), []);
  });

  test('does not report in a client, a completion that reports failure, or a VC kept in a field the call manager never creates into', async () => {
    const client = { 'client.c': INCOMING.replace(/NdisCm\w+\(/g, 'ClDo(') + '\nVOID Reg(NDIS_HANDLE b, PCO_ADDRESS_FAMILY a, PNDIS_HANDLE h) { (VOID)NdisClOpenAddressFamilyEx(b, a, NULL, h); }' };
    assert.deepEqual((await check(client)).of('missing-vc-delete'), []);
    const failing = CLOSE.replace('NdisCmCloseCallComplete(Status,', 'NdisCmCloseCallComplete(NDIS_STATUS_FAILURE,');
    assert.deepEqual((await check({ 'close.c': failing, 'incoming.c': INCOMING })).of('missing-vc-delete'), []);
    const otherField = CLOSE.replace('NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);', 'NdisCmCloseCallComplete(Status, Vc->ClientVcHandle, NULL);');
    assert.deepEqual((await check({ 'close.c': otherField, 'incoming.c': INCOMING })).of('missing-vc-delete'), []);
  });
});

/** The call manager's ProtocolCoCreateVc: NDIS hands it the handle of a VC the client is creating. */
const CREATE_VC = `${CM_HEADER}
PROTOCOL_CO_CREATE_VC CmCreateVc;

_Use_decl_annotations_
NDIS_STATUS
CmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE ProtocolVcContext)
{
    PCM_VC Vc = CmAllocateVc((PCM_AF)ProtocolAfContext);
    if (Vc == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    Vc->NdisVcHandle = NdisVcHandle;
    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}
`;

const DELETES_CLIENT_VC = `
VOID CmFinishClose(NDIS_STATUS Status, PCM_VC Vc)
{
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
    Status = NdisCoDeleteVc(Vc->NdisVcHandle);
}
`;

describe('delete-foreign-vc', () => {
  test('reports a call manager deleting the VC whose handle its ProtocolCoCreateVc received from NDIS', async () => {
    const r = await check(CREATE_VC + DELETES_CLIENT_VC + CM_REGISTRATION);
    const [f] = r.of('delete-foreign-vc');
    assert.ok(f);
    assert.equal(f.severityName, 'error');
    assert.equal(r.text.slice(f.start, f.end), 'NdisCoDeleteVc(Vc->NdisVcHandle)');
    assert.match(f.message, /the `NdisVcHandle` field holds the VC handle NDIS passed to `CmCreateVc` \(ProtocolCoCreateVc\).*only the creator/);
  });

  test('reports it across files when the NDIS 5 characteristics bind the create-VC handler in a third file', async () => {
    const files = {
      'close.c': DELETES_CLIENT_VC,
      'vc.c': `
NDIS_STATUS
LegacyCreateVc(IN NDIS_HANDLE ProtocolAfContext, IN NDIS_HANDLE NdisVcHandle, OUT PNDIS_HANDLE ProtocolVcContext)
{
    PCM_VC Vc = CmAllocateVc((PCM_AF)ProtocolAfContext);
    Vc->NdisVcHandle = NdisVcHandle;
    *ProtocolVcContext = Vc;
    return NDIS_STATUS_SUCCESS;
}`,
      'register.c': `
VOID Register(NDIS_HANDLE Binding, PCO_ADDRESS_FAMILY Af)
{
    NDIS_CALL_MANAGER_CHARACTERISTICS Cm;
    Cm.CmCreateVcHandler = LegacyCreateVc;
    (VOID)NdisCmRegisterAddressFamily(Binding, Af, &Cm, sizeof(Cm));
}`,
    };
    const [f] = (await check(files)).of('delete-foreign-vc');
    assert.ok(f);
    assert.match(f.message, /`LegacyCreateVc` \(ProtocolCoCreateVc in vc\.c\)/);
  });

  test('reports an MCM deleting a client VC through a local copy of the handle', async () => {
    const src = CREATE_VC + `
VOID McmFinishClose(PCM_VC Vc)
{
    NDIS_HANDLE VcHandle = Vc->NdisVcHandle;
    NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, NULL);
    (VOID)NdisMCmDeleteVc(VcHandle);
}
${MCM_REGISTRATION}`;
    assert.equal((await check(src)).of('delete-foreign-vc').length, 1);
  });

  test('does not report when the call manager also creates VCs into that field (its own VCs may be deleted)', async () => {
    const r = await check({ 'close.c': CREATE_VC + DELETES_CLIENT_VC + CM_REGISTRATION, 'incoming.c': INCOMING });
    assert.deepEqual(r.of('delete-foreign-vc'), []);
  });

  test('does not report a client deleting the VC it created, even when it also stores handles NDIS gave it', async () => {
    const src = `
NDIS_STATUS ClCreateVc(NDIS_HANDLE Af, NDIS_HANDLE NdisVcHandle, PNDIS_HANDLE Ctx) { ((PCL_VC)*Ctx)->NdisVcHandle = NdisVcHandle; return NDIS_STATUS_SUCCESS; }
NDIS_CO_CLIENT_OPTIONAL_HANDLERS Handlers = { .ClCreateVcHandler = ClCreateVc };
${DELETES_CLIENT_VC.replace('NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);', '')}
VOID Open(NDIS_HANDLE b, PCO_ADDRESS_FAMILY a, PNDIS_HANDLE h) { (VOID)NdisClOpenAddressFamilyEx(b, a, NULL, h); }`;
    assert.deepEqual((await check(src)).of('delete-foreign-vc'), []);
  });

  test('does not report deleting another field, or when the create-VC handler never stores the handle', async () => {
    const other = CREATE_VC + DELETES_CLIENT_VC.replace('NdisCoDeleteVc(Vc->NdisVcHandle)', 'NdisCoDeleteVc(Vc->OwnVcHandle)') + CM_REGISTRATION;
    assert.deepEqual((await check(other)).of('delete-foreign-vc'), []);
    const noStore = CREATE_VC.replace('Vc->NdisVcHandle = NdisVcHandle;', 'CmRemember(Vc);') + DELETES_CLIENT_VC + CM_REGISTRATION;
    assert.deepEqual((await check(noStore)).of('delete-foreign-vc'), []);
  });
});
